//! Ids for imported services and officers: romanised from the Bengali so that a person can read
//! them (`নাগরিকত্ব সনদপত্র` → `nagorikotto-sonodpotro`), unique in the charter, and kept from an
//! existing charter (`--ids-from`) for the services and officers it already has.
//!
//! The romanisation is the common Bangladeshi spelling of Bengali in Latin letters, letter by
//! letter (the table is [`letter`]): consonants carry the inherent vowel `o` unless a vowel sign
//! or hasanta follows, or they end the word; vowel signs replace it.

use crate::charter::{Charter, Officer, Text};
use std::collections::HashSet;

/// The longest id made: the first words of a long name are enough to tell it apart.
const MAX_LEN: usize = 40;

/// A letter's Latin spelling, and whether it is a consonant (which carries the inherent vowel).
fn letter(c: char) -> Option<(&'static str, bool)> {
    let consonant = |s| Some((s, true));
    let other = |s| Some((s, false));
    match c {
        'অ' => other("o"),
        'আ' => other("a"),
        'ই' | 'ঈ' => other("i"),
        'উ' | 'ঊ' => other("u"),
        'ঋ' => other("ri"),
        'এ' => other("e"),
        'ঐ' => other("oi"),
        'ও' => other("o"),
        'ঔ' => other("ou"),
        'ক' => consonant("k"),
        'খ' => consonant("kh"),
        'গ' => consonant("g"),
        'ঘ' => consonant("gh"),
        'ঙ' => consonant("ng"),
        'চ' => consonant("c"),
        'ছ' => consonant("ch"),
        'জ' | 'য' => consonant("j"),
        // ড় ঢ় য় as one code point each, as many pages write them (not NFC).
        '\u{09DC}' | '\u{09DD}' => consonant("r"),
        '\u{09DF}' => consonant("y"),
        'ঝ' => consonant("jh"),
        'ঞ' | 'ণ' | 'ন' => consonant("n"),
        'ট' | 'ত' => consonant("t"),
        'ঠ' | 'থ' => consonant("th"),
        'ড' | 'দ' => consonant("d"),
        'ঢ' | 'ধ' => consonant("dh"),
        'প' => consonant("p"),
        'ফ' => consonant("f"),
        'ব' => consonant("b"),
        'ভ' => consonant("bh"),
        'ম' => consonant("m"),
        'র' => consonant("r"),
        'ল' => consonant("l"),
        'শ' | 'ষ' => consonant("sh"),
        'স' => consonant("s"),
        'হ' => consonant("h"),
        'ৎ' => other("t"),
        'ং' => other("ng"),
        'ঃ' => other("h"),
        'া' => other("a"),
        'ি' | 'ী' => other("i"),
        'ু' | 'ূ' => other("u"),
        'ৃ' => other("ri"),
        'ে' => other("e"),
        'ৈ' => other("oi"),
        'ো' => other("o"),
        'ৌ' => other("ou"),
        '০'..='৯' => {
            other(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"][c as usize - '০' as usize])
        }
        _ => None,
    }
}

/// A word of Bengali in Latin letters.
fn romanise_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut last_consonant = "";
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // After a hasanta, unless the letter before it is a reph's র (র্য is rj, র্ব rb).
        let after_hasanta = i > 1 && chars[i - 1] == '\u{09CD}' && chars[i - 2] != 'র';
        // ড় ঢ় য়: a letter and a nukta.
        let (spelling, consonant) = match (c, chars.get(i + 1)) {
            ('ড' | 'ঢ', Some('\u{09BC}')) => {
                i += 1;
                ("r", true)
            }
            ('য', Some('\u{09BC}')) => {
                i += 1;
                ("y", true)
            }
            // ব- and য-phala double the consonant before them inside a word (ত্ব tt, স্য ss);
            // after its first consonant they are w and y (স্বাধীন swadhin, ব্যবসা byabosa).
            ('ব', _) if after_hasanta && i == 2 => ("w", true),
            ('য', _) if after_hasanta && i == 2 => ("y", true),
            ('ব' | 'য', _) if after_hasanta => (last_consonant, true),
            _ => match letter(c) {
                Some(l) => l,
                None if c.is_ascii_alphanumeric() => {
                    out.push(c.to_ascii_lowercase());
                    i += 1;
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        out.push_str(spelling);
        i += 1;
        if consonant {
            last_consonant = spelling;
            // The inherent vowel, unless a sign or hasanta follows; at the end of the word only
            // after a conjunct (পত্র potro, but সনদ sonod).
            let silent = match chars.get(i).copied() {
                None => !after_hasanta,
                Some('\u{09CD}') => {
                    i += 1;
                    true
                }
                Some(n) => matches!(n, 'া'..='ৌ' | 'ৗ' | '\u{09BC}'),
            };
            if !silent {
                out.push('o');
            }
        }
    }
    out
}

/// An id from a name: its words romanised, joined by `-`, at most [`MAX_LEN`] characters.
pub fn slug(name: &str) -> String {
    let mut id = String::new();
    for word in
        name.split(|c: char| !(c.is_alphanumeric() || ('\u{0980}'..='\u{09FF}').contains(&c)))
    {
        let word = romanise_word(word);
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        if !id.is_empty() && id.len() + 1 + word.len() > MAX_LEN {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    id.truncate(MAX_LEN);
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "service".to_string()
    } else {
        id
    }
}

/// Makes ids unique: the second `x` becomes `x-2`.
#[derive(Default)]
pub struct Unique {
    used: HashSet<String>,
}

impl Unique {
    /// `base`, or `base-2`, `base-3`, … whichever is free; taken from then on.
    pub fn take(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// Text compared for sameness: NFC, spaces collapsed.
pub fn same_text(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let norm = |s: &str| -> String {
        s.nfc()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

/// The id an existing charter gives a service of this name.
pub fn existing_service_id<'c>(existing: &'c Charter, name: &str) -> Option<&'c str> {
    existing
        .services
        .iter()
        .find(|(_, s)| same_text(s.name.bn(), name))
        .map(|(_, s)| s.id.as_str())
}

/// The id an existing charter gives this officer: the same name, or with no name the same
/// designation and office.
pub fn existing_officer_id<'c>(existing: &'c Charter, officer: &Officer) -> Option<&'c str> {
    let text = |t: &Option<Text>| t.as_ref().map(|t| t.bn().to_string());
    existing
        .officers
        .iter()
        .find(|(_, o)| match (text(&officer.name), text(&o.name)) {
            (Some(a), Some(b)) => same_text(&a, &b),
            (None, None) => {
                text(&officer.designation)
                    .zip(text(&o.designation))
                    .is_some_and(|(a, b)| same_text(&a, &b))
                    && text(&officer.office).unwrap_or_default()
                        == text(&o.office).unwrap_or_default()
            }
            _ => false,
        })
        .map(|(id, _)| id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanised_ids() {
        assert_eq!(slug("নাগরিকত্ব সনদপত্র"), "nagorikotto-sonodopotro");
        assert_eq!(slug("জন্ম নিবন্ধন"), "jonmo-nibondhon");
        assert_eq!(slug("ওয়ারিশ সনদ"), "oyarish-sonod");
        // য় ড় ঢ় precomposed (U+09DF, U+09DC, U+09DD) and as a letter and a nukta alike.
        assert_eq!(slug("জাতী\u{09DF}তা সনদ"), "jatiyota-sonod");
        assert_eq!(slug("জাতীয\u{09BC}তা সনদ"), "jatiyota-sonod");
        assert_eq!(slug("বা\u{09DC}ি"), "bari");
        assert_eq!(
            slug("Hat-bazaar provides annual lease."),
            "hat-bazaar-provides-annual-lease"
        );
        assert!(slug(&"সেবা ".repeat(40)).len() <= MAX_LEN);
        let mut unique = Unique::default();
        assert_eq!(unique.take("a"), "a");
        assert_eq!(unique.take("a"), "a-2");
    }
}
