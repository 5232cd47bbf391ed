//! `charter import`: reads published charters and writes charter files, with a report.

use crate::charter::{self, Severity};
use crate::cli::{ImportArgs, ImportFrom, ImportReport};
use crate::error::Error;
use crate::import::{self, Kind, Options, Report};
use crate::report::{self, Finding};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

/// What happened to one input, for the report.
#[derive(Serialize)]
struct Outcome {
    input: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    exit: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    findings: Vec<Finding>,
    #[serde(skip)]
    charter: Option<String>,
}

/// Imports every input; exit 0 when every result is a valid charter, 1 when one has errors, 2
/// when an input could not be imported.
pub fn run(args: &ImportArgs) -> Result<u8, Error> {
    if args.inputs.len() > 1 && args.out_dir.is_none() {
        return Err(Error::Usage {
            message: "several inputs need --out-dir DIR (one charter file each)".into(),
        });
    }
    let existing = match &args.ids_from {
        Some(path) => Some(existing(path)?),
        None => None,
    };
    let kind = match args.from {
        ImportFrom::Auto => Kind::Auto,
        ImportFrom::Text => Kind::Text,
        ImportFrom::Html => Kind::Html,
        ImportFrom::Docx => Kind::Docx,
    };
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    let outcomes: Vec<Outcome> = args
        .inputs
        .par_iter()
        .map(|input| one(input, kind, existing.as_ref(), args))
        .collect();
    let to_stdout = args.output.is_none() && args.out_dir.is_none();
    for outcome in &outcomes {
        if let Some(text) = &outcome.charter
            && to_stdout
        {
            super::print(text)?;
        }
    }
    match args.format {
        ImportReport::Json => {
            let json = serde_json::to_string_pretty(&outcomes).unwrap_or_default() + "\n";
            if to_stdout {
                eprint!("{json}");
            } else {
                super::print(&json)?;
            }
        }
        ImportReport::Human => {
            for outcome in &outcomes {
                eprint!("{}", human(outcome));
            }
        }
    }
    Ok(outcomes.iter().map(|o| o.exit).max().unwrap_or(0))
}

/// The existing charter `--ids-from` names: read as far as it can be.
fn existing(path: &Path) -> Result<charter::Charter, Error> {
    let file = charter::read(path)?;
    if file.loaded.diagnostics.iter().any(|d| {
        matches!(
            d.code,
            charter::Code::Syntax | charter::Code::Encoding | charter::Code::TooLarge
        )
    }) {
        return Err(Error::Unusable {
            path: path.to_path_buf(),
            reason: "not a charter file that can be read (`charter validate` says why)".into(),
        });
    }
    Ok(file.loaded.charter)
}

/// Imports one input.
fn one(
    input: &Path,
    kind: Kind,
    existing: Option<&charter::Charter>,
    args: &ImportArgs,
) -> Outcome {
    let name = input.to_string_lossy().into_owned();
    let mut outcome = Outcome {
        input: name.clone(),
        output: None,
        exit: 2,
        error: None,
        report: None,
        findings: Vec::new(),
        charter: None,
    };
    let bytes = match read_input(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            outcome.error = Some(e.to_string());
            return outcome;
        }
    };
    let source = (input.as_os_str() != "-")
        .then(|| input.file_name().map(|n| n.to_string_lossy().into_owned()))
        .flatten();
    let options = Options {
        ids_from: existing,
        source,
    };
    let imported = match import::import(&bytes, kind, &options) {
        Ok(imported) => imported,
        Err(failure) => {
            outcome.error = Some(format!("{name}: {failure}"));
            return outcome;
        }
    };
    let output = match (&args.output, &args.out_dir) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(dir)) => {
            let stem = input
                .file_stem()
                .map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
            Some(dir.join(format!("{stem}.toml")))
        }
        (None, None) => None,
    };
    let shown = output
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.to_string_lossy().into_owned());
    let loaded = charter::load_str(&imported.text);
    outcome.findings = report::locate(&shown, &imported.text, loaded.diagnostics);
    outcome.exit = u8::from(
        outcome
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error),
    );
    if let Some(path) = &output {
        if let Err(e) = crate::files::write(path, imported.text.as_bytes()) {
            outcome.error = Some(e.to_string());
            outcome.exit = 2;
            return outcome;
        }
        outcome.output = Some(shown);
    }
    outcome.charter = Some(imported.text);
    outcome.report = Some(imported.report);
    outcome
}

/// Reads a file or standard input, within the import limit.
fn read_input(input: &Path) -> Result<Vec<u8>, Error> {
    crate::files::read_input(input, import::MAX_INPUT_BYTES as u64)
}

/// The report of one input, for people.
fn human(outcome: &Outcome) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if let Some(error) = &outcome.error {
        let _ = writeln!(out, "charter: error: {error}; nothing written");
        return out;
    }
    let Some(r) = &outcome.report else {
        return out;
    };
    let to = outcome.output.as_deref().unwrap_or("standard output");
    let _ = writeln!(
        out,
        "charter: imported {} ({}) → {to}",
        outcome.input, r.kind
    );
    if !r.columns.is_empty() {
        let columns: Vec<String> = r
            .columns
            .iter()
            .map(|(h, k)| format!("{h} → {k}"))
            .collect();
        let _ = writeln!(out, "  columns: {}", columns.join("; "));
    }
    let services: Vec<String> = r.services.iter().map(|(c, n)| format!("{n} {c}")).collect();
    let _ = writeln!(
        out,
        "  services: {}; grievance steps: {}; officers: {}",
        if services.is_empty() {
            "none".to_string()
        } else {
            services.join(", ")
        },
        r.grievance,
        if r.officers.is_empty() {
            "none".to_string()
        } else {
            r.officers.join(", ")
        },
    );
    if !r.unplaced.is_empty() {
        let _ = writeln!(
            out,
            "  not placed ({}, kept as `# import:` comments):",
            r.unplaced.len()
        );
        for note in &r.unplaced {
            let text: String = note.text.chars().take(100).collect();
            let _ = writeln!(out, "    {text} ({})", note.reason);
        }
    }
    if !r.unsure.is_empty() {
        let _ = writeln!(
            out,
            "  unsure ({}, check against the page):",
            r.unsure.len()
        );
        for note in &r.unsure {
            let text: String = note.text.chars().take(100).collect();
            if text.is_empty() {
                let _ = writeln!(out, "    {}", note.reason);
            } else {
                let _ = writeln!(out, "    {text} ({})", note.reason);
            }
        }
    }
    let errors = outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = outcome.findings.len() - errors;
    let _ = writeln!(out, "  validation: {errors} errors, {warnings} warnings");
    // One line each: `charter validate` shows them with their snippets.
    for finding in &outcome.findings {
        if let Some(line) = report::human(finding).lines().next() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}
