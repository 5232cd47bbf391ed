//! Rendering a charter: as terminal tables, Markdown, HTML or JSON.
//!
//! The first three write the same [`document`], the charter in the order and wording of the
//! printed copy; JSON writes the data with every derived value.

mod coverage;
pub mod document;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod terminal;
pub mod width;

use crate::charter::Charter;
pub use document::Lang;

/// The output formats.
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
}

/// Renders a valid charter.
pub fn render(charter: &Charter, format: Format, options: &Options) -> String {
    let selection = document::Selection {
        service: options.service,
    };
    let blocks = || document::build(charter, options.lang, &selection);
    match format {
        Format::Table => terminal::render(&blocks(), options.width),
        Format::Markdown => markdown::render(&blocks()),
        Format::Html => html::render(&blocks(), options.lang, charter.title(options.lang.code())),
        Format::Json => json::render(charter, options.lang, options.service),
    }
}
