//! Plain text, as a clerk gets it by copying a charter page or a PDF: tab-separated rows, pipe
//! tables (with or without the outer pipes, rows broken over lines, one cell a line), one cell a
//! paragraph or a line with no separator at all, and prose around the tables.
//!
//! Tables are found by their headings: a run of cells that name a charter's columns
//! ([`columns::classify`]), followed by the first serial number. The number of headings is the
//! number of columns; rows then start at each serial number, so a cell that runs over several
//! lines or paragraphs stays one cell, and a page cut off mid-row leaves a row marked `cut`.

use super::cells;
use super::columns::{self, Column};
use super::page::{Cell, Grid, Piece, Row, clean};
use crate::bangla::{self, bijoy};

/// Reads text into paragraphs and tables.
pub fn read(text: &str) -> Vec<Piece> {
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    // Bijoy is converted first, line by line (a page can mix it with Unicode): its `|` is a
    // danda inside a word and must not be read as a table's separator.
    let mut lines: Vec<String> = text
        .lines()
        .map(|l| bijoy::to_unicode(l).into_owned())
        .collect();
    if is_markdown(&lines) {
        lines = lines
            .iter()
            .flat_map(|l| {
                if is_pipe_line(l) {
                    vec![l.clone()]
                } else {
                    markdown_line(l)
                }
            })
            .collect();
    }
    let mut pieces = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(end) = tab_region(&lines, i) {
            flush_plain(&mut plain, &mut pieces);
            pieces.extend(tab_table(&lines[i..end]));
            i = end;
        } else if is_pipe_line(&lines[i]) {
            // The first cell of a table laid out one cell a line can be on the line before the
            // first separator (`ক্রমিক নং` then `|`).
            let mut start = i;
            if lines[i].trim_start().starts_with('|')
                && !is_markdown_row(&lines[i])
                && plain.last().is_some_and(|l| !l.trim().is_empty())
            {
                plain.pop();
                start = i - 1;
            }
            flush_plain(&mut plain, &mut pieces);
            let end = pipe_region_end(&lines, i);
            pieces.extend(pipe_table(&lines[start..end]));
            i = end;
        } else {
            plain.push(&lines[i]);
            i += 1;
        }
    }
    flush_plain(&mut plain, &mut pieces);
    let mut pieces = tables_in_paragraphs(pieces);
    // A page that ends without a line break was cut off: when its last piece is a table, the
    // end fell inside that table's last row.
    if !text.ends_with('\n')
        && let Some(Piece::Table(grid)) = pieces.last_mut()
        && grid.ragged
        && grid.rows.len() > 1
        && let Some(row) = grid.rows.last_mut()
    {
        row.cut = true;
    }
    pieces
}

/// Paragraphs of plain lines: split at empty lines. A paragraph of spaces only is kept, empty:
/// in a table laid out one cell a paragraph it is an empty cell.
fn flush_plain(plain: &mut Vec<&str>, pieces: &mut Vec<Piece>) {
    let mut lines: Vec<String> = Vec::new();
    let mut spaces_only = false;
    for line in plain.drain(..).chain([""]) {
        if line.is_empty() {
            if !lines.is_empty() || spaces_only {
                let lines = std::mem::take(&mut lines);
                pieces.push(Piece::Text { lines, heading: 0 });
            }
            spaces_only = false;
            continue;
        }
        let cleaned = clean(line);
        if cleaned.is_empty() {
            spaces_only = lines.is_empty();
        } else {
            lines.push(cleaned);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tab-separated rows

fn is_tab_row(line: &str) -> bool {
    line.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2
}

/// The end of the run of tab-separated rows that starts at `start`, if one does: blank lines
/// may stand between rows.
fn tab_region(lines: &[String], start: usize) -> Option<usize> {
    if !is_tab_row(&lines[start]) {
        return None;
    }
    let mut end = start + 1;
    let mut last_row = start;
    while end < lines.len() && (is_tab_row(&lines[end]) || lines[end].trim().is_empty()) {
        if is_tab_row(&lines[end]) {
            last_row = end;
        }
        end += 1;
    }
    Some(last_row + 1)
}

fn tab_table(lines: &[String]) -> Vec<Piece> {
    let rows = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Row {
            cells: l.split('\t').map(Cell::new).collect(),
            cut: false,
        })
        .collect();
    vec![Piece::Table(Grid {
        rows,
        ragged: false,
    })]
}

// ---------------------------------------------------------------------------------------------
// Pipe tables

fn is_pipe_line(line: &str) -> bool {
    line.contains('|')
}

/// A Markdown row: pipes at both ends and between cells.
fn is_markdown_row(line: &str) -> bool {
    let t = line.trim();
    t.len() > 2 && t.starts_with('|') && t.ends_with('|') && split_markdown(t).len() >= 2
}

/// The end of a pipe table that starts at `start`: past its last pipe line (lines without a pipe
/// may stand between, inside cells), and past the lines after it up to an empty line, which can
/// be the rest of a row cut off by the end of the page.
fn pipe_region_end(lines: &[String], start: usize) -> usize {
    const GAP: usize = 12;
    let mut last = start;
    let mut i = start + 1;
    while i < lines.len() && i - last <= GAP {
        if is_pipe_line(&lines[i]) {
            last = i;
        }
        i += 1;
    }
    let mut end = last + 1;
    while end < lines.len() && !lines[end].trim().is_empty() {
        end += 1;
    }
    end
}

fn pipe_table(lines: &[String]) -> Vec<Piece> {
    let first = lines
        .iter()
        .find(|l| is_pipe_line(l))
        .map_or("", |l| l.as_str());
    if is_markdown_row(first) {
        return markdown_table(lines);
    }
    // Cells run from one pipe to the next, across lines; rows are found by their serials. A
    // Markdown separator row without its outer pipes (`--- | ---`) holds no cells.
    let text = lines
        .iter()
        .filter(|l| !is_separator_row(l))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    let mut tokens: Vec<Cell> = Vec::new();
    let mut before = Vec::new();
    for (k, piece) in text.split('|').enumerate() {
        if k == 0 {
            // Only the last line before the first pipe is a cell; the rest is text before the
            // table.
            let mut lines: Vec<&str> = piece.lines().filter(|l| !l.trim().is_empty()).collect();
            let cell = lines.pop().unwrap_or("");
            before.extend(lines.into_iter().map(Piece::line));
            tokens.push(Cell::new(cell));
            continue;
        }
        push_token(&mut tokens, piece);
    }
    let mut pieces = before;
    match super::records::records(&tokens) {
        Some(records) => pieces.extend(records),
        None => pieces.extend(grids_from_cells(tokens)),
    }
    pieces
}

/// A Markdown table's separator row, with or without outer pipes: `|---|:---:|`, `--- | ---`.
/// One run of dashes and a pipe (`----- |`) is a dash cell of a table laid out one cell a line.
fn is_separator_row(line: &str) -> bool {
    let t = line.trim();
    let runs = t.split('|').filter(|part| part.contains('-')).count();
    let outer = t.starts_with('|') && t.ends_with('|') && t.len() > 1;
    t.contains("---")
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        && (runs >= 2 || outer)
}

/// Adds the text between two pipes as a cell. A cell whose last line is a serial number alone
/// is two: the end of what came before (a sub-heading between rows) and the next row's serial.
fn push_token(tokens: &mut Vec<Cell>, text: &str) {
    let cell = Cell::new(text);
    if cell.lines.len() >= 2 && cell.lines.last().is_some_and(|l| row_serial(l).is_some()) {
        let mut lines = cell.lines;
        let serial = lines.pop().unwrap_or_default();
        tokens.push(Cell { lines, span: 1 });
        tokens.push(Cell {
            lines: vec![serial],
            span: 1,
        });
    } else {
        tokens.push(cell);
    }
}

/// Splits a Markdown row at its unescaped pipes, without the outer ones.
fn split_markdown(line: &str) -> Vec<String> {
    let t = line.trim();
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// A Markdown cell as text: `<br>` as line breaks, emphasis and escapes removed.
fn markdown_cell(text: &str) -> Cell {
    Cell::new(&markdown_text(text))
}

/// Markdown's markup taken off text: `<br>` as line breaks, `**`, backslash escapes and the
/// entities `charter render` writes.
fn markdown_text(text: &str) -> String {
    let text = text
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("**", "");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Whether text is Markdown: a table with its `| --- |` row, or `#` headings.
fn is_markdown(lines: &[String]) -> bool {
    let separator = lines
        .iter()
        .any(|l| l.trim().starts_with('|') && is_separator_row(l));
    separator
        || lines
            .iter()
            .any(|l| l.starts_with("# ") || l.starts_with("## "))
}

/// A Markdown line outside tables as plain lines: heading marks, list marks, emphasis and
/// escapes taken off.
fn markdown_line(line: &str) -> Vec<String> {
    if line.trim().is_empty() {
        return vec![String::new()];
    }
    let t = line.trim_start().trim_start_matches('#').trim_start();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .unwrap_or(t)
        .trim();
    let t = match t.strip_prefix('*').and_then(|r| r.strip_suffix('*')) {
        Some(inner) if !inner.starts_with('*') => inner,
        _ => t,
    };
    markdown_text(t).lines().map(str::to_string).collect()
}

/// A table with one row a line, as Markdown writes it. A line without pipes between rows is a
/// sub-heading; the last line, if its closing pipe is missing, was cut off.
fn markdown_table(lines: &[String]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut grid = Grid::default();
    // A row broken over lines (`| ১. নাগরিক সনদপত্রঃ` … `… | অফিস সহকারী |`): a line that opens
    // a row and does not close it is joined with the next ones until they end with a closing
    // pipe and hold as many cells as the header.
    let width = lines
        .iter()
        .find(|l| is_markdown_row(l))
        .map_or(0, |l| split_markdown(l).len());
    let whole = |row: &str| row.ends_with('|') && split_markdown(row).len() >= width;
    let mut open: Option<String> = None;
    let mut joined: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match open.as_mut() {
            Some(row) => {
                row.push_str("<br>");
                row.push_str(t);
                if whole(row) {
                    joined.extend(open.take());
                }
            }
            // A row that closes on its own line is whole, however many cells it has (a
            // sub-row, another table).
            None if t.starts_with('|') && !t.ends_with('|') => open = Some(t.to_string()),
            None => joined.push(t.to_string()),
        }
    }
    joined.extend(open);
    let count = joined.len();
    for (k, line) in joined.iter().enumerate() {
        let t = line.trim();
        if !t.contains('|') {
            if !grid.rows.is_empty() {
                pieces.push(Piece::Table(std::mem::take(&mut grid)));
            }
            pieces.push(Piece::line(clean(t)));
            continue;
        }
        let cells = split_markdown(t);
        if cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|x| matches!(x, '-' | ':' | ' '))
        }) {
            continue;
        }
        let cut = k + 1 == count && !t.ends_with('|');
        grid.rows.push(Row {
            cells: cells.iter().map(|c| markdown_cell(c)).collect(),
            cut,
        });
    }
    if !grid.rows.is_empty() {
        pieces.push(Piece::Table(grid));
    }
    pieces
}

// ---------------------------------------------------------------------------------------------
// Tables laid out one cell a paragraph (or a line), and rows found by their serials

/// Finds tables among paragraphs, where each cell is a paragraph of its own; failing that,
/// where each cell is a line. Paragraphs that are no table stay as they are.
pub fn tables_in_paragraphs(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut run: Vec<Piece> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { heading: 0, .. } => run.push(piece),
            other => {
                out.extend(paragraph_tables(std::mem::take(&mut run)));
                out.push(other);
            }
        }
    }
    out.extend(paragraph_tables(run));
    out
}

fn paragraph_tables(run: Vec<Piece>) -> Vec<Piece> {
    let cells: Vec<Cell> = run
        .iter()
        .map(|p| match p {
            Piece::Text { lines, .. } => Cell {
                lines: lines.clone(),
                span: 1,
            },
            Piece::Table(_) => Cell::new(""),
        })
        .collect();
    let cells = join_open_cells(cells);
    if let Some(pieces) = super::records::records(&cells) {
        return pieces;
    }
    if header_at(&cells).is_some() {
        return grids_from_cells(cells);
    }
    // One cell a line: every line of every paragraph a cell.
    let lines: Vec<Cell> = cells
        .iter()
        .flat_map(|c| c.lines.iter().map(|l| Cell::new(l)).collect::<Vec<_>>())
        .collect();
    if header_at(&lines).is_some() {
        return grids_from_cells(lines);
    }
    for cells in [&cells, &lines] {
        if let Some(pieces) = super::records::timed_lines(cells) {
            return pieces;
        }
    }
    // No headings this tool knows: rows numbered 1, 2, 3 are a table all the same, its columns
    // read from their content.
    for cells in [cells, lines] {
        if let Some(pieces) = numbered_rows(&cells) {
            return pieces;
        }
    }
    run
}

/// Paragraphs that leave a list open (`ইউএনও/`, then `উপপরিচালক সমাজসেবা/`, then `জেলা প্রশাসক`)
/// are one cell with the paragraph after them. An amount before the slash (`৫/`, taka) closes
/// its cell.
fn join_open_cells(cells: Vec<Cell>) -> Vec<Cell> {
    let open = |cell: &Cell| {
        let text = cell.text();
        let text = text.trim_end();
        text.strip_suffix('/').is_some_and(|before| {
            before
                .chars()
                .last()
                .is_some_and(|c| bangla::digit_value(c).is_none())
        })
    };
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for cell in cells {
        match out.last_mut() {
            Some(last) if open(last) && !cell.is_empty() => last.lines.extend(cell.lines),
            _ => out.push(cell),
        }
    }
    out
}

/// A table found by its numbered rows alone, in a stream of cells: each row starts at a serial
/// number (`১`, `০২`, `৩।`), in sequence, with other cells between them. The cells before the
/// first row, as many as a row has, are its headings when they read as headings (short, no
/// sentence), whatever they say. `None` when the cells hold no such run of at least two rows.
fn numbered_rows(cells: &[Cell]) -> Option<Vec<Piece>> {
    let serial = |k: usize| -> Option<u32> {
        let text = cells[k].text();
        // A serial stands alone in its cell (`১।`, `০৩`), not `১ দিন`.
        serial_number(&text).filter(|_| !text.contains(' '))
    };
    let first = (0..cells.len()).find(|&k| serial(k) == Some(1))?;
    // The rows that follow in sequence, and how many cells each holds.
    let mut starts = vec![first];
    let mut value = 1;
    for k in first + 1..cells.len() {
        let gap = k - starts[starts.len() - 1];
        if let Some(n) = serial(k)
            && gap >= 2
            && continues_numbering(value, n)
        {
            starts.push(k);
            value = n;
        }
    }
    if starts.len() < 2 {
        return None;
    }
    // As many cells as most rows have (the fewer, on a tie: a cell split in two adds one).
    let mut gaps: Vec<usize> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    let count = |g: usize| gaps.iter().filter(|&&x| x == g).count();
    let width = gaps
        .iter()
        .copied()
        .max_by_key(|&g| (count(g), std::cmp::Reverse(g)))
        .unwrap_or(2);
    if !(2..=16).contains(&width) {
        return None;
    }
    // The headings: the cells right before the first row, from a serial heading on, or as
    // many as a row has when all read as headings.
    let before = &cells[first.saturating_sub(width)..first];
    let heading_like = |c: &Cell| {
        let t = c.text();
        t.chars().count() <= 120 && !t.ends_with('।') && c.lines.len() <= 3
    };
    let from_serial = before
        .iter()
        .rposition(|c| columns::classify(&c.text()) == Some(Column::Serial));
    let header_start = match from_serial {
        Some(at) => first - before.len() + at,
        None if before.len() == width && before.iter().all(heading_like) => first - width,
        None => first,
    };
    let mut pieces: Vec<Piece> = cells[..header_start]
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| Piece::Text {
            lines: c.lines.clone(),
            heading: 0,
        })
        .collect();
    let header: Vec<Cell> = if header_start < first {
        merge_continuations(&cells[header_start..first])
    } else {
        vec![Cell::new(""); width]
    };
    let (grid, next, after) = numbered_grid(header, cells, first, true);
    pieces.push(Piece::Table(grid));
    pieces.extend(after);
    pieces.extend(
        cells[next..]
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| Piece::Text {
                lines: c.lines.clone(),
                heading: 0,
            }),
    );
    Some(pieces)
}

/// Whether a row numbered `next` may follow one numbered `prev`: the next number, the same
/// again (a page's slip), a restart at 1, or up to two numbers the page skipped.
fn continues_numbering(prev: u32, next: u32) -> bool {
    next == prev || next == 1 || (prev + 1..=prev + 3).contains(&next)
}

/// A serial number of a row: `০১`, `1.`, `১।`, `01`, `(ক)`, with its value.
pub fn serial_number(text: &str) -> Option<u32> {
    let t = text.trim();
    let t = t
        .trim_end_matches(['.', '।', ')', ':', '-'])
        .trim_start_matches('(')
        .trim();
    if t.is_empty() || t.chars().count() > 4 {
        return None;
    }
    if let Some(n) = letter_number(t) {
        return Some(n);
    }
    let mut value: u32 = 0;
    for c in t.chars() {
        value = value
            .saturating_mul(10)
            .saturating_add(bangla::digit_value(c)?);
    }
    (value > 0 && value < 1000).then_some(value)
}

/// A row's serial where rows are already numbered: [`serial_number`], or past ৯৯৯ (১০০০, a long
/// list's thousandth row; a number that size alone could be a year, so only in sequence).
fn row_serial(text: &str) -> Option<u32> {
    serial_number(text).or_else(|| {
        let t = text.trim().trim_end_matches(['.', '।', ')', ':', '-']);
        (4..=6)
            .contains(&t.chars().count())
            .then(|| {
                t.chars().try_fold(0u32, |v, c| {
                    Some(
                        v.saturating_mul(10)
                            .saturating_add(crate::bangla::digit_value(c)?),
                    )
                })
            })
            .flatten()
    })
}

/// The place of a Bengali letter in the serials charters number with: ক ১, খ ২, …
fn letter_number(t: &str) -> Option<u32> {
    const LETTERS: [&str; 10] = ["ক", "খ", "গ", "ঘ", "ঙ", "চ", "ছ", "জ", "ঝ", "ঞ"];
    LETTERS.iter().position(|l| *l == t).map(|p| p as u32 + 1)
}

/// Whether `cells` from `at` are a row of column numbers (`০১ ০২ …`, `(ক) (খ) …`, `১ ২ ৪ ও ৫`)
/// as wide as the headings: printed under them, not a row of data.
fn is_index_row(cells: &[Cell], at: usize, width: usize) -> bool {
    let Some(window) = cells.get(at..at + width.min(cells.len() - at.min(cells.len()))) else {
        return false;
    };
    if window.len() < width.min(3) || window.is_empty() {
        return false;
    }
    let mut expected = 1;
    let mut numbers = 0;
    for cell in window {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        // `৪ ও ৫`: two columns numbered in one.
        let parts: Vec<&str> = text.split(" ও ").collect();
        for part in parts {
            match serial_number(part) {
                Some(n) if n == expected => expected += 1,
                _ => return false,
            }
            numbers += 1;
        }
    }
    numbers * 2 > width
}

/// Where a header row starts among cells: the first run of headings naming at least three
/// columns of a charter's table, one of them its content (a name, a method, a fee, a time).
fn header_at(cells: &[Cell]) -> Option<usize> {
    (0..cells.len()).find(|&i| header_width(cells, i).is_some())
}

/// How many cells the header row starting at `start` spans, if one does: up to the first serial
/// number (or row of column numbers), or while the cells are headings.
fn header_width(cells: &[Cell], start: usize) -> Option<usize> {
    const MAX: usize = 16;
    // Most cells start no header: the first is looked at alone (this runs at every cell).
    let first = columns::classify(&cells.get(start)?.text());
    if !matches!(first, Some(k) if !matches!(k, Column::Other | Column::Continuation)) {
        return None;
    }
    let kinds: Vec<Option<Column>> = std::iter::once(first)
        .chain(
            cells[start + 1..]
                .iter()
                .take(MAX)
                .map(|c| columns::classify(&c.text())),
        )
        .collect();
    // A header that starts with the serial's heading runs to the first serial number, whatever
    // headings it holds (বিভাগ/দপ্তর, Frequency): the first row starts there.
    let to_first_row = kinds.first() == Some(&Some(Column::Serial))
        && cells[start + 1..]
            .iter()
            .take(MAX)
            .any(|c| serial_number(&c.text()).is_some());
    let mut end = 0;
    // Where the last heading this tool knows ends: cells it does not know after it are the
    // first row's, when no serial number marks where that row starts.
    let mut known_end = 0;
    let mut known = Vec::new();
    let mut unknown = 0;
    for (k, kind) in kinds.iter().enumerate() {
        let cell = &cells[start + k];
        if serial_number(&cell.text()).is_some() {
            break;
        }
        if kind.is_some() {
            known_end = k + 1;
        }
        if matches!(kind, Some(k) if *k != Column::Other) {
            // Unknown headings are counted in a row: known ones may stand between them.
            unknown = 0;
        }
        match kind {
            Some(Column::Other) | None if !cell.is_empty() => {
                // A heading this tool does not know, or the data after a header with no
                // serial column: stop where a second one appears.
                unknown += 1;
                let limit = if to_first_row { MAX } else { 2 };
                if unknown > limit || cell.text().chars().count() > 150 {
                    break;
                }
            }
            // A table's serial column comes first: a heading before it (`ডাকসেবার সময়সীমা`,
            // the page's subtitle) is not one of its columns.
            Some(Column::Serial) if k > 0 => return None,
            Some(kind) => known.push(*kind),
            None => {}
        }
        end = k + 1;
    }
    let content = known.iter().any(|k| {
        matches!(
            k,
            Column::Name | Column::When | Column::Methods | Column::Fee | Column::TimeLimit
        )
    });
    let distinct = {
        let mut k = known.clone();
        k.sort_by_key(|c| *c as u8);
        k.dedup();
        k.len()
    };
    let end = if to_first_row {
        end
    } else {
        end.min(known_end)
    };
    (content && distinct >= 3).then_some(end)
}

/// Builds tables from a stream of cells: each header row, then rows that start at serial
/// numbers. What is neither (text before a table, a sub-heading between rows, what follows the
/// last row) stays as paragraphs, in its place.
pub fn grids_from_cells(cells: Vec<Cell>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let Some(width) = header_width(&cells, i) else {
            if !cells[i].is_empty() {
                pieces.push(Piece::Text {
                    lines: cells[i].lines.clone(),
                    heading: 0,
                });
            }
            i += 1;
            continue;
        };
        let (grid, next, after) = rows_after_header(&cells, i, width);
        pieces.push(Piece::Table(grid));
        pieces.extend(after);
        i = next;
    }
    pieces
}

/// The table whose header of `width` cells starts at `start`; returns it, where the cells after
/// it start, and the text found between its last row and that point.
fn rows_after_header(cells: &[Cell], start: usize, width: usize) -> (Grid, usize, Vec<Piece>) {
    let mut header: Vec<Cell> = merge_continuations(&cells[start..start + width]);
    let mut has_serial = header
        .first()
        .is_some_and(|c| columns::classify(&c.text()) == Some(Column::Serial));
    let mut i = start + width;
    if is_index_row(cells, i, width) {
        i += width;
    }
    // A serial column the page never fills (`ক্রমিক নং` over rows with no number): the rows are
    // the other columns, as many cells each.
    if has_serial
        && header.len() > 2
        && !cells
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take(3 * width)
            .any(|c| serial_number(&c.text()).is_some())
    {
        header.remove(0);
        has_serial = false;
    }
    numbered_grid(header, cells, i, has_serial)
}

/// The rows under `header`, from cell `i` on: rows that start at serial numbers when
/// `has_serial`, else rows of as many cells as headings. Returns the table, where the cells
/// after it start, and the text found between its last row and that point.
fn numbered_grid(
    header: Vec<Cell>,
    cells: &[Cell],
    mut i: usize,
    has_serial: bool,
) -> (Grid, usize, Vec<Piece>) {
    let columns = header.len();
    let mut grid = Grid {
        rows: vec![Row {
            cells: header,
            cut: false,
        }],
        ragged: true,
    };
    if !has_serial {
        // An index row skipped past the last cell leaves nothing.
        i = i.min(cells.len());
        let end = (i..cells.len())
            .find(|&k| header_width(cells, k).is_some())
            .unwrap_or(cells.len());
        if let Some(rows) = marked_rows(&grid.rows[0].cells, &cells[i..end]) {
            grid.rows.extend(rows);
            return (grid, end, Vec::new());
        }
        // Rows of as many cells as headings, to the next table. An empty paragraph inside a
        // row pads a cell, not a column, when what would start the next row cannot be a
        // service's name (a time limit, an amount): the row goes on past it.
        let starts_no_row = |c: &Cell| {
            let text = c.text();
            cells::reads_as_time(&text)
                || text.chars().count() <= 20
                    && !matches!(
                        crate::bangla::parse_fee(&text),
                        crate::bangla::Fee::Unstated
                    )
        };
        while i < cells.len() && header_width(cells, i).is_none() {
            let mut end = (i + columns).min(cells.len());
            let mut row: Vec<Cell> = cells[i..end].to_vec();
            while end < cells.len()
                && starts_no_row(&cells[end])
                && let Some(blank) = row.iter().skip(1).position(Cell::is_empty)
            {
                row.remove(blank + 1);
                row.push(cells[end].clone());
                end += 1;
            }
            let cut = row.len() < columns;
            grid.rows.push(Row { cells: row, cut });
            i = end;
        }
        return (grid, i, Vec::new());
    }
    // Text between rows waits here: a sub-heading if a row follows, what follows the table if
    // none does.
    let mut pending: Vec<Cell> = Vec::new();
    while i < cells.len() {
        let Some(n) = row_serial(&cells[i].text()) else {
            if header_width(cells, i).is_some() {
                break;
            }
            if !cells[i].is_empty() {
                pending.push(cells[i].clone());
            }
            i += 1;
            continue;
        };
        for heading in pending.drain(..) {
            grid.rows.push(Row {
                cells: vec![Cell {
                    lines: vec![heading.text()],
                    span: columns,
                }],
                cut: false,
            });
        }
        // The row runs to the next serial in sequence (or one that starts the numbering again,
        // or a new header), and has at least half its cells before it: a number in a cell is
        // not taken for the next row.
        let starts_row = |k: usize| {
            row_serial(&cells[k].text()).is_some_and(|m| continues_numbering(n, m))
                || header_width(cells, k).is_some()
        };
        let mut end = i + 1;
        while end < cells.len() && !(end - i >= columns.div_ceil(2) && starts_row(end)) {
            end += 1;
        }
        let mut row: Vec<Cell> = cells[i..end].to_vec();
        // One cell short, and a cell left open with `/` was joined to the paragraph after it
        // (`কানুনগো/` + the superior's post): that paragraph was the next column's after all.
        if row.len() + 1 == columns && end < cells.len() {
            split_open_cell(&mut row);
        }
        // Empty cells past the last column are phantom columns of the page's table.
        while row.len() > columns && row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
        if row.len() > columns {
            let numbering_goes_on = end < cells.len()
                && row_serial(&cells[end].text()).is_some_and(|m| (n + 1..=n + 3).contains(&m));
            if numbering_goes_on {
                // A cell of this row split over two paragraphs.
                merge_extra_cells(&mut row, columns);
            } else {
                // A sub-heading before numbering that starts again, or what follows the table.
                pending.extend(row.split_off(columns).into_iter().filter(|c| !c.is_empty()));
            }
        }
        let cut = row.len() < columns && end >= cells.len();
        grid.rows.push(Row { cells: row, cut });
        i = end;
    }
    let after = pending
        .into_iter()
        .map(|c| Piece::Text {
            lines: c.lines,
            heading: 0,
        })
        .collect();
    (grid, i, after)
}

/// The rows of a table with no serial column whose rows start at list marks instead (`(ক)
/// জনগণের পুষ্টি…`, `১) প্রশিক্ষণ`), as older charters are laid out: each row runs from one
/// marked paragraph to the next, its empty paragraphs dropped. A marked paragraph alone before
/// a numbering that starts again is a sub-heading. A row shorter than the table leaves out a
/// column: when the last cells of such rows mostly say when (`বছরের যে কোন সময়`, `অফিস সময়`)
/// they go to the time column. `None` unless the first paragraph and at least a third of the
/// rows' worth of paragraphs are marked.
fn marked_rows(headings: &[Cell], cells: &[Cell]) -> Option<Vec<Row>> {
    let columns = headings.len();
    let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
    let marked = |c: &Cell| c.lines.first().and_then(|l| cells::list_mark(l));
    let starts: Vec<usize> = (0..filled.len())
        .filter(|&k| marked(filled[k]).is_some())
        .collect();
    if starts.first() != Some(&0) || starts.len() < 2 || starts.len() * columns * 3 < filled.len() {
        return None;
    }
    let time = headings
        .iter()
        .position(|h| columns::classify(&h.text()) == Some(Column::TimeLimit));
    let says_when = |t: &str| {
        cells::reads_as_time(t)
            || ["সময়", "দিন", "কালে", "তাৎক্ষণিক", "ঘন্টা", "মাস", "বছর"]
                .iter()
                .any(|w| t.contains(w))
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(filled.len());
        rows.push(filled[at..end].iter().map(|c| (*c).clone()).collect());
    }
    // Short rows' last cells: the time column's, when most of them say when.
    let short_lasts: Vec<String> = rows
        .iter()
        .filter(|r| r.len() > 1 && r.len() < columns - 1)
        .map(|r| r.last().map(Cell::text).unwrap_or_default())
        .collect();
    let lasts_are_times = !short_lasts.is_empty()
        && short_lasts.iter().filter(|t| says_when(t)).count() * 2 > short_lasts.len();
    let mut out = Vec::new();
    for (k, mut row) in rows.into_iter().enumerate() {
        // A mark alone, before a numbering that starts again: a sub-heading.
        let next_restarts = starts
            .get(k + 1)
            .is_some_and(|&at| marked(filled[at]).is_some_and(|(n, _)| n == 1));
        if row.len() == 1 && next_restarts {
            out.push(Row {
                cells: vec![Cell {
                    lines: vec![row[0].text()],
                    span: columns,
                }],
                cut: false,
            });
            continue;
        }
        if let Some(time) = time
            && lasts_are_times
            && row.len() > 1
            && row.len() <= time
        {
            let last = row.pop().unwrap_or_else(|| Cell::new(""));
            while row.len() < time {
                row.push(Cell::new(""));
            }
            row.push(last);
        }
        out.push(Row {
            cells: row,
            cut: false,
        });
    }
    Some(out)
}

/// Splits the first cell whose paragraph ended in `/` and was joined to the next one (see
/// [`join_open_cells`]) back into two cells.
fn split_open_cell(row: &mut Vec<Cell>) {
    for k in 1..row.len() {
        let lines = &row[k].lines;
        if let Some(at) =
            (0..lines.len().saturating_sub(1)).find(|&l| lines[l].trim_end().ends_with('/'))
        {
            let rest = row[k].lines.split_off(at + 1);
            row.insert(
                k + 1,
                Cell {
                    lines: rest,
                    span: 1,
                },
            );
            return;
        }
    }
}

/// A heading split over two cells is one: `প্রয়োজনীয় সর্বোচ্চ সময়` + `(ঘন্টা/দিন/মাস)`, or a word
/// this tool does not know as a heading before a one-word heading (`কোর্ট` + `ফি`).
fn merge_continuations(cells: &[Cell]) -> Vec<Cell> {
    // A short word alone: `কোর্ট`, `ফি`.
    let one_word = |c: &Cell, most: usize| {
        let text = c.text();
        c.lines.len() == 1 && text.split_whitespace().count() == 1 && text.chars().count() <= most
    };
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for cell in cells {
        let kind = columns::classify(&cell.text());
        match out.last_mut() {
            Some(prev) if kind == Some(Column::Continuation) => {
                prev.lines.extend(cell.lines.clone())
            }
            Some(prev)
                if kind.is_some()
                    && one_word(cell, 4)
                    && one_word(prev, 12)
                    && columns::classify(&prev.text()).is_none() =>
            {
                prev.lines = vec![format!("{} {}", prev.text(), cell.text())];
            }
            _ => out.push(cell.clone()),
        }
    }
    out
}

/// A row with more cells than columns, inside a table: a cell was split over two paragraphs.
/// Empty paragraphs that pad cells go first; then a paragraph that goes on with the list of the
/// one before (`খ) মহিলা…` after `ক) পুরুষ…`), or a note in brackets, joins it; then the shortest
/// cell after the serial and name joins the one before it, until the row fits.
fn merge_extra_cells(row: &mut Vec<Cell>, columns: usize) {
    while row.len() > columns
        && let Some(blank) = (1..row.len()).rev().find(|&k| row[k].is_empty())
    {
        row.remove(blank);
    }
    let mut k = 2;
    while row.len() > columns && k < row.len() {
        let first = row[k].lines.first();
        let goes_on = first
            .and_then(|l| cells::list_mark(l))
            .is_some_and(|(n, letter)| n > 1 && cells::has_mark(&row[k - 1].text(), n - 1, letter))
            // A note in brackets on a paragraph of its own (`(রোববার হতে বৃহস্পতিবার …)`).
            || first.is_some_and(|l| l.starts_with('(') && cells::list_mark(l).is_none());
        if goes_on {
            let cell = row.remove(k);
            row[k - 1].lines.extend(cell.lines);
        } else {
            k += 1;
        }
    }
    while row.len() > columns && row.len() > 3 {
        // A dash is a cell of its own (nothing applies), however short, and so is a time limit
        // (`৩০ মিনিট`). Labelled items one after another (`সিআরপিসিঃ ১৫৪`, `পিআরবিঃ ৩৭৭`) are
        // one cell's list: they join first.
        let texts: Vec<String> = row.iter().map(Cell::text).collect();
        let mergeable =
            |k: &usize| !cells::not_applicable(&texts[*k]) && !cells::reads_as_time(&texts[*k]);
        let shortest = (2..row.len())
            .filter(|k| {
                mergeable(k) && cells::labelled(&texts[*k]) && cells::labelled(&texts[k - 1])
            })
            .min_by_key(|&k| texts[k].chars().count())
            .or_else(|| {
                (2..row.len())
                    .filter(mergeable)
                    .min_by_key(|&k| texts[k].chars().count())
            })
            .unwrap_or(row.len() - 1);
        let cell = row.remove(shortest);
        row[shortest - 1].lines.extend(cell.lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(pieces: &[Piece]) -> Vec<&Grid> {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Table(g) => Some(g),
                _ => None,
            })
            .collect()
    }

    fn texts(row: &Row) -> Vec<String> {
        row.cells.iter().map(Cell::text).collect()
    }

    #[test]
    fn serial_numbers() {
        for (text, n) in [
            ("০১", 1),
            ("1.", 1),
            ("১।", 1),
            ("01", 1),
            ("(খ)", 2),
            ("১২", 12),
        ] {
            assert_eq!(serial_number(text), Some(n), "{text}");
        }
        for text in ["", "০", "১ দিন", "20/-", "২০২৪", "সেবা"] {
            assert_eq!(serial_number(text), None, "{text}");
        }
    }

    #[test]
    fn a_pipe_table_broken_over_lines() {
        let text = "(০৪) সিটিজেন চার্টার\nক্রমিক নং | সেবার নাম | সময়সীমা | সেবা প্রদানে পদ্ধতি |\n০১ | সনদ\n| চাহিবা মাত্র\n| তদন্তের মাধ্যমে\n|\n০২ | ওয়ারিশ | ৩ দিন | তদন্ত |\n০৩ | মৃত্যু";
        let pieces = read(text);
        assert_eq!(pieces[0], Piece::line("(০৪) সিটিজেন চার্টার"));
        let grid = tables(&pieces)[0];
        assert_eq!(grid.rows.len(), 4);
        assert_eq!(
            texts(&grid.rows[1]),
            ["০১", "সনদ", "চাহিবা মাত্র", "তদন্তের মাধ্যমে"]
        );
        assert!(!grid.rows[2].cut);
        assert!(grid.rows[3].cut, "the last row is cut off");
    }

    #[test]
    fn one_cell_a_paragraph_with_a_header_repeated_per_department() {
        let text = "প্রশাসন বিভাগঃ\n\nক্র নং\n\nসেবার বিবরণ\n\nসময়\n\nসেবার মূল্য\n\n০১\n\nনাগরিক সনদপত্র\n\nতাৎক্ষনিক\n\n20/-\n\n \n\nপ্রকৌশল বিভাগঃ\n\nক্র নং\n\nসেবার বিবরণ\n\nসময়\n\nসেবার মূল্য\n\n০১\n\nসড়ক বাতি\n\n2 থেকে 3 দিন\n\nবিনামূল্যে\n";
        let pieces = read(text);
        assert_eq!(pieces[0], Piece::line("প্রশাসন বিভাগঃ"));
        let grids = tables(&pieces);
        assert_eq!(grids.len(), 2);
        assert_eq!(
            texts(&grids[0].rows[1]),
            ["০১", "নাগরিক সনদপত্র", "তাৎক্ষনিক", "20/-"]
        );
        assert!(pieces.contains(&Piece::line("প্রকৌশল বিভাগঃ")));
        assert_eq!(texts(&grids[1].rows[1])[1], "সড়ক বাতি");
        assert!(!grids[1].rows[1].cut);
        // A page that ends without a line break was cut off inside its last cell.
        let cut = read(text.trim_end());
        assert!(tables(&cut)[1].rows[1].cut);
    }

    #[test]
    fn an_index_row_is_skipped_and_tab_rows_are_rows() {
        let text = "ক্রমিক নং\tসেবার নাম\tসেবা মূল্য\tসময়সীমা\n০১\t০২\t০৩\t০৪\n০১\tতথ্য প্রদান\tবিনামূল্যে\t৩ কার্যদিবস\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(grid.rows.len(), 3, "{grid:?}");
    }

    #[test]
    fn a_serial_column_never_filled_and_a_first_row_with_no_number() {
        // One cell a paragraph; the serial column is empty on the page, and the first row's
        // name is text this tool does not know as a heading: it is data, not a sixth heading.
        let text = "ক্রমিক নং\n\nসেবার নাম\n\nসেবা গ্রহীতা\n\nসময়সীমা\n\nমন্তব্য\n\n\
                    উপবৃত্তি বিতরণ\n\nদরিদ্র ছাত্র/ছাত্রী\n\nপ্রতি বছর জুলাই মাসে\n\n \n\n\
                    পাঠ্যপুস্তক বিতরণ\n\nশিক্ষা প্রতিষ্ঠান\n\nপ্রতি বছর ডিসেম্বর মাসে\n\n \n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(
            texts(&grid.rows[0]),
            ["সেবার নাম", "সেবা গ্রহীতা", "সময়সীমা", "মন্তব্য"]
        );
        assert_eq!(grid.rows.len(), 3, "{grid:?}");
        assert_eq!(texts(&grid.rows[2])[0], "পাঠ্যপুস্তক বিতরণ");
    }

    #[test]
    fn a_skipped_serial_and_a_cell_left_open_with_a_slash() {
        let text = "ক্রমিক নং\n\nসেবার নাম\n\nসময়সীমা\n\nদায়িত্বপ্রাপ্ত কর্মকর্তা\n\n\
                    ১\n\nনাগরিক সনদ\n\n১ দিন\n\nইউএনও/\n\nজেলা প্রশাসক\n\n\
                    ২\n\nওয়ারিশ সনদ\n\n৩ দিন\n\nইউপি সচিব\n\n\
                    ৪\n\nমৃত্যু সনদ\n\n৫/\n\nইউপি সচিব\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(grid.rows.len(), 4, "{grid:?}");
        assert_eq!(grid.rows[1].cells[3].lines, ["ইউএনও/", "জেলা প্রশাসক"]);
        assert_eq!(texts(&grid.rows[3]), ["৪", "মৃত্যু সনদ", "৫/", "ইউপি সচিব"]);
    }

    #[test]
    fn a_time_cell_stays_whole_and_labelled_paragraphs_join() {
        // A law column spread over three labelled paragraphs, a time limit as short as any of
        // them, a dash and a padding paragraph: the time stays in its column.
        let text = "ক্রমিক নং\n\nদপ্তর\n\nসেবার নাম\n\nদায়িত্বপ্রাপ্ত কর্মকর্তা\n\nসেবা প্রদানের পদ্ধতি\n\n\
                    সময়সীমা\n\nফি\n\nআইন\n\nপ্রতিকার\n\n\
                    ১\n\nথানা\n\nহারানো জিনিসের ডায়েরি\n\nডিউটি অফিসার\n\nআবেদন নিয়ে রেজিস্টারে লেখা\n\n\
                    ৩০ মিনিট\n\n-\n\n \n\nধারাঃ ১৫৪\n\nবিধিঃ ৩৭৭\n\nআইনঃ ৪৪\n\nওসি বরাবর আবেদন\n\n\
                    ২\n\nথানা\n\nএজাহার\n\nওসি\n\nআবেদন নিয়ে মামলা রুজু\n\nতাৎক্ষণিক\n\n-\n\nধারাঃ ১৫৪\n\nওসি বরাবর আবেদন\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(
            texts(&grid.rows[1])[5..],
            [
                "৩০ মিনিট",
                "-",
                "ধারাঃ ১৫৪ বিধিঃ ৩৭৭ আইনঃ ৪৪",
                "ওসি বরাবর আবেদন"
            ],
            "{grid:?}"
        );
    }

    #[test]
    fn rows_marked_by_letters_and_numbers_in_the_older_template() {
        // No serial column: rows start at (ক), ১), ২); a lettered line alone heads the numbered
        // rows under it; short rows leave out the method, and their last cell says when.
        let text = "সেবা/অধিকারের বিষয়\n\nসেবা প্রদানের পদ্ধতি ও শর্তাবলী\n\nসময় সীমা\n\nপ্রতিকার পদ্ধতি\n\n\
                    (ক) বীজ বিতরণঃ-\n\n \n\nআবেদনের ভিত্তিতে বীজ দেওয়া হয়।\n\nঅফিস সময়\n\n \n\n\
                    (খ) পরামর্শ সেবাঃ-\n\n\
                    ১) মাঠ পরিদর্শন\n\nবছরের যে কোন সময়\n\n \n\n\
                    ২) উঠান বৈঠক\n\nমাসে একবার\n\n \n\n\
                    ৩) মোবাইলে পরামর্শ\n\nঅফিস সময়\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        let rows: Vec<Vec<String>> = grid.rows[1..].iter().map(texts).collect();
        assert_eq!(
            rows,
            [
                vec![
                    "(ক) বীজ বিতরণঃ-",
                    "আবেদনের ভিত্তিতে বীজ দেওয়া হয়।",
                    "অফিস সময়"
                ],
                vec!["(খ) পরামর্শ সেবাঃ-"],
                vec!["১) মাঠ পরিদর্শন", "", "বছরের যে কোন সময়"],
                vec!["২) উঠান বৈঠক", "", "মাসে একবার"],
                vec!["৩) মোবাইলে পরামর্শ", "", "অফিস সময়"],
            ],
            "{grid:?}"
        );
        assert_eq!(
            grid.rows[2].cells[0].span, 4,
            "a sub-heading across the table"
        );
    }

    #[test]
    fn a_heading_split_at_its_space_and_a_padding_paragraph_in_a_row() {
        // `কোর্ট` + `ফি` is one heading; the blank paragraph before the officer pads that cell.
        let text = "ক্রমিক নং\n\nসেবার বিবরণ\n\nদায়িত্বপ্রাপ্ত কর্মকর্তা\n\nকোর্ট\n\nফি\n\nসময়সীমা\n\n\
                    খারিজ\n\nসহকারী কমিশনার (ভূমি)\n\n২০/-\n\n২৮ দিন\n\n\
                    লীজ নবায়ন\n\n \n\nউপজেলা নির্বাহী অফিসার\n\n৫/-\n\n৭ দিনের মধ্যে\n\n\
                    ইজারা প্রদান\n\nজেলা প্রশাসক\n\n১০০/-\n\n৩০ দিন\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        let rows: Vec<Vec<String>> = grid.rows.iter().map(texts).collect();
        assert_eq!(
            rows,
            [
                vec!["সেবার বিবরণ", "দায়িত্বপ্রাপ্ত কর্মকর্তা", "কোর্ট ফি", "সময়সীমা"],
                vec!["খারিজ", "সহকারী কমিশনার (ভূমি)", "২০/-", "২৮ দিন"],
                vec!["লীজ নবায়ন", "উপজেলা নির্বাহী অফিসার", "৫/-", "৭ দিনের মধ্যে"],
                vec!["ইজারা প্রদান", "জেলা প্রশাসক", "১০০/-", "৩০ দিন"],
            ],
            "{grid:?}"
        );
    }

    #[test]
    fn a_dash_cell_on_a_line_of_its_own_is_a_cell_not_a_separator() {
        assert!(is_separator_row("|---|:---:|"));
        assert!(is_separator_row("--- | ---"));
        assert!(!is_separator_row("----- |"));
    }

    #[test]
    fn a_post_left_open_is_split_from_the_next_column_when_the_row_is_one_short() {
        let text = "ক্রমিক নং\n\nসেবার ধরণ\n\nসময়সীমা\n\nদায়িত্বপ্রাপ্ত কর্মকর্তা\n\nউর্ধ্বতন কর্মকর্তা\n\n\
                    ০১\n\nখতিয়ান সংশোধন\n\n৩০ দিন\n\nকানুনগো/\n\nসহকারী কমিশনার (ভূমি)\n\n\
                    ০২\n\nনামজারি\n\n২৮ দিন\n\nইউএনও/\n\nএসি ল্যান্ড\n\nজেলা প্রশাসক\n\n\
                    ০৩\n\nনকল সরবরাহ\n\n৭ দিন\n\nপ্রধান সহকারী\n\nসহকারী কমিশনার (ভূমি)\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(
            texts(&grid.rows[1]),
            [
                "০১",
                "খতিয়ান সংশোধন",
                "৩০ দিন",
                "কানুনগো/",
                "সহকারী কমিশনার (ভূমি)"
            ],
            "{grid:?}"
        );
        assert_eq!(
            grid.rows[2].cells[3].lines,
            ["ইউএনও/", "এসি ল্যান্ড"],
            "a whole row keeps the join"
        );
    }

    #[test]
    fn rows_numbered_past_a_thousand_go_on() {
        let mut text = String::from("ক্রমিক নং | সেবার নাম | সময়সীমা\n");
        for n in 995..=1004 {
            let serial: String = n
                .to_string()
                .chars()
                .map(|c| char::from_u32('০' as u32 + c.to_digit(10).unwrap()).unwrap())
                .collect();
            text.push_str(&format!("{serial} | সেবা {n} | ১ দিন\n"));
        }
        let pieces = read(&text);
        let grid = tables(&pieces)[0];
        assert_eq!(grid.rows.len(), 11, "{grid:?}");
        assert_eq!(texts(&grid.rows[10])[1], "সেবা 1004");
    }

    #[test]
    fn a_markdown_row_broken_over_lines_is_one_row() {
        let text = "| সেবার নাম | সেবার মূল্য | সময়সীমা |\n\
                    | ১. নাগরিক সনদপত্রঃ\n* বাংলা * ইংরেজি |\n২০/- টাকা | ১ দিন |\n\
                    | (খ) ব্যবসায়ীক | ৫০০/= |\n\
                    | ২. ওয়ারিশ সনদ | ১০০/- টাকা | ১ দিন |\n";
        let pieces = read(text);
        let grid = tables(&pieces)[0];
        assert_eq!(grid.rows.len(), 4, "{grid:?}");
        assert_eq!(
            grid.rows[1].cells[0].lines,
            ["১. নাগরিক সনদপত্রঃ", "* বাংলা * ইংরেজি"]
        );
        assert_eq!(texts(&grid.rows[1])[1..], ["২০/- টাকা", "১ দিন"]);
        assert_eq!(
            texts(&grid.rows[2]),
            ["(খ) ব্যবসায়ীক", "৫০০/="],
            "a sub-row stays whole"
        );
    }
}
