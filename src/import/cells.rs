//! What a cell means: a list split on its numbering, a paper and where to get it, "not
//! applicable", "same as above". The words themselves are kept as published.

use super::text::serial_number;
use crate::charter::{Document, Text};

/// Whether a cell says "not applicable": `-`, `–`, `প্রযোজ্য নয়`.
pub fn not_applicable(text: &str) -> bool {
    let t = text.trim().trim_end_matches('।').trim();
    matches!(
        t,
        "-" | "–" | "—" | "--" | "N/A" | "n/a" | "প্রযোজ্য নয়" | "প্রযোজ্য নহে" | "প্রযোজ্য নেই"
    )
}

/// Whether a cell is a ditto mark: the same as the cell above.
pub fn is_ditto(text: &str) -> bool {
    let t = text.trim();
    matches!(
        t,
        "ঐ" | "-ঐ-" | "–ঐ–" | "ঐ-" | "\"" | "〃" | "”" | "''" | "do" | "-do-" | "Do" | "-Do-"
    )
}

/// Whether a short cell reads as a time limit (`৩০ মিনিট`, `৭ কার্যদিবস`, `তাৎক্ষণিক`): a cell of
/// the time column, never a piece of the cell before it.
pub fn reads_as_time(text: &str) -> bool {
    use crate::bangla::{TimeKind, time_limit_kind};
    text.chars().count() <= 40
        && matches!(
            time_limit_kind(text).0,
            TimeKind::Span | TimeKind::Immediate
        )
}

/// A labelled item (`সিআরপিসিঃ ১৫৪`, `ফোনঃ ৫২২৫৭`): a short label, a colon, a value. Paragraphs of
/// this shape one after another are one cell's list.
pub fn labelled(text: &str) -> bool {
    text.split_once(['ঃ', ':']).is_some_and(|(label, value)| {
        let label = label.trim();
        !label.is_empty() && label.chars().count() <= 20 && !value.trim().is_empty()
    })
}

/// A one-line field (name, fee, time limit): the cell's lines joined by spaces.
pub fn one_line(lines: &[String]) -> String {
    lines.join(" ")
}

/// A list cell's items: split on its numbering (`১।`, `1.`, `ক)`, `(ক)`, `•`) where the numbers
/// run in order, and on line breaks. The numbering is dropped; the words are kept.
pub fn items(lines: &[String]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    // The numbering runs on from line to line: `ক)` on one line, `খ)` on the next.
    let mut expected = 1;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let split = split_numbered(line, &mut expected);
        if split.len() > 1 || starts_numbered(line) {
            items.extend(split);
        } else if items.last().is_some_and(|_| continues(line)) {
            // A line that carries on the item before (it starts in lowercase or with a comma).
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            items.push(line.to_string());
        }
    }
    items
}

fn continues(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_lowercase() || matches!(c, ',' | ';' | ')'))
}

/// The list mark a line starts with (`২.`, `খ)`, `(গ)`): its value, and whether it is a letter.
pub fn list_mark(line: &str) -> Option<(u32, bool)> {
    let (value, len) = number_at(line, 0)?;
    let letter = !line[..len]
        .chars()
        .any(|c| crate::bangla::digit_value(c).is_some());
    Some((value, letter))
}

/// A line without the list marks it starts with: `ক) ১.ডাঃ মোঃ আকিব` gives `ডাঃ মোঃ আকিব`.
pub fn without_marks(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some((_, len)) = number_at(rest, 0) {
        rest = rest[len..].trim_start();
    }
    rest
}

/// Whether `text` holds the list mark `n` of the kind asked (a letter: `ক)`; a number: `১.`,
/// `১)`, `১।`) at the start of one of its words.
pub fn has_mark(text: &str, n: u32, letter: bool) -> bool {
    text.char_indices()
        .filter(|&(at, _)| at == 0 || text[..at].ends_with(char::is_whitespace))
        .any(|(at, _)| {
            number_at(text, at).is_some_and(|(value, len)| {
                value == n
                    && letter
                        != text[at..at + len]
                            .chars()
                            .any(|c| crate::bangla::digit_value(c).is_some())
            })
        })
}

/// Whether a line starts with an item number (`১।`, `1.`, `ক)`, `(ক)`, `•`).
fn starts_numbered(line: &str) -> bool {
    number_at(line, 0).is_some() || line.starts_with(['•', '●', '▪', '➢', '✓', 'Ø'])
}

/// The item number at byte `at` of `text` and its length: a Bengali or Latin number followed by
/// `।`, `.` or `)`, or a Bengali letter in parentheses or followed by `)`.
fn number_at(text: &str, at: usize) -> Option<(u32, usize)> {
    let rest = &text[at..];
    let open = rest.starts_with('(');
    let body_start = usize::from(open);
    let body: String = rest[body_start..]
        .chars()
        .take_while(|c| !matches!(c, '।' | '.' | ')' | ' '))
        .collect();
    if body.is_empty() || body.chars().count() > 3 {
        return None;
    }
    let after = &rest[body_start + body.len()..];
    let close = after.chars().next()?;
    let ok = match close {
        ')' => true,
        '।' | '.' => !open,
        _ => false,
    };
    // The marker must be followed by a space or end, so `1.5` or `৩.০০` is not a number; a
    // number may also be glued to the letters of its item (`১.আবেদন`).
    let marker_len = body_start + body.len() + close.len_utf8();
    let numeric = body
        .chars()
        .all(|c| crate::bangla::digit_value(c).is_some());
    let followed = rest[marker_len..].chars().next().is_none_or(|c| {
        c.is_whitespace() || numeric && c.is_alphabetic() && crate::bangla::digit_value(c).is_none()
    });
    if !ok || !followed {
        return None;
    }
    let value = serial_number(&body)?;
    Some((value, marker_len))
}

/// Splits a line where its items' numbers run 1, 2, 3 (or ক, খ, গ) at the start of words.
fn split_numbered(line: &str, expected: &mut u32) -> Vec<String> {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let word_start = at == 0 || line[..at].ends_with(char::is_whitespace);
        if word_start && let Some((n, len)) = number_at(line, at) {
            // A list starts at 1 (or ক); a later line may start it again; a page may skip
            // one (ক) … ঙ) ছ)).
            if n == *expected || n == *expected + 1 && n > 2 || (n == 1 && at == 0) {
                starts.push((at, len));
                *expected = n + 1;
                at += len;
                continue;
            }
        }
        at += line[at..].chars().next().map_or(1, char::len_utf8);
    }
    if starts.first().is_none_or(|(s, _)| *s != 0) {
        // Numbers that do not start the line are words of it (`৩ কার্যদিবস`), unless the line
        // starts with a bullet.
        return vec![strip_bullet(line).to_string()];
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &(s, len))| {
            let end = starts.get(k + 1).map_or(line.len(), |&(e, _)| e);
            line[s + len..end].trim().to_string()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

fn strip_bullet(line: &str) -> &str {
    line.trim_start_matches(['•', '●', '▪', '➢', '✓', 'Ø', '-'])
        .trim_start()
}

/// A document as rendered by `charter render` (`নাম (প্রাপ্তিস্থান: উৎস)`), or as published.
pub fn document(item: &str) -> Document {
    for label in ["(প্রাপ্তিস্থান:", "(প্রাপ্তিস্থানঃ", "(from:"]
    {
        if let Some(at) = item.rfind(label)
            && item.ends_with(')')
        {
            let name = item[..at].trim();
            let source = item[at + label.len()..item.len() - 1].trim();
            if !name.is_empty() && !source.is_empty() {
                return Document::Sourced {
                    name: Text::Plain(name.to_string()),
                    source: Some(Text::Plain(source.to_string())),
                };
            }
        }
    }
    Document::Plain(Text::Plain(item.to_string()))
}

/// Papers and a separate "where to get them" column: paired item by item when the counts agree,
/// one source for every paper when there is one. Returns the documents and, when they cannot be
/// paired, the sources left over.
pub fn pair_sources(papers: Vec<String>, sources: Vec<String>) -> (Vec<Document>, Vec<String>) {
    let with = |name: String, source: &str| Document::Sourced {
        name: Text::Plain(name),
        source: Some(Text::Plain(source.to_string())),
    };
    match sources.len() {
        0 => (papers.iter().map(|p| document(p)).collect(), Vec::new()),
        1 => {
            let source = &sources[0];
            (
                papers.into_iter().map(|p| with(p, source)).collect(),
                Vec::new(),
            )
        }
        n if n == papers.len() => (
            papers
                .into_iter()
                .zip(&sources)
                .map(|(p, s)| with(p, s))
                .collect(),
            Vec::new(),
        ),
        _ => (papers.iter().map(|p| document(p)).collect(), sources),
    }
}

/// A line without the number or letter it is listed under: `১.২) মিশন` gives `মিশন`, `ক) রূপকল্প`
/// gives `রূপকল্প`, `(খ) সেবা` gives `সেবা`. A line with no such mark is returned as it is.
pub fn strip_enumeration(text: &str) -> &str {
    let t = text.trim_start();
    let inner = t.strip_prefix('(').unwrap_or(t);
    let end = inner
        .char_indices()
        .find(|(_, c)| !(crate::bangla::digit_value(*c).is_some() || *c == '.' || *c == '০'))
        .map_or(inner.len(), |(i, _)| i);
    let (mark, rest) = if end > 0 {
        inner.split_at(end)
    } else {
        // One Bengali letter as a list mark.
        let mut chars = inner.char_indices();
        match (chars.next(), chars.next()) {
            (Some((_, c)), Some((at, ')' | '।' | '.'))) if ('ক'..='হ').contains(&c) => {
                inner.split_at(at)
            }
            _ => return text,
        }
    };
    let mark = mark.trim_end_matches('.');
    match rest.strip_prefix([')', '।', '.']) {
        Some(after) if !mark.is_empty() && mark.chars().count() <= 6 => after.trim_start(),
        _ if end > 0 && rest.starts_with(char::is_whitespace) && mark.chars().count() <= 6 => {
            // `১.১ ভিশন`: a numbered heading with no closing mark.
            if text.trim_start().starts_with('(') {
                return text;
            }
            rest.trim_start()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn numbered_items_on_one_line_and_on_many() {
        assert_eq!(
            items(&lines(
                "১। দাপ্তরিক ওয়েবসাইটের মাধ্যমে। ২। মোবাইল যোগাযোগ ৩। ই-মেইলের মাধ্যমে ৪। ব্যক্তি যোগাযোগ"
            )),
            [
                "দাপ্তরিক ওয়েবসাইটের মাধ্যমে।",
                "মোবাইল যোগাযোগ",
                "ই-মেইলের মাধ্যমে",
                "ব্যক্তি যোগাযোগ"
            ]
        );
        assert_eq!(
            items(&lines("ক) জিপিও-তে সরাসরি গ্রহণ\nখ) লেটার বক্স থেকে সংগ্রহ")),
            ["জিপিও-তে সরাসরি গ্রহণ", "লেটার বক্স থেকে সংগ্রহ"]
        );
        assert_eq!(items(&lines("(ক) সাধারন (খ) ব্যবসায়ীক")), ["সাধারন", "ব্যবসায়ীক"]);
        assert_eq!(items(&lines("1. Form\n2. Photo")), ["Form", "Photo"]);
        assert_eq!(
            items(&lines("জাতীয় পরিচয়পত্র\nছবি")),
            ["জাতীয় পরিচয়পত্র", "ছবি"]
        );
        // Numbers inside the words stay.
        assert_eq!(items(&lines("৩ কার্যদিবস ২। পরে")), ["৩ কার্যদিবস ২। পরে"]);
        assert_eq!(items(&lines("২০.০০ টাকা")), ["২০.০০ টাকা"]);
        // A number glued to its item, and a list that skips a letter.
        assert_eq!(
            items(&lines("১.আবেদন ফরম ২.ছবি ৩.জাতীয় পরিচয়পত্র")),
            ["আবেদন ফরম", "ছবি", "জাতীয় পরিচয়পত্র"]
        );
        assert_eq!(
            items(&lines("ক) আবেদন খ) ছবি গ) সনদ ঘ) পরিচয়পত্র ঙ) ফি ছ) রসিদ")),
            ["আবেদন", "ছবি", "সনদ", "পরিচয়পত্র", "ফি", "রসিদ"]
        );
    }

    #[test]
    fn documents_with_their_source() {
        assert_eq!(
            document("নির্ধারিত আবেদন ফরম (প্রাপ্তিস্থান: ইউনিয়ন ডিজিটাল সেন্টার)"),
            Document::Sourced {
                name: Text::Plain("নির্ধারিত আবেদন ফরম".into()),
                source: Some(Text::Plain("ইউনিয়ন ডিজিটাল সেন্টার".into())),
            }
        );
        assert_eq!(
            document("ছবি (২ কপি)"),
            Document::Plain(Text::Plain("ছবি (২ কপি)".into()))
        );
        let (docs, left) = pair_sources(vec!["ফরম".into(), "ছবি".into()], vec!["অফিস".into()]);
        assert_eq!(docs.len(), 2);
        assert!(left.is_empty());
    }

    #[test]
    fn not_applicable_and_ditto() {
        assert!(not_applicable("-") && not_applicable(" প্রযোজ্য নয় "));
        assert!(!not_applicable("বিনামূল্যে"));
        assert!(is_ditto("-ঐ-") && is_ditto("ঐ"));
        assert!(!is_ditto("ঐচ্ছিক"));
    }
}
