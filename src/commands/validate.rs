//! `charter validate`: checks charter files and reports every finding.

use super::discover::{Candidate, charter_files, skipped_note};
use crate::charter;
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::Error;
use crate::report::{self, Finding, Report, Style, Unlisted};
use rayon::prelude::*;

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
    let mut skipped = Vec::new();
    out.write(report.start())?;
    for batch in files.chunks(BATCH) {
        // Each file is read, checked and located on its own thread; only its findings come back.
        let results: Vec<Result<Option<Checked>, Error>> =
            batch.par_iter().map(check_file).collect();
        for (result, candidate) in results.into_iter().zip(batch) {
            match result {
                Ok(Some((findings, unlisted))) => {
                    out.write(report.file_with_unlisted(&findings, unlisted))?
                }
                Ok(None) => skipped.push(candidate.path.clone()),
                Err(e) => failures.push(e),
            }
        }
    }
    out.write(report.finish())?;
    if let Some(note) = skipped_note(&skipped) {
        // In the human report, under its count; beside a machine format, on stderr.
        match args.format {
            ReportFormat::Human => out.write(format!("{note}\n"))?,
            _ => eprintln!("charter: {note}"),
        }
    }
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

/// A file's listed findings and the count of the rest.
type Checked = (Vec<Finding>, Unlisted);

/// Reads and checks one file; `None` when it is passed over as not a charter. Its first
/// [`charter::MAX_FINDINGS`] findings are located; the loader counted the rest.
fn check_file(candidate: &Candidate) -> Result<Option<Checked>, Error> {
    let file = charter::read(&candidate.path)?;
    if candidate.passed_over(&file.source) {
        return Ok(None);
    }
    let findings = report::locate(&file.name, &file.source, file.loaded.diagnostics);
    Ok(Some((findings, file.loaded.unlisted)))
}
