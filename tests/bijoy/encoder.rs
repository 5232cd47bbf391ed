//! Unicode Bengali to Bijoy, written for the tests as a second opinion on the converter: it is
//! built from the Unicode side (syllables, then how a Bijoy typist draws each one), shares no
//! table with `charter::bangla::bijoy`, and a word that goes through both directions must come
//! back unchanged.

const HASANTA: char = '\u{09CD}';
const NUKTA: char = '\u{09BC}';
const ZWJ: char = '\u{200D}';

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0995}'..='\u{09B9}')
}

/// The key a Bijoy typist presses for a letter on its own.
fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'অ' => "A",
        'আ' => "Av",
        'ই' => "B",
        'ঈ' => "C",
        'উ' => "D",
        'ঊ' => "E",
        'ঋ' => "F",
        'এ' => "G",
        'ঐ' => "H",
        'ও' => "I",
        'ঔ' => "J",
        'ক' => "K",
        'খ' => "L",
        'গ' => "M",
        'ঘ' => "N",
        'ঙ' => "O",
        'চ' => "P",
        'ছ' => "Q",
        'জ' => "R",
        'ঝ' => "S",
        'ঞ' => "T",
        'ট' => "U",
        'ঠ' => "V",
        'ড' => "W",
        'ঢ' => "X",
        'ণ' => "Y",
        'ত' => "Z",
        'থ' => "_",
        'দ' => "`",
        'ধ' => "a",
        'ন' => "b",
        'প' => "c",
        'ফ' => "d",
        'ব' => "e",
        'ভ' => "f",
        'ম' => "g",
        'য' => "h",
        'র' => "i",
        'ল' => "j",
        'শ' => "k",
        'ষ' => "l",
        'স' => "m",
        'হ' => "n",
        'ৎ' => "r",
        'ং' => "s",
        'ঃ' => "t",
        'ঁ' => "u",
        '।' => "|",
        '‘' => "Ô",
        '’' => "Õ",
        '“' => "Ò",
        '”' => "Ó",
        '০'..='৯' => {
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"][c as usize - '০' as usize]
        }
        _ => return None,
    })
}

/// Consonant clusters the fonts draw as one glyph or a fixed pair of glyphs.
const CONJUNCTS: &[(&str, &str)] = &[
    ("ক্ষ্ম", "²"),
    ("ন্ত্র", "š¿"),
    ("স্ত্র", "¯¿"),
    ("স্ক্র", "¯Œ"),
    ("ম্ভ্র", "¤£"),
    ("ক্ক", "°"),
    ("ক্ট", "±"),
    ("ক্ত", "³"),
    ("ক্ম", "´"),
    ("ক্র", "µ"),
    ("ক্ষ", "¶"),
    ("ক্স", "·"),
    ("গ্ধ", "»"),
    ("ঙ্ক", "¼"),
    ("ঙ্গ", "½"),
    ("ঙ্খ", "•L"),
    ("ঙ্ঘ", "•N"),
    ("চ্চ", "”P"),
    ("চ্ছ", "”Q"),
    ("জ্জ", "¾"),
    ("জ্ঝ", "À"),
    ("জ্ঞ", "Á"),
    ("ঞ্চ", "Â"),
    ("ঞ্ছ", "Ã"),
    ("ঞ্জ", "Ä"),
    ("ঞ্ঝ", "Å"),
    ("ট্ট", "Æ"),
    ("ড্ড", "Ç"),
    ("ণ্ট", "È"),
    ("ণ্ঠ", "É"),
    ("ণ্ড", "Ê"),
    ("ত্ত", "Ë"),
    ("ত্থ", "Ì"),
    ("ত্র", "Î"),
    ("দ্দ", "Ï"),
    ("দ্ধ", "×"),
    ("দ্ব", "Ø"),
    ("দ্ম", "Ù"),
    ("দ্ভ", "™¢"),
    ("ন্ঠ", "Ú"),
    ("ন্ড", "Û"),
    ("ন্ধ", "Ü"),
    ("ন্স", "Ý"),
    ("ন্ত", "šÍ"),
    ("ন্থ", "š’"),
    ("ন্ট", "›U"),
    ("ন্দ", "›`"),
    ("প্ট", "Þ"),
    ("প্ত", "ß"),
    ("প্প", "à"),
    ("প্স", "á"),
    ("প্ল", "cø"),
    ("ব্জ", "â"),
    ("ব্দ", "ã"),
    ("ব্ধ", "ä"),
    ("ভ্র", "å"),
    ("ম্ফ", "ç"),
    ("ম্প", "¤ú"),
    ("ম্ব", "¤^"),
    ("ম্ভ", "¤¢"),
    ("ম্ম", "¤§"),
    ("ল্ক", "é"),
    ("ল্গ", "ê"),
    ("ল্ট", "ë"),
    ("ল্ড", "ì"),
    ("ল্প", "í"),
    ("ল্ফ", "î"),
    ("শ্চ", "ð"),
    ("শ্ছ", "ñ"),
    ("শ্ল", "kø"),
    ("ষ্ণ", "ò"),
    ("ষ্ট", "ó"),
    ("ষ্ঠ", "ô"),
    ("ষ্ফ", "õ"),
    ("ষ্ক", "®‹"),
    ("ষ্প", "®ú"),
    ("স্খ", "ö"),
    ("স্ট", "÷"),
    ("স্ফ", "ù"),
    ("স্ত", "¯Í"),
    ("স্থ", "¯’"),
    ("স্ক", "¯‹"),
    ("স্প", "¯ú"),
    ("স্ব", "¯^"),
    ("স্ম", "¯§"),
    ("হ্ন", "ý"),
    ("হ্ম", "þ"),
    ("হ্ণ", "nè"),
];

/// The glyph of a consonant joined under or after the one before: the phala forms.
fn phala(c: char) -> Option<&'static str> {
    Some(match c {
        'য' => "¨",
        'র' => "Ö",
        'ব' => "¦",
        'ম' => "¥",
        'ন' => "œ",
        'ল' => "¬",
        _ => return None,
    })
}

/// Draws a consonant cluster (letters joined by hasanta, as Unicode stores them).
fn cluster(units: &[String]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < units.len() {
        let matched = (2..=3).rev().find_map(|n| {
            let joined = units.get(i..i + n)?.join("\u{09CD}");
            CONJUNCTS
                .iter()
                .find(|(u, _)| *u == joined)
                .map(|(_, b)| (n, *b))
        });
        if let Some((n, glyphs)) = matched {
            out.push_str(glyphs);
            i += n;
        } else if i > 0 && units[i].chars().count() == 1 && phala(first(&units[i])).is_some() {
            out.push_str(phala(first(&units[i])).unwrap_or_default());
            i += 1;
        } else {
            if i > 0 {
                out.push('&');
            }
            out.push_str(&consonant(&units[i]));
            i += 1;
        }
    }
    out
}

fn first(unit: &str) -> char {
    unit.chars().next().unwrap_or(' ')
}

/// A consonant with its nukta (ড় ঢ় য়).
fn consonant(unit: &str) -> String {
    match unit {
        "ড\u{09BC}" => "o".into(),
        "ঢ\u{09BC}" => "p".into(),
        "য\u{09BC}" => "q".into(),
        _ => unit.chars().filter_map(letter).collect(),
    }
}

/// Encodes Unicode Bengali as a Bijoy typist would have typed it.
pub fn encode(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_consonant(c) {
            match letter(c) {
                Some(key) => out.push_str(key),
                // A ya-phala on a vowel letter (অ্যা).
                None if c == HASANTA && chars.get(i + 1) == Some(&'য') && i > 0 => {
                    out.push('¨');
                    i += 1;
                }
                None if c == HASANTA => out.push('&'),
                None => out.push_str(post_sign(c).unwrap_or(&c.to_string())),
            }
            i += 1;
            continue;
        }
        // The cluster: consonants (with nukta) joined by hasanta; র‍্য keeps its ZWJ.
        let mut units: Vec<String> = Vec::new();
        let mut zwj_ya = false;
        loop {
            let mut unit = chars[i].to_string();
            i += 1;
            if chars.get(i) == Some(&NUKTA) {
                unit.push(NUKTA);
                i += 1;
            }
            units.push(unit);
            match chars.get(i..i + 3) {
                Some([ZWJ, HASANTA, 'য']) if units.last().map(String::as_str) == Some("র") => {
                    zwj_ya = true;
                    i += 3;
                    break;
                }
                _ => {}
            }
            match chars.get(i..i + 2) {
                Some([HASANTA, n]) if is_consonant(*n) => i += 1,
                _ => break,
            }
        }
        let reph = units.len() > 1 && units[0] == "র" && !zwj_ya;
        if reph {
            units.remove(0);
        }
        let sign = chars.get(i).copied().filter(|&s| is_vowel_sign(s));
        if sign.is_some() {
            i += 1;
        }
        out.push_str(match sign {
            Some('ি') => "w",
            Some('ে' | 'ো' | 'ৌ') => "‡",
            Some('ৈ') => "ˆ",
            _ => "",
        });
        // Letters the fonts draw with their vowel sign in one glyph.
        let joined = match (units.as_slice(), sign) {
            ([u], Some('ু')) if u == "গ" => Some("¸"),
            ([u], Some('ু')) if u == "শ" => Some("ï"),
            ([u], Some('ু')) if u == "হ" => Some("û"),
            ([u], Some('ৃ')) if u == "হ" => Some("ü"),
            ([u], Some('ু')) if u == "র" && !zwj_ya => Some("i“"),
            ([u], Some('ূ')) if u == "র" && !zwj_ya => Some("iƒ"),
            _ => None,
        };
        match joined {
            Some(glyph) => out.push_str(glyph),
            None => {
                out.push_str(&cluster(&units));
                if zwj_ya {
                    out.push('¨');
                }
            }
        }
        // The reph after its cluster, then the vowel sign's part after it (`Kvh©vjq`).
        if reph {
            out.push('©');
        }
        if joined.is_none() {
            out.push_str(sign.and_then(post_sign).unwrap_or_default());
        }
    }
    out
}

fn is_vowel_sign(c: char) -> bool {
    matches!(c, 'া' | 'ি' | 'ী' | 'ু' | 'ূ' | 'ৃ' | 'ে' | 'ৈ' | 'ো' | 'ৌ')
}

/// What a vowel sign leaves after its cluster.
fn post_sign(c: char) -> Option<&'static str> {
    Some(match c {
        'া' | 'ো' => "v",
        'ী' => "x",
        'ু' => "y",
        'ূ' => "~",
        'ৃ' => "„",
        'ৌ' => "Š",
        _ => return None,
    })
}
