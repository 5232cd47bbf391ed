//! Line endings and the byte-order mark of a text that is edited (`set`, `fmt`, `fix`): the edit
//! is made on the text with LF line ends, and the result is given back the original's. A line the
//! edit left as it was keeps its own ending, whatever the others have (a file with mixed endings
//! is not rewritten whole); a new line gets the ending most of the file has; and a line break
//! inside a multi-line string stays LF unless the line is the original's, so that a value never
//! gains a CR it did not have (`set FILE vision $'a\nb'` stores `a`, LF, `b`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

/// A text's byte-order mark and line endings, to give an edited version of it the same ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextStyle {
    /// Whether it began with U+FEFF.
    pub bom: bool,
    /// The original text, without its BOM, when any of its lines ends in CRLF.
    original: Option<String>,
}

impl TextStyle {
    /// Reads the style of `text` and returns it with the text in LF form, without its BOM (the
    /// text itself when it is so already: a charter can be megabytes).
    pub fn split(text: &str) -> (TextStyle, Cow<'_, str>) {
        let bom = text.starts_with('\u{feff}');
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !body.contains("\r\n") {
            return (
                TextStyle {
                    bom,
                    original: None,
                },
                Cow::Borrowed(body),
            );
        }
        let style = TextStyle {
            bom,
            original: Some(body.to_string()),
        };
        (style, Cow::Owned(body.replace("\r\n", "\n")))
    }

    /// Whether most of the original's lines end in CRLF.
    pub fn crlf(&self) -> bool {
        self.original.as_deref().is_some_and(mostly_crlf)
    }

    /// Gives `edited`, an LF version of the original after an edit, the original's BOM and line
    /// endings (see the module's documentation).
    pub fn apply<'e>(&self, edited: &'e str) -> Cow<'e, str> {
        if !self.bom && self.original.is_none() {
            return Cow::Borrowed(edited);
        }
        let mut out = String::with_capacity(edited.len() + edited.len() / 16 + 4);
        if self.bom {
            out.push('\u{feff}');
        }
        let Some(original) = &self.original else {
            out.push_str(edited);
            return Cow::Owned(out);
        };
        let majority = mostly_crlf(original);
        // Each line of the original, by its text: whether it ended in CRLF, in order.
        let mut endings: HashMap<&str, VecDeque<bool>> = HashMap::new();
        for line in original.split_inclusive('\n') {
            let crlf = line.ends_with("\r\n");
            let text = line.trim_end_matches('\n').trim_end_matches('\r');
            endings.entry(text).or_default().push_back(crlf);
        }
        let in_strings = newlines_in_multiline_strings(edited);
        let mut at = 0;
        for line in edited.split_inclusive('\n') {
            at += line.len();
            let Some(text) = line.strip_suffix('\n') else {
                out.push_str(line);
                continue;
            };
            let kept = endings.get_mut(text).and_then(VecDeque::pop_front);
            let crlf = match kept {
                Some(crlf) => crlf,
                None if in_strings.contains(&(at - 1)) => false,
                None => majority,
            };
            out.push_str(text);
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        Cow::Owned(out)
    }
}

/// Whether most of the line ends of `text` are CRLF.
fn mostly_crlf(text: &str) -> bool {
    let crlf = text.matches("\r\n").count();
    crlf > 0 && crlf * 2 >= text.matches('\n').count()
}

/// The byte offsets of the line feeds inside TOML multi-line strings (`"""…"""`, `'''…'''`),
/// which are part of a value; a line-ending backslash's line feed is not.
fn newlines_in_multiline_strings(text: &str) -> HashSet<usize> {
    let b = text.as_bytes();
    let mut out = HashSet::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') if b[i..].starts_with(&[q, q, q]) => {
                i += 3;
                while i < b.len() {
                    if q == b'"' && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i..].starts_with(&[q, q, q]) {
                        i += 3;
                        // A string may end in one or two quotes of its own: `""""`.
                        while i < b.len() && b[i] == q {
                            i += 1;
                        }
                        break;
                    }
                    if b[i] == b'\n' {
                        out.insert(i);
                    }
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    if q == b'"' && b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_the_bom_come_back() {
        let (style, body) = TextStyle::split("\u{feff}a = 1\r\nb = 2\r\n");
        assert!(style.bom && style.crlf());
        assert_eq!(body, "a = 1\nb = 2\n");
        assert_eq!(style.apply("a = 1\nb = 3\n"), "\u{feff}a = 1\r\nb = 3\r\n");
        let (style, body) = TextStyle::split("a = 1\n");
        assert_eq!(style.apply(&body), "a = 1\n");
    }

    #[test]
    fn a_new_line_break_inside_a_string_stays_lf_and_mixed_lines_keep_theirs() {
        let (style, body) = TextStyle::split("a = 1\r\nb = 2\nc = 3\r\n");
        let edited = body.replace("c = 3", "c = \"\"\"\nx\ny\"\"\"");
        assert_eq!(
            style.apply(&edited),
            "a = 1\r\nb = 2\nc = \"\"\"\nx\ny\"\"\"\r\n",
            "b keeps its LF; the string's own line breaks stay LF; the new last line is CRLF"
        );
        // A multi-line string the file already had keeps its CRLFs (its value is unchanged).
        let (style, body) = TextStyle::split("v = \"\"\"\r\nold\r\n\"\"\"\r\nw = 1\r\n");
        let edited = body.replace("w = 1", "w = 2");
        assert_eq!(
            style.apply(&edited),
            "v = \"\"\"\r\nold\r\n\"\"\"\r\nw = 2\r\n"
        );
    }

    #[test]
    fn newlines_in_strings_are_found_past_comments_quotes_and_escapes() {
        let text =
            "# \"\"\" not a string\na = \"x\\\"\"\nb = '''\nq'''\nc = \"\"\"\\\n  y\n\"\"\"\n";
        let found: Vec<usize> = {
            let mut v: Vec<usize> = newlines_in_multiline_strings(text).into_iter().collect();
            v.sort();
            v
        };
        let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        // Line feeds: 0 comment, 1 after a, 2 inside b, 3 after b, 4 backslash's, 5 inside c, 6 after c.
        assert_eq!(found, [lines[2], lines[5]]);
    }
}
