//! Random Unicode laid out in a PDF: the bundled charter with one method, one fee and the office
//! name replaced by the input's text, rendered as a PDF. The shaping library may fail on some
//! text; `charter_pdf` must then return an error naming the text, never panic. (cargo-fuzz
//! builds with panics that abort, so a panic the guard misses is a finding.)
#![no_main]

use charter::charter::Text;
use charter::render::{self, Format, Lang, Options};
use libfuzzer_sys::fuzz_target;

const KAWKHALI: &str = include_str!("../../charters/kawkhali-ict.toml");

fuzz_target!(|text: &str| {
    if text.len() > 4096 {
        return;
    }
    let (_, loaded) = charter::charter::load_bytes(KAWKHALI.as_bytes().to_vec());
    let mut charter = loaded.charter;
    charter.office.name = Text::Plain(text.to_string());
    for category in charter::charter::Category::ALL {
        for service in charter.services.of_mut(category).iter_mut().take(1) {
            service.methods[0] = Text::Plain(text.to_string());
            service.fee = Text::Plain(format!("১০০ টাকা {text}"));
        }
    }
    for lang in [Lang::Bn, Lang::En] {
        let options = Options {
            lang,
            service: None,
            width: 80,
            pdf: Default::default(),
            draft: true,
        };
        let _ = render::render(&charter, Format::Pdf, &options);
    }
});
