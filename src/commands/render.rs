//! `charter render`: the charter as terminal tables, Markdown, HTML, JSON or PDF.

use crate::charter::{Charter, suggest};
use crate::cli::{LangArg, PaperArg, RenderArgs, RenderFormat};
use crate::error::Error;
use crate::render::pdf::{Paper, PdfOptions};
use crate::render::{self, Format, Lang, Options};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Table width when standard output is not a terminal and no `--width` is given.
const DEFAULT_WIDTH: usize = 100;

/// Renders the charter, or with `--out-dir` each charter named; returns 1 (with the findings on
/// stderr) when a charter has errors.
pub fn run(args: &RenderArgs) -> Result<u8, Error> {
    let format = format(args.format);
    match (&args.out_dir, args.files.as_slice()) {
        (Some(dir), files) => many(args, format, files, dir),
        (None, [file]) => one(args, format, file),
        (None, _) => Err(Error::Usage {
            message: "several charters need --out-dir DIR: each is written there after its name"
                .to_string(),
        }),
    }
}

fn format(arg: RenderFormat) -> Format {
    match arg {
        RenderFormat::Table => Format::Table,
        RenderFormat::Markdown => Format::Markdown,
        RenderFormat::Html => Format::Html,
        RenderFormat::Json => Format::Json,
        RenderFormat::Pdf => Format::Pdf,
    }
}

/// One charter, to `-o` or standard output.
fn one(args: &RenderArgs, format: Format, file: &Path) -> Result<u8, Error> {
    let to_stdout = args.output.as_deref().is_none_or(|o| o == Path::new("-"));
    if format == Format::Pdf && to_stdout && std::io::stdout().is_terminal() {
        let source =
            std::io::Error::other("a PDF is binary: give -o FILE or redirect standard output");
        return Err(Error::Write {
            path: "<stdout>".into(),
            source,
        });
    }
    let charter = match load(file, args.draft)? {
        Ok(charter) => charter,
        Err(code) => return Ok(code),
    };
    let width = args
        .width
        .map(usize::from)
        .unwrap_or_else(|| terminal_width(!to_stdout));
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    write_rendered(args, format, file, &charter, width, target)?;
    Ok(0)
}

/// Every charter named, in parallel, each into `dir`. One charter's trouble never stops the
/// others; the exit code is the worst of them.
fn many(args: &RenderArgs, format: Format, files: &[PathBuf], dir: &Path) -> Result<u8, Error> {
    let targets = targets(files, dir, format)?;
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let width = args.width.map_or(DEFAULT_WIDTH, usize::from);
    let codes: Vec<u8> = files
        .par_iter()
        .zip(&targets)
        .map(|(file, target)| {
            let result = load(file, args.draft).and_then(|loaded| match loaded {
                Ok(charter) => {
                    write_rendered(args, format, file, &charter, width, target).map(|()| 0)
                }
                Err(code) => Ok(code),
            });
            result.unwrap_or_else(|error| {
                eprintln!("charter: error: {error}");
                error.exit_code()
            })
        })
        .collect();
    let written = codes.iter().filter(|&&c| c == 0).count();
    eprintln!(
        "charter: wrote {written} of {} charters to {}",
        files.len(),
        dir.display()
    );
    Ok(codes.into_iter().max().unwrap_or(0))
}

/// Reads a charter to render: a valid one, or with `--draft` any that is TOML, its errors
/// counted on stderr.
fn load(file: &Path, draft: bool) -> Result<Result<Charter, u8>, Error> {
    if !draft {
        return super::load_valid(file);
    }
    let read = crate::charter::read(file)?;
    let unreadable = read.loaded.diagnostics.iter().any(|d| {
        matches!(
            d.code,
            crate::charter::Code::Syntax | crate::charter::Code::Encoding
        )
    });
    if unreadable {
        return super::load_valid(file);
    }
    let errors = read
        .loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::charter::Severity::Error)
        .count();
    let gaps = crate::render::draft::with_gaps(&read.loaded.charter).1;
    eprintln!(
        "charter: {}: a draft: {errors} error(s), {gaps} missing value(s) marked {}; `charter validate` says what to fill in",
        read.name,
        crate::render::draft::GAP
    );
    Ok(Ok(read.loaded.charter))
}

/// The file each charter goes to: its name with the format's extension. Two charters with one
/// name would overwrite each other, so that is refused before anything is written.
fn targets(files: &[PathBuf], dir: &Path, format: Format) -> Result<Vec<PathBuf>, Error> {
    let mut targets: Vec<PathBuf> = Vec::with_capacity(files.len());
    for file in files {
        let stem = file.file_stem().unwrap_or(file.as_os_str());
        let target = dir.join(Path::new(stem).with_extension(format.extension()));
        if let Some(i) = targets.iter().position(|t| *t == target) {
            return Err(Error::Usage {
                message: format!(
                    "{} and {} would both be written to {}; render them into different directories",
                    files[i].display(),
                    file.display(),
                    target.display()
                ),
            });
        }
        targets.push(target);
    }
    Ok(targets)
}

/// One valid charter rendered into `target` (`-`: standard output), its warnings on stderr. Text
/// is written as it is made; a PDF is made whole, then written.
fn write_rendered(
    args: &RenderArgs,
    format: Format,
    file: &Path,
    charter: &Charter,
    width: usize,
    target: &Path,
) -> Result<(), Error> {
    if let Some(id) = &args.service
        && charter.service(id).is_none()
    {
        let ids: Vec<&str> = charter
            .services
            .iter()
            .map(|(_, s)| s.id.as_str())
            .collect();
        return Err(Error::UnknownService {
            id: id.clone(),
            path: file.to_path_buf(),
            suggestion: suggest(id, &ids).map(str::to_string),
        });
    }
    let options = Options {
        lang: match args.lang {
            LangArg::Bn => Lang::Bn,
            LangArg::En => Lang::En,
        },
        service: args.service.as_deref(),
        width,
        pdf: PdfOptions {
            paper: match args.paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::Letter => Paper::Letter,
                PaperArg::Legal => Paper::Legal,
            },
            portrait: args.portrait,
            pdfa: args.pdfa,
        },
        draft: args.draft,
    };
    if format == Format::Pdf {
        let bytes = render_warned(charter, format, &options, file)?;
        return crate::files::write(target, &bytes);
    }
    crate::files::write_streamed(target, &mut |out| {
        render::write_text(charter, format, &options, out)
    })
}

/// Renders a valid charter read from `file`, its warnings on stderr; `reply --attach-pdf` makes
/// its PDF here too.
pub(super) fn render_warned(
    charter: &Charter,
    format: Format,
    options: &Options,
    file: &Path,
) -> Result<Vec<u8>, Error> {
    let rendered = render::render(charter, format, options).map_err(|reason| Error::Unusable {
        path: file.to_path_buf(),
        reason: format!("cannot write the PDF: {reason}"),
    })?;
    for warning in &rendered.warnings {
        eprintln!("charter: warning: {}: {warning}", file.display());
    }
    Ok(rendered.bytes)
}

/// The terminal's width when standard output is one (and is where the table goes).
fn terminal_width(to_file: bool) -> usize {
    if to_file || !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
}
