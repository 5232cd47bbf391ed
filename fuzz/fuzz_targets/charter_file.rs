//! Any bytes as a charter file: load (every check), then, for what loads, every renderer, the
//! canonical layout and `fix`, as `validate`, `render`, `fmt` and `fix` run them; a charter with
//! errors that is still TOML goes through `render --draft`.
#![no_main]

use charter::render::{self, Format, Lang, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (source, loaded) = charter::charter::load_bytes(bytes.to_vec());
    let _ = charter::report::locate("fuzz.toml", &source, loaded.diagnostics.clone());
    let _ = charter::format::format(&source);
    let _ = charter::fix::fix(&source);
    let unreadable = loaded.diagnostics.iter().any(|d| {
        matches!(
            d.code,
            charter::charter::Code::Syntax | charter::charter::Code::Encoding
        )
    });
    if unreadable {
        return;
    }
    for lang in [Lang::Bn, Lang::En] {
        let options = Options {
            lang,
            service: None,
            width: 80,
            pdf: Default::default(),
            draft: loaded.has_errors(),
        };
        for format in [Format::Table, Format::Markdown, Format::Html, Format::Json] {
            let _ = render::render(&loaded.charter, format, &options);
        }
    }
});
