//! `charter fix`: mend charters' encoding (Bijoy to Unicode, NFC, stray zero-width characters),
//! keeping everything else byte for byte.

use super::discover::Candidate;
use crate::charter::{self, Severity};
use crate::cli::FixArgs;
use crate::error::Error;

/// Fixes (or with `--check`, lists what would change in) every charter the paths name. Exit 0
/// when nothing is (left) to fix, 1 when `--check` found something or a file cannot be fixed into
/// a valid charter, 2 on I/O errors.
pub fn run(args: &FixArgs) -> Result<u8, Error> {
    let mut failures = Vec::new();
    let files = super::discover::charter_files(&args.paths, &mut failures);
    let mut code = 0;
    let mut report = String::new();
    let mut skipped = Vec::new();
    for candidate in &files {
        match fix_file(candidate, args.check, &mut report) {
            Ok(Some(file_code)) => code = code.max(file_code),
            Ok(None) => skipped.push(candidate.path.clone()),
            Err(e) => failures.push(e),
        }
    }
    super::print(&report)?;
    if let Some(note) = super::discover::skipped_note(&skipped) {
        eprintln!("charter: {note}");
    }
    for failure in &failures {
        eprintln!("charter: error: {failure}");
    }
    Ok(if failures.is_empty() { code } else { 2 })
}

/// Fixes one file; its changes go to `report`, one `file:line: key: old → new` a line. `None`
/// when it is passed over as not a charter.
fn fix_file(candidate: &Candidate, check: bool, report: &mut String) -> Result<Option<u8>, Error> {
    let path = candidate.path.as_path();
    // Locked from reading to writing, so that a `set` meanwhile is not lost.
    let edit = crate::files::Edit::open(path, charter::MAX_FILE_BYTES)?;
    let name = path.to_string_lossy().replace('\\', "/");
    // The charter is loaded (its model and findings, several times the file) only where they
    // are needed: to show why a file cannot be fixed, and to check what a fix would write.
    let loaded = || charter::CharterFile::from_bytes(path, edit.bytes.clone());
    let Ok(text) = std::str::from_utf8(&edit.bytes) else {
        let file = loaded();
        if candidate.passed_over(&file.source) {
            return Ok(None);
        }
        let reason = "not UTF-8 (which legacy encoding it is cannot be told)";
        return Ok(Some(cannot_fix(&file, reason)));
    };
    if candidate.passed_over(text) {
        return Ok(None);
    }
    // Fixed with LF line ends, then given the file's own back: a value fixed into a
    // multi-line string gains no CR, and a CRLF file no bare LF.
    let (style, source) = crate::files::TextStyle::split(text);
    let fixed = match crate::fix::fix(&source) {
        Ok(fixed) => fixed,
        // A file that is not TOML is a charter with errors, as every command says (exit 1),
        // not a failure of the tool: its syntax error is shown where it is.
        Err(reason) => return Ok(Some(cannot_fix(&loaded(), &reason))),
    };
    for change in &fixed.changes {
        report.push_str(&format!(
            "{name}:{}: {}: {} → {}\n",
            change.line, change.key, change.old, change.new
        ));
    }
    if fixed.changes.is_empty() {
        return Ok(Some(0));
    }
    if check {
        return Ok(Some(1));
    }
    // The result must be no worse a charter than the file was: every error it has, the file had.
    let before = errors(&charter::load_str(text).diagnostics);
    let after = charter::load_str(&fixed.text);
    let new: Vec<_> = after
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && !before.contains(&(d.code, d.key.clone())))
        .collect();
    if !new.is_empty() {
        super::print_errors(&name, &fixed.text, new);
        eprintln!("charter: {name}: not changed: the fixed text would not be a valid charter");
        return Ok(Some(1));
    }
    edit.write(style.apply(&fixed.text).as_bytes())?;
    eprintln!("charter: fixed {name} ({} strings)", fixed.changes.len());
    Ok(Some(0))
}

/// Shows why a file cannot be fixed: its errors where they are, then the reason. Exit code 1.
fn cannot_fix(file: &charter::CharterFile, reason: &str) -> u8 {
    if super::print_errors(&file.name, &file.source, file.loaded.diagnostics.clone()) == 0 {
        eprintln!("charter: {}: {reason}", file.name);
    }
    eprintln!("charter: {}: not fixed: {reason}", file.name);
    1
}

fn errors(diagnostics: &[charter::Diagnostic]) -> Vec<(charter::Code, String)> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.key.clone()))
        .collect()
}
