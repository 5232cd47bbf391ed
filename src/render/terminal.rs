//! The charter for a terminal: text wrapped to the width, tables drawn with box characters, and
//! no line wider than the width as the terminal displays it.

use super::document::{Block, Table};
use super::sink::Sink;
use super::width::{width, wrap};

/// The narrowest width a charter can be laid out in: seven columns of a few cells each.
pub const MIN_WIDTH: usize = 40;

/// Writes the document for a terminal `columns` cells wide.
pub fn render(blocks: &[Block], columns: usize, out: &mut Sink) {
    let columns = columns.max(MIN_WIDTH);
    for block in blocks {
        match block {
            Block::Header(lines) => {
                for line in lines {
                    centred(out, line, columns);
                }
                out.push('\n');
            }
            Block::Draft(text) => {
                centred(out, &format!("*** {text} ***"), columns);
                out.push('\n');
            }
            Block::Title(title) => {
                centred(out, title, columns);
                out.push('\n');
            }
            Block::Updated(text) => {
                centred(out, text, columns);
                out.push('\n');
            }
            Block::Heading(text) => {
                push_wrapped(out, text, columns, "");
                out.push('\n');
            }
            Block::Subheading(text) => push_wrapped(out, text, columns, ""),
            Block::Paragraph { label, text } => {
                push_wrapped(out, label, columns, "");
                push_wrapped(out, text, columns, "");
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    push_wrapped(out, item, columns, "   ");
                }
                out.push('\n');
            }
            Block::Table(table) => {
                grid(table, columns, out);
                out.push('\n');
            }
        }
    }
}

fn centred(out: &mut Sink, text: &str, columns: usize) {
    for line in wrap(text, columns) {
        let pad = (columns - width(&line)) / 2;
        out.push_str(&" ".repeat(pad));
        out.push_str(&line);
        out.push('\n');
    }
}

/// Wraps text to the width; lines after the first are indented by `indent` (a hanging indent
/// for numbered items).
fn push_wrapped(out: &mut Sink, text: &str, columns: usize, indent: &str) {
    for (k, line) in wrap(text, columns - indent.len()).iter().enumerate() {
        if k > 0 {
            out.push_str(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// A table drawn with box characters, its columns sized to share `columns` cells. When the
/// columns cannot keep their words whole in that width, each row is drawn as a box of its own,
/// headings beside values, which reads far better in a narrow terminal than split words.
pub fn grid(table: &Table, columns: usize, out: &mut Sink) {
    let n = table.headers.len();
    // Borders: one bar per column and one more; one space of padding each side of a cell.
    let available = columns.saturating_sub(3 * n + 1);
    let (widths, words_fit) = column_widths(table, available);
    if !words_fit && n > 2 {
        for (index, row) in table.rows.iter().enumerate() {
            if index > 0 {
                out.push('\n');
            }
            if let Some(section) = table.section_before(index) {
                push_wrapped(out, section, columns, "");
            }
            grid(&stacked(table, row), columns, out);
        }
        return;
    }
    rule(out, &widths, ('┌', '┬', '┐'));
    row(out, &widths, &one_line_cells(&table.headers));
    if !table.column_numbers.is_empty() {
        rule(out, &widths, ('├', '┼', '┤'));
        row(out, &widths, &one_line_cells(&table.column_numbers));
    }
    for (index, cells) in table.rows.iter().enumerate() {
        match table.section_before(index) {
            Some(section) => {
                rule(out, &widths, ('├', '┴', '┤'));
                spanning(out, &widths, section);
                rule(out, &widths, ('├', '┬', '┤'));
            }
            None => rule(out, &widths, ('├', '┼', '┤')),
        }
        row(out, &widths, cells);
    }
    rule(out, &widths, ('└', '┴', '┘'));
}

/// A line across every column: a section's sub-heading.
fn spanning(out: &mut Sink, widths: &[usize], text: &str) {
    let inner = widths.iter().sum::<usize>() + 3 * widths.len().saturating_sub(1);
    for line in wrap(text, inner) {
        out.push_str("│ ");
        out.push_str(&line);
        out.push_str(&" ".repeat(inner.saturating_sub(width(&line)) + 1));
        out.push_str("│\n");
    }
}

/// One row of a table as a two-column table: the first cell (the serial) beside the first
/// heading on top, then each other heading beside its value.
fn stacked(table: &Table, cells: &[Vec<String>]) -> Table {
    let first = cells.first().cloned().unwrap_or_default();
    Table {
        caption: table.caption.clone(),
        headers: vec![table.headers[0].clone(), first.join(" ")],
        column_numbers: Vec::new(),
        rows: table
            .headers
            .iter()
            .zip(cells)
            .skip(1)
            .map(|(h, cell)| vec![vec![h.clone()], cell.clone()])
            .collect(),
        sections: Vec::new(),
        row_kind: table.row_kind,
    }
}

/// Column widths that fit `available` cells, and whether every word fits whole: each column as wide as its widest line where
/// that fits, otherwise the widest columns give way first, none narrower than its longest word
/// unless even that does not fit.
fn column_widths(table: &Table, available: usize) -> (Vec<usize>, bool) {
    let n = table.headers.len();
    let mut natural = vec![1; n];
    let mut longest_word = vec![1; n];
    // Headings wrap freely: only their longest word claims width, the content decides the rest.
    for (i, heading) in table.headers.iter().enumerate() {
        let word = heading.split_whitespace().map(width).max().unwrap_or(1);
        natural[i] = natural[i].max(word);
        longest_word[i] = longest_word[i].max(word);
    }
    let numbers = one_line_cells(&table.column_numbers);
    for cells in table.rows.iter().chain(std::iter::once(&numbers)) {
        for (i, cell) in cells.iter().enumerate().take(n) {
            for line in cell {
                natural[i] = natural[i].max(width(line));
                for word in line.split_whitespace() {
                    longest_word[i] = longest_word[i].max(width(word));
                }
            }
        }
    }
    // The first column holds serials or headings: it gives way before the content does.
    natural[0] = natural[0].min((available / 3).max(longest_word[0]));
    let mut widths = natural;
    let floor = (available / n).clamp(1, 4);
    let shrink = |widths: &mut Vec<usize>, minimum: &dyn Fn(usize) -> usize| {
        while widths.iter().sum::<usize>() > available {
            let widest = (0..n)
                .filter(|&i| widths[i] > minimum(i))
                .max_by_key(|&i| widths[i]);
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    };
    // First keep every word whole; then, if the table still does not fit, split words too.
    shrink(&mut widths, &|i| longest_word[i].max(floor));
    let words_fit = widths.iter().sum::<usize>() <= available;
    shrink(&mut widths, &|_| floor);
    shrink(&mut widths, &|_| 1);
    (widths, words_fit)
}

/// Cells of one line each: a row of headings or column numbers.
fn one_line_cells(items: &[String]) -> Vec<Vec<String>> {
    items.iter().map(|item| vec![item.clone()]).collect()
}

fn rule(out: &mut Sink, widths: &[usize], (left, middle, right): (char, char, char)) {
    out.push(left);
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            out.push(middle);
        }
        out.push_str(&"─".repeat(w + 2));
    }
    out.push(right);
    out.push('\n');
}

fn row(out: &mut Sink, widths: &[usize], cells: &[Vec<String>]) {
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            cells.get(i).map_or_else(Vec::new, |cell| {
                cell.iter().flat_map(|line| wrap(line, w)).collect()
            })
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for k in 0..height {
        out.push('│');
        for (i, &w) in widths.iter().enumerate() {
            let line = wrapped[i].get(k).map_or("", String::as_str);
            out.push(' ');
            out.push_str(line);
            out.push_str(&" ".repeat(w.saturating_sub(width(line)) + 1));
            out.push('│');
        }
        out.push('\n');
    }
}
