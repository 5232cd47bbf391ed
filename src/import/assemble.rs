//! From pieces of a page to a charter: the office block and title at the top, vision and
//! mission, category and department headings, the service tables (or a numbered list where a
//! page has no table), expectations and the grievance (GRS) table. What finds no place is kept
//! with the reason, to be written as `# import:` comments beside where it belongs.

use super::cells;
use super::columns::{self, Column};
use super::officer;
use super::page::{Cell, Grid, Piece, Row};
use super::text::serial_number;
use super::{Note, Report};
use crate::bangla;
use crate::charter::{
    Category, Charter, DEFAULT_GOVERNMENT, GrievanceStep, Officer, Service, Text,
};

/// What was read: the charter (possibly incomplete: the validator says what it lacks), and the
/// comments to write beside it.
#[derive(Debug, Default)]
pub struct Assembled {
    /// The charter, ids not yet given.
    pub charter: Charter,
    /// Text kept as `# import:` comments at the top of the file.
    pub top: Vec<Note>,
    /// Comments before a service: its category and index there.
    pub before: Vec<(Category, usize, Note)>,
    /// Comments at the end of the file: rows cut off, text after the last table.
    pub end: Vec<Note>,
}

/// Where the walk is in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before the first table, section or vision: the office block and the title.
    Top,
    /// After the vision label, waiting for its text.
    Vision,
    /// After the mission label.
    Mission,
    /// In section 3, the expectations.
    Expectations,
    /// In section 2 or elsewhere.
    Body,
    /// In section 4, the grievance table.
    Grievance,
}

/// Lines a portal page prints around every page: kept, but named as such in the report.
const PAGE_CHROME: &[&str] = &[
    "wellcome to national portal",
    "welcome to national portal",
    "text size",
    "color c c",
    "মেনু নির্বাচন করুন",
    "main comtent skiped",
    "main content skipped",
    "skip to main content",
    "পাতা",
    "পরিকল্পনা ও বাস্তবায়নে",
];

/// Words an office's name holds.
const OFFICE_WORDS: &[&str] = &[
    "কার্যালয়",
    "অফিস",
    "অধিদপ্তর",
    "অধিদফতর",
    "দপ্তর",
    "দফতর",
    "পরিষদ",
    "পৌরসভা",
    "মন্ত্রণালয়",
    "কমিশন",
    "ব্যুরো",
    "কেন্দ্র",
    "ডাকঘর",
    "সেন্টার",
    "বোর্ড",
    "কর্তৃপক্ষ",
    "ইউনিয়ন",
    "সিটি কর্পোরেশন",
    "office",
    "directorate",
    "ministry",
    "parishad",
];

/// The state of the walk.
struct Walk<'a> {
    out: Assembled,
    report: &'a mut Report,
    mode: Mode,
    category: Category,
    section: Option<String>,
    /// Text lines waiting to be placed: a sub-heading if a table follows, unplaced otherwise.
    waiting: Vec<String>,
    officers: Vec<Officer>,
    /// The top block's lines, in order, read when the first table or section comes.
    top_lines: Vec<String>,
    seen_table: bool,
}

/// Reads a charter out of a page's pieces. `cut` says the input ended in the middle of a line.
pub fn assemble(pieces: &[Piece], cut: bool, report: &mut Report) -> Assembled {
    let mut walk = Walk {
        out: Assembled::default(),
        report,
        mode: Mode::Top,
        category: Category::Citizen,
        section: None,
        waiting: Vec::new(),
        officers: Vec::new(),
        top_lines: Vec::new(),
        seen_table: false,
    };
    walk.out.charter.version = 1;
    let has_table = pieces.iter().any(|p| matches!(p, Piece::Table(_)));
    let lines = lines_of(pieces);
    let mut k = 0;
    while k < lines.len() {
        match &lines[k] {
            Line::Table(grid) => walk.table(grid),
            Line::Text(text, heading) => {
                // A numbered list of services, where a page has no table (one sentence each).
                if !has_table
                    && walk.mode != Mode::Expectations
                    && let Some(run) = numbered_run(&lines[k..])
                    && run >= 2
                {
                    let last_cut = cut && k + run == lines.len();
                    walk.run_on(&lines[k..k + run], last_cut);
                    k += run;
                    continue;
                }
                walk.text(text, *heading);
            }
        }
        k += 1;
    }
    walk.finish();
    let Walk {
        mut out, officers, ..
    } = walk;
    out.charter.officers = officers
        .into_iter()
        .enumerate()
        .map(|(i, o)| (format!("officer-{}", i + 1), o))
        .collect();
    out
}

/// A page as a list of lines and tables: each line of a paragraph on its own.
enum Line<'p> {
    Text(String, u8),
    Table(&'p Grid),
}

fn lines_of(pieces: &[Piece]) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { lines: ls, heading } => {
                lines.extend(
                    ls.iter()
                        .filter(|l| !l.is_empty())
                        .map(|l| Line::Text(l.clone(), *heading)),
                );
            }
            Piece::Table(grid) => lines.push(Line::Table(grid)),
        }
    }
    lines
}

/// How many lines from the first form a numbered list 1, 2, 3 (`১। …`).
fn numbered_run(lines: &[Line]) -> Option<usize> {
    let mut expected = 1;
    let mut n = 0;
    for line in lines {
        let Line::Text(text, _) = line else { break };
        match leading_number(text) {
            Some((value, _)) if value == expected => {
                expected += 1;
                n += 1;
            }
            _ => break,
        }
    }
    (n > 0).then_some(n)
}

/// A line's leading item number (`১।`, `1.`) and the text after it.
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let end = text.find(['।', '.', ')'])?;
    let value = serial_number(&text[..end])?;
    let rest = text[end..].chars().skip(1).collect::<String>();
    let rest_at = text.len() - rest.len();
    (text[..end].chars().count() <= 3).then(|| (value, text[rest_at..].trim()))
}

/// Whether a line is a category heading; which.
fn category_heading(text: &str) -> Option<Category> {
    let t = text.to_lowercase();
    if t.contains("প্রাতিষ্ঠানিক সেবা") || t.contains("institutional services")
    {
        Some(Category::Institutional)
    } else if t.contains("অভ্যন্তরীণ সেবা")
        || t.contains("অভ্যন্তরীন সেবা")
        || t.contains("internal services")
    {
        Some(Category::Internal)
    } else if (t.contains("নাগরিক সেবা") || t.contains("citizen services")) && t.chars().count() < 40
    {
        Some(Category::Citizen)
    } else {
        None
    }
}

fn is_title(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "সিটিজেন চার্টার",
        "নাগরিক সনদ",
        "citizen charter",
        "citizen's charter",
        "সেবা প্রদান প্রতিশ্রুতি",
        "নাগরিক অধিকার সনদ",
    ]
    .iter()
    .any(|w| t.contains(w))
        && t.chars().count() <= 60
}

fn is_chrome(text: &str) -> bool {
    let t = text.to_lowercase();
    PAGE_CHROME.iter().any(|c| t.starts_with(c)) || t.trim() == "পাতা"
}

fn is_bengali(text: &str) -> bool {
    text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c))
}

/// A label and what follows it: `ভিশনঃ জনগণের…` gives `জনগণের…`; `ভিশনঃ` alone gives "".
fn after_label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let t = text.trim();
    for label in labels {
        if let Some(rest) = t.strip_prefix(label) {
            let rest = rest.trim_start();
            let rest = rest
                .strip_prefix(['ঃ', ':', '-', '–'])
                .unwrap_or(rest)
                .trim_start()
                .trim_start_matches(['ঃ', ':'])
                .trim_start();
            // `ভিশন ও মিশন` is a heading, not the vision.
            if rest.starts_with("ও ") || rest.starts_with("and ") {
                return None;
            }
            return Some(rest);
        }
    }
    None
}

/// A department sub-heading: a short line naming a বিভাগ or শাখা, or ending in a colon.
fn is_department(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    words <= 8
        && (t.contains("বিভাগ") || t.contains("শাখা") || t.ends_with('ঃ') || t.ends_with(':'))
        && serial_number(t).is_none()
}

/// A date written on a page: `২৪ মার্চ ২০২৩`, `2023-03-24`, `২৪/০৩/২০২৩`; as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    const MONTHS: &[(&[&str], u32)] = &[
        (&["জানুয়ারি", "জানুয়ারী", "january", "jan"], 1),
        (&["ফেব্রুয়ারি", "ফেব্রুয়ারী", "february", "feb"], 2),
        (&["মার্চ", "march", "mar"], 3),
        (&["এপ্রিল", "april", "apr"], 4),
        (&["মে", "may"], 5),
        (&["জুন", "june", "jun"], 6),
        (&["জুলাই", "july", "jul"], 7),
        (&["আগস্ট", "আগষ্ট", "august", "aug"], 8),
        (&["সেপ্টেম্বর", "september", "sep", "sept"], 9),
        (&["অক্টোবর", "october", "oct"], 10),
        (&["নভেম্বর", "november", "nov"], 11),
        (&["ডিসেম্বর", "december", "dec"], 12),
    ];
    let folded = bangla::fold_digits(text).to_lowercase();
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let valid = |y: u32, m: u32, d: u32| {
        (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    for word in &words {
        let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            let (y, m, d) = if parts[0].len() == 4 {
                (n[0], n[1], n[2])
            } else {
                (n[2], n[1], n[0])
            };
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    for (i, word) in words.iter().enumerate() {
        let Some(&(_, month)) = MONTHS.iter().find(|(names, _)| names.contains(word)) else {
            continue;
        };
        let day = i.checked_sub(1).and_then(|p| {
            words[p]
                .trim_end_matches("শে")
                .trim_end_matches('ই')
                .parse()
                .ok()
        });
        let year = words
            .get(i + 1)
            .and_then(|w| w.trim_end_matches('ং').parse().ok());
        if let (Some(d), Some(y)) = (day, year)
            && valid(y, month, d)
        {
            return Some(format!("{y:04}-{month:02}-{d:02}"));
        }
    }
    None
}

impl Walk<'_> {
    fn note(&mut self, text: &str, reason: &str) -> Note {
        let note = Note {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        self.report.unplaced.push(note.clone());
        note
    }

    /// Keeps a line that found no place: before the next service if one follows, else at the
    /// end.
    fn unplaced(&mut self, text: &str, reason: &str) {
        let note = self.note(text, reason);
        if self.mode == Mode::Top && !self.seen_table {
            self.out.top.push(note);
        } else {
            let count = self.out.charter.services.of(self.category).len();
            self.out.before.push((self.category, count, note));
        }
    }

    fn text(&mut self, text: &str, heading: u8) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if is_chrome(text) {
            let note = self.note(text, "the portal's page furniture");
            if self.seen_table {
                self.out.end.push(note);
            } else {
                self.out.top.push(note);
            }
            return;
        }
        if let Some(date) = ["হালনাগাদ", "হাল-নাগাদ", "updated"]
            .iter()
            .any(|w| text.to_lowercase().contains(w))
            .then(|| parse_date(text))
            .flatten()
        {
            self.out.charter.updated = Some(date);
            return;
        }
        // Numbered section headings of the prescribed form.
        let lower = text.to_lowercase();
        if let Some(category) = category_heading(text) {
            self.flush_waiting();
            self.end_top();
            self.category = category;
            self.section = None;
            self.mode = Mode::Body;
            return;
        }
        if lower.contains("ভিশন ও মিশন")
            || lower.contains("রূপকল্প ও অভিলক্ষ্য")
            || lower.contains("vision and mission")
        {
            self.end_top();
            self.mode = Mode::Body;
            return;
        }
        if lower.contains("প্রতিশ্রুত সেবা") || lower.contains("services we promise")
        {
            self.end_top();
            self.mode = Mode::Body;
            return;
        }
        if lower.contains("প্রত্যাশা") && text.chars().count() < 60 || lower.contains("what we expect")
        {
            self.flush_waiting();
            self.end_top();
            self.mode = Mode::Expectations;
            return;
        }
        if (lower.contains("অভিযোগ প্রতিকার")
            || lower.contains("অভিযোগ ব্যবস্থাপনা")
            || lower.contains("(grs)")
            || lower.contains("grievance redress"))
            && text.chars().count() < 80
        {
            self.flush_waiting();
            self.end_top();
            self.mode = Mode::Grievance;
            return;
        }
        if let Some(rest) = after_label(text, &["ভিশন", "রূপকল্প", "Vision"])
        {
            self.end_top();
            if rest.is_empty() {
                self.mode = Mode::Vision;
            } else {
                self.out.charter.vision = Text::Plain(rest.to_string());
                self.mode = Mode::Body;
            }
            return;
        }
        if let Some(rest) = after_label(text, &["মিশন", "অভিলক্ষ্য", "Mission"])
        {
            self.end_top();
            if rest.is_empty() {
                self.mode = Mode::Mission;
            } else {
                self.out.charter.mission = Text::Plain(rest.to_string());
                self.mode = Mode::Body;
            }
            return;
        }
        match self.mode {
            Mode::Vision => {
                self.out.charter.vision = Text::Plain(text.to_string());
                self.mode = Mode::Body;
                return;
            }
            Mode::Mission => {
                self.out.charter.mission = Text::Plain(text.to_string());
                self.mode = Mode::Body;
                return;
            }
            Mode::Expectations => {
                let item = leading_number(text).map_or(text, |(_, rest)| rest);
                let item = item.trim_start_matches(['•', '-', '*']).trim();
                if !item.is_empty() {
                    self.out
                        .charter
                        .expectations
                        .push(Text::Plain(item.to_string()));
                }
                return;
            }
            _ => {}
        }
        if is_title(text) && (self.mode == Mode::Top || !self.seen_table) {
            self.set_title(text);
            return;
        }
        if self.mode == Mode::Top && !self.seen_table {
            self.top_lines.push(text.to_string());
            let _ = heading;
            return;
        }
        self.waiting.push(text.to_string());
    }

    fn set_title(&mut self, text: &str) {
        let title = &mut self.out.charter.title;
        match title {
            None => *title = Some(Text::Plain(text.to_string())),
            Some(Text::Plain(bn)) if !is_bengali(bn) && is_bengali(text) => {
                let en = bn.clone();
                *title = Some(Text::Translated(crate::charter::Translations {
                    bn: text.to_string(),
                    en: Some(en),
                    ..Default::default()
                }));
            }
            Some(Text::Plain(bn)) if is_bengali(bn) && !is_bengali(text) => {
                let bn = bn.clone();
                *title = Some(Text::Translated(crate::charter::Translations {
                    bn,
                    en: Some(text.to_string()),
                    ..Default::default()
                }));
            }
            _ => {
                self.unplaced(text, "a second title");
            }
        }
    }

    /// Reads the top block once the first section, vision or table comes: the government, the
    /// office, its unit and address, and its website, email and phone.
    fn end_top(&mut self) {
        if self.mode != Mode::Top {
            return;
        }
        self.mode = Mode::Body;
        let mut lines = std::mem::take(&mut self.top_lines);
        // The lines right before a table that name a department are its sub-heading.
        let mut department = Vec::new();
        while lines
            .last()
            .is_some_and(|l| is_department(l) && !office_line(l))
        {
            department.push(lines.pop().unwrap_or_default());
        }
        if let Some(nearest) = department.first() {
            self.section = Some(nearest.trim_end_matches(['ঃ', ':']).trim().to_string());
        }
        for other in department.iter().skip(1).rev() {
            let note = self.note(other, "a heading before the table");
            self.out.top.push(note);
        }
        let office = &mut self.out.charter.office;
        let mut rest = Vec::new();
        for line in lines {
            let value = line
                .strip_prefix("Web:")
                .or_else(|| line.strip_prefix("ওয়েব:"))
                .or_else(|| line.strip_prefix("ওয়েবসাইট:"))
                .map_or(line.as_str(), str::trim);
            if office.government.is_none()
                && (line == DEFAULT_GOVERNMENT
                    || (line.contains("সরকার") && line.contains("বাংলাদেশ")))
            {
                office.government = Some(Text::Plain(line.clone()));
            } else if office.website.is_none()
                && bangla::is_website(value)
                && !value.contains('@')
                && value.contains('.')
            {
                office.website = Some(value.to_string());
            } else if office.email.is_none() && bangla::is_email(value) {
                office.email = Some(value.to_string());
            } else if office.phone.is_none()
                // A short code alone could be a year or a post code in a heading line.
                && bangla::parse_phones(value).is_ok_and(|phones| {
                    phones.iter().all(|p| p.kind != bangla::PhoneKind::ShortCode)
                })
            {
                office.phone = Some(value.to_string());
            } else {
                rest.push(line);
            }
        }
        // The office's name: the first line that names an office (or the first line); then
        // its unit and address.
        let name_at = rest
            .iter()
            .position(|l| office_line(l))
            .or((!rest.is_empty()).then_some(0));
        let mut notes = Vec::new();
        if let Some(at) = name_at {
            for line in &rest[..at] {
                notes.push(line.clone());
            }
            let office = &mut self.out.charter.office;
            office.name = Text::Plain(rest[at].clone());
            // The unit and the address: short lines of places (`কাউখালী, পিরোজপুর`) or offices.
            let mut after = rest[at + 1..].iter().peekable();
            let place = |l: &&String| {
                l.split_whitespace().count() <= 12 && (l.contains(',') || office_line(l))
            };
            office.unit = after.next_if(place).map(|l| Text::Plain(l.clone()));
            if office.unit.is_some() {
                office.address = after.next_if(place).map(|l| Text::Plain(l.clone()));
            }
            notes.extend(after.cloned());
        }
        for line in notes {
            let note = self.note(&line, "text at the top of the page");
            self.out.top.push(note);
        }
    }

    fn flush_waiting(&mut self) {
        for line in std::mem::take(&mut self.waiting) {
            self.unplaced(&line, "text between tables");
        }
    }

    fn finish(&mut self) {
        self.end_top();
        for line in std::mem::take(&mut self.waiting) {
            let note = self.note(&line, "text after the last table");
            self.out.end.push(note);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Tables

    fn table(&mut self, grid: &Grid) {
        // Text just before a table that reads like a department is its sub-heading.
        if self.mode == Mode::Top {
            self.end_top();
        }
        if let Some(last) = self.waiting.last()
            && is_department(last)
        {
            let heading = self.waiting.pop().unwrap_or_default();
            self.flush_waiting();
            self.section = Some(heading.trim_end_matches(['ঃ', ':']).trim().to_string());
        } else {
            self.flush_waiting();
        }
        self.seen_table = true;
        let Some((header_at, kinds)) = header(grid) else {
            for row in &grid.rows {
                let text: Vec<String> = row
                    .cells
                    .iter()
                    .map(Cell::text)
                    .filter(|t| !t.is_empty())
                    .collect();
                if !text.is_empty() {
                    self.unplaced(&text.join(" | "), "a table with no charter headings");
                }
            }
            return;
        };
        for (heading, kind) in grid.rows[header_at].cells.iter().zip(&kinds) {
            let heading = heading.text();
            if heading.is_empty() {
                continue;
            }
            let column = (heading, kind.key().to_string());
            if !self.report.columns.contains(&column) {
                self.report.columns.push(column);
            }
        }
        let grievance = kinds.contains(&Column::When)
            || self.mode == Mode::Grievance && !kinds.contains(&Column::Name);
        let headings: Vec<String> = expand(&grid.rows[header_at])
            .iter()
            .map(Cell::text)
            .collect();
        let mut above: Option<Vec<Cell>> = None;
        let mut rows = grid.rows[header_at + 1..].iter().peekable();
        // The column numbers printed under the headings.
        if let Some(next) = rows.peek()
            && is_index_row(next)
        {
            rows.next();
        }
        for row in rows {
            let cells = expand(row);
            if cells.iter().all(Cell::is_empty) {
                continue;
            }
            // The header again, under a department heading: headings in most of its cells, and
            // no serial number in the first.
            let first_is_serial = row
                .cells
                .first()
                .is_some_and(|c| serial_number(&c.text()).is_some());
            if !first_is_serial && is_header_again(row) {
                continue;
            }
            let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
            // One cell of text, no serial: across the table (a short row, a spanning cell) or
            // in the serial's column where a service's name never stands.
            let in_serial_column = row.cells.first().is_some_and(|c| !c.is_empty())
                && kinds.first() == Some(&Column::Serial);
            if filled.len() == 1
                && serial_number(&filled[0].text()).is_none()
                && (row.cells.len() < kinds.len().max(2) || filled[0].span > 1 || in_serial_column)
            {
                // A row across the table: a department's sub-heading.
                self.section = Some(
                    filled[0]
                        .text()
                        .trim_end_matches(['ঃ', ':'])
                        .trim()
                        .to_string(),
                );
                continue;
            }
            let whole: Vec<String> = row.cells.iter().map(Cell::text).collect();
            if row.cut {
                let note = self.note(&whole.join(" | "), "the page ends inside this row");
                self.out.end.push(note);
                continue;
            }
            let mut cells = align(cells, &kinds);
            // Ditto marks copy the cell above.
            if let Some(prev) = &above {
                for (k, cell) in cells.iter_mut().enumerate() {
                    if cells::is_ditto(&cell.text())
                        && let Some(p) = prev.get(k)
                    {
                        *cell = p.clone();
                    }
                }
            }
            above = Some(cells.clone());
            if grievance {
                self.grievance_row(&cells, &kinds, &whole);
            } else {
                self.service_row(&cells, &kinds, &headings, &whole);
            }
        }
    }

    fn service_row(
        &mut self,
        cells: &[Cell],
        kinds: &[Column],
        headings: &[String],
        whole: &[String],
    ) {
        let get = |column: Column| -> Vec<&Cell> {
            kinds
                .iter()
                .zip(cells)
                .filter(|(k, _)| **k == column)
                .map(|(_, c)| c)
                .collect()
        };
        let lines = |column: Column| -> Vec<String> {
            get(column)
                .iter()
                .flat_map(|c| c.lines.clone())
                .filter(|l| !cells::not_applicable(l))
                .collect()
        };
        let name = cells::one_line(&lines(Column::Name));
        if name.is_empty() {
            self.unplaced(&whole.join(" | "), "a row with no service name");
            return;
        }
        let mut service = Service {
            name: Text::Plain(name),
            ..Service::default()
        };
        service.methods = cells::items(&lines(Column::Methods))
            .into_iter()
            .map(Text::Plain)
            .collect();
        let mut documents = cells::items(&lines(Column::Documents));
        documents.extend(cells::items(&lines(Column::DocumentsAndSource)));
        let sources = cells::items(&lines(Column::DocumentSource));
        let (documents, left) = cells::pair_sources(documents, sources);
        service.documents = documents;
        let fee = cells::one_line(&lines(Column::Fee));
        if !fee.is_empty() {
            service.fee = Text::Plain(fee);
        }
        let time = cells::one_line(&lines(Column::TimeLimit));
        if !time.is_empty() {
            service.time_limit = Text::Plain(time);
        }
        let place = cells::one_line(&lines(Column::Place));
        service.place = (!place.is_empty()).then_some(Text::Plain(place));
        // Remarks: the remarks column, then any column the format has no field for, headed.
        let mut remarks = vec![cells::one_line(&lines(Column::Remarks))];
        for (k, kind) in kinds.iter().enumerate() {
            if *kind == Column::Other
                && !cells[k].is_empty()
                && !cells::not_applicable(&cells[k].text())
            {
                let heading = headings.get(k).map_or("", String::as_str);
                if heading.is_empty() {
                    remarks.push(cells[k].text());
                } else {
                    remarks.push(format!("{heading}: {}", cells[k].text()));
                }
            }
        }
        remarks.extend(left.into_iter().map(|s| format!("প্রাপ্তিস্থান: {s}")));
        remarks.retain(|r| !r.is_empty());
        service.remarks = (!remarks.is_empty()).then(|| Text::Plain(remarks.join("; ")));
        let officer_lines = lines(Column::Officer);
        let mut whom = officer_lines;
        whom.extend(lines(Column::Whom));
        if !whom.is_empty() {
            let mut parsed = officer::parse(&whom);
            let room = cells::one_line(&lines(Column::Room));
            if !room.is_empty() {
                parsed.officer.room = Some(Text::Plain(room));
            }
            service.officer = self.officer(parsed, whole);
        }
        let superior = lines(Column::Superior);
        if !superior.is_empty() {
            let parsed = officer::parse(&superior);
            service.superior = Some(self.officer(parsed, whole));
        }
        service.section = self.section.clone().map(Text::Plain);
        self.out
            .charter
            .services
            .of_mut(self.category)
            .push(service);
    }

    fn grievance_row(&mut self, cells: &[Cell], kinds: &[Column], whole: &[String]) {
        let lines = |columns: &[Column]| -> Vec<String> {
            kinds
                .iter()
                .zip(cells)
                .filter(|(k, _)| columns.contains(k))
                .flat_map(|(_, c)| c.lines.clone())
                .collect()
        };
        let when = cells::one_line(&lines(&[Column::When, Column::Name]));
        if when.is_empty() {
            self.unplaced(&whole.join(" | "), "a grievance row with no \"when\"");
            return;
        }
        let whom = lines(&[Column::Whom, Column::Officer, Column::Address]);
        let officer = if whom.is_empty() {
            String::new()
        } else {
            self.officer(officer::parse(&whom), whole)
        };
        self.out.charter.grievance.push(GrievanceStep {
            when: Text::Plain(when),
            officer,
            time_limit: Text::Plain(cells::one_line(&lines(&[Column::TimeLimit]))),
        });
    }

    /// The placeholder id of an officer, the same officer read twice being one.
    fn officer(&mut self, parsed: officer::Parsed, whole: &[String]) -> String {
        for rest in parsed.rest {
            self.unplaced(&rest, "officer text no field took");
        }
        let _ = whole;
        let officer = parsed.officer;
        let at = match self.officers.iter().position(|o| *o == officer) {
            Some(at) => at,
            None => {
                self.officers.push(officer);
                self.officers.len() - 1
            }
        };
        format!("officer-{}", at + 1)
    }

    // -----------------------------------------------------------------------------------------
    // A numbered list of services, on a page with no table

    fn run_on(&mut self, lines: &[Line], last_cut: bool) {
        self.end_top();
        for (k, line) in lines.iter().enumerate() {
            let Line::Text(text, _) = line else { continue };
            let body = leading_number(text).map_or(text.as_str(), |(_, rest)| rest);
            let cut = last_cut && k + 1 == lines.len() && !body.ends_with(['।', '.', ')']);
            if cut {
                let note = self.note(text, "the page ends inside this item");
                self.out.end.push(note);
                continue;
            }
            let (name, time, remarks) = split_run_on(body);
            let service = Service {
                name: Text::Plain(name),
                time_limit: time.map(Text::Plain).unwrap_or_default(),
                remarks: remarks.map(Text::Plain),
                section: self.section.clone().map(Text::Plain),
                ..Service::default()
            };
            self.out
                .charter
                .services
                .of_mut(self.category)
                .push(service);
        }
    }
}

/// Whether a line names an office (its name or its unit).
fn office_line(line: &str) -> bool {
    let l = line.to_lowercase();
    OFFICE_WORDS.iter().any(|w| l.contains(w))
}

/// Splits a numbered sentence into name, time limit and what follows: at ` -০২ দিন` when the
/// time follows a dash, else the whole sentence is the name and the time limit is the duration
/// it states (`সর্বোচ্চ ১৫ দিন`).
fn split_run_on(body: &str) -> (String, Option<String>, Option<String>) {
    if let Some(at) = body.find(" -")
        && let Some(len) = duration_at(&body[at + 2..])
    {
        let name = body[..at].trim().to_string();
        let time_end = at + 2 + len;
        let time = body[at + 1..time_end].trim().to_string();
        let rest = body[time_end..].trim().trim_start_matches('।').trim();
        return (
            name,
            Some(time),
            (!rest.is_empty()).then(|| rest.to_string()),
        );
    }
    let words: Vec<(usize, &str)> = body
        .match_indices(|c: char| !c.is_whitespace())
        .map(|(i, _)| (i, &body[i..]))
        .collect();
    let _ = words;
    let time = find_duration(body);
    (body.trim().to_string(), time, None)
}

/// The length of a duration at the start of `text`: a number (digits or a number word) and a
/// unit of time (`০২ দিন`, `৩০-৪০দিন`).
fn duration_at(text: &str) -> Option<usize> {
    const UNITS: &[&str] = &[
        "কার্যদিবস",
        "কর্মদিবস",
        "দিন",
        "ঘন্টা",
        "ঘণ্টা",
        "মাস",
        "সপ্তাহ",
        "মিনিট",
        "বছর",
    ];
    let t = text.trim_start();
    let skipped = text.len() - t.len();
    let number_len: usize = t
        .char_indices()
        .take_while(|(_, c)| bangla::digit_value(*c).is_some() || *c == '-')
        .map(|(_, c)| c.len_utf8())
        .sum();
    if number_len == 0 {
        return None;
    }
    let after = &t[number_len..];
    let gap = after.len() - after.trim_start().len();
    let after = after.trim_start();
    let unit = UNITS.iter().find(|u| after.starts_with(**u))?;
    // The unit with its ending (`দিনের`), up to the next space.
    let word_len = after
        .find(char::is_whitespace)
        .unwrap_or(after.len())
        .max(unit.len());
    let word = &after[..word_len];
    let word = word.trim_end_matches(['।', ',', ')']);
    Some(skipped + number_len + gap + word.len())
}

/// A duration stated inside a sentence, with the word before it when that says "at most".
fn find_duration(text: &str) -> Option<String> {
    const BEFORE: &[&str] = &["সর্বোচ্চ", "অনধিক", "অনূর্ধ্ব"];
    const NUMBER_WORDS: &[&str] = &["এক", "দুই", "তিন", "চার", "পাঁচ", "ছয়", "সাত", "আট", "নয়", "দশ"];
    let words = super::officer::word_offsets(text);
    for (k, &(at, word)) in words.iter().enumerate() {
        let starts_number = word
            .chars()
            .next()
            .is_some_and(|c| bangla::digit_value(c).is_some());
        let number_word = NUMBER_WORDS.contains(&word);
        if !(starts_number || number_word) {
            continue;
        }
        let len = if number_word {
            let next = words.get(k + 1)?;
            duration_at(&format!("১ {}", next.1))
                .map(|_| next.0 + next.1.trim_end_matches(['।', ',', ')']).len() - at)
        } else {
            duration_at(&text[at..])
        };
        let Some(len) = len else { continue };
        let start = match k.checked_sub(1).map(|p| words[p]) {
            Some((p, w)) if BEFORE.contains(&w) => p,
            _ => at,
        };
        return Some(text[start..at + len].to_string());
    }
    None
}

/// Finds the header row of a table: among its first rows, the one whose cells name the most
/// columns (at least two, one of them its content).
fn header(grid: &Grid) -> Option<(usize, Vec<Column>)> {
    let mut best: Option<(usize, Vec<Column>, usize)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(4) {
        let cells = expand(row);
        let raw: Vec<Option<Column>> = cells.iter().map(|c| columns::classify(&c.text())).collect();
        let known = raw
            .iter()
            .flatten()
            .filter(|k| !matches!(k, Column::Other | Column::Continuation))
            .count();
        let content = raw.iter().flatten().any(|k| {
            matches!(
                k,
                Column::Name | Column::When | Column::Methods | Column::Fee | Column::TimeLimit
            )
        });
        if known >= 2 && content && best.as_ref().is_none_or(|b| known > b.2) {
            let mut kinds: Vec<Column> = Vec::with_capacity(raw.len());
            for kind in raw {
                match kind {
                    // A heading continued in the next cell counts once, its cell then empty.
                    Some(Column::Continuation) => kinds.push(Column::Other),
                    Some(kind) => kinds.push(kind),
                    None => kinds.push(Column::Other),
                }
            }
            // Without a "when" column, "whom to contact" is the responsible officer.
            if !kinds.contains(&Column::When) {
                for k in kinds.iter_mut() {
                    if *k == Column::Whom {
                        *k = Column::Officer;
                    }
                }
            }
            best = Some((r, kinds, known));
        }
    }
    best.map(|(r, kinds, _)| (r, kinds))
}

/// A row's cells with spanned columns repeated as empty cells, so that cells line up with
/// headings.
fn expand(row: &Row) -> Vec<Cell> {
    let mut out = Vec::new();
    for cell in &row.cells {
        out.push(Cell {
            lines: cell.lines.clone(),
            span: 1,
        });
        for _ in 1..cell.span.max(1) {
            out.push(Cell {
                lines: Vec::new(),
                span: 1,
            });
        }
    }
    out
}

/// Whether a row repeats a table's headings: most of its cells name columns.
fn is_header_again(row: &Row) -> bool {
    let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    let known = filled
        .iter()
        .filter(|c| columns::classify(&c.text()).is_some_and(|k| k != Column::Other))
        .count();
    header(&Grid {
        rows: vec![row.clone()],
        ragged: false,
    })
    .is_some()
        && known * 3 >= filled.len() * 2
}

/// Lines up a data row with the columns: a row one cell short with no serial is a sub-row of
/// the one before (`(খ) ব্যবসায়ীক`), its serial cell merged away; a short row is padded.
fn align(mut cells: Vec<Cell>, kinds: &[Column]) -> Vec<Cell> {
    let serial_first = kinds.first() == Some(&Column::Serial);
    if serial_first
        && cells.len() + 1 == kinds.len()
        && cells
            .first()
            .is_some_and(|c| serial_number(&c.text()).is_none())
    {
        cells.insert(
            0,
            Cell {
                lines: Vec::new(),
                span: 1,
            },
        );
    }
    while cells.len() < kinds.len() {
        cells.push(Cell {
            lines: Vec::new(),
            span: 1,
        });
    }
    cells
}

/// A row of column numbers under the headings: `০১ ০২ …` or `(ক) (খ) …`.
fn is_index_row(row: &Row) -> bool {
    let mut expected = 1;
    let mut numbers = 0;
    for cell in &row.cells {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        for part in text.split(" ও ") {
            match serial_number(part) {
                Some(n) if n == expected => expected += 1,
                _ => return false,
            }
            numbers += 1;
        }
    }
    numbers >= 3 && numbers * 2 > row.cells.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them() {
        assert_eq!(
            parse_date("সর্ব-শেষ হাল-নাগাদ: ২৪ মার্চ ২০২৩").as_deref(),
            Some("2023-03-24")
        );
        assert_eq!(
            parse_date("সর্বশেষ হালনাগাদ: ২০২৪-০৭-০১").as_deref(),
            Some("2024-07-01")
        );
        assert_eq!(
            parse_date("Last updated: 01/07/2024").as_deref(),
            Some("2024-07-01")
        );
        assert_eq!(parse_date("হালনাগাদ করা হয়েছে"), None);
    }

    #[test]
    fn run_on_sentences() {
        let (name, time, rest) =
            split_run_on("কেন্দ্রীয় পত্র গ্রহণ ও বিতরণ -০২ দিন ( জেলা প্রশাসক মহোদয়ের স্বাক্ষর সাপেক্ষে)");
        assert_eq!(name, "কেন্দ্রীয় পত্র গ্রহণ ও বিতরণ");
        assert_eq!(time.as_deref(), Some("-০২ দিন"));
        assert_eq!(rest.as_deref(), Some("( জেলা প্রশাসক মহোদয়ের স্বাক্ষর সাপেক্ষে)"));
        let (_, time, _) =
            split_run_on("এনজিওদের নিবন্ধন সংক্রান্ত প্রতিবেদন প্রেরণ করা হয়। সর্বোচ্চ ১৫ দিন তদন্ত সাপেক্ষে।");
        assert_eq!(time.as_deref(), Some("সর্বোচ্চ ১৫ দিন"));
        let (_, time, _) = split_run_on("আবেদন প্রাপ্তির সাত দিনের মধ্যে প্রেরণ।");
        assert_eq!(time.as_deref(), Some("সাত দিনের"));
    }
}
