//! Encoding slips: text not in NFC, and zero-width characters that readers cannot see.

use std::borrow::Cow;

/// What one pass over a string's bytes tells the validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// The text is in Unicode NFC.
    pub nfc: bool,
    /// The text has ASCII letters, so it may be Bijoy ([`super::bijoy::first_bijoy_word`]).
    pub ascii_letters: bool,
    /// The text has a byte that starts a zero-width character ([`stray_zero_width`]).
    pub zero_width_lead: bool,
    /// The text is all ASCII.
    pub ascii: bool,
    /// The text has a line break (`\n` or `\r`).
    pub line_break: bool,
}

/// Scans a string once for the validator's encoding checks. In the Bengali block only eight
/// characters matter to NFC, and each is told by its last UTF-8 byte, so Bengali text is judged
/// without decoding it; the few other characters are decoded, and anything outside ASCII,
/// Bengali and common punctuation goes to the full NFC algorithm.
pub fn scan(text: &str) -> Scan {
    scan_words(text, |_| {})
}

/// [`scan`], handing each word that could be spelled another way (a word as
/// [`super::words`] splits them, of four letters or more, with a letter that
/// [`super::spelling_key`] folds) to `on_word` in the same pass: Bengali text is most of a
/// charter, and one pass over it is much of the time validation takes.
pub fn scan_words<'s>(text: &'s str, mut on_word: impl FnMut(&'s str)) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan {
        nfc: true,
        ascii_letters: false,
        zero_width_lead: false,
        ascii: true,
        line_break: false,
    };
    // Once a character sends the text to the full NFC algorithm, the rest need not be judged.
    let mut nfc_known = false;
    // The Bengali character before this one (0 for any other), for the marks NFC orders.
    let mut prev = 0;
    // The word being read: where it starts, its characters, whether one of them folds.
    let (mut start, mut letters, mut folds) = (0, 0, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, in_word, fold);
        if b < 0x80 {
            out.ascii_letters |= b.is_ascii_alphabetic();
            out.line_break |= b == b'\n' || b == b'\r';
            (len, in_word, fold, prev) = (1, b.is_ascii_alphanumeric(), false, 0);
        } else if let [0xE0, second @ (0xA6 | 0xA7), third, ..] = bytes[i..] {
            let c = 0x0980 + ((second as u32 & 1) << 6) + (third as u32 & 0x3F);
            if matches!(third, 0xBC | 0xBE | 0x8D | 0x97 | 0x9C | 0x9D | 0x9F) {
                out.nfc &= nfc_known || bengali_nfc(c, prev);
            }
            out.ascii = false;
            (len, prev) = (3, c);
            (in_word, fold) = super::words::bengali_in_word(c);
        } else {
            out.ascii = false;
            out.zero_width_lead |= matches!(b, 0xC2 | 0xE2 | 0xEF);
            let c = text[i..].chars().next().unwrap_or('\0');
            if !nfc_known
                && !matches!(c as u32, 0x00A0..=0x00FF | 0x0964 | 0x0965 | 0x200C | 0x200D | 0x2010..=0x2027)
            {
                out.nfc = unicode_normalization::is_nfc(text);
                nfc_known = true;
            }
            (len, fold, prev) = (c.len_utf8(), false, 0);
            in_word = super::words::in_word(c);
        }
        if in_word {
            if letters == 0 {
                (start, folds) = (i, false);
            }
            letters += 1;
            folds |= fold;
        } else {
            if folds && letters >= 4 {
                on_word(&text[start..i]);
            }
            letters = 0;
        }
        i += len;
    }
    if folds && letters >= 4 {
        on_word(&text[start..]);
    }
    out
}

/// Whether Bengali character `c` after `prev` can stand in NFC text.
fn bengali_nfc(c: u32, prev: u32) -> bool {
    match c {
        // ড় ঢ় য় are composition exclusions: NFC writes them as letter + nukta.
        0x09DC | 0x09DD | 0x09DF => false,
        // ে + া is ো and ে + ৗ is ৌ in NFC.
        0x09BE | 0x09D7 => prev != 0x09C7,
        // Marks in canonical order: nukta (7) before hasanta (9) before ৾ (230).
        0x09BC => !matches!(prev, 0x09CD | 0x09FE),
        0x09CD => prev != 0x09FE,
        _ => true,
    }
}

/// `text` with its control characters made visible, for output a terminal shows: C0 controls
/// (but tab and line feed) as their control pictures (ESC as `␛`, CR as `␍`), DEL as `␡`, C1
/// controls as `␦`. One character for one, so that columns counted in the text still hold. A
/// value holding `ESC ] 0 ;` can then not retitle the terminal, move the cursor or hide text.
pub fn visible_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}');
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{7f}' => '\u{2421}',
            '\0'..='\u{1f}' if hidden(c) => char::from_u32(0x2400 + c as u32).unwrap_or('\u{2426}'),
            c if hidden(c) => '\u{2426}',
            c => c,
        })
        .collect()
}

/// Whether text is in Unicode NFC.
pub fn is_nfc(text: &str) -> bool {
    scan(text).nfc
}

/// The text without its stray zero-width characters ([`stray_zero_width`]), in one pass: the
/// same text as removing the first stray one until none is left (a removal can make a ZWJ after
/// it sit between Bengali letters, where it stays), without reading the text again each time.
pub fn without_stray_zero_width(text: &str) -> Cow<'_, str> {
    if stray_zero_width(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // What is kept before it is final, so its neighbour there is the last one kept.
        if !is_stray(c, kept.chars().next_back(), chars.peek().copied()) {
            kept.push(c);
        }
    }
    Cow::Owned(kept)
}

/// Zero-width characters that have no place in published text. ZWJ and ZWNJ are allowed inside
/// Bengali words (র‍্য needs ZWJ), and are stray anywhere else.
pub fn stray_zero_width(text: &str) -> Option<(usize, char)> {
    // Every character looked for here is encoded with one of these lead bytes.
    if !text.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) {
        return None;
    }
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_stray(c, prev, chars.peek().map(|&(_, c)| c)) {
            return Some((i, c));
        }
        prev = Some(c);
    }
    None
}

/// Whether `c`, between `before` and `after`, is a stray zero-width character.
fn is_stray(c: char, before: Option<char>, after: Option<char>) -> bool {
    let bengali = |c: Option<char>| c.is_some_and(|c| ('\u{0980}'..='\u{09ff}').contains(&c));
    match c {
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{00ad}' => true,
        '\u{200c}' | '\u{200d}' => !(bengali(before) && bengali(after)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_zero_width_goes_in_one_pass_as_one_at_a_time() {
        let alphabet = [
            'ক', 'া', 'a', ' ', '\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}',
        ];
        let mut text = String::new();
        for n in 0..alphabet.len().pow(5) {
            text.clear();
            let mut rest = n;
            for _ in 0..5 {
                text.push(alphabet[rest % alphabet.len()]);
                rest /= alphabet.len();
            }
            let mut one_at_a_time = text.clone();
            while let Some((at, c)) = stray_zero_width(&one_at_a_time) {
                one_at_a_time.replace_range(at..at + c.len_utf8(), "");
            }
            assert_eq!(without_stray_zero_width(&text), one_at_a_time, "{text:?}");
        }
    }

    #[test]
    fn nfc_agrees_with_the_full_algorithm_on_bengali() {
        let bengali: Vec<char> = ('\u{0980}'..='\u{09ff}')
            .chain([
                'a', ' ', '\u{a0}', 'é', '।', '–', '…', '\u{2000}', '\u{0301}',
            ])
            .collect();
        for &a in &bengali {
            for &b in &bengali {
                let s: String = [a, b].iter().collect();
                assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
                for c in [
                    '\u{09bc}', '\u{09be}', '\u{09cd}', '\u{09d7}', '\u{09fe}', 'ক',
                ] {
                    let s: String = [a, b, c].iter().collect();
                    assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
                }
            }
        }
        assert!(is_nfc("প্রয়োজনীয় তথ্য"));
        assert!(!is_nfc("প্র\u{09df}োজনীয়"));
        assert!(
            !is_nfc("Cafe\u{0301}"),
            "other scripts use the full algorithm"
        );
    }

    #[test]
    fn scan_flags_what_needs_a_closer_look() {
        let s = scan("সেবা\u{200b}মূল্য");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (true, false, true)
        );
        let s = scan("Avgiv ও ে\u{09be}");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (false, true, false)
        );
        let s = scan("প্রয়োজনীয় তথ্য।");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (true, false, false)
        );
    }

    #[test]
    fn scan_finds_the_words_that_may_be_spelled_another_way() {
        let mut found = Vec::new();
        let s = scan_words(
            "তাৎক্ষণিক/৩ কার্যদিবস, প্রত্যাশা কি নীতিমাল e-filing\nনাগরিক",
            |w| found.push(w),
        );
        assert_eq!(found, ["তাৎক্ষণিক", "কার্যদিবস", "নীতিমাল", "নাগরিক"]);
        for w in found {
            assert!(super::super::may_have_variants(w));
        }
        assert!(!super::super::may_have_variants("প্রত্যাশা"));
        assert!(s.line_break && s.ascii_letters && !s.ascii && s.nfc);
        assert!(scan("id-1 x@y.z").ascii);
    }

    #[test]
    fn controls_are_made_visible_one_for_one() {
        assert_eq!(
            visible_controls("a\u{1b}]0;x\u{7}b\r\tc\n"),
            "a␛]0;x␇b␍\tc\n"
        );
        assert_eq!(visible_controls("\u{9b}31m\u{7f}"), "␦31m␡");
        assert!(matches!(
            visible_controls("সেবা"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn zero_width_characters() {
        assert_eq!(stray_zero_width("সেবা\u{200b}মূল্য"), Some((12, '\u{200b}')));
        assert_eq!(
            stray_zero_width("র\u{200d}্যাব"),
            None,
            "ZWJ inside a Bengali word is spelling"
        );
        assert_eq!(stray_zero_width("সেবা \u{200c}"), Some((13, '\u{200c}')));
        assert_eq!(stray_zero_width("\u{feff}সেবা"), Some((0, '\u{feff}')));
        assert_eq!(stray_zero_width("সেবা"), None);
    }
}
