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
    let (column, end_column) = (f.snippet_column, f.snippet_end_column);
    // A control character in the file is shown, never sent to the terminal raw.
    let snippet = crate::bangla::visible_controls(&f.source_line).into_owned();
    let (pad, carets) = caret(&snippet, column, end_column);
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{} | {snippet}", f.line);
    let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(carets));
    if let Some(help) = &f.help {
        let _ = writeln!(out, "{gutter} = help: {help}");
    }
    crate::bangla::visible_controls(&out).into_owned()
}

/// Characters of a snippet: a longer line is shown as a window around the caret, so that a
/// finding on a 100 KB line prints a line, not the file.
const SNIPPET_CHARS: usize = 100;

/// Bytes of a line kept on each side of a finding before [`clip`] picks its window: enough for
/// [`SNIPPET_CHARS`] characters of any script, however long the line.
pub(super) const WINDOW_BYTES: usize = 4 * SNIPPET_CHARS;

/// The window of `line` shown for a finding at `column..end_column` (characters, from 1), and
/// the columns within it. Elided ends are marked `…`; `before` and `after` say that `line` is
/// itself a piece of a longer line, cut before or after.
pub(super) fn clip(
    line: &str,
    column: usize,
    end_column: usize,
    before: bool,
    after: bool,
) -> (String, usize, usize) {
    let length = line.chars().count();
    if length <= SNIPPET_CHARS && !before && !after {
        return (line.to_string(), column, end_column);
    }
    let start = column.saturating_sub(1 + SNIPPET_CHARS / 3);
    let end = (start + SNIPPET_CHARS).min(length);
    let start = end.saturating_sub(SNIPPET_CHARS).min(start);
    let mut snippet = String::new();
    let shift = if start > 0 || before {
        snippet.push('…');
        1
    } else {
        0
    };
    snippet.extend(line.chars().skip(start).take(end - start));
    if end < length || after {
        snippet.push('…');
    }
    let column = column - start + shift;
    let end_column = end_column
        .saturating_sub(start)
        .saturating_add(shift)
        .min(end - start + shift + 1);
    (snippet, column, end_column)
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
    fn long_lines_are_clipped_around_the_caret() {
        let line = format!("x = [{}]", "\"a\" \"b\" ".repeat(2000));
        let column = 5_000;
        let (snippet, at, end) = clip(&line, column, column + 3, false, false);
        assert!(snippet.chars().count() <= SNIPPET_CHARS + 2);
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        let original: Vec<char> = line.chars().collect();
        let clipped: Vec<char> = snippet.chars().collect();
        assert_eq!(
            clipped[at - 1],
            original[column - 1],
            "the caret points at the same character"
        );
        assert_eq!(end - at, 3);
        let short = "fee = 1";
        assert_eq!(clip(short, 7, 8, false, false), (short.to_string(), 7, 8));
    }

    #[test]
    fn caret_spans_the_value() {
        let line = "phone = \"০১৮\"";
        let (pad, len) = caret(line, 9, 14);
        assert_eq!(pad, " ".repeat(8));
        assert_eq!(len, 5);
    }
}
