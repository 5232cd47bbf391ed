//! `charter validate`: checks charter files and reports every finding.

use crate::charter;
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::Error;
use crate::report::{self, Finding, Report, Style};
use rayon::prelude::*;
use std::fs;
use std::path::PathBuf;

/// The directory checked when no path is given.
const DEFAULT_DIR: &str = "charters";

/// How many files are checked in parallel before their findings are written: enough to keep
/// every core busy, few enough that memory does not grow with the run.
const BATCH: usize = 256;

/// Checks every file the arguments name and prints the findings as they come. Returns 0 when all
/// are valid, 1 when a file has errors (or warnings, with `--strict`), 2 when a path could not be
/// read.
pub fn run(args: &ValidateArgs) -> Result<u8, Error> {
    let mut failures: Vec<Error> = Vec::new();
    let files = charter_files(&args.paths, &mut failures);
    let mut report = Report::new(match args.format {
        ReportFormat::Human => Style::Human,
        ReportFormat::Json => Style::Json,
        ReportFormat::Github => Style::Github,
        ReportFormat::Sarif => Style::Sarif,
    });
    let mut out = Output::default();
    let mut skipped = Vec::new();
    out.write(report.start())?;
    for batch in files.chunks(BATCH) {
        // Each file is read, checked and located on its own thread; only its findings come back.
        let results: Vec<Result<Option<Vec<Finding>>, Error>> =
            batch.par_iter().map(check_file).collect();
        for (result, candidate) in results.into_iter().zip(batch) {
            match result {
                Ok(Some(findings)) => out.write(report.file(&findings))?,
                Ok(None) => skipped.push(candidate.path.clone()),
                Err(e) => failures.push(e),
            }
        }
    }
    out.write(report.finish())?;
    if let Some(note) = skipped_note(&skipped) {
        // In the human report, under its count; beside a machine format, on stderr.
        match args.format {
            ReportFormat::Human => out.write(format!("{note}\n"))?,
            _ => eprintln!("charter: {note}"),
        }
    }
    out.flush()?;
    for failure in &failures {
        eprintln!("charter: error: {failure}");
    }
    Ok(if !failures.is_empty() {
        2
    } else if report.errors() > 0 || (args.strict && report.warnings() > 0) {
        1
    } else {
        0
    })
}

/// Standard output for a report written piece by piece, in blocks of about 64 KiB. Once its
/// reader has gone (`| head`), the rest is dropped and the run goes on to its exit code.
#[derive(Default)]
struct Output {
    buffer: String,
    gone: bool,
}

impl Output {
    const BLOCK: usize = 64 * 1024;

    fn write(&mut self, text: String) -> Result<(), Error> {
        if !self.gone {
            self.buffer.push_str(&text);
            if self.buffer.len() >= Self::BLOCK {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Error> {
        if !self.gone && !self.buffer.is_empty() {
            self.gone = !crate::files::write_stdout_part(self.buffer.as_bytes())?;
        }
        self.buffer.clear();
        Ok(())
    }
}

/// The charter files that command-line paths name ([`discover`]), or those of `charters/` when
/// none is named.
pub(super) fn charter_files(paths: &[PathBuf], failures: &mut Vec<Error>) -> Vec<Candidate> {
    if paths.is_empty() {
        discover(&[PathBuf::from(DEFAULT_DIR)], failures)
    } else {
        discover(paths, failures)
    }
}

/// A file to check.
pub(super) struct Candidate {
    /// The file.
    pub path: PathBuf,
    /// Named on the command line, so checked whatever it holds; a file found in a directory is
    /// checked only if it [looks like a charter](charter::looks_like_charter).
    pub named: bool,
}

impl Candidate {
    /// Whether a file with this text is passed over: found in a directory, and not a charter.
    pub fn passed_over(&self, source: &str) -> bool {
        !self.named && !charter::looks_like_charter(source)
    }
}

/// The note for files passed over, if any: `skipped 2 .toml files that are not charters: …`.
pub(super) fn skipped_note(skipped: &[PathBuf]) -> Option<String> {
    const NAMED: usize = 5;
    if skipped.is_empty() {
        return None;
    }
    let mut names: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|p| p.display().to_string())
        .collect();
    if skipped.len() > NAMED {
        names.push(format!("and {} more", skipped.len() - NAMED));
    }
    let files = if skipped.len() == 1 { "file" } else { "files" };
    Some(format!(
        "skipped {} .toml {files} that are not charters (no top-level `version`, no [office], [officers] or [[services]]): {}",
        skipped.len(),
        names.join(", ")
    ))
}

/// The files to check: each file named, and every `*.toml` below each directory named, sorted
/// so that output is the same from run to run.
fn discover(paths: &[PathBuf], failures: &mut Vec<Error>) -> Vec<Candidate> {
    let mut files = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                failures.push(Error::PathNotFound { path: path.clone() })
            }
            Err(e) => failures.push(Error::Read {
                path: path.clone(),
                source: e,
            }),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                {
                    match entry {
                        Ok(entry)
                            if entry.file_type().is_file()
                                && entry.path().extension().is_some_and(|e| e == "toml") =>
                        {
                            files.push(Candidate {
                                path: entry.into_path(),
                                named: false,
                            });
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let at = e.path().unwrap_or(path).to_path_buf();
                            failures.push(Error::Read {
                                path: at,
                                source: e.into(),
                            });
                        }
                    }
                }
                if files.len() == before {
                    failures.push(Error::NoCharters { path: path.clone() });
                }
            }
            Ok(_) => files.push(Candidate {
                path: path.clone(),
                named: true,
            }),
        }
    }
    files
}

/// Reads and checks one file; `None` when it is passed over as not a charter.
fn check_file(candidate: &Candidate) -> Result<Option<Vec<Finding>>, Error> {
    let file = charter::read(&candidate.path)?;
    if candidate.passed_over(&file.source) {
        return Ok(None);
    }
    Ok(Some(report::locate(
        &file.name,
        &file.source,
        file.loaded.diagnostics,
    )))
}
