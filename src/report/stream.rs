//! A report written as the files are checked: each file's findings are written and dropped, so
//! memory stays flat however many files a run checks (20,000 charters with findings once took
//! 160 MB as JSON and 850 MB as SARIF, built whole before a byte was written).

use super::{Finding, github, human, sarif, summary};
use crate::charter::{Severity, Unlisted};

/// The output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Snippets with a caret, and a closing count.
    Human,
    /// One JSON array of findings.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// One SARIF 2.1.0 log.
    Sarif,
}

/// A report being written: call [`Report::start`], then [`Report::file`] for each file checked,
/// then [`Report::finish`], and write each returned piece as it comes.
pub struct Report {
    style: Style,
    /// Where an array of findings opens (JSON, SARIF), and how deep its elements are indented.
    head: String,
    tail: String,
    depth: usize,
    written: usize,
    checked: usize,
    errors: usize,
    warnings: usize,
    invalid: usize,
}

impl Report {
    /// A report in `style`, nothing written yet.
    pub fn new(style: Style) -> Report {
        let (head, tail) = match style {
            Style::Json => ("[".to_string(), "]\n".to_string()),
            Style::Sarif => sarif::frame(),
            Style::Human | Style::Github => (String::new(), String::new()),
        };
        let depth = head
            .lines()
            .last()
            .map_or(0, |l| l.len() - l.trim_start().len())
            + 2;
        Report {
            style,
            head,
            tail,
            depth,
            written: 0,
            checked: 0,
            errors: 0,
            warnings: 0,
            invalid: 0,
        }
    }

    /// What comes before the first finding.
    pub fn start(&self) -> String {
        self.head.clone()
    }

    /// The findings of one file checked (none for a valid file).
    pub fn file(&mut self, findings: &[Finding]) -> String {
        self.file_with_unlisted(findings, Unlisted::default())
    }

    /// [`Report::file`] for a file with more findings than are listed: `unlisted` counts the
    /// rest, which the totals include and a closing note names (in the human and GitHub
    /// reports; beside JSON and SARIF, on stderr).
    pub fn file_with_unlisted(&mut self, findings: &[Finding], unlisted: Unlisted) -> String {
        self.checked += 1;
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        self.errors += errors + unlisted.errors;
        self.warnings += findings.len() - errors + unlisted.warnings;
        self.invalid += usize::from(errors + unlisted.errors > 0);
        let mut out = String::new();
        for finding in findings {
            match self.style {
                Style::Human => {
                    out.push_str(&human(finding));
                    out.push('\n');
                }
                Style::Github => out.push_str(&github(finding)),
                Style::Json | Style::Sarif => {
                    out.push_str(if self.written == 0 { "\n" } else { ",\n" });
                    let element = match self.style {
                        Style::Sarif => sarif::result(finding),
                        _ => serde_json::to_string_pretty(finding).unwrap_or_default(),
                    };
                    out.push_str(&super::indent(&element, self.depth));
                }
            }
            self.written += 1;
        }
        if unlisted.total() > 0 {
            let note = format!(
                "{}: {} more findings ({} errors, {} warnings) not listed; the first {} are",
                findings.first().map_or("", |f| f.file.as_str()),
                unlisted.total(),
                unlisted.errors,
                unlisted.warnings,
                findings.len()
            );
            match self.style {
                Style::Human | Style::Github => {
                    out.push_str(&crate::bangla::visible_controls(&note));
                    out.push_str("\n\n");
                }
                Style::Json | Style::Sarif => eprintln!("charter: {note}"),
            }
        }
        out
    }

    /// What comes after the last finding: the closing count, or the end of the array.
    pub fn finish(&self) -> String {
        match self.style {
            Style::Human => summary(self.checked, self.errors, self.warnings, self.invalid),
            Style::Github => String::new(),
            Style::Json | Style::Sarif if self.written == 0 => self.tail.clone(),
            Style::Json | Style::Sarif => {
                format!("\n{}{}", " ".repeat(self.depth - 2), self.tail)
            }
        }
    }

    /// How many errors were reported.
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// How many warnings were reported.
    pub fn warnings(&self) -> usize {
        self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::Code;

    fn finding(file: &str, severity: Severity) -> Finding {
        Finding {
            file: file.to_string(),
            line: 3,
            column: 7,
            end_line: 3,
            end_column: 9,
            severity,
            code: Code::Phone,
            key: "office.phone".to_string(),
            message: "not a phone number".to_string(),
            help: None,
            source_line: "phone = \"12\"".to_string(),
            snippet_column: 7,
            snippet_end_column: 9,
        }
    }

    /// Writes a run of three files (findings, none, findings) as one string.
    fn run(style: Style) -> (String, Report) {
        let mut report = Report::new(style);
        let mut out = report.start();
        out += &report.file(&[finding("a.toml", Severity::Error)]);
        out += &report.file(&[]);
        out += &report.file(&[
            finding("b.toml", Severity::Warning),
            finding("b.toml", Severity::Error),
        ]);
        out += &report.finish();
        (out, report)
    }

    #[test]
    fn json_written_in_pieces_is_one_array() {
        let (out, report) = run(Style::Json);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let files: Vec<&str> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["file"].as_str().unwrap())
            .collect();
        assert_eq!(files, ["a.toml", "b.toml", "b.toml"]);
        assert_eq!((report.errors(), report.warnings()), (2, 1));
        let empty = Report::new(Style::Json);
        assert_eq!(empty.start() + &empty.finish(), "[]\n");
    }

    #[test]
    fn sarif_written_in_pieces_is_one_log() {
        let (out, _) = run(Style::Sarif);
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        let levels: Vec<&str> = results
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["error", "warning", "error"]);
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "charter");
    }

    #[test]
    fn the_human_count_covers_every_file() {
        let (out, _) = run(Style::Human);
        assert!(
            out.ends_with("checked 3 files: 2 errors, 1 warning (2 files not valid)\n"),
            "{out}"
        );
    }
}
