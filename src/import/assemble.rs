//! From pieces of a page to a charter: the office block and title at the top, vision and
//! mission, category and department headings, the service tables (or a numbered list where a
//! page has no table), expectations and the grievance (GRS) table. What finds no place is kept
//! with the reason, to be written as `# import:` comments beside where it belongs.

use super::cells;
use super::columns::{self, Column};
use super::officer;
use super::page::{Cell, Grid, Piece, Row};
use super::spaced;
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
    /// After the vision's first line: a vision written over several lines goes on.
    VisionMore,
    /// After the mission's first line.
    MissionMore,
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
    /// The office a title names (`… পরিষদের নাগরিক সনদ`), for a page whose top names none.
    title_office: Option<String>,
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
        title_office: None,
    };
    walk.out.charter.version = 1;
    // A list of services is read where no table is one of services (a page may have a table of
    // opening hours or staff beside its list).
    let has_table = pieces
        .iter()
        .any(|p| matches!(p, Piece::Table(g) if header(g).is_some()));
    let lines = lines_of(pieces);
    let mut k = 0;
    while k < lines.len() {
        match &lines[k] {
            Line::Table(grid) => walk.table(grid),
            Line::Text(text, heading) => {
                // A table that lost its cell boundaries: a header line, then a row a line.
                if !has_table && spaced::is_header(text) {
                    // The rows on the header's own line.
                    if let Some((header, rows)) = spaced::inline_rows(text)
                        && spaced::is_header(&header)
                    {
                        let rows: Vec<Line> =
                            rows.into_iter().map(|r| Line::Text(r, *heading)).collect();
                        let last_cut = cut && k + 1 == lines.len();
                        walk.spaced_table(&header, &rows, last_cut);
                        k += 1;
                        continue;
                    }
                    let rows = spaced_rows(&lines[k + 1..]);
                    if rows >= 2 {
                        let last_cut = cut && k + 1 + rows == lines.len();
                        walk.spaced_table(text, &lines[k + 1..k + 1 + rows], last_cut);
                        k += 1 + rows;
                        continue;
                    }
                }
                // A numbered list of services, where a page has no table (one sentence each).
                if !has_table
                    && !matches!(
                        walk.mode,
                        Mode::Expectations
                            | Mode::Vision
                            | Mode::Mission
                            | Mode::VisionMore
                            | Mode::MissionMore
                    )
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
                for line in ls.iter().filter(|l| !l.is_empty()) {
                    lines.extend(
                        inline_items(line)
                            .into_iter()
                            .map(|l| Line::Text(l, *heading)),
                    );
                }
            }
            Piece::Table(grid) => lines.push(Line::Table(grid)),
        }
    }
    lines
}

/// How many lines from the first form a list: numbered 1, 2, 3 (`১। …`), or marked with
/// bullets (`•`, `·`, `➢`). A line that is neither, between two items, continues the item
/// before it (a sentence wrapped onto a second line).
fn numbered_run(lines: &[Line]) -> Option<usize> {
    let text_at = |k: usize| match lines.get(k) {
        Some(Line::Text(text, _)) => Some(text.as_str()),
        _ => None,
    };
    let first = text_at(0)?;
    let bullets = bullet(first).is_some();
    let mut expected = 1;
    let mut n = 0;
    let mut k = 0;
    while let Some(text) = text_at(k) {
        let item = if bullets {
            bullet(text).is_some()
        } else {
            leading_number(text).is_some_and(|(value, _)| value == expected)
        };
        if item {
            expected += 1;
            k += 1;
            n = k;
            continue;
        }
        // One wrapped line, when the next item follows it.
        let next_is_item = text_at(k + 1).is_some_and(|next| {
            if bullets {
                bullet(next).is_some()
            } else {
                leading_number(next).is_some_and(|(value, _)| value == expected)
            }
        });
        // A wrapped line ends the sentence its item left open (`…অত্যাবশ্যকীয়` +
        // `স্বাস্থ্য সেবা প্রদান করা হয়।`); a line that does not is a cell of its own.
        let left_open = k
            .checked_sub(1)
            .and_then(text_at)
            .is_some_and(|prev| !prev.trim_end().ends_with(['।', '.']));
        let ends = text.trim_end().ends_with('।');
        if n > 0
            && next_is_item
            && left_open
            && ends
            && bullet(text).is_none()
            && leading_number(text).is_none()
        {
            k += 1;
            continue;
        }
        break;
    }
    (n > 0 && (!bullets || expected > 3)).then_some(n)
}

/// How many lines from the first are rows numbered 1, 2, 3 at their start (`1 …`, `২.…`).
fn spaced_rows(lines: &[Line]) -> usize {
    let mut n = 0;
    for line in lines {
        match line {
            Line::Text(text, _) if spaced::row_start(text, n as u32 + 1).is_some() => n += 1,
            _ => break,
        }
    }
    n
}

/// A line's text after its bullet (`• `, `· `, `➢ `), if it has one.
fn bullet(text: &str) -> Option<&str> {
    const BULLETS: &[char] = &[
        '•', '·', '●', '▪', '■', '◆', '◊', '➢', '➤', '►', '✓', '✔', '○', '◦', '*',
    ];
    let t = text.trim_start();
    let rest = t.strip_prefix(BULLETS)?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// A paragraph that numbers its items inline (`কি সেবা পাবেন ০১) কৃষি… ০২) বিভিন্ন…`), split into
/// its lead and one line per item; any other line as it is. Three items numbered from 1 in
/// sequence make such a paragraph.
fn inline_items(line: &str) -> Vec<String> {
    let marks = item_marks(line);
    if marks.len() < 3 {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let lead = line[..marks[0]].trim();
    if !lead.is_empty() {
        out.push(lead.to_string());
    }
    for (k, &at) in marks.iter().enumerate() {
        let end = marks.get(k + 1).copied().unwrap_or(line.len());
        out.push(line[at..end].trim().to_string());
    }
    out
}

/// Where a line numbers items `১)`, `২)`, `৩)` (or `0১)`, `1.`) in sequence from 1, after a
/// space or at its start: the byte offsets of the marks.
fn item_marks(line: &str) -> Vec<usize> {
    let mut marks = Vec::new();
    let mut expected = 1;
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (at, c) = bytes[k];
        let starts_word = k == 0 || bytes[k - 1].1.is_whitespace();
        if starts_word && bangla::digit_value(c).is_some() {
            let mut end = k;
            let mut value: u32 = 0;
            while end < bytes.len()
                && let Some(d) = bangla::digit_value(bytes[end].1)
            {
                value = value.saturating_mul(10).saturating_add(d);
                end += 1;
            }
            if end - k <= 3
                && value == expected
                && bytes.get(end).is_some_and(|(_, m)| matches!(m, ')' | '।'))
            {
                marks.push(at);
                expected += 1;
            }
            k = end.max(k + 1);
            continue;
        }
        k += 1;
    }
    marks
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

/// A label and what follows it: `ভিশনঃ জনগণের…` gives `জনগণের…`; `ভিশনঃ` alone gives "". The
/// label may be numbered (`ক)`, `১.১)`) and followed by its English in brackets
/// (`রূপকল্প (Vision):`).
fn after_label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let t = cells::strip_enumeration(text.trim());
    for label in labels {
        if let Some(rest) = t.strip_prefix(label) {
            let mut rest = rest.trim_start();
            if let Some(inner) = rest.strip_prefix('(')
                && let Some(close) = inner.find(')')
                && inner[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ')
            {
                rest = inner[close + 1..].trim_start();
            }
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

/// Whether `line` goes on with a vision or mission stated so far: the statement stopped
/// mid-sentence, or the line is one more sentence or list item of it (it ends as a sentence does,
/// where a heading does not).
fn continues_statement(so_far: &str, line: &str) -> bool {
    if is_title(line) || line.chars().count() > 600 {
        return false;
    }
    let ends_sentence = |t: &str| t.trim_end().ends_with(['।', ';', '.', '!', '?', '”', '"']);
    !ends_sentence(so_far) || ends_sentence(line)
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
                self.mode = Mode::VisionMore;
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
                self.mode = Mode::MissionMore;
            }
            return;
        }
        match self.mode {
            Mode::Vision => {
                self.out.charter.vision = Text::Plain(text.to_string());
                self.mode = Mode::VisionMore;
                return;
            }
            Mode::Mission => {
                self.out.charter.mission = Text::Plain(text.to_string());
                self.mode = Mode::MissionMore;
                return;
            }
            Mode::VisionMore | Mode::MissionMore => {
                let field = if self.mode == Mode::VisionMore {
                    &mut self.out.charter.vision
                } else {
                    &mut self.out.charter.mission
                };
                if let Text::Plain(so_far) = field
                    && continues_statement(so_far, text)
                {
                    so_far.push(' ');
                    so_far.push_str(text);
                    return;
                }
                self.mode = Mode::Body;
            }
            Mode::Expectations => {
                let item = bullet(text).unwrap_or(text);
                let item = leading_number(item).map_or(item, |(_, rest)| rest);
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
        if self.title_office.is_none() {
            self.title_office = office_in_title(text);
        }
        let title = &mut self.out.charter.title;
        match title {
            None => *title = Some(Text::Plain(text.to_string())),
            Some(Text::Plain(bn)) if !is_bengali(bn) && is_bengali(text) => {
                let en = bn.clone();
                *title = Some(Text::Translated(Box::new(crate::charter::Translations {
                    bn: text.to_string(),
                    en: Some(en),
                    ..Default::default()
                })));
            }
            Some(Text::Plain(bn)) if is_bengali(bn) && !is_bengali(text) => {
                let bn = bn.clone();
                *title = Some(Text::Translated(Box::new(crate::charter::Translations {
                    bn,
                    en: Some(text.to_string()),
                    ..Default::default()
                })));
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
            .is_some_and(|l| is_department(l) && !officer::names_office(l))
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
        let name_at = rest.iter().position(|l| office_name_in(l).is_some());
        let mut notes = Vec::new();
        if name_at.is_none()
            && let Some(name) = self.title_office.take()
        {
            self.out.charter.office.name = Text::Plain(name);
        }
        if name_at.is_none() {
            notes.append(&mut rest);
        }
        if let Some(at) = name_at {
            for line in &rest[..at] {
                notes.push(line.clone());
            }
            let office = &mut self.out.charter.office;
            office.name = Text::Plain(office_name_in(&rest[at]).unwrap_or_default());
            // The unit and the address: short lines of places (`কাউখালী, পিরোজপুর`) or offices.
            let mut after = rest[at + 1..].iter().peekable();
            let place = |l: &&String| {
                l.split_whitespace().count() <= 12 && (l.contains(',') || officer::names_office(l))
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
            if !first_is_serial && is_header_again(row, &headings) {
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
        // A name numbered in its own cell (`১. জাতীয়তা সনদ`): the number is the serial's.
        let name = match cells::without_marks(&name) {
            bare if !bare.is_empty() => bare.to_string(),
            _ => name,
        };
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
        // Several officers in one cell, listed (`১) … ২) …`): the service has one officer, the
        // first; the others are kept in its remarks and said in the report.
        if whom.first().is_some_and(|l| cells::list_mark(l).is_some()) {
            let listed: Vec<String> = cells::items(&whom)
                .into_iter()
                .map(|item| cells::without_marks(&item).to_string())
                .collect();
            if listed.len() > 1 {
                let others = listed[1..].join("; ");
                let note = format!("অন্য দায়িত্বপ্রাপ্ত: {others}");
                service.remarks = Some(Text::Plain(match service.remarks.take() {
                    Some(r) => format!("{}; {note}", r.bn()),
                    None => note,
                }));
                self.report.unsure.push(super::Note {
                    text: whom.join(" "),
                    reason: format!(
                        "{} officers in one cell: the first is the service's officer, the others are in its remarks",
                        listed.len()
                    ),
                });
            }
            whom = listed.into_iter().take(1).collect();
        }
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
        let role = lines(&[Column::Whom, Column::Officer]);
        let address = lines(&[Column::Address]);
        let officer = match (role.is_empty(), address.is_empty()) {
            (true, true) => String::new(),
            (false, true) => self.officer(officer::parse(&role), whole),
            (true, false) => self.officer(officer::parse(&address), whole),
            // The role (অভিযোগ নিষ্পত্তি কর্মকর্তা) is the post; the address names the person,
            // their own post and office, and the contacts.
            (false, false) => {
                let parsed = officer::with_address(officer::parse(&role), officer::parse(&address));
                self.officer(parsed, whole)
            }
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

    /// A table with no cell boundaries (see [`spaced`]): each row split by its words.
    fn spaced_table(&mut self, header: &str, rows: &[Line], last_cut: bool) {
        self.end_top();
        let note = self.note(header, "the headings of a table with no cell boundaries");
        self.out.top.push(note);
        for (k, line) in rows.iter().enumerate() {
            let Line::Text(text, _) = line else { continue };
            let body = spaced::row_start(text, k as u32 + 1).unwrap_or(text);
            if last_cut && k + 1 == rows.len() {
                let note = self.note(text, "the page ends inside this row");
                self.out.end.push(note);
                continue;
            }
            let fields = spaced::split(body);
            let mut service = Service {
                name: Text::Plain(fields.name),
                methods: fields.method.into_iter().map(Text::Plain).collect(),
                fee: fields.fee.map(Text::Plain).unwrap_or_default(),
                time_limit: fields.time_limit.map(Text::Plain).unwrap_or_default(),
                section: self.section.clone().map(Text::Plain),
                ..Service::default()
            };
            if let Some(post) = fields.officer {
                service.officer = self.officer(officer::parse(&[post]), &[]);
            }
            self.report.unsure.push(super::Note {
                text: text.clone(),
                reason: "a row with no cell boundaries, split by its words: check name, method, fee and time".into(),
            });
            self.out
                .charter
                .services
                .of_mut(self.category)
                .push(service);
        }
    }

    fn run_on(&mut self, lines: &[Line], last_cut: bool) {
        // A list under a heading of papers or of ways to get a service lists no services.
        let heading = self
            .waiting
            .last()
            .or(self.top_lines.last())
            .map(|h| columns::classify(h.trim_end_matches([':', 'ঃ'])));
        self.end_top();
        if matches!(
            heading,
            Some(Some(
                Column::Methods | Column::Documents | Column::DocumentsAndSource
            ))
        ) {
            for line in lines {
                if let Line::Text(text, _) = line {
                    self.unplaced(text, "a list under a heading that names no services");
                }
            }
            return;
        }
        // Each item with the wrapped lines after it.
        let mut items: Vec<String> = Vec::new();
        for line in lines {
            let Line::Text(text, _) = line else { continue };
            let body = bullet(text)
                .or_else(|| leading_number(text).map(|(_, rest)| rest))
                .map(str::to_string);
            match (body, items.last_mut()) {
                (Some(body), _) => items.push(body),
                (None, Some(last)) => {
                    last.push(' ');
                    last.push_str(text.trim());
                }
                (None, None) => items.push(text.trim().to_string()),
            }
        }
        let count = items.len();
        for (k, body) in items.into_iter().enumerate() {
            let cut = last_cut && k + 1 == count && !body.ends_with(['।', '.', ')']);
            if cut {
                let note = self.note(&body, "the page ends inside this item");
                self.out.end.push(note);
                continue;
            }
            let (name, time, remarks) = split_run_on(&body);
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

/// The office's name a line of the page's top gives: the line itself when it names an office
/// and reads as a name (short, no sentence, no `label:`), the part after a label that says it
/// is the name (`দপ্তরের নামঃ …`), or the part before the first comma of a long line.
fn office_name_in(line: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "দপ্তরের নাম",
        "অফিসের নাম",
        "কার্যালয়ের নাম",
        "প্রতিষ্ঠানের নাম",
        "Name of the office",
        "Name of office",
        "Office name",
    ];
    let line = line.trim();
    let line = after_label(line, LABELS).unwrap_or(line);
    let lower = line.to_lowercase();
    // A heading (`অফিস সময়`) is no name, unless it ends as an office's name does
    // (`Upazila Executive Officer's Office`).
    let ends_as_office = line
        .split_whitespace()
        .last()
        .is_some_and(officer::names_office);
    if line.contains([':', 'ঃ', '|'])
        || columns::classify(line).is_some() && !ends_as_office
        || line.ends_with('।') && line.split_whitespace().count() > 6
        || lower.contains("www")
        || lower.contains("http")
        || line.contains("লিংক")
        || line.contains('@')
    {
        return None;
    }
    let line = match line.find(',') {
        Some(comma) if line.chars().count() > 60 => line[..comma].trim(),
        _ => line,
    };
    (officer::names_office(line)
        && line.chars().count() <= 80
        && line.split_whitespace().count() <= 12)
        .then(|| line.to_string())
}

/// The office a title names before its charter words: `০৭নং … ইউনিয়ন পরিষদের নাগরিক সনদ` gives
/// `০৭নং … ইউনিয়ন পরিষদ`; `উপজেলা স্বাস্থ্য কমপ্লেক্স এর সিটিজেন চার্টার` gives the complex.
fn office_in_title(title: &str) -> Option<String> {
    const CHARTER: &[&str] = &["সিটিজেন চার্টার", "নাগরিক সনদ", "সেবা প্রদান প্রতিশ্রুতি"];
    let title = cells::strip_enumeration(title.trim());
    let at = CHARTER.iter().filter_map(|c| title.find(c)).min()?;
    let before = title[..at]
        .trim_end_matches([' ', '-', '’', '\''])
        .trim_end();
    let before = before
        .strip_suffix(" এর")
        .or_else(|| before.strip_suffix("-এর"))
        .or_else(|| before.strip_suffix("ের"))
        .unwrap_or(before)
        .trim();
    office_name_in(before)
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
    // `পেনশন পরিশোধ: প্রতিমাসের ৩ তারিখ`: a name, a colon and when.
    if let Some(colon) = body.find([':', 'ঃ'])
        && body[..colon].chars().count() <= 80
    {
        let when = body[colon..]
            .trim_start_matches([':', 'ঃ', '-', ' '])
            .trim();
        if !when.is_empty()
            && !matches!(
                bangla::time_limit_kind(when).0,
                bangla::TimeKind::Unstated | bangla::TimeKind::Conditional
            )
        {
            return (
                body[..colon].trim().to_string(),
                Some(when.to_string()),
                None,
            );
        }
    }
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
        // A duration is a time limit only when bounded: `সর্বোচ্চ ১৫ দিন`, `৭ দিনের মধ্যে`.
        // `২৪ ঘন্টা খোলা` and `০-৫ বছর বয়সী` say something else.
        let (start, bounded) = match k.checked_sub(1).map(|p| words[p]) {
            Some((p, w)) if BEFORE.contains(&w) => (p, true),
            _ => (at, false),
        };
        let within = text[at + len..].trim_start().starts_with("মধ্যে")
            || text[at + len..].trim_start().starts_with("এর মধ্যে");
        if !(bounded || within) {
            continue;
        }
        return Some(text[start..at + len].to_string());
    }
    None
}

/// Finds the header row of a table: among its first rows, the one whose cells name the most
/// columns (at least two, one of them its content).
fn header(grid: &Grid) -> Option<(usize, Vec<Column>)> {
    let mut best: Option<(usize, Vec<Column>, usize)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(4) {
        // A numbered row is data, whatever words its cells hold.
        if row
            .cells
            .first()
            .is_some_and(|c| serial_number(&c.text()).is_some())
        {
            continue;
        }
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
            let below: Vec<Vec<Cell>> = if raw.contains(&None) {
                grid.rows[r + 1..].iter().map(expand).collect()
            } else {
                Vec::new()
            };
            let mut kinds: Vec<Column> = Vec::with_capacity(raw.len());
            for (k, kind) in raw.iter().enumerate() {
                match kind {
                    // A heading continued in the next cell counts once, its cell then empty.
                    Some(Column::Continuation) => kinds.push(Column::Other),
                    Some(kind) => kinds.push(*kind),
                    // A heading this tool does not know: what its cells hold decides.
                    None => kinds.push(
                        content_kind(&column_texts(below.iter().map(Vec::as_slice), k))
                            .unwrap_or(Column::Other),
                    ),
                }
            }
            // Posts in a column after the officer's: whom to appeal to.
            let officer_at = raw.iter().position(|k| *k == Some(Column::Officer));
            for (k, kind) in kinds.iter_mut().enumerate() {
                if raw[k].is_none()
                    && *kind == Column::Officer
                    && let Some(at) = officer_at
                {
                    *kind = if k > at {
                        Column::Superior
                    } else {
                        Column::Other
                    };
                }
            }
            // Two name columns (`কার্যক্রম`, `সেবার ধরণ`): the one that says সেবা names the
            // service.
            let names: Vec<usize> = (0..kinds.len())
                .filter(|&k| kinds[k] == Column::Name)
                .collect();
            if names.len() > 1
                && let Some(&service) = names.iter().find(|&&k| cells[k].text().contains("সেবা"))
            {
                for k in names {
                    if k != service {
                        kinds[k] = Column::Other;
                    }
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
        .or_else(|| by_content(grid))
}

/// The columns of a table whose headings this tool does not know (or that has none), read from
/// what its cells hold: rows that start with serial numbers are data; a column of time limits
/// is the time limit, one of short fees the fee, one of post titles the officer, and the first
/// column of text after the serial is the name. Headings it does know still decide their
/// column. `None` unless most rows are numbered and some column reads as a name.
fn by_content(grid: &Grid) -> Option<(usize, Vec<Column>)> {
    let rows: Vec<Vec<Cell>> = grid.rows.iter().map(expand).collect();
    let width = rows.iter().map(Vec::len).max()?;
    let numbered = |r: &Vec<Cell>| {
        r.first()
            .is_some_and(|c| serial_number(&c.text()).is_some())
    };
    let header_at = rows.iter().position(numbered)?.checked_sub(1)?;
    let data: Vec<&Vec<Cell>> = rows[header_at + 1..]
        .iter()
        .filter(|r| r.iter().filter(|c| !c.is_empty()).count() > 1)
        .collect();
    let numbered_rows = data.iter().filter(|r| numbered(r)).count();
    if numbered_rows < 2 || numbered_rows * 3 < data.len() * 2 {
        return None;
    }
    let headings = &rows[header_at];
    let mut kinds = vec![Column::Other; width];
    kinds[0] = Column::Serial;
    let cells_of = |k: usize| column_texts(data.iter().map(|r| r.as_slice()), k);
    for (k, kind) in kinds.iter_mut().enumerate().skip(1) {
        let known = headings
            .get(k)
            .and_then(|h| columns::classify(&h.text()))
            .filter(|c| !matches!(c, Column::Other | Column::Continuation));
        if let Some(known) = known {
            *kind = known;
            continue;
        }
        if let Some(by_cells) = content_kind(&cells_of(k)) {
            *kind = by_cells;
        }
    }
    if !kinds.contains(&Column::Name) {
        let name = (1..width).find(|&k| kinds[k] == Column::Other && !cells_of(k).is_empty())?;
        kinds[name] = Column::Name;
    }
    // A list of phone numbers or of posts is a directory, not services.
    let names = cells_of(kinds.iter().position(|k| *k == Column::Name)?);
    let directory = |t: &str| {
        t.chars()
            .filter(|c| bangla::digit_value(*c).is_some())
            .count()
            >= 7
            || officer::has_post_title(t) && t.split_whitespace().count() <= 4
    };
    // Names that are list marks or labels (`ক)`, `প্রদেয় সেবাঃ`): the table is read wrong.
    let not_a_name = |t: &str| serial_number(t).is_some() || t.ends_with([':', 'ঃ']);
    if most(&names, &directory) || most(&names, &not_a_name) {
        return None;
    }
    for k in kinds.iter_mut() {
        if *k == Column::Whom {
            *k = Column::Officer;
        }
    }
    Some((header_at, kinds))
}

/// The texts of column `k` in rows whose spans are expanded, without empty cells, dashes and
/// dittos.
fn column_texts<'r>(rows: impl Iterator<Item = &'r [Cell]>, k: usize) -> Vec<String> {
    rows.filter_map(|r| r.get(k).map(Cell::text))
        .filter(|t| !t.is_empty() && !cells::not_applicable(t) && !cells::is_ditto(t))
        .collect()
}

/// Whether more than half of `texts` pass `test` (and there are some).
fn most(texts: &[String], test: &dyn Fn(&str) -> bool) -> bool {
    !texts.is_empty() && texts.iter().filter(|t| test(t)).count() * 2 > texts.len()
}

/// What a column holds, told from its cells when most of them say the same: time limits
/// (`৭ দিন`, `তাৎক্ষণিক`), short fees (`৫০/-`, `বিনামূল্যে`) or post titles.
fn content_kind(texts: &[String]) -> Option<Column> {
    let share = |test: &dyn Fn(&str) -> bool| most(texts, test);
    if share(&|t| {
        matches!(
            bangla::time_limit_kind(t).0,
            bangla::TimeKind::Span | bangla::TimeKind::Immediate
        ) && t.chars().count() <= 80
    }) {
        Some(Column::TimeLimit)
    } else if share(&|t| {
        !matches!(bangla::parse_fee(t), bangla::Fee::Unstated) && t.chars().count() <= 40
    }) {
        Some(Column::Fee)
    } else if share(&|t| officer::has_post_title(t)) {
        Some(Column::Officer)
    } else {
        None
    }
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
/// A cell counts when it is one of the table's headings, or a short heading this tool knows: a
/// data cell may hold a heading's word (`… টিউশন ফি বিতরণ`, `নির্ধারিত সময়ে`).
fn is_header_again(row: &Row, headings: &[String]) -> bool {
    let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    let headings: Vec<String> = headings.iter().map(|h| columns::normalise(h)).collect();
    let known = filled
        .iter()
        .filter(|c| {
            let text = c.text();
            headings.contains(&columns::normalise(&text))
                || text.chars().count() <= 30
                    && columns::classify(&text).is_some_and(|k| k != Column::Other)
        })
        .count();
    header(&Grid {
        rows: vec![row.clone()],
        ragged: false,
    })
    .is_some()
        && known * 3 >= filled.len() * 2
}

/// Lines up a data row with the columns: a row one cell short with no serial is a sub-row of
/// the one before (`(খ) ব্যবসায়ীক`), its serial cell merged away; in a row that leaves out a
/// column its cells after the name go where they read as belonging (a time limit to the time
/// column, an amount to the fee's), then a short row is padded.
fn align(mut cells: Vec<Cell>, kinds: &[Column]) -> Vec<Cell> {
    cells = by_reading(cells, kinds);
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

/// A row with fewer cells than columns, its cells after the name placed by what they say: a
/// time limit (`১২০ দিন`, `শুনানী সাপেক্ষে`) in the time column and an amount (`৭.৫০`) in the
/// fee's, when those lie further right; the columns skipped stay empty. Other rows as they are.
fn by_reading(cells: Vec<Cell>, kinds: &[Column]) -> Vec<Cell> {
    let Some(name) = kinds.iter().position(|k| *k == Column::Name) else {
        return cells;
    };
    if cells.len() >= kinds.len() || cells.len() <= name + 1 {
        return cells;
    }
    let reads_as = |text: &str| -> Option<Column> {
        use bangla::TimeKind;
        let short = text.chars().count() <= 60;
        if short && !matches!(bangla::time_limit_kind(text).0, TimeKind::Unstated) {
            Some(Column::TimeLimit)
        } else if text.chars().count() <= 30
            && !matches!(bangla::parse_fee(text), bangla::Fee::Unstated)
        {
            Some(Column::Fee)
        } else {
            None
        }
    };
    let mut out: Vec<Cell> = cells[..=name].to_vec();
    for cell in cells.into_iter().skip(name + 1) {
        let at = out.len();
        if let Some(kind) = reads_as(&cell.text())
            && let Some(target) = (at..kinds.len()).find(|&k| kinds[k] == kind)
        {
            while out.len() < target {
                out.push(Cell {
                    lines: Vec::new(),
                    span: 1,
                });
            }
        }
        out.push(cell);
    }
    out
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
    fn a_row_that_leaves_out_the_officer_puts_its_time_and_fee_in_their_columns() {
        use Column::*;
        let kinds = [Serial, Name, Officer, TimeLimit, Fee];
        let row: Vec<Cell> = ["০২।", "সার্টিফিকেট মামলা", "১২০ দিন", "৭.৫০"]
            .into_iter()
            .map(Cell::new)
            .collect();
        let texts: Vec<String> = align(row, &kinds).iter().map(Cell::text).collect();
        assert_eq!(texts, ["০২।", "সার্টিফিকেট মামলা", "", "১২০ দিন", "৭.৫০"]);
        let row: Vec<Cell> = ["০৬।", "হিসাব বিবরণী দাখিল", "শুনানী সাপেক্ষে", "৫.০০"]
            .into_iter()
            .map(Cell::new)
            .collect();
        let texts: Vec<String> = align(row, &kinds).iter().map(Cell::text).collect();
        assert_eq!(
            texts,
            ["০৬।", "হিসাব বিবরণী দাখিল", "", "শুনানী সাপেক্ষে", "৫.০০"]
        );
        // A whole row stays as it is.
        let row: Vec<Cell> = ["০১।", "নামজারী", "সহকারী কমিশনার (ভূমি)", "৪৫ দিন", "২৪৫.০০"]
            .into_iter()
            .map(Cell::new)
            .collect();
        assert_eq!(align(row.clone(), &kinds), row);
    }

    #[test]
    fn a_run_of_ninety_digits_is_no_item_number_and_no_overflow() {
        let line = format!("{} সেবা ১) এক ২) দুই ৩) তিন", "৮".repeat(90));
        assert_eq!(inline_items(&line).len(), 4);
        assert_eq!(serial_number(&"9".repeat(40)), None);
        assert_eq!(leading_number(&format!("{}. সেবা", "৯".repeat(30))), None);
    }

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
