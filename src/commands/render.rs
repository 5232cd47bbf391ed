//! `charter render`: the charter as terminal tables, Markdown, HTML or JSON.

use crate::charter::suggest;
use crate::cli::{LangArg, PaperArg, RenderArgs, RenderFormat};
use crate::error::Error;
use crate::render::{self, Format, Lang, Options};
use std::io::IsTerminal;

/// Table width when standard output is not a terminal and no `--width` is given.
const DEFAULT_WIDTH: usize = 100;

/// Renders the charter; returns 1 (with the findings on stderr) when it has errors.
pub fn run(args: &RenderArgs) -> Result<u8, Error> {
    let charter = match super::load_valid(&args.file)? {
        Ok(charter) => charter,
        Err(code) => return Ok(code),
    };
    if let Some(id) = &args.service
        && charter.service(id).is_none()
    {
        let ids: Vec<&str> = charter
            .services
            .iter()
            .map(|(_, s)| s.id.as_str())
            .collect();
        let suggestion = suggest(id, &ids).map(str::to_string);
        return Err(Error::UnknownService {
            id: id.clone(),
            path: args.file.clone(),
            suggestion,
        });
    }
    let lang = match args.lang {
        LangArg::Bn => Lang::Bn,
        LangArg::En => Lang::En,
    };
    if args.format == RenderFormat::Pdf {
        return pdf(args, &charter, lang);
    }
    let format = match args.format {
        RenderFormat::Pdf => unreachable!("handled above"),
        RenderFormat::Table => Format::Table,
        RenderFormat::Markdown => Format::Markdown,
        RenderFormat::Html => Format::Html,
        RenderFormat::Json => Format::Json,
    };
    let width = args
        .width
        .map(usize::from)
        .unwrap_or_else(|| terminal_width(args.output.is_some()));
    let options = Options {
        lang,
        service: args.service.as_deref(),
        width,
    };
    let text = render::render(&charter, format, &options);
    match &args.output {
        Some(path) => crate::files::write(path, text.as_bytes())?,
        None => super::print(&text)?,
    }
    Ok(0)
}

/// The terminal's width when standard output is one (and is where the table goes).
fn terminal_width(to_file: bool) -> usize {
    if to_file || !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
}

/// `--format pdf`: the document as a PDF, to `-o` or a pipe (never to a terminal).
fn pdf(args: &RenderArgs, charter: &crate::charter::Charter, lang: Lang) -> Result<u8, Error> {
    use crate::render::pdf::{Paper, PdfOptions};
    if args.output.is_none() && std::io::stdout().is_terminal() {
        let source =
            std::io::Error::other("a PDF is binary: give -o FILE or redirect standard output");
        return Err(Error::Write {
            path: "<stdout>".into(),
            source,
        });
    }
    let paper = match args.paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
        PaperArg::Legal => Paper::Legal,
    };
    let options = PdfOptions {
        paper,
        portrait: args.portrait,
        pdfa: args.pdfa,
    };
    let pdf = crate::render::pdf::charter_pdf(charter, lang, args.service.as_deref(), &options)
        .map_err(|reason| Error::Unusable {
            path: args.file.clone(),
            reason: format!("cannot write the PDF: {reason}"),
        })?;
    for warning in &pdf.warnings {
        eprintln!("charter: warning: {}: {warning}", args.file.display());
    }
    match &args.output {
        Some(path) => crate::files::write(path, &pdf.bytes)?,
        None => crate::files::write_stdout(&pdf.bytes)?,
    }
    Ok(0)
}
