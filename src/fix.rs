//! Mending a charter's encoding, for `charter fix`: text typed in Bijoy becomes Unicode Bengali,
//! text not in NFC is normalised, and zero-width characters that readers cannot see are removed
//! (a ZWJ or ZWNJ inside a Bengali word stays: it changes how the word is drawn, as in র‍্য).
//!
//! Only the strings change, each in place in the file's own text: comments, layout, line endings
//! and every other byte stay as they were. Words are never rewritten; only how they are encoded.

use crate::bangla::{self, bijoy};
use crate::charter::tree::{Node, Table, Value};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// One string that changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The line (from 1) where the string starts.
    pub line: usize,
    /// Its key path: `services.citizen[0].name`.
    pub key: String,
    /// The string as it was.
    pub old: String,
    /// The string as it becomes.
    pub new: String,
}

/// A charter's text with its encoding mended, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The new text of the file.
    pub text: String,
    /// Every string that changed, in file order.
    pub changes: Vec<Change>,
}

/// Mends the encoding of every string of a charter file's text.
pub fn fix(source: &str) -> Result<Fixed, String> {
    // The validator's spanned tree: a fraction of the size of an edit tree, and strings are
    // written back over their own spans.
    let root = Table::read(source).map_err(|unreadable| unreadable.summary())?;
    let mut found = Found::new();
    walk_table(&root, &mut Vec::new(), &mut found);
    drop(root);
    found.sort_by_key(|(span, _)| span.start);
    let mut text = String::with_capacity(source.len());
    let mut changes = Vec::with_capacity(found.len());
    let (mut last, mut line) = (0, 1);
    for (span, change) in found {
        // Lines are counted as the text is copied: once over the file, however many change.
        line += source[last..span.start].matches('\n').count();
        text.push_str(&source[last..span.start]);
        text.push_str(&toml_edit::Value::from(change.new.as_str()).to_string());
        changes.push(Change { line, ..change });
        line += source[span.clone()].matches('\n').count();
        last = span.end;
    }
    text.push_str(&source[last..]);
    Ok(Fixed { text, changes })
}

/// How a string is mended, by what it holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Bengali text: Bijoy converted, then normalised.
    Bengali,
    /// Other text (English, a translation): normalised only.
    Other,
    /// Not text (an id, an address, a number): left alone.
    Data,
}

/// What the value under `key` holds, in a table that is a translation table (has `bn`) or not;
/// `top` for the file's top level.
fn kind(key: &str, translations: bool, top: bool) -> Kind {
    match key {
        _ if translations && key == "bn" => Kind::Bengali,
        _ if translations => Kind::Other,
        "source" | "version" | "updated" if top => Kind::Data,
        "id" | "officer" | "superior" | "email" | "phone" | "website" => Kind::Data,
        _ => Kind::Bengali,
    }
}

type Found = Vec<(Range<usize>, Change)>;

fn walk_table(table: &Table, path: &mut Vec<String>, found: &mut Found) {
    let translations = table.contains_key("bn");
    for (key, node) in table.iter() {
        let kind = kind(key.get_ref(), translations, path.is_empty());
        path.push(key.get_ref().to_string());
        walk_value(node, kind, path, found);
        path.pop();
    }
}

fn walk_value(node: &Node, kind: Kind, path: &mut Vec<String>, found: &mut Found) {
    match node.get_ref() {
        Value::String(old) => {
            if let Some(new) = mend(old, kind) {
                let key = path.join(".").replace(".[", "[");
                let change = Change {
                    line: 0,
                    key,
                    old: old.to_string(),
                    new,
                };
                found.push((node.span(), change));
            }
        }
        Value::Array(array) => {
            for (i, item) in array.items().iter().enumerate() {
                path.push(format!("[{i}]"));
                walk_value(item, kind, path, found);
                path.pop();
            }
        }
        // An inline table is mended as its header would be, but what is under data stays data.
        Value::Table(table) => {
            let translations = table.contains_key("bn");
            for (key, item) in table.iter() {
                let kind = match kind {
                    Kind::Data => Kind::Data,
                    _ => self::kind(key.get_ref(), translations, false),
                };
                path.push(key.get_ref().to_string());
                walk_value(item, kind, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The mended string, or `None` when it needs nothing.
fn mend(text: &str, kind: Kind) -> Option<String> {
    if kind == Kind::Data {
        return None;
    }
    let converted = match kind {
        Kind::Bengali => bijoy::to_unicode(text),
        _ => text.into(),
    };
    // Stray zero-width characters go first, then the text is made NFC: the other order leaves
    // `ে` and `া` that a removed character kept apart (ক + ে + U+200B + া), which NFC would join,
    // so a second `fix` would change the text again.
    let mut mended = bangla::without_stray_zero_width(&converted).into_owned();
    if !bangla::is_nfc(&mended) {
        mended = mended.nfc().collect();
    }
    (mended != text).then_some(mended)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bijoy_nfc_and_zero_width_are_mended_in_place() {
        let source = "version = 1 # the format\nvision = \"Avgiv\"\nmission = \"উন্নতি\u{200b}\"\n\n[office]\nname = { bn = \"‡mev\", en = \"Se\u{301}rvice\" }\nemail = \"Avgiv@x.gov.bd\"\n";
        let fixed = fix(source).unwrap();
        assert_eq!(
            fixed.text,
            "version = 1 # the format\nvision = \"আমরা\"\nmission = \"উন্নতি\"\n\n[office]\nname = { bn = \"সেবা\", en = \"Sérvice\" }\nemail = \"Avgiv@x.gov.bd\"\n"
        );
        let keys: Vec<(usize, &str)> = fixed
            .changes
            .iter()
            .map(|c| (c.line, c.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                (2, "vision"),
                (3, "mission"),
                (6, "office.name.bn"),
                (6, "office.name.en")
            ]
        );
    }

    #[test]
    fn fixing_twice_is_fixing_once() {
        for value in [
            "ক\u{9c7}\u{200b}\u{9be}",
            "ক\u{200b}\u{9c7}\u{9be}\u{feff}",
            "\u{9c7}\u{200b}\u{9be}",
        ] {
            let source = format!("vision = \"{value}\"\n");
            let once = fix(&source).unwrap().text;
            let twice = fix(&once).unwrap();
            assert!(
                twice.changes.is_empty(),
                "{value:?}: {once:?} → {:?}",
                twice.text
            );
            assert!(bangla::is_nfc(&once));
        }
    }

    #[test]
    fn a_zwj_inside_a_bengali_word_stays() {
        let source = "vision = \"র\u{200d}্যাব\"\n";
        assert!(fix(source).unwrap().changes.is_empty());
    }

    #[test]
    fn paths_name_array_items() {
        let source = "[[services.citizen]]\nid = \"a\"\nmethods = [\"ok\", \"mKj\"]\n";
        let fixed = fix(source).unwrap();
        assert_eq!(fixed.changes[0].key, "services.citizen[0].methods[1]");
        assert_eq!(fixed.changes[0].new, "সকল");
    }
}
