//! `charter bijoy`: Bijoy text in, Unicode Bengali out.

use crate::bangla::bijoy;
use crate::cli::BijoyArgs;
use crate::error::Error;
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
        Some(path) => crate::files::write(path, unicode.as_bytes())?,
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
    let name = path.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
    let bytes = crate::files::read_input(&name, MAX_TEXT_BYTES)?;
    Ok((name, bytes))
}
