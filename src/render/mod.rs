//! Rendering a charter: as terminal tables, Markdown, HTML, JSON or PDF.
//!
//! All but JSON write the same [`document`], the charter in the order and wording of the
//! printed copy; JSON writes the data with every derived value.

mod coverage;
pub mod document;
pub mod draft;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod terminal;
pub mod width;

use crate::charter::Charter;
pub use document::Lang;
/// The output formats: everything `charter render` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// JSON with every derived value.
    Json,
    /// A PDF with shaped Bengali and embedded fonts ([`pdf`]).
    Pdf,
}

impl Format {
    /// The file name extension of this format, for `--out-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }
}

/// What and how to render.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// The language.
    pub lang: Lang,
    /// Only this service, by id; the caller has checked that it exists.
    pub service: Option<&'a str>,
    /// The terminal width, for tables.
    pub width: usize,
    /// Paper and archival form, for PDF.
    pub pdf: pdf::PdfOptions,
    /// A draft (`--draft`): the charter may have errors; every page says it is a draft and
    /// every required value it lacks shows as [`draft::GAP`].
    pub draft: bool,
}

/// A charter rendered, and what in it will not show as written.
#[derive(Debug)]
pub struct Rendered {
    /// The output.
    pub bytes: Vec<u8>,
    /// One sentence each (for PDF: characters its fonts cannot draw, and where).
    pub warnings: Vec<String>,
}

/// Renders a valid charter, or under [`Options::draft`] any charter that could be read. Only a
/// PDF can fail: under `--pdfa`, over characters no embedded font has.
pub fn render(charter: &Charter, format: Format, options: &Options) -> Result<Rendered, String> {
    let filled;
    let charter = if options.draft {
        filled = draft::with_gaps(charter).0;
        &filled
    } else {
        charter
    };
    let selection = document::Selection {
        service: options.service,
    };
    let blocks = || {
        let mut blocks = document::build(charter, options.lang, &selection);
        if options.draft {
            draft::mark(&mut blocks, options.lang);
        }
        blocks
    };
    let text = match format {
        // Text for a terminal (and Markdown, read in one): a control character in a value is
        // shown, never obeyed.
        Format::Table => visible(terminal::render(&blocks(), options.width)),
        Format::Markdown => visible(markdown::render(&blocks())),
        Format::Html => html::render(&blocks(), options.lang, charter.title(options.lang.code())),
        Format::Json => json::render(charter, options.lang, options.service, options.draft),
        Format::Pdf => {
            let pdf = pdf::charter_pdf(
                charter,
                options.lang,
                options.service,
                &options.pdf,
                options.draft,
            )?;
            return Ok(Rendered {
                bytes: pdf.bytes,
                warnings: pdf.warnings,
            });
        }
    };
    Ok(Rendered {
        bytes: text.into_bytes(),
        warnings: Vec::new(),
    })
}

/// `text` with its control characters made visible ([`crate::bangla::visible_controls`]).
fn visible(text: String) -> String {
    match crate::bangla::visible_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
    }
}
