//! A Word (DOCX) file: its paragraphs and tables, read from `word/document.xml` in the zip. A run
//! set in a Bijoy font (SutonnyMJ and its family) is Bijoy text whatever it looks like; the font
//! is the run's own, its character style's, its paragraph style's or the document's default.
//!
//! The zip is read with limits: a part that would expand past [`MAX_PART_BYTES`] is refused (a
//! zip bomb is a small file that expands to gigabytes).

use super::Failure;
use super::html::is_bijoy_font;
use super::page::{Cell, Grid, Piece, Row, clean};
use super::text;
use crate::bangla::bijoy;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The largest part of a DOCX read: a charter's document is far smaller.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// Reads a DOCX file into paragraphs and tables.
pub fn read(bytes: &[u8]) -> Result<Vec<Piece>, Failure> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Failure::Docx(format!("not a zip archive ({e})")))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| Failure::Docx("the zip holds no word/document.xml".into()))?;
    let styles =
        part(&mut zip, "word/styles.xml")?.map_or_else(Styles::default, |s| Styles::read(&s));
    let pieces = Document::new(&styles).read(&document)?;
    Ok(text::tables_in_paragraphs(pieces))
}

/// A part of the zip as text, or `None` when the zip has no such part.
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, Failure> {
    let mut file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Failure::Docx(format!("{name}: {e}"))),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(Failure::Docx(format!(
            "{name} expands to {} MiB, past the limit of {} MiB",
            file.size() / (1024 * 1024),
            MAX_PART_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = Vec::new();
    // The declared size can lie: read one byte past the limit to know.
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Docx(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Failure::Docx(format!(
            "{name} expands past the limit of {} MiB",
            MAX_PART_BYTES / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Failure::Docx(format!("{name} is not UTF-8")))
}

/// The fonts of a document's styles: by style id, the font and the style it is based on; and
/// the document's default font.
#[derive(Default)]
struct Styles {
    fonts: HashMap<String, (Option<String>, Option<String>)>,
    default: Option<String>,
}

impl Styles {
    fn read(xml: &str) -> Styles {
        let mut styles = Styles::default();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut current: Option<String> = None;
        let mut in_defaults = false;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(&e).as_str() {
                    "style" => {
                        current = attr(&e, "styleId");
                        if let Some(id) = &current {
                            styles.fonts.entry(id.clone()).or_default();
                        }
                    }
                    "rPrDefault" => in_defaults = true,
                    "basedOn" => {
                        if let (Some(id), Some(base)) = (&current, attr(&e, "val")) {
                            styles.fonts.entry(id.clone()).or_default().1 = Some(base);
                        }
                    }
                    "rFonts" => {
                        let font = attr(&e, "ascii").or_else(|| attr(&e, "hAnsi"));
                        if in_defaults {
                            styles.default = font;
                        } else if let Some(id) = &current {
                            styles.fonts.entry(id.clone()).or_default().0 = font;
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    "style" => current = None,
                    "rPrDefault" => in_defaults = false,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        styles
    }

    /// The font a style gives, through the styles it is based on.
    fn font(&self, style: &str) -> Option<&str> {
        let mut id = style;
        for _ in 0..16 {
            let (font, base) = self.fonts.get(id)?;
            if let Some(font) = font {
                return Some(font);
            }
            id = base.as_deref()?;
        }
        None
    }
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// An attribute by its local name (`w:val` is `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.local_name().as_ref().to_string();
        (key == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
    })
}

/// The walk over `document.xml`.
struct Document<'s> {
    styles: &'s Styles,
    pieces: Vec<Piece>,
    /// Open tables, outermost first; a table inside a cell becomes lines of that cell.
    tables: Vec<Grid>,
    row: Option<Row>,
    cell: Option<Cell>,
    span: usize,
    /// The paragraph being read: its lines, and the Bijoy text waiting to be converted whole
    /// (a word can be split over several runs).
    lines: Vec<String>,
    line: String,
    bijoy: String,
    paragraph_style: Option<String>,
    run_font: Option<String>,
    run_style: Option<String>,
    in_text: bool,
}

impl<'s> Document<'s> {
    fn new(styles: &'s Styles) -> Self {
        Document {
            styles,
            pieces: Vec::new(),
            tables: Vec::new(),
            row: None,
            cell: None,
            span: 1,
            lines: Vec::new(),
            line: String::new(),
            bijoy: String::new(),
            paragraph_style: None,
            run_font: None,
            run_style: None,
            in_text: false,
        }
    }

    fn read(mut self, xml: &str) -> Result<Vec<Piece>, Failure> {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Failure::Docx(format!("word/document.xml: {e}")))?;
            match event {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_string();
                    self.end(&name);
                }
                Event::Text(t) if self.in_text => self.text(&t),
                Event::GeneralRef(r) if self.in_text => {
                    let c = match r.as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    if let Some(c) = c {
                        self.text(&c.to_string());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        self.end_paragraph();
        Ok(self.pieces)
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match local(e).as_str() {
            "tbl" => {
                self.end_paragraph();
                self.tables.push(Grid::default());
            }
            "tr" if self.tables.len() == 1 => self.row = Some(Row::default()),
            "tc" if self.tables.len() == 1 => {
                self.cell = Some(Cell {
                    lines: Vec::new(),
                    span: 1,
                });
                self.span = 1;
            }
            "gridSpan" if self.tables.len() == 1 => {
                self.span = attr(e, "val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
            }
            "pStyle" => self.paragraph_style = attr(e, "val"),
            "rStyle" => self.run_style = attr(e, "val"),
            "rFonts" => self.run_font = attr(e, "ascii").or_else(|| attr(e, "hAnsi")),
            "r" => {
                self.run_font = None;
                self.run_style = None;
            }
            "t" if !empty => self.in_text = true,
            "tab" => self.text("\t"),
            "br" | "cr" => {
                self.flush_bijoy();
                self.end_line();
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "p" => self.end_paragraph(),
            "tc" if self.tables.len() == 1 => {
                self.end_paragraph();
                if let (Some(mut cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    cell.span = self.span;
                    row.cells.push(cell);
                }
            }
            "tr" if self.tables.len() == 1 => {
                if let (Some(row), Some(table)) = (self.row.take(), self.tables.last_mut()) {
                    table.rows.push(row);
                }
            }
            "tbl" => {
                self.end_paragraph();
                if let Some(table) = self.tables.pop()
                    && self.tables.is_empty()
                {
                    self.pieces.push(Piece::Table(table));
                }
            }
            _ => {}
        }
    }

    /// Whether the run being read is set in a Bijoy font.
    fn bijoy_run(&self) -> bool {
        let font = self
            .run_font
            .as_deref()
            .or_else(|| self.run_style.as_deref().and_then(|s| self.styles.font(s)))
            .or_else(|| {
                self.paragraph_style
                    .as_deref()
                    .and_then(|s| self.styles.font(s))
            })
            .or(self.styles.default.as_deref());
        font.is_some_and(is_bijoy_font)
    }

    fn text(&mut self, text: &str) {
        if self.bijoy_run() {
            self.bijoy.push_str(text);
        } else {
            self.flush_bijoy();
            self.line.push_str(text);
        }
    }

    fn flush_bijoy(&mut self) {
        if !self.bijoy.is_empty() {
            let converted = bijoy::convert(&std::mem::take(&mut self.bijoy));
            self.line.push_str(&converted);
        }
    }

    fn end_line(&mut self) {
        self.flush_bijoy();
        let line = bijoy::to_unicode(&clean(&self.line)).into_owned();
        self.line.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn end_paragraph(&mut self) {
        self.end_line();
        self.paragraph_style = None;
        let lines = std::mem::take(&mut self.lines);
        if lines.is_empty() {
            return;
        }
        if let Some(cell) = self.cell.as_mut() {
            cell.lines.extend(lines);
        } else if self.tables.is_empty() {
            self.pieces.push(Piece::Text { lines, heading: 0 });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document: &str, styles: Option<&str>) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        if let Some(styles) = styles {
            zip.start_file("word/styles.xml", options).unwrap();
            zip.write_all(styles.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn paragraphs_tables_and_bijoy_runs() {
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>সিটিজেন চার্টার</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ক্রমিক</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:rPr><w:rFonts w:ascii=\"SutonnyMJ\" w:hAnsi=\"SutonnyMJ\"/></w:rPr><w:t>w</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii=\"SutonnyMJ\"/></w:rPr><w:t>K Ges</w:t></w:r></w:p><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
        );
        let pieces = read(&docx(&xml, None)).unwrap();
        assert_eq!(pieces[0], Piece::line("সিটিজেন চার্টার"));
        let Piece::Table(grid) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        let cell = &grid.rows[0].cells[1];
        assert_eq!(
            cell.lines,
            ["কি এবং", "A & B"],
            "a Bijoy word split over two runs is one word"
        );
        assert_eq!(cell.span, 2);
    }

    #[test]
    fn a_bijoy_default_font_makes_every_run_bijoy() {
        let styles = format!(
            "<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"SutonnyMJ\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"
        );
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>mKj</w:t></w:r></w:p></w:body></w:document>"
        );
        assert_eq!(
            read(&docx(&xml, Some(&styles))).unwrap(),
            [Piece::line("সকল")]
        );
    }

    #[test]
    fn not_a_zip_and_no_document_are_refused() {
        assert!(matches!(read(b"not a zip"), Err(Failure::Docx(_))));
        let empty = {
            let mut out = Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut out);
            zip.start_file("x.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.finish().unwrap();
            out.into_inner()
        };
        assert!(matches!(read(&empty), Err(Failure::Docx(m)) if m.contains("document.xml")));
    }
}
