//! `charter render --format pdf`, checked as a reader's tools see it: the PDF parsed back with
//! lopdf (fonts embedded and subset, ToUnicode), its text extracted with pdftotext, and its glyphs
//! as drawn traced with mutool (vowel signs left of their consonant, no lone hasanta).
//! pdftotext and mutool come from Debian's poppler-utils and mupdf-tools, which .ci/run installs.

use assert_cmd::Command;
use lopdf::{Dictionary, Object};
use std::path::Path;
use std::process;

const KAWKHALI: &str = "charters/kawkhali-ict.toml";
const COMPLETE: &str = "tests/fixtures/valid/union-parishad.toml";

fn pdf(file: &str, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    Command::cargo_bin("charter")
        .unwrap()
        .args(["render", file, "--format", "pdf", "-o"])
        .arg(&path)
        .args(extra)
        .assert()
        .code(0);
    std::fs::read(&path).unwrap()
}

/// Runs a tool on the PDF and returns what it printed.
fn tool(bytes: &[u8], program: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = process::Command::new(program)
        .args(args)
        .arg(&path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed (Debian poppler-utils / mupdf-tools): {e}")
        });
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn dictionaries(doc: &lopdf::Document) -> Vec<&Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .collect()
}

fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get(key).ok().and_then(|o| o.as_name().ok())
}

#[test]
fn fonts_are_embedded_subset_and_map_back_to_unicode() {
    let bytes = pdf(KAWKHALI, &[]);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let dicts = dictionaries(&doc);
    let fonts: Vec<&&Dictionary> = dicts
        .iter()
        .filter(|d| name(d, b"Type") == Some(b"Font"))
        .collect();
    let type0: Vec<&&&Dictionary> = fonts
        .iter()
        .filter(|d| name(d, b"Subtype") == Some(b"Type0"))
        .collect();
    assert!(type0.len() >= 2, "Bengali and Latin fonts");
    for font in &type0 {
        let base = String::from_utf8_lossy(name(font, b"BaseFont").unwrap()).into_owned();
        assert!(
            base.len() > 7
                && base.as_bytes()[6] == b'+'
                && base[..6].chars().all(|c| c.is_ascii_uppercase()),
            "subset: {base}"
        );
        assert!(font.has(b"ToUnicode"), "{base} has a ToUnicode map");
    }
    let descriptors: Vec<&&Dictionary> = dicts
        .iter()
        .filter(|d| name(d, b"Type") == Some(b"FontDescriptor"))
        .collect();
    assert_eq!(descriptors.len(), type0.len());
    assert!(
        descriptors.iter().all(|d| d.has(b"FontFile2")),
        "every font embedded"
    );
    assert!(
        bytes.len() < 200 * 1024,
        "the bundled charter's PDF is {} bytes",
        bytes.len()
    );
    assert!(
        tool(&bytes, "pdffonts", &[])
            .lines()
            .skip(2)
            .all(|l| l.contains(" yes yes yes "))
    );
}

#[test]
fn the_text_copies_back_out() {
    let bytes = pdf(KAWKHALI, &[]);
    let text = tool(&bytes, "pdftotext", &["-raw"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let charter = std::fs::read_to_string(KAWKHALI).unwrap();
    let value = |key: &str| -> String {
        let line = charter
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap();
        line.split_once(" = ")
            .unwrap()
            .1
            .trim_matches('"')
            .to_string()
    };
    assert!(
        flat.contains(&value("vision")),
        "the vision, exactly:\n{text}"
    );
    assert!(
        flat.contains(&value("mission")),
        "the mission, exactly:\n{text}"
    );
    assert!(text.contains("kawkhalidoict@gmail.com"));
    for service in [
        "ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা",
        "শেখ রাসেল ডিজিটাল ল্যাব সংক্রান্ত",
        "ইনোভেশন সংক্রান্ত পরামর্শ",
    ] {
        assert!(flat.contains(service), "{service}");
    }
    assert!(
        text.contains("পৃষ্ঠা ১/৩") && text.contains("পৃষ্ঠা ৩/৩"),
        "page numbers in Bengali digits"
    );
}

#[test]
fn vowel_signs_are_drawn_before_their_consonant_and_conjuncts_hold() {
    for file in [KAWKHALI, COMPLETE] {
        let trace = tool(&pdf(file, &[]), "mutool", &["trace"]);
        // Drawn glyphs only: `<g unicode="…" glyph="evowelsignbeng" x="…" y="…"/>`. Entries
        // without a glyph name are the further characters of a ligature, not drawn glyphs.
        let glyphs: Vec<(String, f64, String)> = trace
            .lines()
            .filter_map(|l| {
                let attr = |name: &str| {
                    l.split(&format!(" {name}=\""))
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .map(str::to_string)
                };
                Some((attr("glyph")?, attr("x")?.parse().ok()?, attr("y")?))
            })
            .collect();
        assert!(
            glyphs.len() > 1000,
            "{file}: {} glyphs traced",
            glyphs.len()
        );
        let prebase = |g: &str| {
            g.starts_with("ivowelsign")
                || g.starts_with("evowelsign")
                || g.starts_with("aivowelsign")
        };
        let mut signs = 0;
        for (i, (glyph, x, y)) in glyphs.iter().enumerate() {
            if prebase(glyph) {
                signs += 1;
                let (next, next_x, next_y) = &glyphs[i + 1];
                assert!(
                    next_y != y || next_x > x,
                    "{file}: {glyph} at {x} is not left of {next} at {next_x}"
                );
            }
            assert!(
                !glyph.starts_with("virama"),
                "{file}: a hasanta drawn on its own at {x}: a conjunct fell apart"
            );
        }
        assert!(signs > 50, "{file}: {signs} pre-base vowel signs checked");
    }
}

#[test]
fn headers_repeat_on_every_page_of_a_table() {
    let bytes = pdf(COMPLETE, &[]);
    let pages: Vec<String> = tool(&bytes, "pdftotext", &["-raw"])
        .split('\u{c}')
        .map(str::to_string)
        .collect();
    let with_rows: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবী, মোবাইল"))
        .collect();
    assert!(
        with_rows.len() >= 2,
        "the service table spans pages and repeats its headings on each"
    );
}

#[test]
fn metadata_paper_and_pdfa() {
    let bytes = pdf(KAWKHALI, &[]);
    let field = |info: &str, key: &str| -> String {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}:")))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let info = tool(&bytes, "pdfinfo", &[]);
    assert_eq!(
        field(&info, "Title"),
        "সিটিজেন চার্টার — তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"
    );
    assert_eq!(field(&info, "Author"), "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর");
    assert_eq!(
        field(&info, "Page size"),
        "841.89 x 595.28 pts (A4)",
        "A4 landscape by default"
    );
    let portrait = tool(
        &pdf(KAWKHALI, &["--paper", "letter", "--portrait"]),
        "pdfinfo",
        &[],
    );
    assert_eq!(field(&portrait, "Page size"), "612 x 792 pts (letter)");
    let archival = pdf(KAWKHALI, &["--pdfa"]);
    let xmp = String::from_utf8_lossy(&archival);
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>"),
        "PDF/A-2 identification in the XMP metadata"
    );
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(
        !String::from_utf8_lossy(&bytes).contains("pdfaid"),
        "plain PDF unless asked"
    );
    let catalog = lopdf::Document::load_mem(&bytes).unwrap();
    let lang = catalog
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    assert_eq!(lang, b"bn", "the document language");
}

#[test]
fn a_pdf_is_never_written_to_a_terminal_and_errors_still_refuse() {
    Command::cargo_bin("charter")
        .unwrap()
        .args([
            "render",
            "tests/fixtures/broken/every-rule.toml",
            "--format",
            "pdf",
            "-o",
            "/dev/null",
        ])
        .assert()
        .code(1);
    // To a pipe it is written: the bytes start as a PDF.
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"%PDF-"));
    assert!(
        Path::new("fonts/OFL.txt").exists(),
        "the fonts' licence ships beside them"
    );
}

#[test]
fn no_page_ends_with_a_heading() {
    for file in [KAWKHALI, COMPLETE, "tests/fixtures/valid/land-office.toml"] {
        let text = tool(&pdf(file, &[]), "pdftotext", &["-raw"]);
        for (number, page) in text.split('\u{c}').enumerate() {
            let last = page
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty() && !l.contains("পৃষ্ঠা") && !l.contains("হালনাগাদ"));
            if let Some(last) = last {
                let heading = last.starts_with("২.")
                    || last.starts_with("১. ")
                    || last.starts_with("৩. ")
                    || last.starts_with("৪. ");
                assert!(
                    !heading,
                    "{file}: page {} ends with the heading {last:?}",
                    number + 1
                );
            }
        }
    }
}
