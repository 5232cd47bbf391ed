//! What an input holds, read into one shape whatever its kind: paragraphs of text and tables,
//! in the order the page shows them. The readers (text, HTML, Word) produce it; the assembly
//! reads a charter out of it.

/// One piece of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A paragraph outside tables: its lines, and its heading level where the markup says
    /// (`<h2>` is 2).
    Text {
        /// The lines, trimmed; a paragraph of one empty line is an empty cell of a table laid
        /// out one cell per paragraph.
        lines: Vec<String>,
        /// 1–6 for a heading, 0 for a paragraph.
        heading: u8,
    },
    /// A table.
    Table(Grid),
}

impl Piece {
    /// A paragraph of one line.
    pub fn line(text: impl Into<String>) -> Piece {
        Piece::Text {
            lines: vec![text.into()],
            heading: 0,
        }
    }
}

/// A table as rows of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// The rows, in order; the headings are among them, usually first.
    pub rows: Vec<Row>,
    /// The rows were found by their serial numbers in a stream of cells (one cell a paragraph,
    /// a line, or between pipes), not one row a line: a page cut off in the last cell still
    /// looks like a whole row.
    pub ragged: bool,
}

/// One row of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The cells, in order.
    pub cells: Vec<Cell>,
    /// The page ends inside this row: it is not a whole row.
    pub cut: bool,
}

/// One cell: its lines of text, and how many columns it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The lines, trimmed; none for an empty cell.
    pub lines: Vec<String>,
    /// Columns spanned (HTML `colspan`, Word `gridSpan`): 1 for most.
    pub span: usize,
}

impl Cell {
    /// A cell of one column from text: its lines trimmed, blank lines dropped.
    pub fn new(text: &str) -> Cell {
        Cell {
            lines: text.lines().map(clean).filter(|l| !l.is_empty()).collect(),
            span: 1,
        }
    }

    /// Whether the cell holds no text.
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.is_empty())
    }

    /// The lines joined by spaces: the text of a one-line field.
    pub fn text(&self) -> String {
        self.lines.join(" ")
    }
}

/// A line of text as a cell keeps it: spaces at the ends trimmed, including the no-break spaces
/// and zero-width characters that pages pad empty cells with.
pub fn clean(line: &str) -> String {
    line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
        .to_string()
}
