//! Which characters the PDF's embedded fonts cannot draw. A character no font has prints as an
//! empty box (`.notdef`) and PDF/A forbids it, so each is named, with the service it is in,
//! before anything is drawn.

use super::document::{Block, Table};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;

/// How many characters one sentence names before it counts the rest.
const NAMED: usize = 8;

/// The characters of `blocks` that none of `fonts` has, as one sentence for each place they are
/// in: `the PDF's fonts cannot draw U+0639 ‘ع’ in service ‘…’ (২.১ নাগরিক সেবা)`.
pub fn undrawable(blocks: &[Block], fonts: &[&[u8]]) -> Vec<String> {
    let maps: Vec<Charmap> = fonts
        .iter()
        .filter_map(|data| skrifa::FontRef::new(data).ok())
        .map(|font| font.charmap())
        .collect();
    let drawable = |c: char| ignorable(c) || maps.iter().any(|m| m.map(c).is_some());
    let mut found: Vec<(String, Vec<char>)> = Vec::new();
    let mut check = |text: &str, place: &dyn Fn() -> String| {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !drawable(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        if missing.is_empty() {
            return;
        }
        let place = place();
        match found.iter_mut().find(|(p, _)| *p == place) {
            Some((_, chars)) => {
                for c in missing {
                    if !chars.contains(&c) {
                        chars.push(c);
                    }
                }
            }
            None => found.push((place, missing)),
        }
    };
    for block in blocks {
        match block {
            Block::Header(lines) | Block::List(lines) => {
                for line in lines {
                    check(line, &|| format!("the text ‘{}’", excerpt(line)));
                }
            }
            Block::Draft(text)
            | Block::Title(text)
            | Block::Updated(text)
            | Block::Heading(text)
            | Block::Subheading(text) => {
                check(text, &|| format!("the heading ‘{}’", excerpt(text)))
            }
            Block::Paragraph { label, text } => check(text, &|| {
                format!("the paragraph ‘{}’", label.trim_end_matches([':', 'ঃ']))
            }),
            Block::Table(table) => check_table(table, &mut check),
        }
    }
    found
        .into_iter()
        .map(|(place, chars)| sentence(&chars, &place))
        .collect()
}

fn check_table(table: &Table, check: &mut impl FnMut(&str, &dyn Fn() -> String)) {
    for header in &table.headers {
        check(header, &|| format!("a heading of ‘{}’", table.caption));
    }
    for (index, row) in table.rows.iter().enumerate() {
        if let Some(section) = table.section_before(index) {
            check(section, &|| format!("the section ‘{}’", excerpt(section)));
        }
        let name = row
            .get(1)
            .and_then(|cell| cell.first())
            .map_or("", String::as_str);
        let place = || {
            let kind = if table.row_kind.is_empty() {
                "row"
            } else {
                table.row_kind
            };
            format!("{kind} ‘{}’ ({})", excerpt(name), table.caption)
        };
        for line in row.iter().flatten() {
            check(line, &place);
        }
    }
}

/// Characters that draw nothing, so need no glyph: spaces, controls, joiners, variation
/// selectors, the byte order mark.
fn ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let short: String = text.chars().take(MAX).collect();
    format!("{short}…")
}

fn sentence(chars: &[char], place: &str) -> String {
    let mut named: Vec<String> = chars
        .iter()
        .take(NAMED)
        .map(|c| format!("U+{:04X} ‘{c}’", u32::from(*c)))
        .collect();
    if chars.len() > NAMED {
        named.push(format!("and {} more", chars.len() - NAMED));
    }
    format!(
        "the PDF's fonts cannot draw {} in {place}: they would print as empty boxes",
        named.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BENGALI: &[u8] = include_bytes!("../../fonts/NotoSansBengali-Regular.ttf");
    const LATIN: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

    fn table(name: &str, fee: &str) -> Block {
        Block::Table(Table {
            caption: "২.১ নাগরিক সেবা".into(),
            headers: vec!["ক্রমিক নং".into(), "সেবার নাম".into(), "ফি".into()],
            rows: vec![vec![vec!["০১".into()], vec![name.into()], vec![fee.into()]]],
            row_kind: "service",
            ..Table::default()
        })
    }

    #[test]
    fn bengali_latin_and_joiners_are_drawable() {
        let blocks = [
            Block::Title("সিটিজেন চার্টার — Citizen's Charter, র‍্যাব".into()),
            table("জন্ম নিবন্ধন", "৫০ টাকা (fee: 50 Tk.)\u{200c}"),
        ];
        assert!(undrawable(&blocks, &[BENGALI, LATIN]).is_empty());
    }

    #[test]
    fn other_scripts_are_named_with_their_service() {
        let blocks = [
            table("জন্ম নিবন্ধন", "বিনামূল্যে عربي 中文 😀 中"),
            Block::Paragraph {
                label: "ভিশনঃ".into(),
                text: "सेवा".into(),
            },
        ];
        assert_eq!(
            undrawable(&blocks, &[BENGALI, LATIN]),
            [
                "the PDF's fonts cannot draw U+0639 ‘ع’, U+0631 ‘ر’, U+0628 ‘ب’, U+064A ‘ي’, \
                 U+4E2D ‘中’, U+6587 ‘文’, U+1F600 ‘😀’ in service ‘জন্ম নিবন্ধন’ (২.১ নাগরিক সেবা): \
                 they would print as empty boxes",
                "the PDF's fonts cannot draw U+0938 ‘स’, U+0947 ‘े’, U+0935 ‘व’, U+093E ‘ा’ in the \
                 paragraph ‘ভিশন’: they would print as empty boxes",
            ]
        );
    }
}
