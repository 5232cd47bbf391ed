//! `charter bijoy`: Bijoy text in, Unicode Bengali out.

use crate::bangla::bijoy;
use crate::cli::BijoyArgs;
use crate::error::Error;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger inputs are refused: a document of this size is a whole book.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// Converts the input and writes it out.
pub fn run(args: &BijoyArgs) -> Result<u8, Error> {
    let (name, bytes) = read_input(args.input.as_deref())?;
    let text = bijoy::decode_bytes(&bytes);
    let unicode = if args.all {
        bijoy::convert(&text)
    } else {
        bijoy::to_unicode(&text).into_owned()
    };
    match &args.output {
        Some(path) => crate::atomic::write(path, unicode.as_bytes())?,
        None => super::print(&unicode)?,
    }
    if !args.all && unicode == text && !text.is_ascii() {
        eprintln!(
            "charter: {}: no Bijoy found; the text is unchanged",
            name.display()
        );
    }
    Ok(0)
}

/// Reads a file or standard input, within [`MAX_TEXT_BYTES`].
fn read_input(path: Option<&Path>) -> Result<(PathBuf, Vec<u8>), Error> {
    let name = match path {
        None => PathBuf::from("-"),
        Some(p) => p.to_path_buf(),
    };
    let read_error = |source| Error::Read {
        path: name.clone(),
        source,
    };
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if name.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&name).map_err(read_error)?)
    };
    reader
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(Error::Unusable {
            path: name,
            reason: format!(
                "larger than {} MiB: convert it in parts",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        });
    }
    Ok((name, bytes))
}
