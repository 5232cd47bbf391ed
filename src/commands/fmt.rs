//! `charter fmt`: rewrite charters in the canonical layout, or check that they are.

use crate::cli::FmtArgs;
use crate::error::Error;

/// Formats (or with `--check`, lists) every charter the paths name. Exit 0 when all are (now)
/// formatted, 1 when `--check` found one that is not or a file is not TOML, 2 on I/O errors.
pub fn run(args: &FmtArgs) -> Result<u8, Error> {
    let mut failures = Vec::new();
    let files = super::discover::charter_files(&args.paths, &mut failures);
    let mut code = 0;
    let mut listed = String::new();
    let mut skipped = Vec::new();
    for candidate in &files {
        let path = &candidate.path;
        // One unreadable file does not stop the others.
        let file = match crate::files::Edit::open(path, crate::charter::MAX_FILE_BYTES) {
            Ok(file) => file,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let Ok(raw) = std::str::from_utf8(&file.bytes) else {
            eprintln!("charter: {}: not formatted: not UTF-8", path.display());
            code = 1;
            continue;
        };
        if candidate.passed_over(raw) {
            skipped.push(path.clone());
            continue;
        }
        let (style, text) = crate::files::TextStyle::split(raw);
        let formatted = match crate::format::format(&text) {
            Ok(formatted) => formatted,
            Err(reason) => {
                eprintln!("charter: {}: not formatted: {reason}", path.display());
                code = 1;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if args.check {
            listed.push_str(&format!("{}\n", path.display()));
            code = 1;
        } else {
            match file.write(style.apply(&formatted).as_bytes()) {
                Ok(()) => eprintln!("charter: formatted {}", path.display()),
                Err(e) => failures.push(e),
            }
        }
    }
    super::print(&listed)?;
    if let Some(note) = super::discover::skipped_note(&skipped) {
        eprintln!("charter: {note}");
    }
    for failure in &failures {
        eprintln!("charter: error: {failure}");
    }
    Ok(if failures.is_empty() { code } else { 2 })
}
