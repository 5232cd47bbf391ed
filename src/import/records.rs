//! Pages that give each service as a block of labelled fields rather than a row: the national
//! service portal's one-service page (`সেবা প্রাপ্তির সময় | ১-২ ঘণ্টা`, `প্রয়োজনীয় ফি | বিনামূল্যে`)
//! and charters written as lettered lists (`ক) প্রদেয় সেবাঃ শিক্ষক বদলী।`, `ঙ) কার্যসম্পাদনের
//! সময়সীমাঃ ৭ দিন`). Each label is a column heading this tool knows; the blocks become the rows
//! of one table, so the rest of import reads them as it reads any table.

use super::columns::{self, Column};
use super::page::{Cell, Grid, Piece, Row};
use super::text::serial_number;

/// The stream of cells as a table of records, when most of it is labels each followed by its
/// value (at least three); `None` otherwise.
pub fn records(cells: &[Cell]) -> Option<Vec<Piece>> {
    let cells: Vec<&Cell> = cells
        .iter()
        .filter(|c| !c.is_empty() && !is_mark(&c.text()))
        .collect();
    let labels: Vec<Option<Column>> = cells.iter().map(|c| label(&c.text())).collect();
    let pairs = (0..cells.len().saturating_sub(1))
        .filter(|&k| labels[k].is_some() && labels[k + 1].is_none())
        .count();
    // Headings one after another, or a serial's heading, are a table's header row, not
    // labels of a block.
    let header_row = labels.windows(3).any(|w| w.iter().all(Option::is_some))
        || cells
            .iter()
            .any(|c| columns::classify(&c.text()) == Some(Column::Serial));
    if pairs < 3 || pairs * 2 * 10 < cells.len() * 6 || header_row {
        return None;
    }
    let first_label = labels.iter().position(Option::is_some)?;
    // Text before the first block, but the line right before it: a block's name.
    let mut pieces: Vec<Piece> = cells[..first_label.saturating_sub(1)]
        .iter()
        .map(|c| Piece::Text {
            lines: c.lines.clone(),
            heading: 0,
        })
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    let mut free: Option<String> = (first_label > 0).then(|| cells[first_label - 1].text());
    let mut k = first_label;
    while k < cells.len() {
        let Some(kind) = labels[k] else {
            // Lines that are no known label's value: the name of the next block when the
            // labels after them start again; else a field this tool does not know, kept in
            // the block's remarks.
            let end = (k..cells.len())
                .find(|&j| labels[j].is_some())
                .unwrap_or(cells.len());
            let next = labels.get(end).copied().flatten();
            let again = next.is_some_and(|n| {
                n == Column::Name
                    || blocks
                        .last()
                        .is_none_or(|b| b.fields.iter().any(|(kd, _, _)| *kd == n))
            });
            if again || end == cells.len() && blocks.is_empty() {
                free = Some(cells[end - 1].text());
            } else if let Some(block) = blocks.last_mut() {
                block.extra.extend(cells[k..end].iter().map(|c| c.text()));
            }
            k = end;
            continue;
        };
        let heading = cells[k].text();
        let value = match labels.get(k + 1) {
            Some(None) => {
                k += 1;
                cells[k].lines.clone()
            }
            _ => Vec::new(),
        };
        k += 1;
        // A label met again starts the next block (labels of kinds this tool has no field
        // for are told apart by their words).
        let same = |(kd, h, _): &(Column, String, Vec<String>)| {
            *kd == kind && (kind != Column::Other || *h == heading)
        };
        let starts_block = blocks
            .last()
            .is_none_or(|b: &Block| free.is_some() || b.fields.iter().any(same));
        if starts_block {
            blocks.push(Block {
                name: free.take(),
                fields: Vec::new(),
                extra: Vec::new(),
            });
        }
        if let Some(block) = blocks.last_mut() {
            block.fields.push((kind, heading, value));
        }
    }
    pieces.push(Piece::Table(grid(&blocks)));
    Some(pieces)
}

/// Services given a line each, every one followed by a line that states its time limit under
/// a label (`যুব ক্লাব তালিকাভূক্তিকরণ।` then `সেবা প্রদানের সময়ঃ ৩০-৪৫ দিন।`): tables of a name
/// and a time column, one for each run of such pairs, the lines between them kept as text in
/// their place. `None` unless there are at least two pairs.
pub fn timed_lines(cells: &[Cell]) -> Option<Vec<Piece>> {
    let texts: Vec<String> = cells.iter().map(Cell::text).collect();
    let time = |t: &str| -> Option<String> {
        let (label, value) = t.split_once([':', 'ঃ'])?;
        let value = value.trim().trim_start_matches(['-', ' ']);
        (label.chars().count() <= 40
            && columns::classify(label) == Some(Column::TimeLimit)
            && !value.is_empty())
        .then(|| value.to_string())
    };
    let times: Vec<Option<String>> = texts.iter().map(|t| time(t)).collect();
    let pairs = (0..texts.len().saturating_sub(1))
        .filter(|&k| times[k].is_none() && !texts[k].is_empty() && times[k + 1].is_some())
        .count();
    if pairs < 2 {
        return None;
    }
    let header = Row {
        cells: vec![Cell::new("সেবার নাম"), Cell::new("সেবা প্রদানের সময়")],
        cut: false,
    };
    let mut pieces = Vec::new();
    let mut grid: Option<Grid> = None;
    let mut k = 0;
    while k < cells.len() {
        if times[k].is_none()
            && !texts[k].is_empty()
            && times.get(k + 1).is_some_and(Option::is_some)
        {
            let table = grid.get_or_insert_with(|| Grid {
                rows: vec![header.clone()],
                ragged: false,
            });
            table.rows.push(Row {
                cells: vec![
                    cells[k].clone(),
                    Cell::new(times[k + 1].as_deref().unwrap_or("")),
                ],
                cut: false,
            });
            k += 2;
            continue;
        }
        if let Some(table) = grid.take() {
            pieces.push(Piece::Table(table));
        }
        if !cells[k].is_empty() {
            pieces.push(Piece::Text {
                lines: cells[k].lines.clone(),
                heading: 0,
            });
        }
        k += 1;
    }
    if let Some(table) = grid.take() {
        pieces.push(Piece::Table(table));
    }
    Some(pieces)
}

/// One service's block: the line naming it (if any) and its labelled fields.
struct Block {
    name: Option<String>,
    fields: Vec<(Column, String, Vec<String>)>,
    /// Lines of fields this tool has no label for (`সেবা প্রাপ্তির শর্তাবলি`, then its text).
    extra: Vec<String>,
}

impl Block {
    /// The service's name: a name label's value, unless that is a description (long, or
    /// several sentences) and a line named the block.
    fn name(&self) -> Option<String> {
        let labelled = self
            .fields
            .iter()
            .find(|(kind, _, _)| *kind == Column::Name)
            .map(|(_, _, value)| value.join(" "));
        let described = labelled
            .as_ref()
            .is_some_and(|v| v.chars().count() > 100 || v.matches('।').count() > 1);
        match (labelled, &self.name) {
            (Some(_), Some(line)) if described => Some(line.clone()),
            (Some(value), _) => Some(value),
            (None, line) => line.clone(),
        }
    }
}

/// A table: a name column, then one column per label in the order first met.
fn grid(blocks: &[Block]) -> Grid {
    let mut headings: Vec<(Column, String)> = Vec::new();
    for block in blocks {
        for (kind, heading, _) in &block.fields {
            let heading = heading.trim_end_matches([':', 'ঃ', ' ']).to_string();
            let known = headings
                .iter()
                .any(|(k, h)| k == kind && (*kind != Column::Other || *h == heading));
            if *kind != Column::Name && !known {
                headings.push((*kind, heading));
            }
        }
    }
    let extra = blocks.iter().any(|b| !b.extra.is_empty());
    let mut rows = vec![Row {
        cells: std::iter::once(Cell::new("সেবার নাম"))
            .chain(headings.iter().map(|(_, h)| Cell::new(h)))
            .chain(extra.then(|| Cell::new("মন্তব্য")))
            .collect(),
        cut: false,
    }];
    for block in blocks {
        let Some(name) = block.name() else { continue };
        let mut cells = vec![Cell::new(&name)];
        for (kind, heading) in &headings {
            let value = block
                .fields
                .iter()
                .find(|(k, h, _)| {
                    k == kind
                        && (*kind != Column::Other
                            || h.trim_end_matches([':', 'ঃ', ' ']) == heading)
                })
                .map(|(_, _, v)| v.clone())
                .unwrap_or_default();
            cells.push(Cell {
                lines: value,
                span: 1,
            });
        }
        if extra {
            cells.push(Cell {
                lines: vec![block.extra.join(" ")],
                span: 1,
            });
        }
        rows.push(Row { cells, cut: false });
    }
    Grid { rows, ragged: true }
}

/// A label: a short heading this tool knows, with or without its colon.
fn label(text: &str) -> Option<Column> {
    let bare = text.trim().trim_end_matches([':', 'ঃ', '-', ' ']);
    if bare.chars().count() > 80 {
        return None;
    }
    columns::classify(bare).filter(|k| !matches!(k, Column::Serial | Column::Continuation))
}

/// A list mark standing alone: `১।`, `ক)`, `(খ)`.
fn is_mark(text: &str) -> bool {
    text.chars().count() <= 5 && serial_number(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Cell> {
        text.split('\n').map(Cell::new).collect()
    }

    fn table(pieces: &[Piece]) -> &Grid {
        pieces
            .iter()
            .find_map(|p| match p {
                Piece::Table(g) => Some(g),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn a_one_service_page_of_labels_and_values() {
        let page = cells(
            "মৎস্য চাষ পরামর্শ\nসেবা প্রাপ্তির সময়\n১ দিন\nপ্রয়োজনীয় ফি\nবিনামূল্যে\nদায়িত্বপ্রাপ্ত কর্মকর্তা\nউপজেলা মৎস্য কর্মকর্তা",
        );
        let pieces = records(&page).unwrap();
        let grid = table(&pieces);
        assert_eq!(grid.rows.len(), 2);
        let row: Vec<String> = grid.rows[1].cells.iter().map(Cell::text).collect();
        assert_eq!(
            row,
            ["মৎস্য চাষ পরামর্শ", "১ দিন", "বিনামূল্যে", "উপজেলা মৎস্য কর্মকর্তা"]
        );
    }

    #[test]
    fn lettered_blocks_one_a_service() {
        let page = cells(
            "১।\nক)\nপ্রদেয় সেবাঃ\nশিক্ষক বদলী।\nখ)\nসেবা প্রদানের সময়সীমাঃ\n৭ দিন।\nগ)\nসেবার মূল্যঃ\nবিনামূল্যে\n২।\nক)\nপ্রদেয় সেবাঃ\nপ্রশিক্ষণে প্রেরণ।\nখ)\nসেবা প্রদানের সময়সীমাঃ\n৩০ দিন।",
        );
        let pieces = records(&page).unwrap();
        let grid = table(&pieces);
        let names: Vec<String> = grid.rows[1..].iter().map(|r| r.cells[0].text()).collect();
        assert_eq!(names, ["শিক্ষক বদলী।", "প্রশিক্ষণে প্রেরণ।"]);
        assert_eq!(grid.rows[2].cells[1].text(), "৩০ দিন।");
    }

    #[test]
    fn lines_each_followed_by_its_time_are_services() {
        let page = cells(
            "প্রশিক্ষণ কর্মসূচীঃ\nক) কম্পিউটার প্রশিক্ষণ\nসেবা প্রদানের সময়: ৯০ দিন।\nখ) সেলাই প্রশিক্ষণ\nসেবা প্রদানের সময়ঃ ৬০ দিন\nঅন্যান্য তথ্য\nক্লাব নিবন্ধন।\nসময়সীমা: ৩০ দিন",
        );
        let pieces = timed_lines(&page).unwrap();
        let tables: Vec<&Grid> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Table(g) => Some(g),
                _ => None,
            })
            .collect();
        assert_eq!(
            tables.len(),
            2,
            "the line between the runs splits them: {pieces:?}"
        );
        let rows: Vec<Vec<String>> = tables
            .iter()
            .flat_map(|g| {
                g.rows[1..]
                    .iter()
                    .map(|r| r.cells.iter().map(Cell::text).collect())
            })
            .collect();
        assert_eq!(
            rows,
            [
                ["ক) কম্পিউটার প্রশিক্ষণ", "৯০ দিন।"],
                ["খ) সেলাই প্রশিক্ষণ", "৬০ দিন"],
                ["ক্লাব নিবন্ধন।", "৩০ দিন"],
            ]
        );
        assert!(timed_lines(&cells("নাগরিক সনদ\nসময়সীমা: ১ দিন\nওয়ারিশ সনদ")).is_none());
    }

    #[test]
    fn a_table_of_rows_is_no_record_page() {
        let page = cells("ক্রমিক নং\nসেবার নাম\nসময়সীমা\n১\nনাগরিক সনদ\n১ দিন\n২\nওয়ারিশ সনদ\n৩ দিন");
        assert!(records(&page).is_none());
    }
}
