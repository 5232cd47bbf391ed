//! Reading a charter file from disk, within the size limit.

use super::{Code, Diagnostic, Loaded, MAX_FILE_BYTES, load_bytes};
use crate::error::Error;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A charter file as read: where it is, its text (for snippets) and what was found in it.
#[derive(Debug)]
pub struct CharterFile {
    /// The path it was read from.
    pub path: PathBuf,
    /// The path as reports print it (`/` separators).
    pub name: String,
    /// Its text, invalid UTF-8 replaced; empty when the file was too large to read.
    pub source: String,
    /// The charter and the findings.
    pub loaded: Loaded,
}

/// Reads and checks a charter file. A file that cannot be read is an [`Error`]; a file that is
/// too large, not UTF-8 or not a valid charter is read with findings.
pub fn read(path: &Path) -> Result<CharterFile, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let name = path.to_string_lossy().replace('\\', "/");
    let mut file = crate::files::open_regular(path)?;
    let mut bytes = Vec::new();
    // One byte more than the limit tells a file at the limit from one past it, without reading
    // a huge file whole.
    file.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    let (source, loaded) = if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!(
            "the file is larger than {} MiB: a charter is tens of kilobytes; is this the right file?",
            MAX_FILE_BYTES / (1024 * 1024)
        );
        let diagnostics = vec![Diagnostic::new(Code::TooLarge, "", 0..0, message)];
        (
            String::new(),
            Loaded {
                charter: Default::default(),
                diagnostics,
            },
        )
    } else {
        load_bytes(bytes)
    };
    Ok(CharterFile {
        path: path.to_path_buf(),
        name,
        source,
        loaded,
    })
}
