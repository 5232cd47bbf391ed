//! Bijoy text to Unicode Bengali.
//!
//! Bijoy is the keyboard layout most Bangladeshi offices typed with for decades, and SutonnyMJ
//! and its sister fonts are how it is drawn: the file holds ASCII and Windows-1252 characters
//! (`†mev mgyn`), and only the font makes them look Bengali (সেবা সমুহ). Everywhere else (a web
//! page, a search engine, a screen reader, an email, our PDF) they are Latin garbage.
//!
//! Converting takes three steps:
//! - [`to_unicode`] finds the words that are Bijoy. A charter cell can mix Bijoy, Unicode Bengali
//!   and English (a web address, an acronym), so this is decided word by word, and a word that
//!   could be either follows the words around it.
//! - Each Bijoy word is read glyph by glyph ([`glyph`]): a letter, a vowel sign, a digit, or one
//!   of the conjuncts and marks that the fonts draw as a single character (`¶` ক্ষ, `¯Í` স্ত).
//! - The letters are put in Unicode's order ([`reorder`]): Bijoy stores what is drawn from left
//!   to right, so the vowel signs ি ে ৈ come before their consonant cluster (`wK` কি), ো and ৌ are
//!   split around it (`‡Kv` কো), and a reph after it (`Kg©` কর্ম).
//!
//! What is converted comes out in NFC. Text that is not Bijoy is returned as it was.

use std::borrow::Cow;

/// A consonant cluster's reph while the glyphs are read; [`reorder`] puts র্ in its place.
const REPH: char = '\u{E000}';
const HASANTA: char = '\u{09CD}';
const NUKTA: char = '\u{09BC}';
const ZWJ: char = '\u{200D}';

/// What one Bijoy character stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    /// Always these Unicode characters.
    Text(Letters),
    /// These characters after a consonant; elsewhere the character is itself (a quotation mark
    /// or a dash that the font happens to share with a vowel sign).
    AfterConsonant(Letters),
    /// Not a glyph of the Bijoy fonts: kept as it is.
    Keep,
}

/// Up to six Unicode characters (ক্ষ্ম has five), decoded once when the table is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letters {
    chars: [char; 6],
    len: u8,
}

impl Letters {
    /// Decodes a short string (at most six characters) at compile time.
    const fn of(s: &str) -> Letters {
        let bytes = s.as_bytes();
        let mut chars = ['\0'; 6];
        let (mut i, mut n) = (0, 0);
        while i < bytes.len() {
            let b = bytes[i] as u32;
            let (len, lead) = match b {
                0x00..=0x7F => (1, b),
                0xC0..=0xDF => (2, b & 0x1F),
                0xE0..=0xEF => (3, b & 0x0F),
                _ => (4, b & 0x07),
            };
            let mut c = lead;
            let mut k = 1;
            while k < len {
                c = (c << 6) | (bytes[i + k] as u32 & 0x3F);
                k += 1;
            }
            chars[n] = match char::from_u32(c) {
                Some(c) => c,
                None => '\u{FFFD}',
            };
            n += 1;
            i += len;
        }
        Letters {
            chars,
            len: n as u8,
        }
    }

    fn as_slice(&self) -> &[char] {
        &self.chars[..self.len as usize]
    }
}

/// Windows-1252's characters for the bytes 0x80–0x9F, for text that was decoded as Latin-1 and
/// holds the C1 control codes instead (`\u{87}K` for `‡K` কে).
const fn from_c1(c: char) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match c {
        '\u{80}'..='\u{9F}' => CP1252[c as usize - 0x80],
        _ => c,
    }
}

/// Every character the converter reads as Bengali: the domain of [`glyph`], for tests and docs.
pub fn glyphs() -> impl Iterator<Item = char> {
    let cp1252 = (0x80..0xA0u32).map(|b| from_c1(char::from_u32(b).unwrap_or(' ')));
    (0x20..0x7Fu32)
        .chain(0xA0..0x100)
        .filter_map(char::from_u32)
        .chain(cp1252)
        .filter(|&c| glyph(c) != Glyph::Keep)
}

/// The SutonnyMJ layout, character by character.
///
/// Sources: the layout as published with Bijoy and the tables of the open converters
/// (bahar/BijoyToUnicode, Mad-FOX/bijoy2unicode, shahad-mahmud/unicode_converter), checked
/// against real text: `../shared/import-samples/33-bijoy-*` (a land office notice) and the
/// words of `tests/bijoy/words.tsv`. Where the converters disagree, the entry says which reading
/// real text confirmed.
fn glyph(c: char) -> Glyph {
    match cp1252_byte(c) {
        Some(b) => GLYPHS[b as usize],
        None => Glyph::Keep,
    }
}

/// The byte that Windows-1252 writes a character as: the index into [`GLYPHS`].
fn cp1252_byte(c: char) -> Option<u8> {
    Some(match c {
        '\0'..='\u{FF}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// [`layout`] by Windows-1252 byte, decoded once: a table lookup per character.
const GLYPHS: [Glyph; 256] = {
    let mut table = [Glyph::Keep; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = layout(from_c1(char::from_u32(i as u32).unwrap()));
        i += 1;
    }
    table
};

/// The SutonnyMJ layout itself.
const fn layout(c: char) -> Glyph {
    use Glyph::*;
    Text(Letters::of(match c {
        // Vowels (আ is `Av`, read as a pair in `read_glyphs`).
        'A' => "অ",
        'B' => "ই",
        'C' => "ঈ",
        'D' => "উ",
        'E' => "ঊ",
        'F' => "ঋ",
        'G' => "এ",
        'H' => "ঐ",
        'I' => "ও",
        'J' => "ঔ",
        // Consonants.
        'K' => "ক",
        'L' => "খ",
        'M' => "গ",
        'N' => "ঘ",
        'O' => "ঙ",
        'P' => "চ",
        'Q' => "ছ",
        'R' => "জ",
        'S' => "ঝ",
        'T' => "ঞ",
        'U' => "ট",
        'V' => "ঠ",
        'W' => "ড",
        'X' => "ঢ",
        'Y' => "ণ",
        'Z' => "ত",
        '_' => "থ",
        '`' => "দ",
        'a' => "ধ",
        'b' => "ন",
        'c' => "প",
        'd' => "ফ",
        'e' => "ব",
        'f' => "ভ",
        'g' => "ম",
        'h' => "য",
        'i' => "র",
        'j' => "ল",
        'k' => "শ",
        'l' => "ষ",
        'm' => "স",
        'n' => "হ",
        // ড় ঢ় য় as NFC writes them: the letter and a nukta.
        'o' => "ড\u{09BC}",
        'p' => "ঢ\u{09BC}",
        'q' => "য\u{09BC}",
        'r' => "ৎ",
        's' => "ং",
        // ঃ, which Bijoy text also uses as a colon (`KvMRcÎ t`); kept as the reader saw it.
        't' => "ঃ",
        'u' => "ঁ",
        // Digits: the fonts draw ASCII digits as Bengali ones.
        '0' => "০",
        '1' => "১",
        '2' => "২",
        '3' => "৩",
        '4' => "৪",
        '5' => "৫",
        '6' => "৬",
        '7' => "৭",
        '8' => "৮",
        '9' => "৯",
        // Vowel signs.
        'v' => "া",
        'w' => "ি",
        'x' => "ী",
        'y' | 'z' => "ু",
        // ƒ: রূ `iƒ` (`iƒc` রূপ). One converter also reads ‚ as ূ; no text confirms it.
        '~' | 'ƒ' => "ূ",
        '„' => "ৃ",
        '†' | '‡' => "ে",
        'ˆ' | '‰' => "ৈ",
        'Š' => "ৗ",
        // u-kar under র and other letters (`i“` রু, ``ª“` দ্রু, confirmed in the converters'
        // own test sentences); a quotation mark elsewhere. (One converter reads the en dash –
        // as ু too; no text confirms it, and ordinary text is full of dashes: kept a dash.)
        '“' => return AfterConsonant(Letters::of("ু")),
        // ri-kar (`g…Zz¨` মৃত্যু in print; the sample has `g„Zz¨`); an ellipsis elsewhere.
        '…' => return AfterConsonant(Letters::of("ৃ")),
        // Signs.
        '|' => "।",
        '&' => "্",
        '©' => "\u{E000}",
        'Ò' => "“",
        'Ó' => "”",
        'Ô' => "‘",
        'Õ' => "’",
        // Not read: Ð and Ñ (one converter reads them as hyphens), ¹ and º (one converter reads
        // জ্ঞ and গ্দ): no text confirms them, so they stay as they are, for a person to see.
        // Half forms: a consonant that joins the next glyph (`š—` ন্ত, `¤ú` ম্প, `”Q` চ্ছ).
        'š' | '›' => "ন্",
        '¤' => "ম্",
        '¯' => "স্",
        '®' => "ষ্",
        '”' => "চ্",
        '˜' | '™' => "দ্",
        '•' => "ঙ্",
        // Lower forms: hasanta and the consonant drawn under or after the one before.
        // Í and — are ্ত: `kvwšÍ` শান্তি, `ev¯Íe` বাস্তব, and the sample's `n¯—vš—i` হস্তান্তর.
        // (One converter reads Í as ত্ম; real text writes ত্ম as `Z¥`: `AvZ¥v` আত্মা.)
        'Í' | '—' => "্ত",
        // ¿ is ্ত্র: `gš¿Yvjq` মন্ত্রণালয়, `¯¿x` স্ত্রী. (The issue's `‡¯¿` স্রে is স্ত্রে.)
        '¿' => "্ত্র",
        // After a consonant or a half form (`š‘` ন্তু, `¯’` স্থ); quotation marks elsewhere.
        '‘' => return AfterConsonant(Letters::of("্তু")),
        '’' => return AfterConsonant(Letters::of("্থ")),
        '‹' => "্ক",
        'Œ' => "্ক্র",
        'œ' => "্ন",
        '^' | 'Ÿ' | '¡' | '¦' => "্ব",
        '¢' => "্ভ",
        '£' => "্ভ্র",
        '¥' | '§' => "্ম",
        '¨' => "্য",
        'ª' | '«' | 'Ö' => "্র",
        // ্ল: ¬ after most letters, ø after প and শ (`cø` প্ল), and the soft hyphen after গ, ব,
        // ম, স (`M\u{AD}` গ্ল). One converter reads ø as স্ন; real text writes স্ন `mœ` (`‡mœn`
        // স্নেহ), and its own Unicode-to-Bijoy table writes প্ল `cø`.
        '¬' | '\u{AD}' | 'ø' => "্ল",
        'ú' => "্প",
        // ্ণ: `Aceivè` অপরাহ্ণ, `c~e©vè` পূর্বাহ্ণ (converters agree on হ্ণ `nè`).
        'è' => "্ণ",
        // Whole conjuncts.
        '°' => "ক্ক",
        '±' => "ক্ট",
        // ক্ষ্ম: `j²x` লক্ষ্মী, `m~²` সূক্ষ্ম. (One converter reads ক্ষ্ণ; its own reverse table
        // writes ক্ষ্ম as ².)
        '²' => "ক্ষ্ম",
        '³' => "ক্ত",
        '´' => "ক্ম",
        'µ' => "ক্র",
        '¶' | 'ÿ' => "ক্ষ",
        '·' => "ক্স",
        '¸' => "গু",
        '»' => "গ্ধ",
        '¼' => "ঙ্ক",
        '½' => "ঙ্গ",
        '¾' => "জ্জ",
        'À' => "জ্ঝ",
        'Á' => "জ্ঞ",
        'Â' => "ঞ্চ",
        'Ã' => "ঞ্ছ",
        'Ä' => "ঞ্জ",
        'Å' => "ঞ্ঝ",
        'Æ' => "ট্ট",
        'Ç' => "ড্ড",
        'È' => "ণ্ট",
        'É' => "ণ্ঠ",
        'Ê' => "ণ্ড",
        'Ë' => "ত্ত",
        'Ì' => "ত্থ",
        'Î' => "ত্র",
        'Ï' => "দ্দ",
        '×' => "দ্ধ",
        'Ø' => "দ্ব",
        'Ù' => "দ্ম",
        'Ú' => "ন্ঠ",
        'Û' => "ন্ড",
        'Ü' => "ন্ধ",
        'Ý' => "ন্স",
        'Þ' => "প্ট",
        'ß' => "প্ত",
        'à' => "প্প",
        'á' => "প্স",
        'â' => "ব্জ",
        'ã' => "ব্দ",
        'ä' => "ব্ধ",
        'å' => "ভ্র",
        // Doubtful: converters read æ as ম্ন or as the u-kar of রু (`iæ`); ম্ন is `gœ` in real
        // text, so æ is read as that u-kar's glyph, after a consonant only.
        'æ' => return AfterConsonant(Letters::of("ু")),
        'ç' => "ম্ফ",
        'é' => "ল্ক",
        'ê' => "ল্গ",
        'ë' => "ল্ট",
        'ì' => "ল্ড",
        'í' => "ল্প",
        'î' => "ল্ফ",
        'ï' => "শু",
        'ð' => "শ্চ",
        'ñ' => "শ্ছ",
        'ò' => "ষ্ণ",
        'ó' => "ষ্ট",
        'ô' => "ষ্ঠ",
        'õ' => "ষ্ফ",
        'ö' => "স্খ",
        '÷' => "স্ট",
        'ù' => "স্ফ",
        'û' => "হু",
        'ü' => "হৃ",
        'ý' => "হ্ন",
        'þ' => "হ্ম",
        _ => return Keep,
    }))
}

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0995}'..='\u{09B9}')
}

fn is_prebase(c: char) -> bool {
    matches!(c, 'ি' | 'ে' | 'ৈ')
}

/// Vowel signs drawn after or below their consonant.
fn is_postbase(c: char) -> bool {
    matches!(c, 'া' | 'ী' | 'ু' | 'ূ' | 'ৃ' | 'ৗ')
}

/// Reads a Bijoy word's glyphs into Unicode letters, still in the order they are drawn.
fn read_glyphs(word: &str, raw: &mut Vec<char>) {
    const AA: Letters = Letters::of("আ");
    // র with ya-phala, drawn as such (র‍্যাব), which Unicode writes with a ZWJ.
    const RA_YA: Letters = Letters::of("র\u{200D}্য");
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let letters = match (c, chars.peek()) {
            ('A', Some('v')) => {
                chars.next();
                AA
            }
            ('i', Some('¨')) => {
                chars.next();
                RA_YA
            }
            _ => match glyph(c) {
                Glyph::Text(letters) => letters,
                Glyph::AfterConsonant(letters)
                    if raw
                        .last()
                        .is_some_and(|&l| is_consonant(l) || l == NUKTA || l == HASANTA) =>
                {
                    letters
                }
                Glyph::AfterConsonant(_) | Glyph::Keep => {
                    raw.push(c);
                    continue;
                }
            },
        };
        push_glyph(raw, letters.as_slice());
    }
}

/// Appends one glyph's letters, mending what typing order and overlapping glyphs leave behind.
fn push_glyph(raw: &mut Vec<char>, letters: &[char]) {
    let Some(&first) = letters.first() else {
        return;
    };
    let single = letters.len() == 1;
    match raw.last().copied() {
        // A half form and a lower form meet: one hasanta (`š` ন্ + `Í` ্ত = ন্ত).
        Some(HASANTA) if first == HASANTA => push_all(raw, &letters[1..]),
        // The same vowel sign twice draws as one: typed twice, read once.
        Some(last) if last == first && single && is_postbase(first) => {}
        // A ya- or ra-phala typed after the vowel sign (`Zz¨` for ত্যু) belongs before it.
        Some(last) if first == HASANTA && is_postbase(last) => {
            let at = raw.len() - 1;
            for (k, &l) in letters.iter().enumerate() {
                raw.insert(at + k, l);
            }
        }
        // Candrabindu typed before the vowel sign (`Zuv`) goes after it.
        Some('ঁ') if single && is_postbase(first) => {
            let at = raw.len() - 1;
            raw.insert(at, first);
        }
        _ => push_all(raw, letters),
    }
}

/// Appends a few letters one by one: a call to `memcpy` for each glyph costs more than the copy.
fn push_all(to: &mut Vec<char>, letters: &[char]) {
    for &l in letters {
        to.push(l);
    }
}

/// The end of the consonant cluster that starts at `start`: a consonant, its nukta, and every
/// hasanta + consonant (with a ZWJ, as in র‍্য) after it.
fn cluster_end(raw: &[char], start: usize) -> usize {
    if !raw.get(start).copied().is_some_and(is_consonant) {
        return start;
    }
    let mut end = start + 1;
    loop {
        if raw.get(end) == Some(&NUKTA) {
            end += 1;
        }
        match raw.get(end..end + 3) {
            Some([ZWJ, HASANTA, c]) if is_consonant(*c) => end += 3,
            _ => match raw.get(end..end + 2) {
                Some([HASANTA, c]) if is_consonant(*c) => end += 2,
                _ => return end,
            },
        }
    }
}

/// Puts letters read in drawing order into Unicode's order: pre-base vowel signs after their
/// cluster (joined with া or ৗ into ো or ৌ), and a reph before its cluster.
fn reorder(raw: &[char], out: &mut Vec<char>) {
    let mut cluster: Option<usize> = None;
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i];
        if is_prebase(c) {
            // Candrabindu typed between the sign and its consonant (`wuP`) follows the sign.
            let mut j = i + 1;
            while raw.get(j) == Some(&'ঁ') {
                j += 1;
            }
            let end = cluster_end(raw, j);
            if end == j {
                out.push(c);
                i += 1;
                continue;
            }
            cluster = Some(out.len());
            push_all(out, &raw[j..end]);
            let mut next = end;
            let sign = match (c, raw.get(end)) {
                ('ে', Some('া')) => {
                    next += 1;
                    'ো'
                }
                ('ে', Some('ৗ')) => {
                    next += 1;
                    'ৌ'
                }
                _ => c,
            };
            out.push(sign);
            out.extend(std::iter::repeat_n('ঁ', j - i - 1));
            i = next;
        } else if is_consonant(c) {
            let end = cluster_end(raw, i);
            cluster = Some(out.len());
            push_all(out, &raw[i..end]);
            i = end;
        } else if c == REPH {
            let at = cluster.unwrap_or(out.len());
            out.insert(at, HASANTA);
            out.insert(at, 'র');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// Text from a file's bytes: UTF-8 when they are, else Windows-1252, the encoding in which Word
/// and Notepad save Bijoy documents as "plain text".
pub fn decode_bytes(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| from_c1(char::from(b))).collect()),
    }
}

/// Converts text known to be Bijoy, all of it (a Word run set in SutonnyMJ is Bijoy whatever it
/// looks like). Spaces and punctuation pass through.
pub fn convert(text: &str) -> String {
    in_parallel(text, b' ', |chunk| {
        let (mut raw, mut ordered) = (Vec::new(), Vec::new());
        let mut out = String::with_capacity(chunk.len() * 2);
        for piece in chunk.split_inclusive(char::is_whitespace) {
            // A word already in Unicode Bengali is kept: converting it again would break it
            // (`সেবা` → `সবো`), and `bijoy --all` run twice would change the text twice.
            if piece
                .chars()
                .any(|c| ('\u{0980}'..='\u{09FF}').contains(&c))
            {
                out.push_str(piece);
            } else {
                convert_word(piece, &mut raw, &mut ordered, &mut out);
            }
        }
        out
    })
}

/// Runs `f` on pieces of a large text at once, one piece per core's turn, and joins what it
/// gives. The pieces end after a `cut` byte (a space, or a line break for [`to_unicode`], whose
/// decisions are per line), so each piece converts exactly as it would in the whole.
fn in_parallel(text: &str, cut: u8, f: impl Fn(&str) -> String + Sync + Send) -> String {
    use rayon::prelude::*;
    const PIECE: usize = 64 * 1024;
    if text.len() < 4 * PIECE {
        return f(text);
    }
    let mut pieces = Vec::with_capacity(text.len() / PIECE + 1);
    let mut rest = text;
    while rest.len() > PIECE {
        let at = rest.as_bytes()[PIECE..]
            .iter()
            .position(|&b| b == cut)
            .map_or(rest.len(), |p| PIECE + p + 1);
        let (piece, tail) = rest.split_at(at);
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest);
    pieces.into_par_iter().map(f).collect::<Vec<_>>().concat()
}

fn convert_word(word: &str, raw: &mut Vec<char>, ordered: &mut Vec<char>, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    raw.clear();
    ordered.clear();
    read_glyphs(word, raw);
    reorder(raw, ordered);
    // The letters are NFC by construction. What could make them not: a vowel sign with no
    // consonant to go to (ে then া), or a character from outside the layout that was kept.
    let unsure = ordered
        .windows(2)
        .any(|w| matches!(w, ['ে', 'া' | 'ৗ'] | [HASANTA, NUKTA]))
        || ordered.iter().any(
            |&c| !matches!(c, '\0'..='\u{FF}' | '\u{0964}'..='\u{09FF}' | '\u{200C}'..='\u{2027}'),
        );
    if unsure {
        out.extend(ordered.iter().copied().nfc());
    } else {
        out.extend(ordered.iter());
    }
}

// ---------------------------------------------------------------------------------------------
// Which words are Bijoy

/// How a word of a text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Bijoy for certain: no English word looks like this.
    Bijoy,
    /// Not Bijoy for certain: an English word, an acronym, an address.
    Other,
    /// Unicode Bengali, or punctuation: says nothing about its neighbours.
    Neutral,
    /// Could be either (`Kiv` করা or a name, `G` এ or a letter, `250.00`): follows its neighbours.
    Unsure,
}

/// Converts the Bijoy words of a text to Unicode and leaves every other word as it is.
///
/// A word is Bijoy when its characters say so (a Windows-1252 symbol inside it, a lowercase
/// letter before a capital, `v` before a consonant, …), and a word that could be read either way
/// is Bijoy when the nearest decided words on its line are. Text with no word that is Bijoy for
/// certain is returned unchanged, borrowed.
pub fn to_unicode(text: &str) -> Cow<'_, str> {
    if first_bijoy_word(text).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(in_parallel(text, b'\n', lines_to_unicode))
}

/// [`to_unicode`] for whole lines.
fn lines_to_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let (mut raw, mut ordered, mut chars) = (Vec::new(), Vec::new(), Vec::new());
    let (mut words, mut bijoy) = (Vec::new(), Vec::new());
    for line in text.split_inclusive('\n') {
        line_words(line, &mut words, &mut chars);
        in_context(&words, &mut bijoy);
        let mut last = 0;
        for (&(start, end, _), &is_bijoy) in words.iter().zip(&bijoy) {
            out.push_str(&line[last..start]);
            let word = &line[start..end];
            if is_bijoy {
                convert_word(word, &mut raw, &mut ordered, &mut out);
            } else {
                out.push_str(word);
            }
            last = end;
        }
        out.push_str(&line[last..]);
    }
    out
}

/// The first word of a text that is Bijoy for certain: what `charter validate` warns about.
pub fn first_bijoy_word(text: &str) -> Option<&str> {
    // Every Bijoy word has an ASCII letter or a Windows-1252 symbol; most Bengali text has neither.
    if !text
        .bytes()
        .any(|b| b.is_ascii_alphabetic() || matches!(b, 0xC2 | 0xC3 | 0xC5 | 0xC6 | 0xCB | 0xE2))
    {
        return None;
    }
    let mut chars = Vec::new();
    text.split_whitespace()
        .find(|w| judge(w, &mut chars) == Kind::Bijoy)
}

/// Whether text is Bijoy for certain somewhere (a cell, a paragraph).
pub fn has_bijoy(text: &str) -> bool {
    first_bijoy_word(text).is_some()
}

/// The words of one line: byte range and kind. Words are split at ASCII whitespace and at
/// no-break spaces, read from the bytes: the line is decoded only where a word is judged.
fn line_words(line: &str, words: &mut Vec<(usize, usize, Kind)>, chars: &mut Vec<char>) {
    words.clear();
    let bytes = line.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i <= bytes.len() {
        let space = match bytes.get(i) {
            None => 1,
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => 1,
            Some(0xC2) if bytes.get(i + 1) == Some(&0xA0) => 2,
            _ => 0,
        };
        match (space, start) {
            (0, None) => start = Some(i),
            (1.., Some(s)) => {
                words.push((s, i, judge(&line[s..i], chars)));
                start = None;
            }
            _ => {}
        }
        i += space.max(1);
    }
}

/// Which words of a line are Bijoy: those for certain, and the unsure ones whose nearest decided
/// words are Bijoy on both sides (or Bijoy on one side and the line's end on the other). Two
/// passes, so that a long line costs no more than its words.
fn in_context(words: &[(usize, usize, Kind)], bijoy: &mut Vec<bool>) {
    let decided = |k: Kind| matches!(k, Kind::Bijoy | Kind::Other);
    // The nearest decided kind to the left of each word.
    let mut left = None;
    bijoy.clear();
    let lefts: Vec<Option<Kind>> = words
        .iter()
        .map(|w| {
            let before = left;
            if decided(w.2) {
                left = Some(w.2);
            }
            before
        })
        .collect();
    bijoy.resize(words.len(), false);
    let mut right = None;
    for (i, w) in words.iter().enumerate().rev() {
        bijoy[i] = match w.2 {
            Kind::Bijoy => true,
            Kind::Other | Kind::Neutral => false,
            Kind::Unsure => {
                let ok = |k: Option<Kind>| k.is_none_or(|k| k == Kind::Bijoy);
                (lefts[i] == Some(Kind::Bijoy) || right == Some(Kind::Bijoy))
                    && ok(lefts[i])
                    && ok(right)
            }
        };
        if decided(w.2) {
            right = Some(w.2);
        }
    }
}

/// Punctuation around a word that says nothing of its encoding.
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '\''
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '*'
            | '/'
            | '-'
            | '='
            | '+'
            | '#'
            | '%'
            | '“'
            | '”'
            | '‘'
            | '’'
    )
}

/// Characters of the Bijoy fonts that ordinary text does not put next to letters.
fn is_bijoy_symbol(c: char) -> bool {
    matches!(
        c,
        '©' | '‡'
            | '†'
            | '¨'
            | '¯'
            | '¶'
            | 'ª'
            | '«'
            | '¬'
            | '\u{AD}'
            | '®'
            | '°'
            | '±'
            | '²'
            | '³'
            | '´'
            | 'µ'
            | '·'
            | '¸'
            | '¹'
            | 'º'
            | '»'
            | '¼'
            | '½'
            | '¾'
            | '¿'
            | '×'
            | '÷'
            | '¤'
            | '¥'
            | '¦'
            | '§'
            | '¡'
            | '¢'
            | '£'
            | '‰'
            | 'ˆ'
            | 'Š'
            | 'š'
            | '›'
            | '‹'
            | 'Œ'
            | 'œ'
            | 'Ÿ'
            | '„'
            | 'ƒ'
            | '‚'
            | '˜'
            | '™'
            | '•'
    )
}

/// A non-ASCII character the fonts draw as Bengali.
fn is_glyph_symbol(c: char) -> bool {
    !c.is_ascii() && glyph(c) != Glyph::Keep
}

/// Characters that are Bijoy inside a word but ordinary punctuation at its edges.
fn is_edge_symbol(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…')
}

/// Whether a word is an address: a URL, an email address or a host name.
fn is_address(word: &str) -> bool {
    if !word.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let www = w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
    if w.contains("://") || www || w.contains('@') {
        return true;
    }
    // A host name: lowercase labels and a known top-level domain (`dls.gov.bd`).
    const TLDS: &[&str] = &["bd", "com", "org", "net", "gov", "edu", "info", "io", "int"];
    w.contains('.')
        && w.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && w.rsplit('.').next().is_some_and(|tld| TLDS.contains(&tld))
}

/// How a word reads on its own.
fn judge(word: &str, chars: &mut Vec<char>) -> Kind {
    // Bengali script is told by its UTF-8 lead bytes, without decoding.
    if word
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE0 && matches!(w[1], 0xA6 | 0xA7))
    {
        return Kind::Neutral;
    }
    if is_address(word) {
        return Kind::Other;
    }
    let core = word.trim_matches(is_edge_punctuation);
    // A number with its unit or fraction (`25°C`, `×2`, `1½`): English, not Bijoy's glyphs.
    if is_measure(core) {
        return Kind::Other;
    }
    // A brand's mark after an English-looking word (`Word®`, `Excel™`).
    if let Some(stem) = core.strip_suffix(['®', '™'])
        && stem.len() >= 3
        && stem.bytes().all(|b| b.is_ascii_alphabetic())
        && stem
            .to_ascii_lowercase()
            .contains(['a', 'e', 'i', 'o', 'u'])
    {
        return Kind::Other;
    }
    // A name in Latin letters (`Tariq`, `Iqbal`), or a brand written `vCard`, `iPhone`: no
    // Bijoy word is shaped so. (An accented name, `Müller`, stays unsure: Bijoy draws ü as হৃ.)
    if is_name_shaped(core) || is_brand_shaped(core) {
        return Kind::Other;
    }
    // `Citizen’s`: an English possessive typed with a typographic apostrophe, which is also a
    // Bijoy glyph.
    if let Some(stem) = core
        .strip_suffix("’s")
        .or_else(|| core.strip_suffix("’S"))
        .or_else(|| core.strip_suffix('’'))
        && stem.len() >= 3
        && is_english(stem)
    {
        return Kind::Other;
    }
    chars.clear();
    let (mut letters, mut symbols) = (0, 0);
    for c in core.chars().map(from_c1) {
        letters += usize::from(c.is_ascii_alphabetic());
        symbols += usize::from(is_bijoy_symbol(c));
        chars.push(c);
    }
    let chars = &chars[..];
    // One glyph alone is no word: a conjunct or a sign never stands by itself, and a bullet
    // drawn in a symbol font (Wingdings' Ø) looks the same.
    if let [c] = chars
        && !c.is_ascii()
    {
        return Kind::Neutral;
    }
    if letters == 0 && symbols == 0 {
        let digits = chars.iter().any(char::is_ascii_digit);
        let glyphs = chars
            .iter()
            .any(|&c| glyph(c) != Glyph::Keep && !c.is_ascii_punctuation());
        return if digits || glyphs {
            Kind::Unsure
        } else {
            Kind::Neutral
        };
    }
    if symbols > 0 && (letters > 0 || symbols > 1) {
        return Kind::Bijoy;
    }
    let english = is_english(core);
    if english && letters >= 4 {
        return Kind::Other;
    }
    if letters >= 3 && chars.iter().all(|c| c.is_ascii_uppercase()) && !english {
        // An acronym (ICT, NID, GRS); Bijoy words that are all capitals are short (GB এই).
        return if BIJOY_CAPITALS.contains(&core) {
            Kind::Bijoy
        } else {
            Kind::Other
        };
    }
    if english {
        return Kind::Unsure;
    }
    if evidence(chars) >= 2 {
        Kind::Bijoy
    } else {
        Kind::Unsure
    }
}

/// Whether a word is a number with a unit or fraction: digits with `°` (and `C` or `F`), `×`,
/// `½`, `¼`, `¾`.
fn is_measure(word: &str) -> bool {
    let body = word
        .strip_suffix("°C")
        .or_else(|| word.strip_suffix("°F"))
        .unwrap_or(word);
    body.chars().any(|c| c.is_ascii_digit())
        && (body.len() < word.len() || body.contains(['°', '×', '½', '¼', '¾']))
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '°' | '×' | '½' | '¼' | '¾'))
}

/// Whether letters read as a word in Latin script rather than Bijoy: at least three ASCII
/// letters, lowercase after an optional capital, a vowel among them, and none of Bijoy's vowel signs `v` (া), `w`
/// (ি) and `x` (ী), which English words seldom hold and Bijoy words nearly always do.
fn reads_as_latin_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    (first.is_ascii_alphabetic())
        && rest.len() >= 2
        && rest.iter().all(char::is_ascii_lowercase)
        && !word.contains(['v', 'w', 'x'])
        && word
            .to_ascii_lowercase()
            .contains(['a', 'e', 'i', 'o', 'u'])
}

/// A name: a capital, then at least three lowercase letters ([`reads_as_latin_word`]).
fn is_name_shaped(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().count() >= 4
        && reads_as_latin_word(word)
}

/// A brand written with a lowercase letter before a capitalised word: `vCard`, `iPhone`,
/// `eFiling`.
fn is_brand_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && word.is_ascii()
        && is_name_shaped(&word[1..])
}

/// Bijoy words of three or more capitals and no vowel sign, which would pass for acronyms.
const BIJOY_CAPITALS: &[&str] = &["GKB", "GKK", "KZK", "DVB"];

/// Points for the signs that an ASCII word is Bijoy; 2 or more decides. Each sign is something
/// English spelling does not do and Bijoy does all the time.
fn evidence(chars: &[char]) -> u32 {
    let is_vowel = |c: char| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let upper = |c: Option<char>| c.is_some_and(|c| c.is_ascii_uppercase());
    let word: String = chars.iter().collect();
    let (name, brand) = (is_name_shaped(&word), is_brand_shaped(&word));
    let mut points = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let near = |f: &dyn Fn(char) -> bool| prev.is_some_and(f) || next.is_some_and(f);
        // A lowercase letter then a capital: consonants are capitals (`wbKU`, `mKj`); at the
        // start of a word it is a vowel sign before its consonant (`wK` কি).
        if c.is_ascii_lowercase() && upper(next) && !brand {
            points += if i == 0 { 2 } else { 1 };
        }
        // A capital consonant then া, ি or ী (`Kvi` কার, `Kwig` করিম, `Kx` কী): English puts
        // those after a capital only as Tw, Sw, Dw (Two, Swim, Dwell).
        let sign_after = next.is_some_and(|n| "vwx".contains(n));
        if sign_after
            && ("BCFGHJKLMNPQRVWXYZ".contains(c) || "DST".contains(c) && next != Some('w'))
        {
            points += 2;
        }
        // A lowercase consonant then া at the start (`bv` না, `mvaviY` সাধারণ).
        if i == 0 && "bcdfghjklmnpqrstz`_".contains(c) && next == Some('v') {
            points += 2;
        }
        points += match c {
            // English writes qu; Bijoy's q is য় (`nq` হয়, `mgq` সময়).
            // ...but a name ends in q (Tariq, Razzaq, Farooq) and holds it (Iqbal).
            'q' if next != Some('u') && !name => 2,
            // v is া: English puts a lowercase vowel after v, Bijoy anything (`Avgiv`, `wefvM`).
            'v' if next.is_some_and(|n| !is_vowel(n) || n.is_ascii_uppercase())
                && next.is_some_and(|n| n.is_ascii_alphabetic() || is_glyph_symbol(n)) =>
            {
                2
            }
            'v' if next.is_none() && prev.is_some_and(|p| p.is_ascii_alphabetic()) => 1,
            // w is ি, typed before its consonant (`wb`, `mwPe`, `w``); English puts such letters
            // after w only in compounds of a vowel and w (`newspaper`, `viewpoint`).
            'w' if next.is_some_and(|n| {
                "bcfgjmpqvz`_".contains(n) || n.is_ascii_uppercase() || is_glyph_symbol(n)
            }) =>
            {
                if prev.is_some_and(|p| "aeiou".contains(p)) {
                    1
                } else {
                    2
                }
            }
            // ...and after consonants English never writes before w (`cwi` পরি, `mwPe`).
            'w' if prev.is_some_and(|p| "bcfgjmpqvz".contains(p)) => 2,
            // দ থ । ্ ূ: backtick, underscore, bar, ampersand and tilde next to letters.
            '`' | '_' | '|' | '&' | '~' | '^'
                if near(&|x: char| x.is_ascii_alphabetic() || is_glyph_symbol(x)) =>
            {
                2
            }
            c if is_edge_symbol(c)
                && prev.is_some_and(|p| p.is_ascii_alphabetic())
                && next.is_some_and(|n| n.is_ascii_alphabetic()) =>
            {
                2
            }
            _ => 0,
        };
    }
    // Windows-1252 letters of the fonts (`weÁwß`): European names have them too (Müller), so
    // they count once, and only with another sign.
    if chars.iter().any(|&c| is_glyph_symbol(c)) {
        points += 1;
    }
    let letters: Vec<char> = chars
        .iter()
        .copied()
        .filter(char::is_ascii_alphabetic)
        .collect();
    if letters.len() >= 2
        && !letters.iter().any(|&c| is_vowel(c))
        && !letters.iter().all(char::is_ascii_uppercase)
    {
        // Bijoy words without a vowel letter are common (`bv` না, `nq` হয়); English ones are
        // abbreviations, which the English list holds.
        points += 1;
    }
    points
}

/// English words (and brand names) that the signs in [`evidence`] would take for Bijoy, and short
/// ones that decide their neighbours. Lowercase, sorted.
const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "act",
    "address",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "application",
    "apply",
    "are",
    "as",
    "at",
    "available",
    "avg",
    "awful",
    "bank",
    "bdt",
    "be",
    "birth",
    "bkash",
    "bowl",
    "by",
    "can",
    "card",
    "cash",
    "certificate",
    "charter",
    "citizen",
    "copy",
    "court",
    "cowboy",
    "crowd",
    "days",
    "dbbl",
    "death",
    "dev",
    "digital",
    "district",
    "do",
    "document",
    "documents",
    "dr",
    "ebook",
    "efile",
    "efiling",
    "email",
    "enothi",
    "epassport",
    "eq",
    "etc",
    "etin",
    "faq",
    "fee",
    "fees",
    "for",
    "form",
    "from",
    "gmbh",
    "go",
    "gov",
    "government",
    "grs",
    "has",
    "have",
    "he",
    "her",
    "his",
    "hq",
    "i",
    "if",
    "in",
    "info",
    "ios",
    "iphone",
    "iraq",
    "is",
    "it",
    "its",
    "kg",
    "km",
    "land",
    "lawful",
    "lawmaker",
    "lawn",
    "letter",
    "licence",
    "license",
    "ltd",
    "me",
    "mobile",
    "mr",
    "mrs",
    "ms",
    "my",
    "nagad",
    "name",
    "newcomer",
    "newcomers",
    "newspaper",
    "newspapers",
    "no",
    "not",
    "nothi",
    "of",
    "office",
    "officer",
    "on",
    "online",
    "or",
    "our",
    "pdf",
    "per",
    "phone",
    "pm",
    "pvt",
    "qr",
    "rd",
    "register",
    "req",
    "rocket",
    "seq",
    "service",
    "services",
    "she",
    "showcase",
    "sms",
    "so",
    "st",
    "tax",
    "tel",
    "th",
    "the",
    "their",
    "them",
    "they",
    "this",
    "time",
    "tk",
    "to",
    "tv",
    "union",
    "unlawful",
    "up",
    "upay",
    "upazila",
    "us",
    "via",
    "viewpoint",
    "vs",
    "was",
    "we",
    "website",
    "were",
    "what",
    "when",
    "where",
    "who",
    "will",
    "with",
    "work",
    "www",
    "you",
    "your",
];

/// Whether a word (any case, a trailing `'s` aside) is in [`ENGLISH`].
fn is_english(word: &str) -> bool {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let mut lower = [0u8; 24];
    if word.len() > lower.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or("");
    ENGLISH.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_list_is_sorted() {
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn windows_1252_bytes_round_trip() {
        for b in 0..=255u8 {
            let c = from_c1(char::from(b));
            assert_eq!(cp1252_byte(c), Some(b), "{c:?}");
        }
    }

    #[test]
    fn pre_base_signs_move_after_their_cluster() {
        assert_eq!(convert("wK"), "কি");
        assert_eq!(convert("‡K"), "কে");
        assert_eq!(convert("‡Kv"), "কো");
        assert_eq!(convert("‡KŠ"), "কৌ");
        assert_eq!(convert("ˆK"), "কৈ");
        assert_eq!(convert("‡¯¿"), "স্ত্রে");
        assert_eq!(convert("w¯¿"), "স্ত্রি");
        assert_eq!(convert("‡cÖg"), "প্রেম");
    }

    #[test]
    fn reph_moves_before_its_cluster() {
        assert_eq!(convert("K©"), "র্ক");
        assert_eq!(convert("Kg©"), "কর্ম");
        assert_eq!(convert("Kvh©vjq"), "কার্যালয়");
        assert_eq!(convert("g~wZ©"), "মূর্তি");
        assert_eq!(convert("c~‡e©"), "পূর্বে");
        assert_eq!(convert("cwieZ©b"), "পরিবর্তন");
    }

    #[test]
    fn phala_and_marks() {
        assert_eq!(convert("g„Zz¨eiY"), "মৃত্যুবরণ");
        assert_eq!(convert("i¨ve"), "র\u{200D}্যাব");
        assert_eq!(convert("n¯—vš—i"), "হস্তান্তর");
        assert_eq!(convert("Pvu`"), "চাঁদ");
        assert_eq!(convert("250.00 UvKv"), "২৫০.০০ টাকা");
        assert_eq!(convert("\u{87}K"), "কে", "C1 controls read as Windows-1252");
        assert_eq!(convert("wKš‘ ‘Avgiv’"), "কিন্তু ‘আমরা’");
    }

    #[test]
    fn words_judged_alone() {
        for bijoy in [
            "Avgiv",
            "Kvh©w`em",
            "evsjv‡`k",
            "wbKUeZ©x",
            "nq",
            "bv",
            "mKj",
            "Rwgi",
        ] {
            assert_eq!(judge(bijoy, &mut Vec::new()), Kind::Bijoy, "{bijoy}");
        }
        for other in ["ICT", "Online", "www.dls.gov.bd", "a@b.gov.bd", "bKash"] {
            assert_eq!(judge(other, &mut Vec::new()), Kind::Other, "{other}");
        }
        for unsure in [
            "Kiv",
            "G",
            "I",
            "250.00",
            "YouTube",
            "McDonald's",
            "me",
            "Avg.",
        ] {
            assert_eq!(judge(unsure, &mut Vec::new()), Kind::Unsure, "{unsure}");
        }
    }

    #[test]
    fn bijoy_text_is_recognised() {
        assert_eq!(first_bijoy_word("Avgiv"), Some("Avgiv"));
        assert!(has_bijoy("Kvh©w`em"));
        assert!(has_bijoy("evsjv‡`k miKvi"));
        assert!(has_bijoy("wbKUeZ©x"));
    }

    #[test]
    fn english_and_bengali_are_not_bijoy() {
        for ok in [
            "আমরা",
            "ICT Division",
            "Available on the website",
            "e-Filing (Nothi)",
            "Sheikh Russel Digital Lab",
            "YouTube",
            "kawkhalidoict@gmail.com",
            "doict.kawkhali.pirojpur.gov.bd",
            "Avg. 3 days",
            "McDonald's",
            "সেবা প্রদান প্রতিশ্রুতি (Citizen’s Charter)",
            "Citizens’ Charter",
        ] {
            assert_eq!(first_bijoy_word(ok), None, "{ok}");
        }
    }

    #[test]
    fn mixed_text_converts_only_the_bijoy() {
        assert_eq!(
            to_unicode("Dc‡Rjv cÖvwY m¤ú` `ßi, www.dls.gov.bd"),
            "উপজেলা প্রাণি সম্পদ দপ্তর, www.dls.gov.bd"
        );
        assert_eq!(to_unicode("Kiv nq"), "করা হয়");
        assert_eq!(to_unicode("ICT Division"), "ICT Division");
        assert_eq!(to_unicode("সেবার নাম"), "সেবার নাম");
        assert!(matches!(to_unicode("Kiv"), Cow::Borrowed("Kiv")));
    }
}
