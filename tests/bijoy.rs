//! The Bijoy converter against real text: a table of words with their Unicode, and a second,
//! independent check through a Unicode-to-Bijoy encoder written for these tests.

#[path = "bijoy/encoder.rs"]
mod encoder;

use charter::bangla::bijoy;
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// The rows of `tests/bijoy/words.tsv`: (bijoy, unicode, source).
fn table() -> Vec<(String, String, String)> {
    include_str!("bijoy/words.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let mut next = || cols.next().unwrap_or_default().to_string();
            (next(), next(), next())
        })
        .collect()
}

#[test]
fn real_words_convert_to_their_unicode() {
    let rows = table();
    assert!(rows.len() >= 300, "{} rows", rows.len());
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|(b, u, source)| {
            let got = bijoy::convert(b);
            (got != *u).then(|| format!("{b} → {got}, expected {u} ({source})"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

/// Where the import samples are: other offices' pages, kept in `../shared` beside the repository
/// (CI has it), never in it.
const SAMPLES: &str = "../shared/import-samples";

/// Every Bengali word of the bundled charter, the fixtures and, when they are here, the import
/// samples.
fn bengali_words() -> BTreeSet<String> {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let samples = std::path::Path::new(SAMPLES).is_dir();
    if !samples {
        eprintln!("skipped: the words of {SAMPLES}, which is not here (CI has it)");
    }
    let dirs = ["charters", "tests/fixtures/valid", "tests/fixtures/broken"];
    for dir in dirs.into_iter().chain(samples.then_some(SAMPLES)) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "txt")),
        );
    }
    let mut words = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut word = String::new();
        for c in text.chars().chain([' ']) {
            if ('\u{0980}'..='\u{09FF}').contains(&c) || c == '\u{200D}' {
                word.push(c);
            } else if !word.is_empty() {
                words.insert(std::mem::take(&mut word).nfc().collect());
            }
        }
    }
    words
}

#[test]
fn every_bengali_word_survives_the_round_trip() {
    let words = bengali_words();
    // The repository's own charters hold about 360 words; with the samples, about 800.
    let least = if std::path::Path::new(SAMPLES).is_dir() {
        500
    } else {
        300
    };
    assert!(words.len() > least, "{} words", words.len());
    let wrong: Vec<String> = words
        .iter()
        .filter_map(|w| {
            let typed = encoder::encode(w);
            let back = bijoy::convert(&typed);
            (back != *w).then(|| format!("{w} → {typed} → {back}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} words:\n{}",
        wrong.len(),
        words.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_encoder_agrees_with_the_table() {
    // The encoder is checked too: on the real words it writes what the typists wrote, or a
    // spelling the converter reads the same (two glyphs for one letter, `Ö` or `ª`).
    for (b, u, _) in table() {
        let typed = encoder::encode(&u);
        assert_eq!(
            bijoy::convert(&typed),
            bijoy::convert(&b),
            "{u}: {typed} / {b}"
        );
    }
}

#[test]
fn the_table_covers_every_glyph() {
    let typed: String = table().into_iter().map(|(b, _, _)| b).collect();
    let missing: Vec<char> = bijoy::glyphs().filter(|&g| !typed.contains(g)).collect();
    assert!(missing.is_empty(), "no word in the table uses {missing:?}");
}
