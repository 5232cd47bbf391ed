//! Charter wording as words that can be matched against lists of phrases, whatever spelling
//! the office used: `তাৎক্ষণিক`, `তাৎক্ষনিক`, `তাতক্ষনিক` and `তাত্‍ক্ষণিক` are one word here.
//!
//! Offices type the same word many ways: ণ or ন, ী or ি, ূ or ু, ৎ or ত্, য় precomposed or
//! not, ঙ্গ or ংগ, a doubled য্য, a hasanta or none. [`fold`] writes every such pair one way, so
//! that the fee, time-limit and phone readers keep one spelling of each word they look for.
//! Digits are never changed.

use super::{digit_value, is_letter};
use rustc_hash::FxHashMap;

/// Writes `text` with the spelling differences that do not change a word folded away, and ASCII
/// letters in lowercase. Digits and everything that is not a letter stay as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`. Works on the UTF-8 bytes: Bengali letters are three bytes
/// (`E0 A6 xx`, `E0 A7 xx`), mapped through [`fold_bengali`] without decoding other text.
pub(super) fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut folded: Vec<u8> = std::mem::take(out).into_bytes();
    folded.reserve(bytes.len());
    let mut last: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            folded.push(b.to_ascii_lowercase());
            last = u32::from(b);
            i += 1;
            continue;
        }
        let len = utf8_len(b);
        let rest = bytes.get(i + 1..i + len).unwrap_or(&[]);
        match (b, rest) {
            (0xE0, &[b1 @ (0xA6 | 0xA7), b2]) => {
                let cp = 0x0980 + ((u32::from(b1) - 0xA6) << 6) + (u32::from(b2) & 0x3F);
                let (first, second) = fold_bengali(cp);
                for m in [first, second] {
                    // A doubled Bengali letter (য্য once its hasanta is gone) is written once.
                    if m == 0 || (m == last && !(0x09E6..=0x09EF).contains(&m)) {
                        continue;
                    }
                    folded.extend_from_slice(&[
                        0xE0,
                        0x80 | ((m >> 6) & 0x3F) as u8,
                        0x80 | (m & 0x3F) as u8,
                    ]);
                    last = m;
                }
            }
            // ZWNJ and ZWJ: dropped.
            (0xE2, &[0x80, 0x8C | 0x8D]) => {}
            _ => {
                folded.extend_from_slice(&bytes[i..(i + len).min(bytes.len())]);
                last = 0;
            }
        }
        i += len;
    }
    *out = String::from_utf8(folded).unwrap_or_else(|e| {
        // Unreachable: whole characters are copied or written as Bengali letters.
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    });
}

/// The length of a UTF-8 sequence from its first byte (1 for a byte that starts none).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// How [`fold`] writes a Bengali code point: up to two code points, 0 for none.
fn fold_bengali(cp: u32) -> (u32, u32) {
    match cp {
        // Hasanta, candrabindu, nukta: dropped.
        0x09CD | 0x0981 | 0x09BC => (0, 0),
        0x09CE => (0x09A4, 0), // ৎ → ত
        0x09A3 => (0x09A8, 0), // ণ → ন
        0x09C0 => (0x09BF, 0), // ী → ি
        0x09C2 => (0x09C1, 0), // ূ → ু
        0x0999 => (0x0982, 0), // ঙ → ং
        // য় ড় ঢ় precomposed; their decomposed forms lose the nukta above.
        0x09DF => (0x09AF, 0),
        0x09DC => (0x09A1, 0),
        0x09DD => (0x09A2, 0),
        // Assamese ra, which some Bengali keyboards type for র.
        0x09F0 => (0x09B0, 0),
        0x09CB => (0x09C7, 0x09BE), // ো → ে া
        0x09CC => (0x09C7, 0x09D7), // ৌ → ে ৗ
        _ => (cp, 0),
    }
}

/// `text` with every bracketed aside, brackets included, written as spaces: `৩৩৩ (কল সেন্টার)`
/// → `৩৩৩ ` and spaces. Notes in brackets are what a reader skips.
pub(super) fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .map(|c| match c {
            '(' => {
                depth += 1;
                ' '
            }
            ')' => {
                depth = depth.saturating_sub(1);
                ' '
            }
            _ if depth > 0 => ' ',
            c => c,
        })
        .collect()
}

/// A piece of wording: a number, a folded word, or a bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Digits, Bengali or Latin, read as a number (saturating).
    Number(u64),
    /// A run of letters, folded.
    Word(&'a str),
    /// `(`
    Open,
    /// `)`
    Close,
}

/// Folded wording split into tokens; the words are slices of one folded copy of the text.
pub(super) struct Tokens {
    folded: String,
    /// Each token as (kind, byte range in `folded` for words, value for numbers).
    items: Vec<(Kind, usize, usize, u64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Word,
    Open,
    Close,
}

impl Tokens {
    /// Splits `text` into numbers, folded words and brackets; other punctuation only separates.
    pub(super) fn new(text: &str) -> Tokens {
        let folded = fold(text);
        let mut items = Vec::new();
        let mut chars = folded.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            if c == '(' || c == ')' {
                let kind = if c == '(' { Kind::Open } else { Kind::Close };
                items.push((kind, start, start + 1, 0));
                chars.next();
            } else if digit_value(c).is_some() {
                let mut value: u64 = 0;
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    let Some(d) = digit_value(c) else { break };
                    value = value.saturating_mul(10).saturating_add(u64::from(d));
                    end = i + c.len_utf8();
                    chars.next();
                }
                items.push((Kind::Number, start, end, value));
            } else if is_letter(c) {
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if !is_letter(c) {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                items.push((Kind::Word, start, end, 0));
            } else {
                chars.next();
            }
        }
        Tokens { folded, items }
    }

    /// How many tokens there are.
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// The token at `i`, if there is one.
    pub(super) fn get(&self, i: usize) -> Option<Token<'_>> {
        let &(kind, start, end, value) = self.items.get(i)?;
        Some(match kind {
            Kind::Number => Token::Number(value),
            Kind::Word => Token::Word(&self.folded[start..end]),
            Kind::Open => Token::Open,
            Kind::Close => Token::Close,
        })
    }
}

/// A phrase to look for, folded once: words in order, the last one matched as a prefix.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    /// The folded words.
    pub(super) words: Vec<String>,
}

impl Phrase {
    /// Folds `text` and splits it at spaces.
    pub(super) fn new(text: &str) -> Phrase {
        Phrase {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
        }
    }

    /// How many tokens the phrase covers.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }
}

/// Phrases with a value each, found by the first letter of their first word so that a text is
/// compared with the few phrases that could start at each of its words.
pub(super) struct PhraseSet<T> {
    entries: Vec<(Phrase, T)>,
    by_first: FxHashMap<char, Vec<usize>>,
}

impl<T> PhraseSet<T> {
    /// Folds each phrase and indexes it.
    pub(super) fn new<'a>(items: impl IntoIterator<Item = (&'a str, T)>) -> PhraseSet<T> {
        let entries: Vec<(Phrase, T)> = items
            .into_iter()
            .map(|(text, value)| (Phrase::new(text), value))
            .filter(|(p, _)| !p.words.is_empty())
            .collect();
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, (p, _)) in entries.iter().enumerate() {
            if let Some(c) = p.words[0].chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        PhraseSet { entries, by_first }
    }

    /// The first phrase (in the order given) that starts at word `i`, where `word(k)` is the
    /// k-th token when it is a word: each word equal, the last one a prefix of its word, or
    /// equal to it when `exact`.
    pub(super) fn at<'w>(
        &self,
        i: usize,
        exact: bool,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&(Phrase, T)> {
        let first = word(i)?;
        let candidates = self.by_first.get(&first.chars().next()?)?;
        candidates.iter().map(|&k| &self.entries[k]).find(|(p, _)| {
            p.words.iter().enumerate().all(|(k, pw)| {
                word(i + k).is_some_and(|w| {
                    if k + 1 == p.words.len() && !exact {
                        w.starts_with(pw.as_str())
                    } else {
                        w == pw
                    }
                })
            })
        })
    }

    /// The phrases whose first word starts with `first`, in the order given.
    pub(super) fn starting_with(&self, first: char) -> impl Iterator<Item = &(Phrase, T)> {
        self.by_first
            .get(&first)
            .into_iter()
            .flatten()
            .map(|&k| &self.entries[k])
    }
}

/// Stems to look for anywhere in a folded text, found by their first letter so that a text is
/// read once, not once per stem.
pub(super) struct StemSet {
    stems: Vec<String>,
    by_first: FxHashMap<char, Vec<usize>>,
}

impl StemSet {
    /// Folds each stem and indexes it.
    pub(super) fn new(list: &[&str]) -> StemSet {
        let stems: Vec<String> = list
            .iter()
            .map(|w| fold(w))
            .filter(|w| !w.is_empty())
            .collect();
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, stem) in stems.iter().enumerate() {
            if let Some(c) = stem.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        StemSet { stems, by_first }
    }

    /// The stem that `text` starts with, if any.
    pub(super) fn start_of(&self, text: &str) -> Option<&str> {
        let first = text.chars().next()?;
        self.by_first
            .get(&first)?
            .iter()
            .map(|&k| self.stems[k].as_str())
            .find(|stem| text.starts_with(stem))
    }

    /// Whether `text` holds any of the stems.
    pub(super) fn found_in(&self, text: &str) -> bool {
        text.char_indices()
            .any(|(i, _)| self.start_of(&text[i..]).is_some())
    }

    /// Whether `text` is one of the stems.
    pub(super) fn is(&self, text: &str) -> bool {
        text.chars()
            .next()
            .and_then(|c| self.by_first.get(&c))
            .is_some_and(|ks| ks.iter().any(|&k| self.stems[k] == text))
    }

    /// Whether `text` ends with one of the stems.
    pub(super) fn ends(&self, text: &str) -> bool {
        self.stems.iter().any(|stem| text.ends_with(stem.as_str()))
    }
}

/// Folds every word of a list.
pub(super) fn stems(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| fold(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_word_fold_alike() {
        let one = fold("তাৎক্ষণিক");
        for other in ["তাৎক্ষনিক", "তাতক্ষনিক", "তাত্\u{200d}ক্ষণিক", "তাৎক্ষণিক"]
        {
            assert_eq!(fold(other), one, "{other}");
        }
        assert_eq!(fold("কার্য্যদিবস"), fold("কার্যদিবস"));
        assert_eq!(fold("কাৰ্যদিবস"), fold("কার্যদিবস"));
        assert_eq!(fold("সঙ্গে"), fold("সংগে"));
        assert_eq!(fold("বিনামুল্যে"), fold("বিনামূল্যে"));
        assert_eq!(fold("জানুয়ারী"), fold("জানুয়ারি"));
        assert_eq!(fold("জানুয\u{09bc}ারি"), fold("জানুয়ারি"));
        assert_eq!(fold("Office"), "office");
        assert_ne!(fold("১১"), fold("১"), "digits are never folded");
        assert_ne!(fold("দিন"), fold("দিবস"));
    }

    #[test]
    fn tokens_are_numbers_words_and_brackets() {
        let t = Tokens::new("৭ (সাত) কার্যদিবসের মধ্যে, 3 days");
        let got: Vec<Token> = (0..t.len()).filter_map(|i| t.get(i)).collect();
        let kd = fold("কার্যদিবসের");
        assert_eq!(
            got,
            vec![
                Token::Number(7),
                Token::Open,
                Token::Word("সাত"),
                Token::Close,
                Token::Word(&kd),
                Token::Word("মধযে"),
                Token::Number(3),
                Token::Word("days"),
            ]
        );
        assert_eq!(Phrase::new("কার্য দিবস").words, vec!["কারয", "দিবস"]);
    }
}
