//! A web page, as a browser saves it: every `<table>` (cells with `<br>` and `<p>` as line breaks,
//! `rowspan` and `colspan` laid out), and the headings and paragraphs around the tables.
//!
//! The page is parsed by html5ever (through scraper), as a browser would, and walked without
//! recursion, so a page nested a hundred thousand elements deep costs its size and no stack.

use super::Failure;
use super::page::{Cell, Grid, Piece, Row, clean};
use super::text;
use crate::bangla::bijoy;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose text is not the page's: scripts, styles, the page's menus and forms.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "button", "select",
    "option", "textarea", "form", "caption",
];

/// Elements that end a line of text where they start and end.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
    "pre",
    "address",
    "figure",
    "center",
    "dd",
    "dt",
    "dl",
    "tr",
    "td",
    "th",
    "table",
    "hr",
    "body",
];

/// How deep a page may nest its elements: real pages stay in the tens, and the parser's time
/// grows with the depth of every element.
const MAX_DEPTH: usize = 1_000;

/// Reads a page into paragraphs and tables, with the URL the page gives for itself.
pub fn read(html: &str) -> Result<(Vec<Piece>, Option<String>), Failure> {
    let depth = nesting(html);
    if depth > MAX_DEPTH {
        return Err(Failure::Html(format!(
            "elements nested {depth} deep; a charter page nests a few dozen"
        )));
    }
    let document = Html::parse_document(html);
    let url = page_url(&document, html);
    let mut reader = Reader::default();
    reader.walk(document.tree.root());
    reader.end_paragraph();
    Ok((text::tables_in_paragraphs(reader.pieces), url))
}

/// How deep the tags of a page nest, counted from the markup before parsing: an element
/// nested too deep costs the parser time for every element inside it. An end tag closes only an
/// element that is open (`</x>` with no `<x>` closes nothing, as for the parser), so stray end
/// tags cannot hide the nesting.
fn nesting(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source",
        "track", "wbr", "p", "li", "td", "th", "tr", "option",
    ];
    let mut max = 0usize;
    // The open elements, and how many of each name are open.
    let mut open: Vec<String> = Vec::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if counts.get(&name).is_some_and(|&n| n > 0) {
                // Closes it and every element opened inside it.
                while let Some(top) = open.pop() {
                    if let Some(n) = counts.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
        } else {
            *counts.entry(name.clone()).or_default() += 1;
            open.push(name);
            max = max.max(open.len());
        }
    }
    max
}

/// The URL a saved page gives for itself: its canonical link, its `og:url`, or the
/// `saved from url=` comment browsers write.
fn page_url(document: &Html, html: &str) -> Option<String> {
    for node in document.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let url = match element.name() {
            "link"
                if element
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                element.attr("href")
            }
            "meta" if element.attr("property") == Some("og:url") => element.attr("content"),
            _ => None,
        };
        if let Some(url) = url.filter(|u| u.starts_with("http")) {
            return Some(url.trim().to_string());
        }
    }
    let at = html.find("saved from url=(")?;
    let rest = &html[at..];
    let start = rest.find(')')? + 1;
    let end = rest[start..].find(|c: char| c.is_whitespace() || c == '-')? + start;
    Some(rest[start..end].to_string()).filter(|u| u.starts_with("http"))
}

/// Whether an element is set in a Bijoy font: its text is Bijoy whatever it looks like.
fn bijoy_font(element: &scraper::node::Element) -> bool {
    let font = [element.attr("face"), element.attr("style")]
        .into_iter()
        .flatten()
        .any(is_bijoy_font);
    font || element
        .attr("class")
        .is_some_and(|c| c.contains("SutonnyMJ"))
}

/// Whether a font's name is one of Bijoy's: SutonnyMJ and the family named `…MJ`.
pub fn is_bijoy_font(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("sutonnymj")
        || n.contains("mj,")
        || n.contains("mj;")
        || n.contains("mj'")
        || n.contains("mj\"")
        || n.trim().ends_with("mj")
        || n.contains("bijoy")
}

#[derive(Default)]
struct Reader {
    pieces: Vec<Piece>,
    lines: Vec<String>,
    line: String,
    heading: u8,
}

impl Reader {
    fn walk(&mut self, root: NodeRef<Node>) {
        let mut skip: Option<ego_tree::NodeId> = None;
        let mut bijoy_depth: Vec<ego_tree::NodeId> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => {
                            let text = t.to_string();
                            if bijoy_depth.is_empty() {
                                self.push_text(&text);
                            } else {
                                self.push_text(&bijoy::convert(&text));
                            }
                        }
                        Node::Element(e) => {
                            let name = e.name();
                            if SKIPPED.contains(&name) {
                                skip = Some(node.id());
                                continue;
                            }
                            if name == "table" {
                                self.end_paragraph();
                                self.pieces.push(Piece::Table(table(node)));
                                skip = Some(node.id());
                                continue;
                            }
                            if bijoy_font(e) {
                                bijoy_depth.push(node.id());
                            }
                            if name == "br" {
                                self.end_line();
                            } else if BLOCKS.contains(&name) {
                                self.end_paragraph();
                                if let Some(level) = heading_level(name) {
                                    self.heading = level;
                                }
                                // A list item keeps its bullet, as text pasted from the page
                                // would: a list of services reads as one.
                                if name == "li" {
                                    self.line.push_str("• ");
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skip == Some(node.id()) {
                        skip = None;
                        continue;
                    }
                    if skip.is_some() {
                        continue;
                    }
                    if bijoy_depth.last() == Some(&node.id()) {
                        bijoy_depth.pop();
                    }
                    if let Node::Element(e) = node.value()
                        && BLOCKS.contains(&e.name())
                    {
                        self.end_paragraph();
                    }
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        // HTML collapses runs of white space to one space.
        for (k, word) in text
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .enumerate()
        {
            if k > 0 && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
    }

    fn end_line(&mut self) {
        let line = bijoy::to_unicode(&clean(&self.line)).into_owned();
        self.line.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn end_paragraph(&mut self) {
        self.end_line();
        if !self.lines.is_empty() {
            self.pieces.push(Piece::Text {
                lines: std::mem::take(&mut self.lines),
                heading: self.heading,
            });
        }
        self.heading = 0;
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// A table's rows, `rowspan` cells copied into the rows they span and `colspan` kept as the
/// cell's span. Tables inside a cell are read as lines of that cell.
fn table(node: NodeRef<Node>) -> Grid {
    let mut rows: Vec<Row> = Vec::new();
    // Cells from rows above that reach into the rows below: column, rows left, cell.
    let mut pending: Vec<(usize, usize, Cell)> = Vec::new();
    let trs = row_elements(node);
    // Copies of spanned cells cost what the page's own text costs, four times over at most:
    // `rowspan=1000` on every cell of a long table would otherwise make a page of 200 KB a
    // charter of 200 MB. Past the budget a spanned cell reaches no further.
    let text_len: usize = node
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.len()))
        .sum();
    let mut budget = 4 * text_len + 65_536;
    for (r, tr) in trs.iter().enumerate() {
        let tr = *tr;
        let rows_below = trs.len() - r - 1;
        let mut cells: Vec<Cell> = Vec::new();
        let mut column = 0;
        for td in tr.children() {
            let Node::Element(e) = td.value() else {
                continue;
            };
            if !matches!(e.name(), "td" | "th") {
                continue;
            }
            place_pending(&mut pending, &mut cells, &mut column);
            let span = attr_number(e.attr("colspan")).clamp(1, 64);
            let cell = Cell {
                lines: cell_lines(td),
                span,
            };
            let size = cell.lines.iter().map(String::len).sum::<usize>() + 16;
            let rowspan = attr_number(e.attr("rowspan"))
                .clamp(1, rows_below + 1)
                .min(budget / size + 1);
            if rowspan > 1 && pending.len() < 64 {
                budget = budget.saturating_sub(size * (rowspan - 1));
                pending.push((column, rowspan - 1, cell.clone()));
            }
            column += span;
            cells.push(cell);
        }
        place_pending(&mut pending, &mut cells, &mut column);
        pending.retain(|(_, left, _)| *left > 0);
        rows.push(Row { cells, cut: false });
    }
    Grid {
        rows,
        ragged: false,
    }
}

/// Places the cells of rows above that span down into this row at `column`.
fn place_pending(pending: &mut [(usize, usize, Cell)], cells: &mut Vec<Cell>, column: &mut usize) {
    while let Some(p) = pending
        .iter_mut()
        .find(|(c, left, _)| *c == *column && *left > 0)
    {
        p.1 -= 1;
        cells.push(p.2.clone());
        *column += p.2.span.max(1);
    }
}

fn attr_number(value: Option<&str>) -> usize {
    value.and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

/// The `<tr>` elements of a table, not of the tables inside its cells.
fn row_elements(table: NodeRef<Node>) -> Vec<NodeRef<Node>> {
    let mut rows = Vec::new();
    for child in table.children() {
        let Node::Element(e) = child.value() else {
            continue;
        };
        match e.name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "tr")),
            ),
            _ => {}
        }
    }
    rows
}

/// A cell's lines: broken at `<br>` and at block elements (`<p>`, `<div>`, `<li>`, the rows and
/// cells of a table inside it).
fn cell_lines(cell: NodeRef<Node>) -> Vec<String> {
    let mut reader = Reader::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut bijoy_depth = Vec::new();
    for edge in cell.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Text(t) => {
                    let text = t.to_string();
                    if bijoy_depth.is_empty() {
                        reader.push_text(&text);
                    } else {
                        reader.push_text(&bijoy::convert(&text));
                    }
                }
                Node::Element(e) => {
                    if SKIPPED.contains(&e.name()) {
                        skip = Some(node.id());
                    } else if bijoy_font(e) {
                        bijoy_depth.push(node.id());
                    }
                    if e.name() == "br" || (BLOCKS.contains(&e.name()) && node.id() != cell.id()) {
                        reader.end_line();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                } else if skip.is_none() {
                    if bijoy_depth.last() == Some(&node.id()) {
                        bijoy_depth.pop();
                    }
                    if let Node::Element(e) = node.value()
                        && BLOCKS.contains(&e.name())
                    {
                        reader.end_line();
                    }
                }
            }
            _ => {}
        }
    }
    reader.end_line();
    reader.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_with_spans_and_lines() {
        let html = "<html><head><link rel=canonical href='https://x.gov.bd/charter'></head><body><h3>২.১ নাগরিক সেবা</h3><table><tr><th>ক্রমিক</th><th>সেবার নাম</th><th>পদ্ধতি</th></tr><tr><td rowspan=2>১</td><td>সনদ<br>প্রদান</td><td><p>১। আবেদন</p><p>২। যাচাই</p></td></tr><tr><td colspan=2>বিভাগ</td></tr></table></body></html>";
        let (pieces, url) = read(html).unwrap();
        assert_eq!(url.as_deref(), Some("https://x.gov.bd/charter"));
        assert_eq!(
            pieces[0],
            Piece::Text {
                lines: vec!["২.১ নাগরিক সেবা".into()],
                heading: 3
            }
        );
        let Piece::Table(grid) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        assert_eq!(grid.rows[1].cells[1].lines, ["সনদ", "প্রদান"]);
        assert_eq!(grid.rows[1].cells[2].lines, ["১। আবেদন", "২। যাচাই"]);
        assert_eq!(grid.rows[2].cells[0].lines, ["১"], "rowspan copied down");
        assert_eq!(grid.rows[2].cells[1].span, 2);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let html = "<div>".repeat(100_000);
        assert!(matches!(read(&html), Err(Failure::Html(_))));
    }

    #[test]
    fn bijoy_fonts_are_bijoy() {
        let html = "<p><span style=\"font-family: SutonnyMJ\">Ges</span> ICT</p>";
        let (pieces, _) = read(html).unwrap();
        assert_eq!(pieces[0], Piece::line("এবং ICT"));
    }
}
