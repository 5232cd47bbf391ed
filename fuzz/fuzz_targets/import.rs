//! Any bytes as a published charter for `charter import`: text, HTML or a DOCX zip, detected as
//! `--from auto` does, and Bijoy conversion on the way.
#![no_main]

use charter::import::{self, Kind, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = Options {
        ids_from: None,
        source: None,
    };
    let _ = import::import(bytes, Kind::Auto, &options);
    let _ = charter::bangla::bijoy::convert(&String::from_utf8_lossy(bytes));
});
