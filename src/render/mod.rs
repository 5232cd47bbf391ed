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
pub mod sink;
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
    if format != Format::Pdf {
        let mut bytes = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = write_text(charter, format, options, &mut bytes);
        return Ok(Rendered {
            bytes,
            warnings: Vec::new(),
        });
    }
    let charter = filled(charter, options.draft);
    let pdf = pdf::charter_pdf(
        &charter,
        options.lang,
        options.service,
        &options.pdf,
        options.draft,
    )?;
    Ok(Rendered {
        bytes: pdf.bytes,
        warnings: pdf.warnings,
    })
}

/// Writes a text rendering (any format but PDF, which is made whole by [`render`]) to `out` as
/// it is made, so that its size never counts against memory: the first error of `out`.
pub fn write_text(
    charter: &Charter,
    format: Format,
    options: &Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let charter = &*filled(charter, options.draft);
    let (lang, service) = (options.lang, options.service);
    if format == Format::Json {
        return json::write(charter, lang, service, options.draft, out);
    }
    let mut blocks = document::build(charter, lang, &document::Selection { service });
    if options.draft {
        draft::mark(&mut blocks, lang);
    }
    // Text for a terminal (and Markdown, read in one): a control character in a value is shown,
    // never obeyed.
    let visible = matches!(format, Format::Table | Format::Markdown);
    let mut sink = sink::Sink::new(out, visible);
    match format {
        Format::Table => terminal::render(&blocks, options.width, &mut sink),
        Format::Markdown => markdown::render(&blocks, &mut sink),
        Format::Html => html::render(&blocks, lang, charter.title(lang.code()), &mut sink),
        Format::Json | Format::Pdf => {
            return Err(std::io::Error::other("not a text format"));
        }
    }
    sink.finish()
}

/// The charter to render: under `--draft`, with a gap mark in each value it lacks.
fn filled(charter: &Charter, draft: bool) -> std::borrow::Cow<'_, Charter> {
    if draft {
        std::borrow::Cow::Owned(draft::with_gaps(charter).0)
    } else {
        std::borrow::Cow::Borrowed(charter)
    }
}
