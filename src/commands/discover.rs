//! Which files a command checks: those named, and the charters below the directories named.

use crate::charter;
use crate::error::Error;
use std::fs;
use std::path::PathBuf;

/// The directory checked when no path is given.
const DEFAULT_DIR: &str = "charters";

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
                // Symbolic links inside a folder are not followed: one to `/proc` or to
                // another project would bring in (and let `fmt` and `fix` rewrite) files that
                // are not the folder's. A link named on the command line is followed.
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(false)
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
