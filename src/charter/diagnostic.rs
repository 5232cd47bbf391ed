//! Findings about a charter file: what is wrong, where, and how bad.

use serde::Serialize;
use std::ops::Range;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Valid, but worth a look; `--strict` fails on it.
    Warning,
    /// The file is not a valid charter.
    Error,
}

/// What kind of finding: the rule that was broken. Each has a stable name for CI output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The file is not UTF-8.
    Encoding,
    /// The file is too large to be a charter.
    TooLarge,
    /// The file is not TOML.
    Syntax,
    /// A key the format does not have.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong type.
    Type,
    /// An empty required string or array.
    Empty,
    /// `version` other than 1.
    Version,
    /// A service id that is not lowercase ASCII letters, digits and `-`.
    IdFormat,
    /// A service id used twice.
    DuplicateId,
    /// An `officer` that names no entry of `[officers]`.
    UnknownOfficer,
    /// Not a Bangladeshi phone number.
    Phone,
    /// Not an email address.
    Email,
    /// Neither a URL nor a host name.
    Website,
    /// A service's officer has no phone or no email.
    OfficerContact,
    /// An officer that nothing names.
    UnusedOfficer,
    /// A time limit that states no duration.
    TimeLimit,
    /// A fee that states neither free, nor an amount, nor a rule.
    Fee,
    /// One word spelled two ways in one charter.
    Spelling,
    /// Text not in Unicode NFC.
    Nfc,
    /// A stray zero-width character.
    ZeroWidth,
    /// Bengali typed in a legacy ASCII font encoding (Bijoy/SutonnyMJ).
    LegacyEncoding,
    /// No `grievance` or no `expectations` section.
    MissingSection,
    /// A line break in a field that must be one line (a name, a fee, an id).
    LineBreak,
    /// Text left as `init` or a draft wrote it: `সেবার নাম`, `example.gov.bd`, `০১৭০০০০০০০০`.
    Placeholder,
}

impl Code {
    /// Every code, for the SARIF rule table.
    pub const ALL: [Code; 25] = [
        Code::Encoding,
        Code::TooLarge,
        Code::Syntax,
        Code::UnknownKey,
        Code::MissingKey,
        Code::Type,
        Code::Empty,
        Code::Version,
        Code::IdFormat,
        Code::DuplicateId,
        Code::UnknownOfficer,
        Code::Phone,
        Code::Email,
        Code::Website,
        Code::OfficerContact,
        Code::UnusedOfficer,
        Code::TimeLimit,
        Code::Fee,
        Code::Spelling,
        Code::Nfc,
        Code::ZeroWidth,
        Code::LegacyEncoding,
        Code::MissingSection,
        Code::LineBreak,
        Code::Placeholder,
    ];

    /// The stable name printed in `error[name]` and in JSON, GitHub and SARIF output.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Encoding => "encoding",
            Code::TooLarge => "too-large",
            Code::Syntax => "syntax",
            Code::UnknownKey => "unknown-key",
            Code::MissingKey => "missing-key",
            Code::Type => "type",
            Code::Empty => "empty",
            Code::Version => "version",
            Code::IdFormat => "id-format",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownOfficer => "unknown-officer",
            Code::Phone => "phone",
            Code::Email => "email",
            Code::Website => "website",
            Code::OfficerContact => "officer-contact",
            Code::UnusedOfficer => "unused-officer",
            Code::TimeLimit => "time-limit",
            Code::Fee => "fee",
            Code::Spelling => "spelling",
            Code::Nfc => "nfc",
            Code::ZeroWidth => "zero-width",
            Code::LegacyEncoding => "legacy-encoding",
            Code::MissingSection => "missing-section",
            Code::LineBreak => "line-break",
            Code::Placeholder => "placeholder",
        }
    }

    /// Whether the rule makes a file invalid, or only warns.
    pub fn severity(self) -> Severity {
        match self {
            Code::OfficerContact
            | Code::UnusedOfficer
            | Code::TimeLimit
            | Code::Fee
            | Code::Spelling
            | Code::Nfc
            | Code::ZeroWidth
            | Code::LegacyEncoding
            | Code::MissingSection
            | Code::Placeholder => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One line on what the rule checks, for SARIF and `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Code::Encoding => "the file is not UTF-8",
            Code::TooLarge => "the file is too large to be a charter",
            Code::Syntax => "the file is not valid TOML",
            Code::UnknownKey => "a key that the charter format does not have",
            Code::MissingKey => "a required key is missing",
            Code::Type => "a value of the wrong type",
            Code::Empty => "an empty required string or array",
            Code::Version => "the format version is not 1",
            Code::IdFormat => "a service id that is not lowercase ASCII letters, digits and `-`",
            Code::DuplicateId => "a service id used more than once",
            Code::UnknownOfficer => "an officer id that names no entry of [officers]",
            Code::Phone => "not a Bangladeshi phone number",
            Code::Email => "not an email address",
            Code::Website => "neither a URL nor a host name",
            Code::OfficerContact => "a service's officer has no phone or no email",
            Code::UnusedOfficer => "an officer that no service or grievance step names",
            Code::TimeLimit => "a time limit that states no duration",
            Code::Fee => "a fee that states neither free, nor an amount in taka, nor a rule",
            Code::Spelling => "the same word spelled two ways in one charter",
            Code::Nfc => "text not in Unicode NFC",
            Code::ZeroWidth => "a stray zero-width character",
            Code::LegacyEncoding => {
                "Bengali typed in a legacy ASCII font encoding (Bijoy/SutonnyMJ)"
            }
            Code::MissingSection => "no grievance or no expectations section",
            Code::LineBreak => {
                "a line break in a field that must be one line (a name, an id, a fee, a time limit)"
            }
            Code::Placeholder => {
                "text left as `charter init` or a draft wrote it (example.gov.bd, ০১৭০০০০০০০০, সেবার নাম)"
            }
        }
    }
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule.
    pub code: Code,
    /// Error or warning; the code's own unless `--strict` raised it.
    pub severity: Severity,
    /// The dotted key path, `services.citizen[1].fee`; empty for the file as a whole.
    pub key: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// A suggestion: "did you mean `fee`?"
    pub help: Option<String>,
    /// Where, in bytes of the file.
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A finding of `code` at `span`.
    pub fn new(
        code: Code,
        key: impl Into<String>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            key: key.into(),
            message: message.into(),
            help: None,
            span,
        }
    }

    /// The same finding with a suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Findings kept per file; the rest are counted ([`Unlisted`]). A file can hold millions
/// of mistakes (an 8 MiB array of numbers where text belongs), and keeping a finding for each
/// would take a hundred times the file's size; nobody reads past the first screens anyway.
pub const MAX_FINDINGS: usize = 1000;

/// The findings of one file as they are made, in any order: the first [`MAX_FINDINGS`] of them
/// in file order kept, the others counted.
#[derive(Debug, Default)]
pub struct Findings {
    /// A max-heap on where each finding is, so that the last kept is the one to drop.
    kept: std::collections::BinaryHeap<Ordered>,
    made: usize,
    omitted: Unlisted,
}

/// A finding ordered by where it is, then by when it was made.
#[derive(Debug)]
struct Ordered {
    key: (usize, usize, usize),
    diagnostic: Diagnostic,
}

impl PartialEq for Ordered {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl Findings {
    /// Adds a finding: kept while it is among the first [`MAX_FINDINGS`] in file order.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let key = (diagnostic.span.start, diagnostic.span.end, self.made);
        self.made += 1;
        let entry = Ordered { key, diagnostic };
        if self.kept.len() < MAX_FINDINGS {
            self.kept.push(entry);
            return;
        }
        let dropped = match self.kept.peek_mut() {
            Some(mut last) if entry.key < last.key => std::mem::replace(&mut *last, entry),
            _ => entry,
        };
        self.omitted.count(dropped.diagnostic.severity);
    }

    /// The findings kept, in file order, and the count of the others.
    pub fn into_sorted(self) -> (Vec<Diagnostic>, Unlisted) {
        let kept = self.kept.into_sorted_vec();
        (
            kept.into_iter().map(|o| o.diagnostic).collect(),
            self.omitted,
        )
    }
}

/// Findings of one file that are counted but not listed: past the first [`MAX_FINDINGS`], so
/// that a file with a finding in every one of millions of values is checked and reported in
/// bounded memory.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Unlisted {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}

impl Unlisted {
    /// Counts one more finding of `severity`.
    pub fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }

    /// How many findings are counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }
}

/// A line and a column, both from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// Turns byte offsets into lines and columns. Built only for files with findings, so valid
/// files cost nothing.
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
    /// Characters before each block of [`BLOCK`] bytes: a column is found in constant time
    /// however long its line.
    chars_before_block: Vec<usize>,
}

/// Bytes per block of [`LineIndex::chars_before_block`].
const BLOCK: usize = 64;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    b & 0xC0 != 0x80
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `source`.
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars_before_block = Vec::with_capacity(source.len() / BLOCK + 1);
        let mut total = 0;
        for block in source.as_bytes().chunks(BLOCK) {
            chars_before_block.push(total);
            total += block.iter().filter(|b| starts_char(b)).count();
        }
        chars_before_block.push(total);
        LineIndex {
            source,
            starts,
            chars_before_block,
        }
    }

    /// Characters before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_before_block[block]
            + self.source.as_bytes()[block * BLOCK..offset]
                .iter()
                .filter(|b| starts_char(b))
                .count()
    }

    /// The line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.source.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.chars_before(offset) - self.chars_before(self.starts[line]) + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The text of a line (from 1), without its line ending.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.source.len(), |&e| e - 1);
        self.source[start..end].trim_end_matches('\r')
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// The errors of `after` that `before` did not have: an edit of a charter that already has
/// errors is refused only for these. Errors are told apart by their code and key, the index of
/// an entry left out (`services.citizen[3].fee` is `services.citizen[].fee`), and counted, so
/// that adding a service without a fee is a new error where a charter already lacks one.
pub fn added_errors(before: &[Diagnostic], after: Vec<Diagnostic>) -> Vec<Diagnostic> {
    fn shape(d: &Diagnostic) -> (Code, String) {
        let mut key = String::with_capacity(d.key.len());
        let mut in_index = false;
        for c in d.key.chars() {
            match c {
                '[' => {
                    in_index = true;
                    key.push('[');
                }
                ']' => {
                    in_index = false;
                    key.push(']');
                }
                _ if in_index => {}
                c => key.push(c),
            }
        }
        (d.code, key)
    }
    let mut had: Vec<(Code, String)> = before
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(shape)
        .collect();
    after
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            let shape = shape(d);
            match had.iter().position(|h| *h == shape) {
                Some(at) => {
                    had.swap_remove(at);
                    false
                }
                None => true,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "a = 1\nfee = \"বিনামূল্যে\" x\n";
        let index = LineIndex::new(src);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        let x = src.find(" x").unwrap() + 1;
        // `fee = "` is 7 characters, বিনামূল্যে 10, the closing quote and a space 2.
        assert_eq!(
            index.position(x),
            Position {
                line: 2,
                column: 20
            }
        );
        assert_eq!(index.line_text(2), "fee = \"বিনামূল্যে\" x");
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let src = "কা";
        let index = LineIndex::new(src);
        assert_eq!(index.position(1), Position { line: 1, column: 1 });
        assert_eq!(index.position(99), Position { line: 1, column: 3 });
    }

    #[test]
    fn every_code_has_a_distinct_name() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
