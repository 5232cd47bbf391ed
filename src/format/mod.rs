//! The canonical layout of a charter file, for `charter fmt`: keys in the order of the format,
//! one blank line before each table, `key = value` spacing, default quoting, NFC text, arrays on
//! one line when they fit and one item a line when they do not. Comments are kept.
//!
//! Formatting never changes a value: [`format`] checks that the result holds the same data as
//! the input (up to NFC) and refuses otherwise.

pub mod blocks;

use crate::charter::keys;
use crate::charter::tree::{Node, Table as Tree, Value as TreeValue};
use std::hash::{Hash, Hasher};
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};
use unicode_normalization::UnicodeNormalization;

/// Lines longer than this put their array one item a line.
pub const WIDTH: usize = 100;

/// Formats a charter file's text.
pub fn format(text: &str) -> Result<String, String> {
    let out = match by_blocks(text) {
        Some(out) => out,
        None => whole(text)?,
    };
    same_data(text, &out)?;
    Ok(out)
}

/// Formats a file in one edit tree.
fn whole(text: &str) -> Result<String, String> {
    // The edit tree is many times the file's size: it is gone before the text is checked.
    let (header, mut out) = {
        let mut doc: DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| format!("not valid TOML: {}", e.message().trim()))?;
        let header = take_file_header(&mut doc);
        let mut position = 0;
        format_table(doc.as_table_mut(), Context::Top, &mut position);
        let trailing = comment_lines(doc.trailing().as_str().unwrap_or(""));
        doc.set_trailing(trailing);
        (header, doc.to_string())
    };
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(header + out.trim_start_matches('\n'))
}

/// Formats a file with several services in a category a service at a time, with the same
/// result as [`whole`]: the services of a category come out one after the other, each formatted
/// on its own, so the file without all but the first of each category is formatted whole and
/// the others, each formatted alone, follow their first. `None` when the file has no such
/// services, or headers [`blocks::service_blocks`] does not split.
fn by_blocks(text: &str) -> Option<String> {
    let rest = blocks::Rest::of(text)?;
    let formatted = whole(&rest.text).ok()?;
    rest.put_back(text, &formatted, service)?.ok()
}

/// Formats the text of one service block, as [`whole`] formats it inside its file.
fn service(block: &str) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = block.parse()?;
    format_table(doc.as_table_mut(), Context::Top, &mut 0);
    doc.set_trailing("");
    Ok(doc.to_string())
}

/// Takes the comments that belong to the file rather than to its first key: a leading `#:schema`
/// directive, and whatever a blank line separates from the first key. They stay at the top
/// whichever key comes first once sorted.
fn take_file_header(doc: &mut DocumentMut) -> String {
    let Some((mut key, _)) = doc.as_table_mut().iter_mut().next() else {
        return String::new();
    };
    let raw = key
        .leaf_decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string();
    let directives: usize = raw
        .lines()
        .take_while(|l| l.trim_start().starts_with("#:"))
        .map(|l| l.len() + 1)
        .sum();
    let split = raw.rfind("\n\n").map_or(directives.min(raw.len()), |i| {
        (i + 1).max(directives.min(raw.len()))
    });
    let (header, own) = raw.split_at(split);
    let header = comment_lines(header);
    key.leaf_decor_mut().set_prefix(own.to_string());
    header
}

/// Which table of the format a table is, for its key order.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Top,
    Office,
    Officers,
    Officer,
    Services,
    Service,
    Grievance,
    Other,
}

impl Context {
    fn order(self) -> &'static [&'static str] {
        match self {
            Context::Top => keys::TOP,
            Context::Office => keys::OFFICE,
            Context::Officer => keys::OFFICER,
            Context::Services => keys::SERVICES,
            Context::Service => keys::SERVICE,
            Context::Grievance => keys::GRIEVANCE,
            Context::Officers | Context::Other => &[],
        }
    }

    fn child(self, key: &str) -> Context {
        match (self, key) {
            (Context::Top, "office") => Context::Office,
            (Context::Top, "officers") => Context::Officers,
            (Context::Top, "services") => Context::Services,
            (Context::Top, "grievance") => Context::Grievance,
            (Context::Officers, _) => Context::Officer,
            (Context::Services, _) => Context::Service,
            _ => Context::Other,
        }
    }
}

/// The rank of a key in an order; keys the format does not have come after, in their order.
fn rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|k| *k == key).unwrap_or(order.len())
}

/// The comment lines of a decor, each ending in a newline; blank lines and spaces dropped.
fn comment_lines(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The comment that follows a value on its line, with one space before it; or nothing.
fn trailing_comment(raw: &str) -> String {
    raw.find('#')
        .map_or(String::new(), |i| format!(" {}", raw[i..].trim_end()))
}

fn format_table(table: &mut Table, context: Context, position: &mut isize) {
    let order = context.order();
    table.sort_values_by(|a, _, b, _| rank(order, a.get()).cmp(&rank(order, b.get())));
    let prefix = comment_lines(
        table
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or(""),
    );
    let suffix = trailing_comment(
        table
            .decor()
            .suffix()
            .and_then(|p| p.as_str())
            .unwrap_or(""),
    );
    if context != Context::Top && !table.is_implicit() {
        table.decor_mut().set_prefix(format!("\n{prefix}"));
        table.decor_mut().set_suffix(suffix);
        table.set_position(Some(*position));
        *position += 1;
    }
    // Headers come in the format's order too: values first, then tables and arrays of tables.
    let mut keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    keys.sort_by_key(|k| rank(order, k));
    for key in &keys {
        let Some((mut key_mut, item)) = table.get_key_value_mut(key) else {
            continue;
        };
        let comments = comment_lines(
            key_mut
                .leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or(""),
        );
        key_mut.fmt();
        key_mut.leaf_decor_mut().set_prefix(comments);
        match item {
            Item::Value(value) => format_value(value, key, 0),
            Item::Table(inner) => format_table(inner, context.child(key), position),
            Item::ArrayOfTables(array) => {
                let child = context.child(key);
                for inner in array.iter_mut() {
                    format_table(inner, child, position);
                }
            }
            Item::None => {}
        }
    }
}

/// Normalises a value: default quoting, NFC text, `key = value` spacing, the line's comment kept.
fn format_value(value: &mut Value, key: &str, depth: usize) {
    let suffix = trailing_comment(
        value
            .decor()
            .suffix()
            .and_then(|p| p.as_str())
            .unwrap_or(""),
    );
    match value {
        Value::String(s) => {
            *value = Value::from(s.value().nfc().collect::<String>());
        }
        Value::Array(array) => format_array(array, key, depth),
        Value::InlineTable(table) => format_inline(table, key, depth),
        Value::Integer(_) | Value::Float(_) | Value::Boolean(_) | Value::Datetime(_) => {}
    }
    value.decor_mut().set_prefix(" ");
    value.decor_mut().set_suffix(suffix);
}

fn format_inline(table: &mut InlineTable, key: &str, depth: usize) {
    // Texts put `bn` first; documents `name` before `source`.
    let order: &[&str] = &["bn", "en", "name", "source"];
    table.sort_values_by(|a, _, b, _| rank(order, a.get()).cmp(&rank(order, b.get())));
    for (mut k, v) in table.iter_mut() {
        k.fmt();
        format_value(v, key, depth + 1);
    }
    table.fmt();
}

fn format_array(array: &mut Array, key: &str, depth: usize) {
    let comments = array.iter().any(|v| {
        let d = v.decor();
        [d.prefix(), d.suffix()]
            .into_iter()
            .flatten()
            .any(|r| r.as_str().is_some_and(|s| s.contains('#')))
    }) || array.trailing().as_str().is_some_and(|s| s.contains('#'));
    let saved: Vec<String> = array
        .iter()
        .map(|v| comment_lines(v.decor().prefix().and_then(|p| p.as_str()).unwrap_or("")))
        .collect();
    for v in array.iter_mut() {
        format_value(v, key, depth + 1);
    }
    let single: Vec<String> = array
        .iter()
        .map(|v| v.to_string().trim().to_string())
        .collect();
    let line = format!("{key} = [{}]", single.join(", "));
    let fits = depth == 0 && line.chars().count() <= WIDTH;
    let trailing = comment_lines(array.trailing().as_str().unwrap_or(""));
    if fits && !comments {
        for (i, v) in array.iter_mut().enumerate() {
            v.decor_mut().set_prefix(if i == 0 { "" } else { " " });
            v.decor_mut().set_suffix("");
        }
        array.set_trailing("");
        array.set_trailing_comma(false);
    } else if depth == 0 {
        for (v, comment) in array.iter_mut().zip(&saved) {
            let indented: String = comment.lines().map(|l| format!("\n  {l}")).collect();
            v.decor_mut().set_prefix(format!("{indented}\n  "));
            let suffix =
                trailing_comment(v.decor().suffix().and_then(|p| p.as_str()).unwrap_or(""));
            v.decor_mut().set_suffix(suffix);
        }
        let indented: String = trailing.lines().map(|l| format!("\n  {l}")).collect();
        array.set_trailing(format!("{indented}\n"));
        array.set_trailing_comma(true);
    } else {
        array.fmt();
    }
}

/// Refuses a result that does not hold the data of the input (with text in NFC).
fn same_data(before: &str, after: &str) -> Result<(), String> {
    // Each text is read with the validator's spanned tree and reduced to a 64-bit digest of its
    // data, one tree at a time: a charter of tens of thousands of services has a tree of tens of
    // megabytes. A formatting slip that changes data goes unseen with odds of 1 in 2^64.
    let digest = |text: &str| Tree::read(text).ok().map(|tree| table_digest(&tree));
    match (digest(before), digest(after)) {
        (Some(a), Some(b)) if a == b => Ok(()),
        _ => Err(
            "formatting would change the data; the file is left as it is (please report this)"
                .into(),
        ),
    }
}

/// A digest of a table's data: keys and values, strings in NFC; not where anything is. Both
/// readers keep each table's keys sorted, so the same data gives the same digest.
fn table_digest(table: &Tree) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hash_table(table, &mut hasher);
    hasher.finish()
}

fn hash_table(table: &Tree, hasher: &mut std::hash::DefaultHasher) {
    hasher.write_usize(table.len());
    for (key, value) in table.iter() {
        key.get_ref().hash(hasher);
        hash_value(value, hasher);
    }
}

fn hash_value(node: &Node, hasher: &mut std::hash::DefaultHasher) {
    match node.get_ref() {
        TreeValue::String(s) => {
            hasher.write_u8(0);
            for c in s.nfc() {
                c.hash(hasher);
            }
            hasher.write_u8(0xff);
        }
        TreeValue::Integer(i) => {
            hasher.write_u8(1);
            i.radix().hash(hasher);
            i.as_str().hash(hasher);
        }
        TreeValue::Float(f) => {
            hasher.write_u8(2);
            f.hash(hasher);
        }
        TreeValue::Boolean(b) => {
            hasher.write_u8(3);
            b.hash(hasher);
        }
        TreeValue::Datetime(d) => {
            hasher.write_u8(4);
            d.to_string().hash(hasher);
        }
        TreeValue::Array(a) => {
            hasher.write_u8(5);
            hasher.write_usize(a.items().len());
            for item in a.items() {
                hash_value(item, hasher);
            }
        }
        TreeValue::Table(t) => {
            hasher.write_u8(6);
            hash_table(t, hasher);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = "#:schema ./charter.schema.json\n\n\n# the office\nvision   =  'ভিশন'\nversion=1\nmission = \"মিশন\"   # keep me\n\n[[services.citizen]]\nofficer=\"a\"\nid = \"x\"\nname = {en=\"X\",bn=\"এক্স\"}\nmethods = [ \"ক\",\"খ\" ]\ndocuments=[\"গ\"]\nfee=\"বিনামূল্যে\"\ntime_limit=\"৩ দিন\"\n[officers.a]\nname=\"ক\"\n[office]\nname=\"অফিস\"\n";

    #[test]
    fn the_data_check_sees_any_change_but_order_layout_and_nfc() {
        let before = "version = 1\nvision = \"e\u{301}\"\n[office]\nname = { bn = \"ক\", en = \"K\" }\nphones = [\"1\", \"2\"]\n";
        let same =
            "[office]\nphones = [ \"1\",\n \"2\" ]\nname = {en = 'K', bn = 'ক'}\n\n[__top]\n";
        let same = same
            .replace("\n[__top]\n", "")
            .replace("[office]", "version = 1\nvision = \"é\"\n[office]");
        assert_eq!(same_data(before, &same), Ok(()));
        for changed in [
            before.replace("version = 1", "version = 2"),
            before.replace("\"2\"]", "\"2\", \"3\"]"),
            before.replace("[\"1\", \"2\"]", "[\"2\", \"1\"]"),
            before.replace("en = \"K\"", "en = \"k\""),
            before.replace("version = 1", "version = \"1\""),
            before.replace("phones", "phone"),
        ] {
            assert!(same_data(before, &changed).is_err(), "{changed}");
        }
    }

    /// Files with many services are formatted a service at a time: exactly as whole.
    fn assert_blocks_as_whole(text: &str) {
        let by_blocks = by_blocks(text).expect("split into blocks");
        assert_eq!(by_blocks, whole(text).unwrap(), "{text}");
    }

    #[test]
    fn a_service_at_a_time_is_the_same_as_whole() {
        assert_blocks_as_whole(include_str!("../../charters/kawkhali-ict.toml"));
        let messy = "# file header\n\nversion=1\n[[services.internal]]\nid='i1'\nfee = \"০\"\n# before a2\n[[services.citizen]]\nofficer=\"x\"  # who\nid = \"a1\"\n\n\n[office]\nname=\"অফিস\"\n[[services.citizen]]\nid=\"a2\"\nmethods = [\"এক\", \"দুই\",\n  # a comment\n  \"তিন\"]\n[[services.internal]]\nid='i2'\n[officers.x]\nname = \"ক\"\n[[services.citizen]]\nname = { en = \"E\", bn = \"ব\" }\nid = \"a3\"\n# trailing comment";
        assert_blocks_as_whole(messy);
        assert_blocks_as_whole(&messy.replace("# trailing comment", "documents = [\"ক\"]"));
        assert_blocks_as_whole(&format!("{messy}\n\n\n"));
        // And every charter of the repository that has two services in a category.
        let mut compared = 0;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["charters", "tests/fixtures/valid", "tests/fixtures/broken"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                if let (Some(split), Ok(whole)) = (by_blocks(&text), whole(&text)) {
                    assert_eq!(split, whole, "{text}");
                    compared += 1;
                }
            }
        }
        assert!(compared >= 2, "{compared} files compared");
    }

    #[test]
    fn a_messy_file_gets_the_canonical_layout() {
        let formatted = format(MESSY).unwrap();
        let expected = "#:schema ./charter.schema.json\nversion = 1\n# the office\nvision = \"ভিশন\"\nmission = \"মিশন\" # keep me\n\n[office]\nname = \"অফিস\"\n\n[officers.a]\nname = \"ক\"\n\n[[services.citizen]]\nid = \"x\"\nname = { bn = \"এক্স\", en = \"X\" }\nmethods = [\"ক\", \"খ\"]\ndocuments = [\"গ\"]\nfee = \"বিনামূল্যে\"\ntime_limit = \"৩ দিন\"\nofficer = \"a\"\n";
        assert_eq!(formatted, expected);
        assert_eq!(format(&formatted).unwrap(), formatted, "idempotent");
    }

    #[test]
    fn long_arrays_take_a_line_per_item_and_text_becomes_nfc() {
        let long = format!(
            "methods = [{}]\n",
            (0..12)
                .map(|i| format!("\"পদ্ধতি {i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let formatted = format(&long).unwrap();
        assert!(
            formatted.starts_with("methods = [\n  \"পদ্ধতি 0\",\n  \"পদ্ধতি 1\",\n"),
            "{formatted}"
        );
        assert!(formatted.ends_with("  \"পদ্ধতি 11\",\n]\n"), "{formatted}");
        assert_eq!(format(&formatted).unwrap(), formatted);
        assert_eq!(
            format("x = \"প্র\u{09df}োজন\"\n").unwrap(),
            "x = \"প্রয়োজন\"\n"
        );
    }
}
