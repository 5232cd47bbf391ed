//! `charter import`: a charter file from the charter an office already publishes, as a web
//! page, a Word file or pasted text.
//!
//! Each kind of input is read into the same [`page`] shape, paragraphs and tables, by its own
//! reader ([`text`], [`html`], [`docx`]); Bijoy text is converted to Unicode as it is read.
//! [`assemble`] reads the charter out of that shape, [`ids`] names its services and officers,
//! and [`write`] writes the file. Import places text; it never rewrites a word of it.

mod assemble;
mod cells;
mod columns;
mod docx;
mod doubts;
mod html;
mod ids;
mod officer;
mod page;
mod records;
mod spaced;
mod text;
mod write;

pub use assemble::parse_date;

use crate::charter::{Charter, Officer, Service, Text};
use serde::Serialize;
use std::fmt;

/// Inputs larger than this are refused: a charter page is tens of kilobytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What kind of input to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Decide by the content: a DOCX zip, HTML markup, else text.
    Auto,
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// A Word (DOCX) file.
    Docx,
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// The charter this import updates: its ids, officer ids, keywords and translations are
    /// kept for the services and officers whose Bengali is unchanged.
    pub ids_from: Option<&'a Charter>,
    /// Where the input came from (the file name), for `source` when the page names no URL.
    pub source: Option<String>,
}

/// Something of the input that found no place in the format, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The text, as it was.
    pub text: String,
    /// Why it was not placed.
    pub reason: String,
}

/// What an import found: for the report on stderr, or `--format json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The kind of input read: `text`, `html` or `docx`.
    pub kind: &'static str,
    /// Each column heading recognised, and the key it fills.
    pub columns: Vec<(String, String)>,
    /// Services per category.
    pub services: Vec<(&'static str, usize)>,
    /// Grievance steps.
    pub grievance: usize,
    /// Officers found, by id.
    pub officers: Vec<String>,
    /// What found no place (kept as `# import:` comments).
    pub unplaced: Vec<Note>,
    /// What was read but may be read wrong: the text, and why to check it.
    pub unsure: Vec<Note>,
}

/// An import's result: the charter file's text and the report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The charter file, in the canonical layout.
    pub text: String,
    /// What was found.
    pub report: Report,
}

/// Why an input could not be imported (nothing is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The input is empty.
    Empty,
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// Binary data that is no kind of text.
    Binary,
    /// A DOCX file that cannot be read: not a zip, no document in it, or it expands too far.
    Docx(String),
    /// An HTML page that cannot be read.
    Html(String),
    /// The input holds no charter: no table of services, no numbered list, no charter heading.
    NoCharter,
    /// The charter read would be larger than the charter files other commands read (bytes).
    TooLargeCharter(usize),
    /// The charter read could not be written in the canonical layout (a bug: please report it).
    Write(String),
    /// Reading the page hit a bug of this tool (a panic, caught): nothing is written.
    Bug(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Empty => write!(f, "the input is empty"),
            Failure::TooLarge => write!(
                f,
                "the input is larger than {} MiB: a charter page is tens of kilobytes; is this the right file?",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            Failure::TooLargeCharter(bytes) => write!(
                f,
                "the charter read from it would be {} MiB, more than the {} MiB a charter file may be (validate, render and set refuse larger ones)",
                bytes >> 20,
                crate::charter::MAX_FILE_BYTES >> 20
            ),
            Failure::Binary => write!(
                f,
                "the input is binary data, not a web page, a Word file or text"
            ),
            Failure::Docx(reason) => write!(f, "not a readable Word (DOCX) file: {reason}"),
            Failure::Html(reason) => write!(f, "not a readable web page: {reason}"),
            Failure::Write(reason) => write!(f, "the charter could not be written: {reason}"),
            Failure::Bug(reason) => write!(
                f,
                "this page hit a bug in charter's reader ({reason}): please report it with the page"
            ),
            Failure::NoCharter => write!(
                f,
                "no charter found: no table with a charter's column headings (সেবার নাম, সেবা মূল্য, …), no numbered list of services and no charter heading"
            ),
        }
    }
}

/// Reads an input into a charter file.
pub fn import(bytes: &[u8], kind: Kind, options: &Options) -> Result<Imported, Failure> {
    // A page is anyone's text: a bug it finds in the reader is this page's failure (exit 2,
    // nothing written), never a crash of a batch of a thousand.
    crate::guard::catch(|| read_page(bytes, kind, options))
        .unwrap_or_else(|panic| Err(Failure::Bug(panic)))
}

/// [`import`] itself.
fn read_page(bytes: &[u8], kind: Kind, options: &Options) -> Result<Imported, Failure> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Failure::TooLarge);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::Empty);
    }
    let kind = match kind {
        Kind::Auto => detect(bytes),
        other => other,
    };
    let mut report = Report::default();
    let (pieces, cut, url) = match kind {
        Kind::Docx => {
            report.kind = "docx";
            (docx::read(bytes)?, false, None)
        }
        Kind::Html => {
            report.kind = "html";
            let text = decode(bytes)?;
            let (pieces, url) = html::read(&text)?;
            (pieces, false, url)
        }
        _ => {
            report.kind = "text";
            let text = decode(bytes)?;
            let cut = !text.ends_with('\n');
            (text::read(&text), cut, None)
        }
    };
    let mut assembled = assemble::assemble(&pieces, cut, &mut report);
    let charter = &mut assembled.charter;
    let found = charter.services.iter().next().is_some()
        || !charter.grievance.is_empty()
        || charter.title.is_some()
        || !report.columns.is_empty();
    if !found {
        return Err(Failure::NoCharter);
    }
    // The page's own URL; else the source the existing charter records (a page saved to a
    // file is still that page); else the file's name.
    charter.source = url
        .or_else(|| options.ids_from.and_then(|e| e.source.clone()))
        .or_else(|| options.source.clone());
    name_everything(charter, options.ids_from);
    doubts::doubts(charter, &mut report);
    report.services = crate::charter::Category::ALL
        .iter()
        .map(|c| (c.key(), charter.services.of(*c).len()))
        .filter(|(_, n)| *n > 0)
        .collect();
    report.grievance = charter.grievance.len();
    report.officers = charter.officers.keys().cloned().collect();
    let text = write::write(&assembled).map_err(Failure::Write)?;
    // A charter no other command would read is not written.
    if text.len() as u64 > crate::charter::MAX_FILE_BYTES {
        return Err(Failure::TooLargeCharter(text.len()));
    }
    Ok(Imported { text, report })
}

/// The kind of an input by its content.
fn detect(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        return Kind::Docx;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let markup = [
        "<!doctype html",
        "<html",
        "<body",
        "<table",
        "<head",
        "<meta ",
        "<div",
        "<p>",
    ];
    if markup.iter().any(|m| head.contains(m)) {
        Kind::Html
    } else {
        Kind::Text
    }
}

/// Text from bytes: UTF-8, UTF-16 with its byte-order mark (Word's "Unicode text"), else
/// Windows-1252 (Bijoy "plain text"). Binary data is refused.
fn decode(bytes: &[u8]) -> Result<String, Failure> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| Failure::Binary)
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(true)?,
        [0xFE, 0xFF, ..] => utf16(false)?,
        _ => crate::bangla::bijoy::decode_bytes(bytes).into_owned(),
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
        .count();
    if text.contains('\0') || controls * 20 > text.chars().count().max(1) {
        return Err(Failure::Binary);
    }
    Ok(text)
}

/// Gives every service and officer its id: the existing charter's where the Bengali is the
/// same, else one romanised from the name (a post's for officers). What a page cannot hold
/// (keywords, translations) is kept from the existing charter too.
fn name_everything(charter: &mut Charter, existing: Option<&Charter>) {
    let mut officer_ids = ids::Unique::default();
    let mut renamed = Vec::with_capacity(charter.officers.len());
    let officers = std::mem::take(&mut charter.officers);
    for (placeholder, officer) in officers {
        let (id, officer) = match existing
            .and_then(|e| ids::existing_officer_id(e, &officer).map(|id| (id, &e.officers[id])))
        {
            Some((id, old)) if officer_ids.take(id) == id => {
                (id.to_string(), keep_officer(old, officer))
            }
            _ => {
                let label = officer
                    .designation
                    .as_ref()
                    .or(officer.name.as_ref())
                    .map_or("officer".to_string(), |t| t.bn().to_string());
                (officer_ids.take(&ids::slug(&label)), officer)
            }
        };
        renamed.push((placeholder, id.clone()));
        charter.officers.insert(id, officer);
    }
    let rename = |id: &mut String| {
        if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id) {
            *id = new.clone();
        }
    };
    let mut service_ids = ids::Unique::default();
    if let Some(e) = existing {
        for (_, s) in e.services.iter() {
            // Ids of the existing charter are kept for its services only.
            let _ = s;
        }
    }
    for category in crate::charter::Category::ALL {
        for service in charter.services.of_mut(category) {
            rename(&mut service.officer);
            if let Some(superior) = &mut service.superior {
                rename(superior);
            }
            let old = existing.and_then(|e| {
                ids::existing_service_id(e, service.name.bn()).and_then(|id| e.service(id))
            });
            service.id = match old {
                Some((_, old)) if service_ids.take(&old.id) == old.id => {
                    keep_service(old, service);
                    old.id.clone()
                }
                _ => service_ids.take(&ids::slug(service.name.bn())),
            };
        }
    }
    for step in &mut charter.grievance {
        rename(&mut step.officer);
    }
    if let Some(e) = existing {
        let keep = |old: &Option<Text>, new: &mut Option<Text>| {
            if let (Some(o), Some(n)) = (old, new.as_mut()) {
                *n = kept(o, n);
            }
        };
        keep(&e.title, &mut charter.title);
        charter.vision = kept(&e.vision, &charter.vision);
        charter.mission = kept(&e.mission, &charter.mission);
        for item in &mut charter.expectations {
            if let Some(old) = e
                .expectations
                .iter()
                .find(|o| ids::same_text(o.bn(), item.bn()))
            {
                *item = old.clone();
            }
        }
        let office = &mut charter.office;
        office.name = kept(&e.office.name, &office.name);
        keep(&e.office.government, &mut office.government);
        keep(&e.office.unit, &mut office.unit);
        keep(&e.office.address, &mut office.address);
        for step in &mut charter.grievance {
            if let Some(old) = e
                .grievance
                .iter()
                .find(|o| ids::same_text(o.when.bn(), step.when.bn()))
            {
                step.when = kept(&old.when, &step.when);
                step.time_limit = kept(&old.time_limit, &step.time_limit);
            }
        }
    }
}

/// The existing text where its Bengali is the imported one (it may carry a translation).
fn kept(old: &Text, new: &Text) -> Text {
    if ids::same_text(old.bn(), new.bn()) {
        old.clone()
    } else {
        new.clone()
    }
}

fn keep_officer(old: &Officer, mut new: Officer) -> Officer {
    for (o, n) in [
        (&old.name, &mut new.name),
        (&old.designation, &mut new.designation),
        (&old.office, &mut new.office),
        (&old.room, &mut new.room),
    ] {
        if let (Some(o), Some(n)) = (o, n.as_mut()) {
            *n = kept(o, n);
        }
    }
    new
}

fn keep_service(old: &Service, new: &mut Service) {
    new.name = kept(&old.name, &new.name);
    new.fee = kept(&old.fee, &new.fee);
    new.time_limit = kept(&old.time_limit, &new.time_limit);
    for item in &mut new.methods {
        if let Some(o) = old
            .methods
            .iter()
            .find(|o| ids::same_text(o.bn(), item.bn()))
        {
            *item = o.clone();
        }
    }
    for (o, n) in [
        (&old.place, &mut new.place),
        (&old.remarks, &mut new.remarks),
        (&old.section, &mut new.section),
    ] {
        if let (Some(o), Some(n)) = (o, n.as_mut()) {
            *n = kept(o, n);
        }
    }
    for doc in &mut new.documents {
        if let Some(o) = old.documents.iter().find(|o| same_document(o, doc)) {
            *doc = o.clone();
        }
    }
    if new.keywords.is_empty() {
        new.keywords = old.keywords.clone();
    }
}

fn same_document(a: &crate::charter::Document, b: &crate::charter::Document) -> bool {
    use crate::charter::Document::*;
    let source = |d: &crate::charter::Document| match d {
        Sourced {
            source: Some(s), ..
        } => Some(s.bn().to_string()),
        _ => None,
    };
    ids::same_text(a.name().bn(), b.name().bn())
        && source(a)
            .zip(source(b))
            .is_none_or(|(x, y)| ids::same_text(&x, &y))
        && matches!(
            (a, b),
            (Plain(_), Plain(_)) | (Sourced { .. }, Sourced { .. })
        )
}
