//! Reporting findings: each finding located by line and column, then written as text for people
//! or as JSON, GitHub Actions commands or SARIF for machines.

mod github;
mod human;
mod sarif;
mod stream;

use crate::charter::{Code, Diagnostic, LineIndex, Position, Severity};
use serde::Serialize;

pub use crate::charter::Unlisted;
pub use github::github;
pub use human::{human, summary};
pub use stream::{Report, Style};

/// A finding located in its file: what `--format json` prints, one object each.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The file, as it was named or found.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Last line of the span.
    pub end_line: usize,
    /// Column after the span's last character.
    pub end_column: usize,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The rule: `phone`, `unknown-key`, …
    #[serde(serialize_with = "code_name")]
    pub code: Code,
    /// The dotted key path, `services.citizen[1].fee`; empty for the whole file.
    pub key: String,
    /// What is wrong.
    pub message: String,
    /// A suggestion, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The source line, for snippets: a window of it around the finding (elided ends marked
    /// `…`), so that findings on one long line do not each hold the whole line.
    #[serde(skip)]
    pub source_line: String,
    /// The finding's first column within `source_line`.
    #[serde(skip)]
    pub snippet_column: usize,
    /// The column after its last character within `source_line`.
    #[serde(skip)]
    pub snippet_end_column: usize,
}

impl Finding {
    /// The finding as one line for tools that show a single message: `key: message (help)`.
    pub fn one_line(&self) -> String {
        let mut line = if self.key.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.key, self.message)
        };
        if let Some(help) = &self.help {
            line.push_str(&format!(" ({help})"));
        }
        line
    }
}

fn code_name<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

/// Locates the diagnostics of one file. The line index is only built when there is something to
/// locate, so valid files cost nothing here.
pub fn locate(file: &str, source: &str, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(source);
    diagnostics
        .into_iter()
        .map(|d| {
            let start = index.position(d.span.start);
            let end = index.position(d.span.end);
            let (source_line, snippet_column, snippet_end_column) =
                snippet(source, &index, d.span.start, start, end);
            Finding {
                file: file.to_string(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                severity: d.severity,
                code: d.code,
                key: d.key,
                message: d.message,
                // A command to run names this file, where the walker could only say FILE.
                help: d.help.map(|h| {
                    h.replace(
                        "charter set FILE ",
                        &format!("charter set {} ", shell_word(file)),
                    )
                }),
                source_line,
                snippet_column,
                snippet_end_column,
            }
        })
        .collect()
}

/// The snippet of a finding at byte `at` (`start..end` as positions): a window of its line,
/// found in time bounded by the window, not the line.
fn snippet(
    source: &str,
    index: &LineIndex,
    at: usize,
    start: Position,
    end: Position,
) -> (String, usize, usize) {
    let line = index.line_text(start.line);
    let line_start = line.as_ptr() as usize - source.as_ptr() as usize;
    let at = at.clamp(line_start, line_start + line.len()) - line_start;
    let floor = |mut i: usize| {
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(at.saturating_sub(human::WINDOW_BYTES));
    let mut hi = (at + human::WINDOW_BYTES).min(line.len());
    while !line.is_char_boundary(hi) {
        hi += 1;
    }
    let skipped = if lo == 0 {
        0
    } else {
        index.position(line_start + lo).column - 1
    };
    let end_column = if end.line == start.line {
        end.column
    } else {
        usize::MAX
    };
    human::clip(
        &line[lo..hi],
        start.column - skipped,
        end_column.saturating_sub(skipped),
        lo > 0,
        hi < line.len(),
    )
}

/// A path as one shell word: as it is when it holds only safe characters, else in single
/// quotes.
fn shell_word(path: &str) -> String {
    let safe = |c: char| c.is_alphanumeric() || "/._-+:@".contains(c);
    if !path.is_empty() && path.chars().all(safe) {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

/// `text` with every line indented by `depth` spaces.
fn indent(text: &str, depth: usize) -> String {
    let pad = " ".repeat(depth);
    let lines: Vec<String> = text.lines().map(|l| format!("{pad}{l}")).collect();
    lines.join("\n")
}
