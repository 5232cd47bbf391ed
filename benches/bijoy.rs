//! Converting 1 MB of Bijoy text to Unicode, with and without deciding word by word which words
//! are Bijoy, against a baseline measured in the same run: NFC normalisation of the same amount
//! of Unicode Bengali (unicode-normalization), a pass every text pipeline makes anyway. The
//! converter shares a text over 256 KB between the cores; the baseline runs on one, so the
//! word-by-word figure is given on one core too.
//!
//!     cargo bench --bench bijoy

mod common;

use charter::bangla::bijoy;
use common::best;
use std::time::Duration;
use unicode_normalization::UnicodeNormalization;

const WORDS: &str = include_str!("../tests/bijoy/words.tsv");

fn main() {
    let rows: Vec<(&str, &str)> = WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?, cols.next()?))
        })
        .collect();
    let (mut bijoy_text, mut unicode_text) = (String::new(), String::new());
    let mut i = 0;
    while bijoy_text.len() < 1_000_000 {
        let (b, u) = rows[i % rows.len()];
        bijoy_text.push_str(b);
        unicode_text.push_str(u);
        let sep = if i % 12 == 11 { "\n" } else { " " };
        bijoy_text.push_str(sep);
        unicode_text.push_str(sep);
        i += 1;
    }
    let converted = bijoy::to_unicode(&bijoy_text);
    assert_eq!(
        converted, unicode_text,
        "the benchmark text converts correctly"
    );

    let mb = bijoy_text.len() as f64 / 1e6;
    let baseline = best(|| unicode_text.nfc().count());
    let detect = best(|| bijoy::to_unicode(&bijoy_text).len());
    let all = best(|| bijoy::convert(&bijoy_text).len());
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let detect_one = one_core.install(|| best(|| bijoy::to_unicode(&bijoy_text).len()));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
    println!("{mb:.2} MB of Bijoy text ({i} words), best of 15 runs:");
    println!(
        "  baseline, NFC of the same text in Unicode: {:7.1} ms",
        ms(baseline)
    );
    println!(
        "  to_unicode (word by word):                 {:7.1} ms  ({:.2}× the baseline)",
        ms(detect),
        ratio(detect)
    );
    println!(
        "  to_unicode on one core:                    {:7.1} ms  ({:.2}× the baseline)",
        ms(detect_one),
        ratio(detect_one)
    );
    println!(
        "  convert (all of it as Bijoy):              {:7.1} ms  ({:.2}× the baseline)",
        ms(all),
        ratio(all)
    );
    println!("  goal: under 50 ms for 1 MB");
}
