//! Listing the files of a directory.

use std::io;
use std::path::{Path, PathBuf};

/// The files directly in `dir` (with extension `ext`, if given), sorted by name so that every
/// run handles them in the same order.
pub fn files(dir: &Path, ext: Option<&str>) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && ext.is_none_or(|ext| p.extension().is_some_and(|e| e == ext)))
        .collect();
    files.sort();
    Ok(files)
}
