//! Reading a PDF back in Rust, as a reader's tools do: the page count and sizes, the document
//! information, the fonts (embedded, subset, with a ToUnicode map), the text layer through those
//! maps (and `/ActualText` spans), and every drawn glyph with its name and position.
//!
//! This is what `cargo test` checks on any machine. poppler's and mupdf's tools give a second,
//! independent opinion where they are installed (`.ci/run` installs them).

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use skrifa::MetadataProvider;
use skrifa::raw::types::GlyphId;
use std::collections::HashMap;

/// A PDF parsed for checking.
pub struct Pdf {
    pub doc: Document,
}

/// A font as the PDF declares it.
pub struct FontInfo {
    pub base_font: String,
    pub subtype: String,
    /// The font program is in the file (FontFile, FontFile2 or FontFile3).
    pub embedded: bool,
    /// The name has the `ABCDEF+` prefix of a subset.
    pub subset: bool,
    pub to_unicode: bool,
}

/// A glyph as drawn: page (from 0), position in points from the top left, its glyph name in
/// the embedded font, and the text the PDF gives for it.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub name: String,
    pub text: String,
    /// How far the pen moves after it, in points.
    pub advance: f64,
    /// The font size, in points.
    pub size: f64,
}

/// One font resource, ready to read strings drawn in it.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    names: HashMap<u32, String>,
    two_byte: bool,
}

impl Pdf {
    pub fn parse(bytes: &[u8]) -> Pdf {
        Pdf {
            doc: Document::load_mem(bytes).expect("a PDF that parses"),
        }
    }

    fn pages(&self) -> Vec<ObjectId> {
        self.doc.get_pages().into_values().collect()
    }

    pub fn page_count(&self) -> usize {
        self.pages().len()
    }

    /// The width and height of a page (from 0), in points: its MediaBox, or the one it inherits.
    pub fn page_size(&self, page: usize) -> (f64, f64) {
        let mut dict = self.doc.get_dictionary(self.pages()[page]).unwrap();
        let media = loop {
            if let Ok(media) = dict.get(b"MediaBox").and_then(Object::as_array) {
                break media;
            }
            let parent = dict
                .get(b"Parent")
                .and_then(Object::as_reference)
                .expect("a MediaBox");
            dict = self.doc.get_dictionary(parent).unwrap();
        };
        let n: Vec<f64> = media.iter().map(number).collect();
        (n[2] - n[0], n[3] - n[1])
    }

    /// A value of the document information dictionary (Title, Author, …).
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let dict = match info {
            Object::Reference(id) => self.doc.get_dictionary(*id).ok()?,
            Object::Dictionary(d) => d,
            _ => return None,
        };
        lopdf::decode_text_string(dict.get(key.as_bytes()).ok()?).ok()
    }

    /// Every Type0 and simple font in the file.
    pub fn fonts(&self) -> Vec<FontInfo> {
        let mut fonts = Vec::new();
        for object in self.doc.objects.values() {
            let Ok(dict) = object.as_dict() else { continue };
            if name(dict, b"Type") != Some(b"Font")
                || name(dict, b"Subtype") == Some(b"CIDFontType2")
            {
                continue;
            }
            let base_font =
                String::from_utf8_lossy(name(dict, b"BaseFont").unwrap_or(b"")).into_owned();
            let descriptor = self.descriptor(dict);
            fonts.push(FontInfo {
                subset: base_font.len() > 7
                    && base_font.as_bytes()[6] == b'+'
                    && base_font[..6].chars().all(|c| c.is_ascii_uppercase()),
                subtype: String::from_utf8_lossy(name(dict, b"Subtype").unwrap_or(b""))
                    .into_owned(),
                embedded: descriptor.is_some_and(|d| {
                    d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3")
                }),
                to_unicode: dict.has(b"ToUnicode"),
                base_font,
            });
        }
        fonts
    }

    /// The font descriptor of a font, through its descendant for a Type0 font.
    fn descriptor<'d>(&'d self, font: &'d Dictionary) -> Option<&'d Dictionary> {
        let cid = self.descendant(font).unwrap_or(font);
        self.deref_dict(cid.get(b"FontDescriptor").ok()?)
    }

    fn descendant<'d>(&'d self, font: &'d Dictionary) -> Option<&'d Dictionary> {
        let array = self
            .deref(font.get(b"DescendantFonts").ok()?)?
            .as_array()
            .ok()?;
        self.deref_dict(array.first()?)
    }

    fn deref<'d>(&'d self, object: &'d Object) -> Option<&'d Object> {
        match object {
            Object::Reference(id) => self.doc.get_object(*id).ok(),
            other => Some(other),
        }
    }

    fn deref_dict<'d>(&'d self, object: &'d Object) -> Option<&'d Dictionary> {
        match self.deref(object)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    fn font<'d>(&'d self, dict: &'d Dictionary) -> Font<'d> {
        let two_byte = name(dict, b"Subtype") == Some(b"Type0");
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        let mut names = HashMap::new();
        if let Some(cid) = self.descendant(dict) {
            default_width = cid.get(b"DW").map(number).unwrap_or(1000.0);
            if let Some(w) = cid
                .get(b"W")
                .ok()
                .and_then(|w| self.deref(w)?.as_array().ok())
            {
                read_widths(w, &mut widths);
            }
        }
        let program = self
            .descriptor(dict)
            .and_then(|d| d.get(b"FontFile2").ok())
            .and_then(|o| self.deref(o))
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.decompressed_content().ok());
        if let Some(bytes) = program
            && let Ok(font) = skrifa::FontRef::new(&bytes)
        {
            let glyph_names = font.glyph_names();
            for gid in 0..glyph_names.num_glyphs() {
                if let Some(n) = glyph_names.get(GlyphId::new(gid)) {
                    names.insert(gid, n.as_str().to_string());
                }
            }
        }
        Font {
            encoding: dict.get_font_encoding(&self.doc).ok(),
            widths,
            default_width,
            names,
            two_byte,
        }
    }

    /// The text of each page, in the order it is drawn (as `pdftotext -raw` gives it): a new line
    /// where the drawing moves to another line or back to the left.
    pub fn pages_text(&self) -> Vec<String> {
        let mut pages = vec![String::new(); self.page_count()];
        // Where the pen stood after the last glyph: page, x, y.
        let mut last: Option<(usize, f64, f64)> = None;
        for g in self.walk() {
            let page = &mut pages[g.page];
            if let Some((p, x, y)) = last
                && p == g.page
            {
                if (g.y - y).abs() > g.size / 3.0 || g.x + g.size / 3.0 < x {
                    page.push('\n');
                } else if g.x - x > g.size / 4.0 && !page.ends_with(' ') {
                    page.push(' ');
                }
            }
            page.push_str(&g.text);
            last = Some((g.page, g.x + g.advance, g.y));
        }
        pages
    }

    /// All pages' text, pages separated by a form feed.
    pub fn text(&self) -> String {
        self.pages_text().join("\u{c}")
    }

    /// Every drawn glyph, in drawing order.
    pub fn glyphs(&self) -> Vec<Glyph> {
        self.walk()
            .into_iter()
            .filter(|g| !g.name.is_empty())
            .collect()
    }

    /// Walks every page's content: one entry per glyph drawn, and one (with no name) for each
    /// `/ActualText` span, which stands for the glyphs inside it.
    fn walk(&self) -> Vec<Glyph> {
        let mut out = Vec::new();
        for (page_index, page_id) in self.pages().into_iter().enumerate() {
            let fonts = self.doc.get_page_fonts(page_id).unwrap_or_default();
            let mut cache: HashMap<Vec<u8>, Font> = HashMap::new();
            let content = Content::decode(&self.doc.get_page_content(page_id)).unwrap();
            let height = self.page_size(page_index).1;
            // The CTM as scale and offset (krilla draws with `1 0 0 -1 0 H cm`).
            let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
            let mut stack = Vec::new();
            let (mut font_key, mut size) = (Vec::new(), 12.0);
            let (mut tx, mut ty) = (0.0, 0.0);
            // Marked content: `Some(span)` for an /ActualText span (`None` inside once its
            // text was given), `None` for other marked content.
            let mut actual: Vec<Option<Option<String>>> = Vec::new();
            for op in content.operations {
                let args: Vec<f64> = op.operands.iter().map(number).collect();
                match op.operator.as_str() {
                    "q" => stack.push(ctm),
                    "Q" => ctm = stack.pop().unwrap_or(ctm),
                    "cm" => ctm = multiply(&args, &ctm),
                    "BT" => (tx, ty) = (0.0, 0.0),
                    "Tf" => {
                        font_key = op.operands[0].as_name().unwrap_or(b"").to_vec();
                        size = args[1];
                    }
                    "Tm" => (tx, ty) = (args[4], args[5]),
                    "Td" | "TD" => (tx, ty) = (tx + args[0], ty + args[1]),
                    "BDC" => {
                        let text = op
                            .operands
                            .get(1)
                            .and_then(|o| o.as_dict().ok())
                            .and_then(|d| d.get(b"ActualText").ok())
                            .and_then(|t| lopdf::decode_text_string(t).ok());
                        actual.push(text.map(Some));
                    }
                    "BMC" => actual.push(None),
                    "EMC" => {
                        actual.pop();
                    }
                    "Tj" | "TJ" => {
                        if !cache.contains_key(&font_key)
                            && let Some(dict) = fonts.get(&font_key)
                        {
                            cache.insert(font_key.clone(), self.font(dict));
                        }
                        let Some(font) = cache.get(&font_key) else {
                            continue;
                        };
                        let items: Vec<Object> = match op.operator.as_str() {
                            "TJ" => op.operands[0].as_array().cloned().unwrap_or_default(),
                            _ => op.operands.clone(),
                        };
                        for item in items {
                            match item {
                                Object::String(bytes, _) => {
                                    let step = if font.two_byte { 2 } else { 1 };
                                    for code in bytes.chunks(step) {
                                        let id = code.iter().fold(0u32, |a, b| a << 8 | *b as u32);
                                        let (x, y) = apply(&ctm, tx, ty);
                                        // Inside an /ActualText span its text stands once, at
                                        // the span's first glyph, for all of them.
                                        let text = match actual.iter_mut().rev().flatten().next() {
                                            Some(span) => span.take().unwrap_or_default(),
                                            None => font
                                                .encoding
                                                .as_ref()
                                                .and_then(|e| Document::decode_text(e, code).ok())
                                                .unwrap_or_default(),
                                        };
                                        let width = font.widths.get(&id).copied();
                                        let advance =
                                            width.unwrap_or(font.default_width) / 1000.0 * size;
                                        out.push(Glyph {
                                            page: page_index,
                                            x,
                                            y: height - y,
                                            name: font.names.get(&id).cloned().unwrap_or_default(),
                                            text,
                                            advance: advance * ctm[0].abs(),
                                            size,
                                        });
                                        tx += advance;
                                    }
                                }
                                other => tx -= number(&other) / 1000.0 * size,
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }
}

fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get(key).ok().and_then(|o| o.as_name().ok())
}

fn number(object: &Object) -> f64 {
    match object {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

/// Reads a CIDFont's `W` array: `c [w1 w2 …]` and `c1 c2 w`.
fn read_widths(array: &[Object], widths: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i + 1 < array.len() {
        let first = number(&array[i]) as u32;
        match &array[i + 1] {
            Object::Array(list) => {
                for (k, w) in list.iter().enumerate() {
                    widths.insert(first + k as u32, number(w));
                }
                i += 2;
            }
            last => {
                let (last, w) = (number(last) as u32, array.get(i + 2).map_or(0.0, number));
                for c in first..=last {
                    widths.insert(c, w);
                }
                i += 3;
            }
        }
    }
}

fn multiply(m: &[f64], ctm: &[f64; 6]) -> [f64; 6] {
    let [a, b, c, d, e, f] = *ctm;
    [
        m[0] * a + m[1] * c,
        m[0] * b + m[1] * d,
        m[2] * a + m[3] * c,
        m[2] * b + m[3] * d,
        m[4] * a + m[5] * c + e,
        m[4] * b + m[5] * d + f,
    ]
}

fn apply(m: &[f64; 6], x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}
