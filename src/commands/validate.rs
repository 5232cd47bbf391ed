//! `charter validate`: checks charter files and reports every finding.

use crate::charter;
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::Error;
use crate::report::{self, Finding, Report, Style};
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

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
    out.write(report.start())?;
    for batch in files.chunks(BATCH) {
        // Each file is read, checked and located on its own thread; only its findings come back.
        let results: Vec<Result<Vec<Finding>, Error>> =
            batch.par_iter().map(|path| check_file(path)).collect();
        for result in results {
            match result {
                Ok(findings) => out.write(report.file(&findings))?,
                Err(e) => failures.push(e),
            }
        }
    }
    out.write(report.finish())?;
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
pub(super) fn charter_files(paths: &[PathBuf], failures: &mut Vec<Error>) -> Vec<PathBuf> {
    if paths.is_empty() {
        discover(&[PathBuf::from(DEFAULT_DIR)], failures)
    } else {
        discover(paths, failures)
    }
}

/// The files to check: each file named, and every `*.toml` below each directory named, sorted
/// so that output is the same from run to run.
fn discover(paths: &[PathBuf], failures: &mut Vec<Error>) -> Vec<PathBuf> {
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
                            files.push(entry.into_path());
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
            Ok(_) => files.push(path.clone()),
        }
    }
    files
}

/// Reads and checks one file.
fn check_file(path: &Path) -> Result<Vec<Finding>, Error> {
    let file = charter::read(path)?;
    Ok(report::locate(
        &file.name,
        &file.source,
        file.loaded.diagnostics,
    ))
}
