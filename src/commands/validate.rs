//! `charter validate`: checks charter files and reports every finding.

use crate::charter::{self, Severity};
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::Error;
use crate::report::{self, Finding};
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// The directory checked when no path is given.
const DEFAULT_DIR: &str = "charters";

/// Checks every file the arguments name and prints the findings. Returns 0 when all are valid,
/// 1 when a file has errors (or warnings, with `--strict`), 2 when a path could not be read.
pub fn run(args: &ValidateArgs) -> Result<u8, Error> {
    let mut failures: Vec<Error> = Vec::new();
    let files = charter_files(&args.paths, &mut failures);

    // Each file is read, checked and located on its own thread; only its findings come back.
    let results: Vec<Result<Vec<Finding>, Error>> =
        files.par_iter().map(|path| check_file(path)).collect();
    let mut findings = Vec::new();
    let mut checked = 0;
    for result in results {
        match result {
            Ok(f) => {
                checked += 1;
                findings.extend(f);
            }
            Err(e) => failures.push(e),
        }
    }

    super::print(&render(args.format, &findings, checked))?;
    for failure in &failures {
        eprintln!("charter: error: {failure}");
    }
    let failing = |f: &&Finding| f.severity == Severity::Error || args.strict;
    Ok(if !failures.is_empty() {
        2
    } else if findings.iter().any(|f| failing(&f)) {
        1
    } else {
        0
    })
}

fn render(format: ReportFormat, findings: &[Finding], checked: usize) -> String {
    match format {
        ReportFormat::Json => report::json(findings),
        ReportFormat::Sarif => report::sarif(findings),
        ReportFormat::Github => findings.iter().map(report::github).collect(),
        ReportFormat::Human => {
            let mut out: String = findings.iter().map(|f| report::human(f) + "\n").collect();
            let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
            let mut invalid: Vec<&str> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.file.as_str())
                .collect();
            invalid.dedup();
            out.push_str(&report::summary(
                checked,
                count(Severity::Error),
                count(Severity::Warning),
                invalid.len(),
            ));
            out
        }
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
