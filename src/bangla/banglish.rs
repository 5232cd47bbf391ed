//! Bengali written in Latin letters ("amar training er jonno ki kagoj lagbe?"): telling it from
//! English, reading it back into Bengali with the Avro phonetic rules (the `okkhor` crate), and
//! a sound key under which a Banglish word and the charter's spelling of it meet.
//!
//! Avro's reading of casual Banglish is rarely the dictionary spelling: `proshikkhon` gives
//! প্রশিক্ষন for প্রশিক্ষণ, `poramorsho` পরামরশ for পরামর্শ, `kormochari` করমছারি for কর্মচারী.
//! People type the sound, not the spelling, so [`sound_key`] keeps the sound and drops what
//! Latin letters do not tell apart: aspiration, dental against retroflex, the three sibilants,
//! long against short vowels, the inherent vowel's ো, conjunct marks and reph.

use std::sync::OnceLock;

/// Words that mark a text as Bengali in Latin letters: pronouns, postpositions, question words
/// and verb forms every inquiry uses, and English does not.
const MARKERS: &[&str] = &[
    "ami",
    "amar",
    "amra",
    "amader",
    "apni",
    "apnar",
    "apnara",
    "apnader",
    "ki",
    "kivabe",
    "kibhabe",
    "kemne",
    "kothay",
    "koto",
    "kobe",
    "keno",
    "kon",
    "jonno",
    "jonne",
    "er",
    "theke",
    "niye",
    "korte",
    "korbo",
    "korbe",
    "kori",
    "korun",
    "korben",
    "chai",
    "cai",
    "lagbe",
    "lage",
    "ache",
    "achhe",
    "hobe",
    "hoy",
    "hoi",
    "din",
    "diben",
    "dibo",
    "dorkar",
    "janaben",
    "janate",
    "jante",
    "pabo",
    "parbo",
    "parchi",
    "bepare",
    "songkranto",
    "sohojogita",
    "ekta",
    "amake",
    "tottho",
    "seba",
    "sheba",
    "na",
    "naki",
    "ar",
    "ebong",
    "kintu",
    "tai",
    "ta",
    "ti",
    "dhonnobad",
    "onugroho",
    "kagoj",
];

/// English words that mark a text as English.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "i",
    "my",
    "me",
    "how",
    "what",
    "when",
    "where",
    "which",
    "please",
    "for",
    "to",
    "of",
    "do",
    "does",
    "can",
    "could",
    "would",
    "need",
    "want",
    "about",
    "with",
    "and",
    "you",
    "your",
    "we",
    "our",
    "this",
    "that",
    "it",
    "be",
    "will",
    "have",
    "has",
    "get",
    "apply",
    "thanks",
    "thank",
    "dear",
    "regarding",
    "kindly",
    "an",
    "a",
    "in",
    "on",
    "there",
];

/// Whether a word is one of the [`MARKERS`]: it says the text is Banglish, and nothing about
/// which service is meant.
pub fn is_marker(word: &str) -> bool {
    MARKERS.contains(&word)
}

/// Whether a text is Bengali written in Latin letters: no Bengali script, and more Banglish
/// marker words than English ones.
pub fn is_banglish(text: &str) -> bool {
    if text.chars().any(|c| ('\u{0980}'..='\u{09ff}').contains(&c)) {
        return false;
    }
    let (mut banglish, mut english) = (0, 0);
    for word in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        banglish += usize::from(MARKERS.contains(&word.as_str()));
        english += usize::from(ENGLISH.contains(&word.as_str()));
    }
    banglish > english
}

/// A Latin word read as Banglish, in Bengali script: `None` for anything but ASCII letters
/// (okkhor assumes them).
pub fn to_bengali(word: &str) -> Option<String> {
    static PARSER: OnceLock<okkhor::parser::Parser> = OnceLock::new();
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let parser = PARSER.get_or_init(okkhor::parser::Parser::new_phonetic);
    Some(parser.convert(&word.to_ascii_lowercase()))
}

/// The sound of a Bengali word, as far as Latin letters can tell it (see the module's note).
pub fn sound_key(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut key = String::with_capacity(word.len());
    let chars: Vec<char> = word.nfc().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let nukta = chars.get(i + 1) == Some(&'\u{09BC}');
        let folded: &str = match c {
            // য়, ড় and ঢ় are a letter and a nukta, even in NFC.
            'য' if nukta => "য়",
            'ড' | 'ঢ' if nukta => "র",
            'খ' => "ক",
            'ঘ' => "গ",
            'ছ' => "চ",
            'য' | 'ঝ' => "জ",
            'ট' | 'ঠ' | 'থ' | 'ৎ' => "ত",
            'ড' | 'ঢ' | 'ধ' => "দ",
            'ণ' | 'ঞ' => "ন",
            'শ' | 'ষ' => "স",
            'ফ' => "প",
            'ভ' => "ব",
            'ঙ' => "ং",
            'ঈ' => "ই",
            'ঊ' => "উ",
            'ঋ' | 'ৃ' => "রি",
            'ী' => "ি",
            'ূ' => "ু",
            // The inherent vowel and its sign, the virama, nukta, candrabindu, visarga and
            // the joiners are not heard in Latin letters.
            'ো' | '্' | '\u{09BC}' | 'ঁ' | 'ঃ' | '\u{200C}' | '\u{200D}' => "",
            other => {
                key.push(other);
                ""
            }
        };
        key.push_str(folded);
        i += if nukta && matches!(c, 'য' | 'ড' | 'ঢ') {
            2
        } else {
            1
        };
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banglish_is_told_from_english() {
        assert!(is_banglish("amar training er jonno ki kagoj lagbe?"));
        assert!(is_banglish("web portal e notun tottho kivabe dibo"));
        assert!(!is_banglish("How do I apply for e-filing?"));
        assert!(!is_banglish("Question about the web portal"));
        assert!(!is_banglish("আমার প্রশিক্ষণ"));
        assert!(!is_banglish(""));
    }

    #[test]
    fn banglish_words_meet_the_charters_spelling() {
        for (latin, bengali) in [
            ("proshikkhon", "প্রশিক্ষণ"),
            ("poramorsho", "পরামর্শ"),
            ("kormokorta", "কর্মকর্তা"),
            ("kormochari", "কর্মচারী"),
            ("shikkhok", "শিক্ষক"),
            ("kroy", "ক্রয়"),
            ("jogajog", "যোগাযোগ"),
            ("thikana", "ঠিকানা"),
        ] {
            let read = to_bengali(latin).unwrap();
            assert_eq!(sound_key(&read), sound_key(bengali), "{latin}: {read}");
        }
        assert_ne!(sound_key("শিক্ষক"), sound_key("কর্মকর্তা"));
    }

    #[test]
    fn only_ascii_letters_are_read() {
        assert_eq!(to_bengali("ওয়েব"), None);
        assert_eq!(to_bengali("e-filing"), None);
        assert_eq!(to_bengali("ami").as_deref(), Some("আমি"));
    }
}
