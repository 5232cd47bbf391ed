//! Finding the service an inquiry asks about.
//!
//! Each service is described by the words of its name (Bengali and English), its keywords and
//! its id. An inquiry's words are compared with them after NFC normalisation, lowercasing, digit
//! folding and punctuation removal; Bengali inflections (ল্যাবের, বিদ্যালয়ে) match their stem.
//! Words are weighted by how rare they are among the services (IDF), so that words every service
//! shares (সংক্রান্ত, প্রদান) decide nothing.

use crate::bangla::fold_digits;
use crate::charter::{Category, Charter, Service};
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// A service and how well the inquiry matches it.
#[derive(Debug, Clone)]
pub struct Ranked<'c> {
    /// The charter it belongs to.
    pub charter: &'c Charter,
    /// Its category.
    pub category: Category,
    /// The service.
    pub service: &'c Service,
    /// The score: the summed weight of the service's words the inquiry used.
    pub score: f64,
    /// The words that matched.
    pub matched: Vec<String>,
}

/// The lowest score that can be confident: one rare word, or two common ones.
pub const CONFIDENT_SCORE: f64 = 1.5;
/// How far the best must lead the second to be confident.
pub const CONFIDENT_LEAD: f64 = 1.5;

/// Words that say nothing about which service is meant.
const STOP_WORDS: &[&str] = &[
    "ও",
    "এবং",
    "বা",
    "কি",
    "কী",
    "কিভাবে",
    "কীভাবে",
    "কেমন",
    "আমি",
    "আমার",
    "আমরা",
    "আমাদের",
    "আপনি",
    "আপনার",
    "আপনাদের",
    "জন্য",
    "জন্যে",
    "চাই",
    "জানতে",
    "জানাবেন",
    "বিষয়ে",
    "সম্পর্কে",
    "করতে",
    "করব",
    "করবো",
    "করা",
    "হবে",
    "হয়",
    "দয়া",
    "করে",
    "একটি",
    "এই",
    "সেই",
    "যে",
    "নিয়ে",
    "পেতে",
    "পাব",
    "পাবো",
    "কোথায়",
    "কত",
    "দিন",
    "the",
    "a",
    "an",
    "to",
    "of",
    "for",
    "and",
    "or",
    "i",
    "me",
    "my",
    "we",
    "our",
    "you",
    "your",
    "how",
    "can",
    "do",
    "does",
    "get",
    "about",
    "please",
    "want",
    "need",
    "is",
    "are",
    "what",
    "in",
    "on",
    "with",
    "re",
    "fw",
    "fwd",
    // Every inquiry asks about a service and wants information: these name none in particular.
    "সেবা",
    "সেবার",
    "সেবাটি",
    "সেবাসমূহ",
    "তথ্য",
    "service",
    "services",
    "information",
    "info",
    "question",
    "hello",
    // Every inquiry is written to an office.
    "অফিস",
    "কার্যালয়",
    "দপ্তর",
    "office",
];

/// Whether a word, or a stem of it (অফিসের: অফিস), says nothing about the service meant.
fn is_stop_word(word: &str) -> bool {
    stems(word).any(|stem| STOP_WORDS.contains(&stem))
}

/// Endings that Bengali adds to a word: the case and number markers.
const SUFFIXES: &[&str] = &[
    "গুলোর",
    "গুলো",
    "দের",
    "য়ের",
    "য়ে",
    "য়",
    "ের",
    "এর",
    "কে",
    "তে",
    "টি",
    "টা",
    "র",
    "ে",
    "এ",
];

/// The words of a text, normalised: NFC, lowercase, Latin digits, no punctuation.
pub fn words(text: &str) -> Vec<String> {
    let normal: String = fold_digits(&text.nfc().collect::<String>()).to_lowercase();
    normal
        .split(|c: char| !(crate::bangla::is_letter(c) || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A word and the stems it may have: without each inflectional ending it may carry, where what
/// is left is long enough to stand for the word (ল্যাবের: ল্যাব; বিদ্যালয়ে: বিদ্যালয়, বিদ্যাল).
fn stems(word: &str) -> impl Iterator<Item = &str> {
    std::iter::once(word).chain(
        SUFFIXES
            .iter()
            .filter_map(move |suffix| word.strip_suffix(suffix))
            .filter(|stem| stem.chars().count() >= 2),
    )
}

/// How well an inquiry word matches a service word: 1 the same, 0.8 the same stem, 0 not.
fn similarity(asked: &str, known: &str) -> f64 {
    if asked == known {
        1.0
    } else if stems(asked).any(|a| stems(known).any(|k| a == k)) {
        0.8
    } else {
        0.0
    }
}

/// The words that describe a service: name (every language), keywords, id.
fn vocabulary(service: &Service) -> HashSet<String> {
    let mut vocabulary = HashSet::new();
    let name = &service.name;
    for lang in ["bn", "en"] {
        vocabulary.extend(words(name.get(lang)));
    }
    if let crate::charter::Text::Translated(t) = name {
        for text in t.other.values() {
            vocabulary.extend(words(text));
        }
    }
    for keyword in &service.keywords {
        vocabulary.extend(words(keyword));
    }
    vocabulary.extend(words(&service.id.replace('-', " ")));
    vocabulary.retain(|w| !is_stop_word(w));
    vocabulary
}

/// Ranks every service of the charters by how well `text` names it, best first.
pub fn rank<'c>(charters: &'c [Charter], text: &str) -> Vec<Ranked<'c>> {
    let services: Vec<(&Charter, Category, &Service, HashSet<String>)> = charters
        .iter()
        .flat_map(|c| {
            c.services
                .iter()
                .map(move |(cat, s)| (c, cat, s, vocabulary(s)))
        })
        .collect();
    let mut document_frequency: HashMap<&str, usize> = HashMap::new();
    for (.., vocabulary) in &services {
        for word in vocabulary {
            *document_frequency.entry(word.as_str()).or_default() += 1;
        }
    }
    let n = services.len() as f64;
    let asked: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .collect();
    let mut ranked: Vec<Ranked> = services
        .iter()
        .map(|(charter, category, service, vocabulary)| {
            let mut score = 0.0;
            let mut matched = Vec::new();
            for known in vocabulary {
                let best = asked
                    .iter()
                    .map(|a| similarity(a, known))
                    .fold(0.0, f64::max);
                if best > 0.0 {
                    let idf = (1.0 + n / document_frequency[known.as_str()] as f64).ln();
                    score += best * idf;
                    matched.push(known.clone());
                }
            }
            matched.sort();
            Ranked {
                charter,
                category: *category,
                service,
                score,
                matched,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.service.id.cmp(&b.service.id))
    });
    ranked
}

/// The one service an inquiry clearly asks about, if there is one.
pub fn confident<'r, 'c>(ranked: &'r [Ranked<'c>]) -> Option<&'r Ranked<'c>> {
    let best = ranked.first()?;
    let second = ranked.get(1).map_or(0.0, |r| r.score);
    (best.score >= CONFIDENT_SCORE && best.score >= second * CONFIDENT_LEAD).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kawkhali() -> Vec<Charter> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/charters/kawkhali-ict.toml"
        ))
        .unwrap();
        vec![crate::charter::load_str(&text).charter]
    }

    fn best(text: &str) -> Option<String> {
        let charters = kawkhali();
        let ranked = rank(&charters, text);
        confident(&ranked).map(|r| r.service.id.clone())
    }

    #[test]
    fn inquiries_find_their_service() {
        assert_eq!(best("ই-ফাইলিং বাস্তবায়নে সহায়তা চাই").as_deref(), Some("e-filing"));
        assert_eq!(
            best("শেখ রাসেল ডিজিটাল ল্যাবের বিষয়ে জানতে চাই").as_deref(),
            Some("sheikh-russel-digital-lab")
        );
        assert_eq!(
            best("আমাদের বিদ্যালয়ে মাল্টিমিডিয়া ক্লাসরুমের প্রশিক্ষণ কিভাবে পাব?").as_deref(),
            Some("multimedia-classroom-training")
        );
        assert_eq!(
            best("ওয়েব-পোর্টাল হালনাগাদ করতে চাই").as_deref(),
            Some("web-portal")
        );
        assert_eq!(
            best("ইনোভেশন নিয়ে পরামর্শ").as_deref(),
            Some("innovation-advice")
        );
        assert_eq!(
            best("Question about the web portal").as_deref(),
            Some("web-portal")
        );
        assert_eq!(
            best("How do I apply for e-filing?").as_deref(),
            Some("e-filing")
        );
    }

    #[test]
    fn vague_inquiries_find_none() {
        assert_eq!(best("আপনাদের সেবা সম্পর্কে জানতে চাই"), None);
        assert_eq!(best("Hello, I have a question"), None);
        assert_eq!(best("আপনাদের অফিস থেকে কী কী পাওয়া যায় জানাবেন?"), None);
        assert_eq!(best(""), None);
    }

    #[test]
    fn words_are_normalised() {
        assert_eq!(words("ল্যাবের, ২০২৪-এ Lab!"), ["ল্যাবের", "2024", "এ", "lab"]);
        assert_eq!(similarity("ল্যাবের", "ল্যাব"), 0.8);
        assert_eq!(similarity("বিদ্যালয়ে", "বিদ্যালয়"), 0.8);
        assert_eq!(similarity("ল্যাব", "ল্যাব"), 1.0);
        assert_eq!(similarity("ল্যাপটপ", "ল্যাব"), 0.0);
    }
}
