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

impl CharterFile {
    /// Checks a charter's bytes, already read from `path` (by a locked edit, say): a file over
    /// the size limit gets one finding instead of being parsed.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> CharterFile {
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
                    unlisted: Default::default(),
                },
            )
        } else {
            load_bytes(bytes)
        };
        CharterFile {
            path: path.to_path_buf(),
            name: path.to_string_lossy().replace('\\', "/"),
            source,
            loaded,
        }
    }
}

/// Reads and checks a charter file. A file that cannot be read is an [`Error`]; a file that is
/// too large, not UTF-8 or not a valid charter is read with findings.
pub fn read(path: &Path) -> Result<CharterFile, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = crate::files::open_regular(path)?;
    // Sized from the metadata: a 9 KB charter is read in one call, not eleven as the buffer grows.
    let size = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    // One byte more than the limit tells a file at the limit from one past it, without reading
    // a huge file whole.
    file.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    Ok(CharterFile::from_bytes(path, bytes))
}

/// Whether a TOML text looks like a charter: a top-level `version`, or one of the charter's
/// tables (`[office]`, `[officers.…]`, `[[services.…]]`, `[[grievance]]`). Directory walks use it
/// to pass over the other TOML files a repository holds (`Cargo.toml`, `pyproject.toml`). It reads
/// lines, not TOML, so that a charter with a syntax error is still checked (and reported).
pub fn looks_like_charter(source: &str) -> bool {
    const KEYS: [&str; 7] = [
        "version",
        "office",
        "officers",
        "services",
        "grievance",
        "vision",
        "mission",
    ];
    let mut top_level = true;
    for line in source.lines() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if let Some(header) = line.strip_prefix('[') {
            let name = header.trim_start_matches('[').trim_start();
            let name = name.trim_start_matches(['"', '\'']);
            let first = name
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .next()
                .unwrap_or("");
            if KEYS[1..5].contains(&first) {
                return true;
            }
            top_level = false;
        } else if top_level {
            let key = line
                .split(|c: char| c == '=' || c == '.' || c.is_whitespace())
                .next()
                .unwrap_or("")
                .trim_matches(['"', '\'']);
            if KEYS.contains(&key) && line.contains('=') {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::looks_like_charter;

    #[test]
    fn charters_are_told_from_other_toml() {
        for charter in [
            "version = 1\n",
            "# a comment\n[office]\nname = \"x\"\n",
            "[[services.citizen]]\nid = \"a\"\n",
            "vision = \"…\"\n[officers.gro]\n",
            "\u{feff}version=1",
            "version = 1\nx = [\"a\" \"b\"]\n",
        ] {
            assert!(looks_like_charter(charter), "{charter:?}");
        }
        for other in [
            "[package]\nname = \"charter\"\nversion = \"0.1.0\"\n",
            "[project]\nname = \"x\"\nversion = \"1\"\n[tool.black]\n",
            "[tool.taplo]\n",
            "",
            "title = \"x\"\n",
        ] {
            assert!(!looks_like_charter(other), "{other:?}");
        }
    }
}
