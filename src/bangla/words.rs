//! Words of a text, and the spellings of one word that a typist's slip makes.

use super::digit_value;

/// Splits text into words: runs of letters, marks and digits (Bengali or Latin) and the joiners
/// that belong inside Bengali words. Returns each word with its byte offset.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = in_word;
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let (i, c) = rest.next()?;
            if is_word(c) {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Whether Bengali character `c` (U+0980–U+09FF) belongs in a word (as in [`words`]), and
/// whether it is a letter that [`spelling_key`] folds. For [`super::encoding::scan_words`],
/// which tells Bengali characters by their UTF-8 bytes.
#[inline]
pub(super) fn bengali_in_word(c: u32) -> (bool, bool) {
    let in_word = !matches!(c, 0x0980 | 0x09F2..=0x09FB);
    let fold = matches!(c, 0x09A3 | 0x09A8 | 0x09BF | 0x09C0 | 0x09C1 | 0x09C2);
    (in_word, fold)
}

/// Whether a character belongs in a word (as in [`words`]).
pub(super) fn in_word(c: char) -> bool {
    is_letter(c) || digit_value(c).is_some()
}

/// Whether a character belongs inside a word: a letter of any script, a Bengali sign (vowel
/// signs, hasanta, candrabindu, nukta), or a joiner. ASCII and the Bengali block, which are
/// nearly all a charter holds, are answered without the general Unicode tables.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0980}'..='\u{09ff}' => !matches!(c, '০'..='৯' | '৲'..='৻' | '\u{0980}'),
        '\u{200c}' | '\u{200d}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic() || is_bengali_mark(c),
    }
}

/// Bengali vowel signs, hasanta, candrabindu, anusvara, visarga, nukta and length mark: marks that
/// `char::is_alphanumeric` does not count as letters.
fn is_bengali_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09bc}' | '\u{09be}'..='\u{09cd}' | '\u{09d7}' | '\u{09e2}' | '\u{09e3}')
}

/// Whether a word could be spelled another way: it is long enough to judge and holds a letter
/// that [`spelling_key`] folds. Cheap, so that most words are never hashed.
pub fn may_have_variants(word: &str) -> bool {
    const FOLDED: [char; 6] = ['ণ', 'ন', 'ী', 'ি', 'ূ', 'ু'];
    word.len() >= 4 * 3 && word.contains(FOLDED)
}

/// The key under which spellings of one word meet: ণ and ন, ী and ি, ূ and ু fold together, the
/// slips a typist makes most. Returns `None` for words that hold none of these letters (they
/// cannot meet another spelling), and for words too short or not Bengali, where a difference is
/// more likely two words than one misspelt (কি and কী). The key is a hash of the folded word, so
/// that no string is built for it.
pub fn spelling_key(word: &str) -> Option<u64> {
    use std::hash::Hasher;
    if !may_have_variants(word) {
        return None;
    }
    let mut hasher = rustc_hash::FxHasher::default();
    for c in word.chars() {
        let folded = match c {
            'ণ' => 'ন',
            'ী' => 'ি',
            'ূ' => 'ু',
            c => c,
        };
        hasher.write_u32(folded as u32);
    }
    Some(hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_keys_meet() {
        assert_eq!(spelling_key("তাৎক্ষণিক"), spelling_key("তাৎক্ষনিক"));
        assert_eq!(spelling_key("সরকারী"), spelling_key("সরকারি"));
        assert_eq!(spelling_key("ঘন্টা"), spelling_key("ঘণ্টা"));
        assert_ne!(spelling_key("কার্যদিবস"), spelling_key("কর্মদিবস"));
        assert_eq!(spelling_key("কি"), None, "too short to judge");
        assert_eq!(spelling_key("office"), None, "not Bengali");
        assert_eq!(spelling_key("প্রত্যাশা"), None, "no letter that folds");
    }

    #[test]
    fn words_split_on_punctuation() {
        let w: Vec<&str> = words("তাৎক্ষণিক/৩ কার্যদিবস ( প্রযোজ্য ক্ষেত্রে)।")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["তাৎক্ষণিক", "৩", "কার্যদিবস", "প্রযোজ্য", "ক্ষেত্রে"]);
    }
}
