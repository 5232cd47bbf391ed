//! A charter file's services as blocks of its text, so that a large file can be formatted a
//! service at a time: an edit tree of a whole 7 MB file takes about 20 times its size
//! (issue 21), one of a service a few kilobytes.
//!
//! A block is one `[[services.CATEGORY]]` table: the comment lines and blank lines before its
//! header (which the TOML edit tree gives to the header), the header, and its keys up to the
//! line of its last value. Headers are found from the TOML lexer's tokens, so a `[[` inside a
//! string or a multi-line array is never taken for one.

use std::collections::HashMap;
use std::ops::Range;
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// One `[[services.CATEGORY]]` table of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its category: `citizen` for `[[services.citizen]]`.
    pub category: String,
    /// Where it is in the text, from its leading comments to the end of its last value's line.
    pub span: Range<usize>,
    /// Whether it is the first, and the last, of its category in the text.
    pub first: bool,
    pub last: bool,
}

/// A file without all but the first service of each category: small enough to edit whole,
/// with the rest of the services put back after their category's first once it is edited. An
/// edit of the rest comes out as the same edit of the whole file would: whatever the edit
/// adds comes after the services of its category or elsewhere, never between two of them.
pub struct Rest {
    /// The file's text without the services left out.
    pub text: String,
    /// The services left out, by category, as spans of the file's text.
    left_out: HashMap<String, Vec<Range<usize>>>,
}

impl Rest {
    /// The rest of `text`; `None` when no category has a second service, or the headers are
    /// not split ([`service_blocks`]).
    pub fn of(text: &str) -> Option<Rest> {
        let mut left_out: HashMap<String, Vec<Range<usize>>> = HashMap::new();
        let mut rest = String::new();
        let mut last = 0;
        for block in service_blocks(text)? {
            if !block.first {
                rest.push_str(&text[last..block.span.start]);
                last = block.span.end;
                left_out.entry(block.category).or_default().push(block.span);
            }
        }
        if left_out.is_empty() {
            return None;
        }
        rest.push_str(&text[last..]);
        Some(Rest {
            text: rest,
            left_out,
        })
    }

    /// `edited` (the rest, changed) with the services left out of `source` put back, each as
    /// `each` makes it of its text, after the first service of its category. `None` when the
    /// edited text is not split or lost a category's first service.
    pub fn put_back<E>(
        &self,
        source: &str,
        edited: &str,
        mut each: impl FnMut(&str) -> Result<String, E>,
    ) -> Option<Result<String, E>> {
        let mut out = String::with_capacity(source.len() + source.len() / 4);
        let mut last = 0;
        let mut done = 0;
        for block in service_blocks(edited)? {
            let Some(spans) = self.left_out.get(&block.category).filter(|_| block.first) else {
                continue;
            };
            done += 1;
            out.push_str(&edited[last..block.span.end]);
            for span in spans {
                match each(&source[span.clone()]) {
                    Ok(text) => out.push_str(&text),
                    Err(e) => return Some(Err(e)),
                }
            }
            last = block.span.end;
        }
        if done != self.left_out.len() {
            return None;
        }
        out.push_str(&edited[last..]);
        Some(Ok(out))
    }
}

/// A header's key, as its parts; `None` when a part is quoted (read by no rule here).
type HeaderKey = Option<Vec<String>>;

/// The service tables of a TOML text, in file order; `None` when its headers are written in a
/// way this does not split (a quoted key in a header that may be a service's, a table inside a
/// service), so that the caller takes the file whole.
pub fn service_blocks(text: &str) -> Option<Vec<Block>> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, usize)> = None;
    let mut depth = 0usize;
    let mut line_start = true;
    // The end of the last token that is not blank or a comment.
    let mut last_end: Option<usize> = None;
    let mut tokens = Source::new(text).lex().peekable();
    while let Some(token) = tokens.next() {
        let span = token.span();
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Eof => break,
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                let boundary = last_end.map_or(0, |end| line_end(text, end));
                if let Some((category, start)) = open.take() {
                    blocks.push(Block::new(category, start..boundary));
                }
                let array = tokens
                    .next_if(|t| t.kind() == TokenKind::LeftSquareBracket)
                    .is_some();
                let (key, end) = header_key(text, &mut tokens, array)?;
                match key?.as_slice() {
                    [services, category] if services == "services" && array => {
                        open = Some((category.clone(), boundary));
                    }
                    [services] if services == "services" && !array => {}
                    [services, ..] if services == "services" => return None,
                    // Another table: left where it is.
                    _ => {}
                }
                last_end = Some(end);
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                last_end = Some(span.end());
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.checked_sub(1)?;
                last_end = Some(span.end());
            }
            _ => last_end = Some(span.end()),
        }
        line_start = false;
    }
    if let Some((category, start)) = open {
        let end = last_end.map_or(text.len(), |end| line_end(text, end));
        blocks.push(Block::new(category, start..end));
    }
    mark_first_and_last(&mut blocks);
    Some(blocks)
}

impl Block {
    fn new(category: String, span: Range<usize>) -> Block {
        Block {
            category,
            span,
            first: false,
            last: false,
        }
    }
}

/// Marks each category's first and last block, in one pass whatever the number of categories.
fn mark_first_and_last(blocks: &mut [Block]) {
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, block) in blocks.iter().enumerate() {
        seen.entry(&block.category).or_insert((i, i)).1 = i;
    }
    let ends: Vec<(usize, usize)> = seen.into_values().collect();
    for (first, last) in ends {
        blocks[first].first = true;
        blocks[last].last = true;
    }
}

/// Reads a header's key up to its closing bracket(s): its parts (`None` when one is quoted) and
/// where the header ends. `None` when the header is not closed on its line.
fn header_key(
    text: &str,
    tokens: &mut std::iter::Peekable<impl Iterator<Item = toml_parser::lexer::Token>>,
    array: bool,
) -> Option<(HeaderKey, usize)> {
    let mut parts = Some(Vec::new());
    for token in tokens.by_ref() {
        let span = token.span();
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Dot => {}
            TokenKind::Atom => {
                if let Some(parts) = parts.as_mut() {
                    parts.push(text[span.start()..span.end()].to_string());
                }
            }
            TokenKind::BasicString | TokenKind::LiteralString => parts = None,
            TokenKind::RightSquareBracket => {
                let end = if array {
                    let next = tokens.next()?;
                    (next.kind() == TokenKind::RightSquareBracket).then_some(next.span().end())?
                } else {
                    span.end()
                };
                return Some((parts, end));
            }
            _ => return None,
        }
    }
    None
}

/// The offset just after the end of the line that `at` is on.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(String, &str)> {
        service_blocks(text)
            .unwrap()
            .into_iter()
            .map(|b| (b.category, &text[b.span]))
            .collect()
    }

    #[test]
    fn a_block_runs_from_its_comments_to_its_last_value() {
        let text = "version = 1\n\n# first\n[[services.citizen]]\nid = \"a\" # same line\n\n# second\n[[services.citizen]]\nid = \"b\"\nmethods = [\n  \"[[x]]\",\n[\"y\"],\n]\n[office]\nname = \"o\"\n[[services.internal]]\nid = \"c\"";
        assert_eq!(
            blocks(text),
            [
                (
                    "citizen".to_string(),
                    "\n# first\n[[services.citizen]]\nid = \"a\" # same line\n"
                ),
                (
                    "citizen".to_string(),
                    "\n# second\n[[services.citizen]]\nid = \"b\"\nmethods = [\n  \"[[x]]\",\n[\"y\"],\n]\n"
                ),
                ("internal".to_string(), "[[services.internal]]\nid = \"c\"")
            ]
        );
    }

    #[test]
    fn headers_it_cannot_place_give_up() {
        for text in [
            "[[services.citizen]]\nid = \"a\"\n[services.citizen.x]\ny = 1\n",
            "[[\"services\".citizen]]\nid = \"a\"\n",
            "[[services.citizen]\nid = \"a\"\n",
        ] {
            assert_eq!(service_blocks(text), None, "{text}");
        }
        assert_eq!(service_blocks("[services]\n[office]\n"), Some(vec![]));
    }
}
