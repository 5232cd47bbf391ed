//! `charter set`: change one value of a charter and keep everything else byte for byte.
//!
//! The edit is made with toml_edit, which keeps comments, key order and spacing. The result is
//! checked by the validator before anything is written: a result with errors is refused with
//! the validator's findings and the file is left as it was.

use crate::charter::{Category, Severity, added_errors, load_str, suggest};
use crate::cli::SetArgs;
use crate::error::Error;
use std::path::{Path, PathBuf};
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// Applies the edit the arguments ask for, validates, and writes safely, holding a lock on the
/// file throughout so that two edits at once both land. The file's line endings and BOM stay.
pub fn run(args: &SetArgs) -> Result<u8, Error> {
    // The service to add is read first, bounded as a charter is, so that a slow or endless
    // standard input never holds the file's lock.
    let snippet = if args.add_service {
        let bytes = crate::files::read_input(Path::new("-"), crate::charter::MAX_FILE_BYTES)?;
        Some(String::from_utf8(bytes).map_err(|_| Error::Unusable {
            path: PathBuf::from("<stdin>"),
            reason: "the service on standard input is not UTF-8".into(),
        })?)
    } else {
        None
    };
    let file = crate::files::Edit::open(&args.file, crate::charter::MAX_FILE_BYTES)?;
    let name = args.file.to_string_lossy().replace('\\', "/");
    // A file that is not UTF-8 or not TOML is a charter with errors (exit 1, as every command
    // says), shown where they are; nothing is changed.
    let unreadable = |reason: &str| {
        let loaded = crate::charter::CharterFile::from_bytes(&args.file, file.bytes.clone());
        super::print_errors(&name, &loaded.source, loaded.loaded.diagnostics);
        eprintln!("charter: {name}: not changed: {reason}");
        Ok(1)
    };
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        return unreadable("not UTF-8");
    };
    let (style, original) = crate::files::TextStyle::split(text);
    if let Err(e) = crate::charter::tree::Table::read(&original) {
        return unreadable(&e.summary());
    }
    let change = |doc: &mut DocumentMut| {
        if let Some(snippet) = &snippet {
            add_service(doc, &args.key, snippet)
        } else if args.remove_service {
            remove_service(doc, &args.key)
        } else {
            set(doc, &args.key, args.value.as_deref().unwrap_or_default())
        }
    };
    let service = one_service(&args.key, snippet.is_some(), args.remove_service);
    let edited = edit(&original, service, change).map_err(|reason| Error::Unusable {
        path: args.file.clone(),
        reason,
    })?;
    // A charter with errors (an import with gaps) can be finished one `set` at a time: only an
    // edit that adds an error is refused. The charter as it was is read only when the result has
    // errors (a charter's model is several times its size).
    let is_error = |d: &crate::charter::Diagnostic| d.severity == Severity::Error;
    let after = load_str(&edited).diagnostics;
    let left = after.iter().filter(|d| is_error(d)).count();
    if left > 0 {
        let before = load_str(&original).diagnostics;
        let had = before.iter().filter(|d| is_error(d)).count();
        let added = added_errors(&before, after);
        if !added.is_empty() {
            super::print_errors(&name, &edited, added);
            let what = if had == 0 {
                "the result would not be a valid charter"
            } else {
                "the change would add an error"
            };
            eprintln!("charter: {name}: not changed: {what}");
            return Ok(1);
        }
        eprintln!(
            "charter: {name}: {left} error(s) still to fix (it had {had}); `charter validate` lists them"
        );
    }
    if edited != original {
        file.write(style.apply(&edited).as_bytes())?;
    }
    Ok(0)
}

/// The id of the one service a change is to, if it is to one: `services.ID.…`, or the service
/// removed (a service added goes to a category).
fn one_service(key: &str, add: bool, remove: bool) -> Option<&str> {
    match key.split('.').collect::<Vec<_>>().as_slice() {
        ["services", id, _, ..] if !add && !remove => Some(*id),
        [id] if remove => Some(*id),
        _ => None,
    }
}

/// Reads a text into an edit tree.
fn parse(text: &str) -> Result<DocumentMut, String> {
    text.parse()
        .map_err(|e: toml_edit::TomlError| format!("not valid TOML: {}", e.message().trim()))
}

/// Makes a change to a charter's text with an edit tree of as little of it as holds the change:
/// the block of the service `service` names when the change is to one service, else the file
/// with the services set aside ([`by_markers`]). An edit tree takes about 20 times the text it
/// holds (issue 21); the result is the same as an edit of the whole file.
fn edit(
    text: &str,
    service: Option<&str>,
    change: impl Fn(&mut DocumentMut) -> Result<(), String>,
) -> Result<String, String> {
    use crate::format::blocks;
    let blocks = service.and_then(|_| blocks::service_blocks(text));
    if let (Some(id), Some(blocks)) = (service, blocks) {
        for block in blocks {
            let mut doc = parse(&text[block.span.clone()])?;
            if find_service(&doc, id).is_ok() {
                change(&mut doc)?;
                let edited = doc.to_string();
                let mut out = String::with_capacity(text.len() - block.span.len() + edited.len());
                out.push_str(&text[..block.span.start]);
                out.push_str(&edited);
                out.push_str(&text[block.span.end..]);
                return Ok(out);
            }
        }
        // Not in a block of its own: the whole file says where it is, or which id was meant.
    }
    if service.is_none()
        && let Some(edited) = by_markers(text, &change)
    {
        return edited;
    }
    whole(text, change)
}

/// Makes a change to the file with every service but the last of each category set aside: each
/// is a comment line (a marker) while the rest is edited, and its text again after. What an edit
/// adds after a category's services comes after its last, as in an edit of the whole file.
/// `None` when the file is not split into services, or a marker did not come through the edit
/// once and in order.
fn by_markers(
    text: &str,
    change: &impl Fn(&mut DocumentMut) -> Result<(), String>,
) -> Option<Result<String, String>> {
    let blocks = crate::format::blocks::service_blocks(text)?;
    let nonce = format!(
        "#charter-set-{}-{}:",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    if text.contains(&nonce) {
        return None;
    }
    let mut rest = String::new();
    let mut set_aside = Vec::new();
    let mut last = 0;
    for block in &blocks {
        if !block.last {
            rest.push_str(&text[last..block.span.start]);
            rest.push_str(&format!("{nonce}{}\n", set_aside.len()));
            set_aside.push(block.span.clone());
            last = block.span.end;
        }
    }
    if set_aside.is_empty() {
        return None;
    }
    rest.push_str(&text[last..]);
    let mut doc = match parse(&rest) {
        Ok(doc) => doc,
        Err(e) => return Some(Err(e)),
    };
    drop(rest);
    if let Err(e) = change(&mut doc) {
        return Some(Err(e));
    }
    let edited = doc.to_string();
    drop(doc);
    if edited.matches(&nonce).count() != set_aside.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut from = 0;
    for (i, span) in set_aside.iter().enumerate() {
        let marker = format!("{nonce}{i}\n");
        let at = from + edited[from..].find(&marker)?;
        out.push_str(&edited[from..at]);
        out.push_str(&text[span.clone()]);
        from = at + marker.len();
    }
    out.push_str(&edited[from..]);
    Some(Ok(out))
}

/// Makes a change with an edit tree of the whole text.
fn whole(
    text: &str,
    change: impl Fn(&mut DocumentMut) -> Result<(), String>,
) -> Result<String, String> {
    let mut doc = parse(text)?;
    change(&mut doc)?;
    Ok(doc.to_string())
}

/// Reads VALUE: TOML when it is an array or table (or for `version` and `updated`), else a string.
fn parse_value(key: &str, text: &str) -> Result<Value, String> {
    let last = key.rsplit('.').next().unwrap_or(key);
    if text.starts_with(['[', '{']) || matches!(last, "version" | "updated") {
        return text
            .parse::<Value>()
            .map_err(|e| format!("`{text}` is not a TOML value: {}", e.message().trim()));
    }
    Ok(Value::from(text))
}

/// Where the service with `id` is: its category's key and its index there.
fn find_service(doc: &DocumentMut, id: &str) -> Result<(String, usize), String> {
    let services = doc
        .get("services")
        .and_then(Item::as_table_like)
        .ok_or("the charter has no [services]")?;
    let mut ids = Vec::new();
    for (category, item) in services.iter() {
        let Some(array) = item.as_array_of_tables() else {
            continue;
        };
        for (i, table) in array.iter().enumerate() {
            let this = table.get("id").and_then(Item::as_str).unwrap_or("");
            if this == id {
                return Ok((category.to_string(), i));
            }
            ids.push(this.to_string());
        }
    }
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let hint = suggest(id, &refs).map_or(String::new(), |s| format!("; did you mean `{s}`?"));
    Err(format!("no service with id `{id}`{hint}"))
}

/// The table of the service with `id`, in whichever category it is.
fn service_table<'d>(doc: &'d mut DocumentMut, id: &str) -> Result<&'d mut Table, String> {
    let (category, index) = find_service(doc, id)?;
    doc["services"][category.as_str()]
        .as_array_of_tables_mut()
        .and_then(|array| array.get_mut(index))
        .ok_or_else(|| format!("no service with id `{id}`"))
}

/// Sets the value at a dotted key path, creating tables and keys on the way.
fn set(doc: &mut DocumentMut, key: &str, text: &str) -> Result<(), String> {
    // The format's deepest key is `services.ID.FIELD.LANG` (or an officer's, or a document's
    // `source.en`): a longer one names nothing, and is refused before any table is made for it.
    const MAX_PARTS: usize = 6;
    let parts: Vec<&str> = key.split('.').collect();
    if parts.len() > MAX_PARTS {
        return Err(format!(
            "KEY has {} parts; no key of the charter format has more than {MAX_PARTS} (as in `services.ID.name.en`)",
            parts.len()
        ));
    }
    let value = parse_value(key, text)?;
    let (table, rest): (&mut Table, &[&str]) = match parts.as_slice() {
        ["services", id, rest @ ..] if !rest.is_empty() => (service_table(doc, id)?, rest),
        ["officers", id, rest @ ..] if !rest.is_empty() => {
            let officers = doc.entry("officers").or_insert(Item::Table(Table::new()));
            let officers = officers.as_table_mut().ok_or("`officers` is not a table")?;
            officers.set_implicit(true);
            if !officers.contains_key(id) && !matches!(rest, ["name" | "designation", ..]) {
                return Err(unknown_officer(officers, id));
            }
            let officer = officers.entry(id).or_insert(Item::Table(Table::new()));
            (
                officer
                    .as_table_mut()
                    .ok_or(format!("`officers.{id}` is not a table"))?,
                rest,
            )
        }
        [] | [""] => return Err("KEY is empty".into()),
        _ => (doc.as_table_mut(), parts.as_slice()),
    };
    set_in(table, rest, value)
}

/// A field set on an officer that does not exist: most often a misspelt id. A new officer starts
/// with its name or designation, the one field it cannot be without.
fn unknown_officer(officers: &Table, id: &str) -> String {
    let ids: Vec<&str> = officers.iter().map(|(key, _)| key).collect();
    match suggest(id, &ids) {
        Some(near) => format!("no officer with id `{id}`; did you mean `{near}`?"),
        None => format!(
            "no officer with id `{id}`; to add one, set `officers.{id}.name` or `officers.{id}.designation` first"
        ),
    }
}

fn set_in(table: &mut Table, path: &[&str], value: Value) -> Result<(), String> {
    match path {
        [] => Err("KEY names a table, not a value".into()),
        [key] => {
            put(table.entry(key).or_insert(Item::None), value);
            Ok(())
        }
        [key, lang] if table.get(key).is_some_and(|i| i.as_str().is_some()) => {
            // A plain text gains a translation: `name = "…"` becomes `name = { bn = "…", en = "…" }`.
            let item = table.get_mut(key).ok_or("missing")?;
            let bn = item.as_str().unwrap_or_default().to_string();
            let decor = item
                .as_value()
                .map(|v| v.decor().clone())
                .unwrap_or_default();
            let mut inline = InlineTable::new();
            inline.insert("bn", Value::from(bn));
            inline.insert(*lang, value);
            let mut new = Value::InlineTable(inline);
            *new.decor_mut() = decor;
            *item = Item::Value(new);
            Ok(())
        }
        [key, rest @ ..] => {
            let item = table.entry(key).or_insert(Item::Table(Table::new()));
            if let Some(inline) = item.as_inline_table_mut() {
                if let [last] = rest {
                    let slot = inline.entry(*last).or_insert(Value::from(""));
                    let decor = slot.decor().clone();
                    *slot = value;
                    *slot.decor_mut() = decor;
                    return Ok(());
                }
                return Err(format!(
                    "`{key}` is an inline table; set its keys one level down"
                ));
            }
            let inner = item
                .as_table_mut()
                .ok_or(format!("`{key}` is not a table"))?;
            set_in(inner, rest, value)
        }
    }
}

/// Replaces an item's value, keeping the comments and spacing around it.
fn put(item: &mut Item, mut value: Value) {
    if let Some(old) = item.as_value() {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}

/// Appends the service on standard input to a category.
fn add_service(doc: &mut DocumentMut, category: &str, snippet: &str) -> Result<(), String> {
    if Category::from_key(category).is_none() {
        return Err(format!(
            "`{category}` is not a category: use citizen, institutional or internal"
        ));
    }
    let parsed: DocumentMut = snippet.parse().map_err(|e: toml_edit::TomlError| {
        format!(
            "the service on standard input is not TOML: {}",
            e.message().trim()
        )
    })?;
    let mut table = parsed.as_table().clone();
    table.set_implicit(false);
    table.decor_mut().set_prefix("\n");
    let services = doc.entry("services").or_insert(Item::Table(Table::new()));
    let services = services.as_table_mut().ok_or("`services` is not a table")?;
    services.set_implicit(true);
    let list = services
        .entry(category)
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    list.as_array_of_tables_mut()
        .ok_or(format!("`services.{category}` is not an array of tables"))?
        .push(table);
    Ok(())
}

/// Removes the service with `id`.
fn remove_service(doc: &mut DocumentMut, id: &str) -> Result<(), String> {
    let (category, index) = find_service(doc, id)?;
    if let Some(array) = doc["services"][category.as_str()].as_array_of_tables_mut() {
        array.remove(index);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = "version = 1\n[[services.internal]]\nid = 'i1'\n# before a1\n[[services.citizen]]\nid = \"a1\"  # first\nname = \"ক\"\n\n[office]\nname = \"অফিস\"\n[[services.citizen]]\nid = \"a2\"\nname = \"খ\"\n[[services.internal]]\nid = 'i2'\n[officers.x]\nname = \"ক\"\n[[services.citizen]]\nid = \"a3\"\nname = { bn = \"গ\" }\n# the end\n";

    #[test]
    fn an_edit_of_a_part_is_the_edit_of_the_whole() {
        let bundled = include_str!("../../charters/kawkhali-ict.toml");
        let id = bundled
            .split("[[services.citizen]]")
            .nth(2)
            .and_then(|b| b.split('"').nth(1))
            .unwrap();
        let edits: Vec<(&str, String, &str)> = vec![
            ("", "vision".into(), "নতুন"),
            ("", "office.name.en".into(), "Office"),
            ("", "officers.new.name".into(), "নতুন কর্মকর্তা"),
            ("", "grievance.note".into(), "x"),
            ("", "services.a2.name.en".into(), "B"),
            ("", "services.a3.name.en".into(), "C"),
            ("", "services.i2.fee".into(), "১০ টাকা"),
            ("", "services.i1.keywords".into(), "[\"ক\", \"খ\"]"),
            ("remove", "a2".into(), ""),
            ("remove", "i1".into(), ""),
            ("remove", "a3".into(), ""),
            ("add", "citizen".into(), "id = \"new\"\nname = \"নতুন\"\n"),
            ("add", "internal".into(), "id = \"new\"\n"),
            ("add", "institutional".into(), "id = \"new\"\n"),
            ("", format!("services.{id}.fee"), "বিনামূল্যে"),
            ("remove", id.to_string(), ""),
            ("add", "citizen".into(), "id = \"new\"\nname = \"নতুন\"\n"),
        ];
        let mut compared = 0;
        for text in [MESSY, bundled] {
            for (how, key, value) in &edits {
                let change = |doc: &mut DocumentMut| match *how {
                    "add" => add_service(doc, key, value),
                    "remove" => remove_service(doc, key),
                    _ => set(doc, key, value),
                };
                let service = one_service(key, *how == "add", *how == "remove");
                let expected = whole(text, change);
                assert_eq!(edit(text, service, change), expected, "{how} {key}");
                compared += usize::from(expected.is_ok());
            }
        }
        assert!(compared >= 20, "{compared}");
    }
}
