//! Findings for people: `file:line:column: error[code]: key: message`, then the source line with
//! a caret under the value.

use super::Finding;
use crate::charter::Severity;
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

/// One finding as text, with its snippet.
pub fn human(f: &Finding) -> String {
    let mut out = String::new();
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let key = if f.key.is_empty() {
        String::new()
    } else {
        format!("{}: ", f.key)
    };
    let _ = writeln!(
        out,
        "{}:{}:{}: {severity}[{}]: {key}{}",
        f.file,
        f.line,
        f.column,
        f.code.as_str(),
        f.message
    );
    let gutter = " ".repeat(f.line.to_string().len());
    let (pad, carets) = caret(
        &f.source_line,
        f.column,
        if f.end_line == f.line {
            f.end_column
        } else {
            usize::MAX
        },
    );
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{} | {}", f.line, f.source_line);
    let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(carets));
    if let Some(help) = &f.help {
        let _ = writeln!(out, "{gutter} = help: {help}");
    }
    out
}

/// The padding before the caret and the caret's length, in terminal cells: Bengali vowel signs
/// and hasanta that take no cell must not push the caret right. Tabs are kept as tabs so the
/// padding lines up with the line above whatever the tab width.
fn caret(line: &str, column: usize, end_column: usize) -> (String, usize) {
    let mut pad = String::new();
    let mut width = 0;
    for (i, c) in line.chars().enumerate() {
        let col = i + 1;
        if col < column {
            match c {
                '\t' => pad.push('\t'),
                c => pad.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0))),
            }
        } else if col < end_column {
            width += c.width().unwrap_or(0);
        }
    }
    (pad, width.max(1))
}

/// The closing line: how many files, errors and warnings.
pub fn summary(files: usize, errors: usize, warnings: usize, failed_files: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "checked {}: {}, {}",
        plural(files, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    );
    if failed_files > 0 {
        line.push_str(&format!(
            " ({} not valid)",
            plural(failed_files, "file", "files")
        ));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_counts_terminal_cells() {
        // ক্ (hasanta) takes no cell: `fee = "ক্ত" x` puts x at cell 12, not 13.
        let line = "fee = \"ক্ত\" x";
        let x = line.chars().position(|c| c == 'x').unwrap() + 1;
        let (pad, len) = caret(line, x, x + 1);
        assert_eq!(pad.len(), 11);
        assert_eq!(len, 1);
    }

    #[test]
    fn caret_spans_the_value() {
        let line = "phone = \"০১৮\"";
        let (pad, len) = caret(line, 9, 14);
        assert_eq!(pad, " ".repeat(8));
        assert_eq!(len, 5);
    }
}
