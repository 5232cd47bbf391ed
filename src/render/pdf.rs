//! The charter as a PDF that a Bengali reader accepts: text shaped (conjuncts, vowel signs before
//! their consonant, reph), fonts embedded and subset, and text that copies back out.
//!
//! parley lays text out: it falls back between the two embedded families (Noto Sans Bengali has
//! no Latin letters and no `@`), shapes each run and breaks lines at a width. krilla draws each
//! glyph run with the text range of every cluster, so ToUnicode and ActualText let readers copy
//! the Bengali back out. The layout on top is this module's: blocks flow down the page, tables
//! share the page width, a table's header rows repeat on every page, and text taller than a page
//! (a row, a paragraph) continues on the next one, so that nothing of the charter is lost.

use super::document::{Block, Lang, Table};
use crate::bangla::bengali_number;
use krilla::Document;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use parley::fontique::{Blob, Collection, CollectionOptions};
use parley::{
    FontContext, FontFamily, FontWeight, Layout, LayoutContext, OverflowWrap, PositionedLayoutItem,
    StyleProperty,
};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// The four fonts, embedded so that a PDF needs nothing installed (fonts/README.md).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../fonts/NotoSansBengali-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansBengali-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
];

/// Bengali first: it then draws the spaces and punctuation between Bengali words, which gives
/// fewer runs (docs/NOTES.md).
const FAMILIES: &str = "'Noto Sans Bengali', 'Noto Sans'";

/// Paper sizes, in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
    /// 8.5 × 14 in.
    Legal,
}

/// How the PDF is laid out and written.
#[derive(Debug, Clone, Copy)]
pub struct PdfOptions {
    /// The paper.
    pub paper: Paper,
    /// Portrait instead of the wall copy's landscape.
    pub portrait: bool,
    /// Write PDF/A-2b.
    pub pdfa: bool,
}

impl Default for PdfOptions {
    /// The wall copy: A4, landscape, plain PDF.
    fn default() -> Self {
        PdfOptions {
            paper: Paper::A4,
            portrait: false,
            pdfa: false,
        }
    }
}

/// What the PDF's metadata says.
pub struct PdfInfo<'a> {
    /// The document title.
    pub title: &'a str,
    /// The author: the office.
    pub author: &'a str,
    /// When the charter was revised, for the footer.
    pub updated: Option<&'a str>,
    /// The language of the text.
    pub lang: Lang,
}

const MARGIN: f32 = 36.0;
const FOOTER: f32 = 22.0;
const PAD: f32 = 4.0;
/// The least room worth starting a row or paragraph in that will not fit whole anyway: about
/// three lines.
const MIN_SLICE: f32 = 40.0;
/// Every line of a laid-out text.
const ALL_LINES: Range<usize> = 0..usize::MAX;

/// Lays text out with the embedded fonts.
struct Typesetter {
    fonts: FontContext,
    layouts: LayoutContext<()>,
}

/// What a text is laid out from: enough to lay it out again.
struct Spec {
    text: String,
    size: f32,
    /// The first `bold` bytes are bold.
    bold: usize,
    width: f32,
    centred: bool,
}

impl Spec {
    /// A text left-aligned at `size` points in `width`, its first `bold` bytes bold.
    fn new(text: String, size: f32, bold: usize, width: f32) -> Spec {
        Spec {
            text,
            size,
            bold,
            width,
            centred: false,
        }
    }
}

/// Layouts kept from laying out to drawing, counted in bytes of their text (a layout takes about
/// 70 bytes a byte of text). Past this, a text keeps only its lines' extents and is laid out
/// again when its page is drawn: a large charter costs about twice the time of laying it out,
/// and memory stays that of a page, not of the whole charter (issue 21).
const KEPT_TEXT_BYTES: usize = 64 * 1024;

/// Texts longer than this are laid out in pieces of at most this many bytes, each starting on a
/// new line, split after a line break or a space where there is one: a layout is about 70 bytes
/// a byte of text, and one text can be most of a charter (issue 21).
const PIECE_BYTES: usize = 8 * 1024;

/// Texts up to this long are laid out once however often they repeat ([`Flow::lay_spec`]).
const SHARED_TEXT_BYTES: usize = 512;

/// A [`Spec`] as a key: its floats by their bits.
#[derive(PartialEq, Eq, Hash)]
struct SpecKey {
    text: String,
    size: u32,
    bold: usize,
    width: u32,
    centred: bool,
}

/// One piece of a laid-out text.
struct Piece {
    spec: Spec,
    /// Boxed: a layout's own fields are hundreds of bytes, and a large charter has tens of
    /// thousands of texts. `None` once the kept layouts are large ([`KEPT_TEXT_BYTES`]).
    layout: Option<Box<Layout<()>>>,
    /// Its first line among the text's lines, and its top from the text's top.
    first_line: usize,
    top: f32,
}

/// A text laid out at a width, in pieces ([`PIECE_BYTES`]): its lines' extents, and the layouts
/// themselves while the kept layouts are small ([`KEPT_TEXT_BYTES`]).
struct Laid {
    pieces: Vec<Piece>,
    /// Each line's top and bottom, from the text's top.
    lines: Vec<(f32, f32)>,
    width: f32,
    height: f32,
}

impl Laid {
    fn new() -> Laid {
        Laid {
            pieces: Vec::new(),
            lines: Vec::new(),
            width: 0.0,
            height: 0.0,
        }
    }

    /// Adds the next piece, laid out as `layout`.
    fn push(&mut self, spec: Spec, layout: Layout<()>, keep: bool) {
        let top = self.height;
        let first_line = self.lines.len();
        self.lines.extend(layout.lines().map(|line| {
            let m = line.metrics();
            (top + m.block_min_coord, top + m.block_max_coord)
        }));
        self.width = self.width.max(layout.width());
        self.height += layout.height();
        self.pieces.push(Piece {
            spec,
            layout: keep.then(|| Box::new(layout)),
            first_line,
            top,
        });
    }

    fn height(&self) -> f32 {
        self.height
    }

    fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The top and bottom of line `index`, from the layout's top.
    fn line_span(&self, index: usize) -> (f32, f32) {
        self.lines.get(index).copied().unwrap_or((0.0, 0.0))
    }

    /// How many lines from `from` on fit in `room` points, and their height.
    fn lines_in(&self, from: usize, room: f32) -> (usize, f32) {
        let top = self.line_span(from).0;
        let mut end = from;
        while end < self.line_count() && self.line_span(end).1 - top <= room {
            end += 1;
        }
        let height = if end > from {
            self.line_span(end - 1).1 - top
        } else {
            0.0
        };
        (end, height)
    }

    /// The lines from `from` on to draw in `room` points, and their height: those that fit, and
    /// on a `fresh` page (nothing else on it) at least one, so that the text always moves on.
    fn slice(&self, from: usize, room: f32, fresh: bool) -> (usize, f32) {
        let (end, height) = self.lines_in(from, room);
        if end == from && fresh && from < self.line_count() {
            let (top, bottom) = self.line_span(from);
            return (from + 1, bottom - top);
        }
        (end, height)
    }
}

impl Typesetter {
    fn new() -> Self {
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        for font in FONTS {
            collection.register_fonts(Blob::new(Arc::new(font)), None);
        }
        let mut fonts = FontContext::new();
        fonts.collection = collection;
        Typesetter {
            fonts,
            layouts: LayoutContext::new(),
        }
    }

    /// Lays out a text: at its size, broken into lines no wider than its width, its first
    /// bytes bold, centred or not.
    fn lay(&mut self, spec: &Spec) -> Layout<()> {
        let text = spec.text.as_str();
        let mut builder = self
            .layouts
            .ranged_builder(&mut self.fonts, text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(FontFamily::Source(
            FAMILIES.into(),
        )));
        builder.push_default(StyleProperty::FontSize(spec.size));
        // A word wider than its cell (a long URL, a run with no spaces) breaks between
        // graphemes instead of running over the next column and off the page.
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        if spec.bold > 0 {
            builder.push(
                StyleProperty::FontWeight(FontWeight::BOLD),
                0..spec.bold.min(text.len()),
            );
        }
        let mut layout = builder.build(text);
        layout.break_all_lines(Some(spec.width.max(1.0)));
        if spec.centred {
            layout.align(
                parley::Alignment::Center,
                parley::AlignmentOptions::default(),
            );
        }
        layout
    }
}

/// Something to draw on a page.
enum Mark {
    /// Lines `lines` of a laid-out text, the first one's top at `y`.
    Text {
        laid: usize,
        x: f32,
        y: f32,
        lines: Range<usize>,
    },
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        shaded: bool,
    },
}

/// A table's header rows: each row's laid-out cells, its height, and whether it is shaded.
type HeadRows = [(Vec<usize>, f32, bool)];

/// Pages being filled, top to bottom.
struct Flow {
    typesetter: Typesetter,
    laid: Vec<Laid>,
    /// The short texts laid out so far, by how: the same text laid out the same way again is
    /// the same layout.
    shared: HashMap<SpecKey, usize>,
    /// Bytes of text whose layouts are kept, and how many may be ([`KEPT_TEXT_BYTES`]).
    kept: usize,
    budget: usize,
    pages: Vec<Vec<Mark>>,
    /// Headings not placed yet: each waits for what follows it, so a heading never ends a page.
    pending: Vec<(usize, f32)>,
    y: f32,
    width: f32,
    height: f32,
}

impl Flow {
    fn left(&self) -> f32 {
        MARGIN
    }

    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// The height a page has for content.
    fn page_room(&self) -> f32 {
        self.bottom() - MARGIN
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Makes room for `height` points, on a new page if this one is too full.
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    fn lay(&mut self, text: &str, size: f32, bold: usize, width: f32) -> usize {
        self.lay_spec(Spec::new(text.to_string(), size, bold, width))
    }

    fn lay_spec(&mut self, spec: Spec) -> usize {
        // A text laid out before the same way is drawn from the same layout: an officer's cell
        // or a fee repeats down a table.
        let key = (spec.text.len() <= SHARED_TEXT_BYTES).then(|| SpecKey {
            text: spec.text.clone(),
            size: spec.size.to_bits(),
            bold: spec.bold,
            width: spec.width.to_bits(),
            centred: spec.centred,
        });
        if let Some(&index) = key.as_ref().and_then(|key| self.shared.get(key)) {
            return index;
        }
        let mut laid = Laid::new();
        for range in pieces(&spec.text, PIECE_BYTES) {
            let piece = Spec {
                text: spec.text[range.clone()].to_string(),
                bold: spec.bold.clamp(range.start, range.end) - range.start,
                ..spec
            };
            let layout = self.typesetter.lay(&piece);
            let keep = self.kept + piece.text.len() <= self.budget;
            if keep {
                self.kept += piece.text.len();
            }
            laid.push(piece, layout, keep);
        }
        self.laid.push(laid);
        if let Some(key) = key {
            self.shared.insert(key, self.laid.len() - 1);
        }
        self.laid.len() - 1
    }

    /// A heading, placed with whatever comes next.
    fn heading(&mut self, text: &str, size: f32, after: f32) {
        let laid = self.lay(text, size, text.len(), self.text_width());
        let height = self.laid[laid].height();
        self.pending.push((laid, height + after));
    }

    /// Places the waiting headings, with room for them and `next` points of what follows.
    fn place_headings(&mut self, next: f32) {
        let pending = std::mem::take(&mut self.pending);
        let total: f32 = pending.iter().map(|(_, h)| h).sum();
        self.room(total + next);
        for (laid, height) in pending {
            self.mark(Mark::Text {
                laid,
                x: self.left(),
                y: self.y,
                lines: ALL_LINES,
            });
            self.y += height;
        }
    }

    /// A paragraph, left-aligned or centred, then `after` points of space.
    fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: usize,
        indent: f32,
        centred: bool,
        after: f32,
    ) {
        let width = self.text_width() - indent;
        let laid = self.lay(text, size, bold, width);
        let height = self.laid[laid].height();
        self.place_headings(height.min(3.0 * size));
        let x = if centred {
            self.left() + (self.text_width() - self.laid[laid].width) / 2.0
        } else {
            self.left() + indent
        };
        if height <= self.page_room() {
            self.room(height);
            self.mark(Mark::Text {
                laid,
                x,
                y: self.y,
                lines: ALL_LINES,
            });
            self.y += height + after;
            return;
        }
        // Taller than a page: as many lines as fit on each page in turn.
        self.room(MIN_SLICE);
        let mut from = 0;
        while from < self.laid[laid].line_count() {
            let fresh = self.y <= MARGIN;
            let (end, used) = self.laid[laid].slice(from, self.bottom() - self.y, fresh);
            if end > from {
                self.mark(Mark::Text {
                    laid,
                    x,
                    y: self.y,
                    lines: from..end,
                });
                self.y += used;
            }
            from = end;
            if from < self.laid[laid].line_count() {
                self.new_page();
            }
        }
        self.y += after;
    }

    /// A table: its header rows on every page it spans, its rows never split.
    fn table(&mut self, table: &Table) {
        let weights = column_weights(table);
        let total: f32 = weights.iter().sum();
        let widths: Vec<f32> = weights
            .iter()
            .map(|w| self.text_width() * w / total)
            .collect();
        let header: Vec<Vec<String>> = table.headers.iter().map(|h| vec![h.clone()]).collect();
        let numbers: Vec<Vec<String>> = table
            .column_numbers
            .iter()
            .map(|n| vec![n.clone()])
            .collect();
        let head_rows: Vec<(Vec<usize>, f32, bool)> = [(header, true), (numbers, false)]
            .into_iter()
            .filter(|(cells, _)| !cells.is_empty())
            .map(|(cells, bold)| {
                let (laid, h) = self.lay_row(&cells, &widths, bold, true);
                (laid, h, bold)
            })
            .collect();
        let head_height: f32 = head_rows.iter().map(|(_, h, _)| h).sum();
        let mut first = true;
        let across = [self.text_width()];
        for (index, cells) in table.rows.iter().enumerate() {
            // A section's sub-heading spans the table and stays with the row after it.
            let section = table
                .section_before(index)
                .map(|s| self.lay_row(&[vec![s.to_string()]], &across, true, false));
            let (laid, row_height) = self.lay_row(cells, &widths, false, false);
            let height = row_height + section.as_ref().map_or(0.0, |(_, h)| *h);
            // A row that fits on a page starts on one where it fits whole; a taller one starts
            // where there is some room, and continues on the pages after.
            let need = if head_height + height <= self.page_room() {
                height
            } else {
                MIN_SLICE.min(height)
            };
            if first {
                self.place_headings(head_height + need);
            }
            let here = if first { head_height + need } else { need };
            if first || self.y + need > self.bottom() {
                if self.y + here > self.bottom() && self.y > MARGIN {
                    self.new_page();
                }
                self.draw_heads(&head_rows, &widths);
                first = false;
            }
            if let Some((laid, h)) = section {
                let heads = (head_rows.as_slice(), widths.as_slice());
                self.row(&laid, &across, h, true, heads);
            }
            let heads = (head_rows.as_slice(), widths.as_slice());
            self.row(&laid, &widths, row_height, false, heads);
        }
        self.y += 10.0;
    }

    fn draw_heads(&mut self, heads: &HeadRows, widths: &[f32]) {
        for (laid, h, shaded) in heads {
            self.draw_row(laid, widths, *h, *shaded, None);
        }
    }

    /// Draws a row where the flow is; a row taller than the room left continues on the next
    /// pages, under the table's header rows (`heads`, laid out at their widths), each cell taking
    /// up where it stopped.
    fn row(
        &mut self,
        laid: &[usize],
        widths: &[f32],
        height: f32,
        shaded: bool,
        heads: (&HeadRows, &[f32]),
    ) {
        if self.y + height <= self.bottom() {
            self.draw_row(laid, widths, height, shaded, None);
            return;
        }
        let mut from = vec![0; laid.len()];
        loop {
            let room = self.bottom() - self.y - 2.0 * PAD;
            let fresh = self.page_is_fresh(heads.0);
            let mut until = Vec::with_capacity(laid.len());
            let mut used: f32 = 0.0;
            for (&index, &start) in laid.iter().zip(&from) {
                let (end, h) = self.laid[index].slice(start, room, fresh);
                used = used.max(h);
                until.push(end);
            }
            let lines: Vec<Range<usize>> = from.iter().zip(&until).map(|(a, b)| *a..*b).collect();
            self.draw_row(laid, widths, used + 2.0 * PAD, shaded, Some(&lines));
            from = until;
            let done = laid
                .iter()
                .zip(&from)
                .all(|(&index, &at)| at >= self.laid[index].line_count());
            if done {
                return;
            }
            self.new_page();
            self.draw_heads(heads.0, heads.1);
        }
    }

    /// Whether nothing but the header rows is on this page yet.
    fn page_is_fresh(&self, heads: &HeadRows) -> bool {
        let head_height: f32 = heads.iter().map(|(_, h, _)| h).sum();
        self.y <= MARGIN + head_height + 0.5
    }

    fn lay_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        bold: bool,
        centred: bool,
    ) -> (Vec<usize>, f32) {
        let mut laid = Vec::with_capacity(widths.len());
        let mut height: f32 = 0.0;
        for (i, width) in widths.iter().enumerate() {
            let text = cells
                .get(i)
                .map(|lines| lines.join("\n"))
                .unwrap_or_default();
            let bold = if bold { text.len() } else { 0 };
            let index = self.lay_spec(Spec {
                text,
                size: 9.0,
                bold,
                width: width - 2.0 * PAD,
                centred,
            });
            height = height.max(self.laid[index].height());
            laid.push(index);
        }
        (laid, height + 2.0 * PAD)
    }

    /// Draws a row of cells `height` high: each cell's `lines`, or all of them.
    fn draw_row(
        &mut self,
        laid: &[usize],
        widths: &[f32],
        height: f32,
        shaded: bool,
        lines: Option<&[Range<usize>]>,
    ) {
        let mut x = self.left();
        for (i, (index, width)) in laid.iter().zip(widths).enumerate() {
            self.mark(Mark::Frame {
                x,
                y: self.y,
                w: *width,
                h: height,
                shaded,
            });
            let lines = lines.map_or(ALL_LINES, |l| l[i].clone());
            self.mark(Mark::Text {
                laid: *index,
                x: x + PAD,
                y: self.y + PAD,
                lines,
            });
            x += width;
        }
        self.y += height;
    }
}

/// Column shares: the serial narrow, the officer wide, the rest even.
fn column_weights(table: &Table) -> Vec<f32> {
    match table.headers.len() {
        7 => vec![0.55, 1.5, 1.6, 1.5, 1.3, 1.3, 2.2],
        4 => vec![0.6, 3.0, 3.6, 1.8],
        n => vec![1.0; n],
    }
}

/// A PDF written, and what in it will not print as the charter says.
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// One sentence for each place with characters the fonts cannot draw (they print as empty
    /// boxes), naming the characters and the service.
    pub warnings: Vec<String>,
}

/// A charter as a PDF: the whole charter, or with `service` that service alone. The metadata
/// follows from the charter: the title (with the office, or the service's name), the office as
/// author, the language, and `updated` for the footer. With `--pdfa`, characters the fonts cannot
/// draw are an error (PDF/A forbids them), with the sentence that is otherwise a warning. A
/// `draft` carries its mark at the top of every page.
pub fn charter_pdf(
    charter: &crate::charter::Charter,
    lang: Lang,
    service: Option<&str>,
    options: &PdfOptions,
    draft: bool,
) -> Result<Pdf, String> {
    let l = lang.code();
    let selection = super::document::Selection { service };
    let mut blocks = super::document::build(charter, lang, &selection);
    if draft {
        super::draft::mark(&mut blocks, lang);
    }
    let title = match service.and_then(|id| charter.service(id)) {
        Some((_, s)) => s.name.get(l).to_string(),
        None => format!("{} — {}", charter.title(l), charter.office.name.get(l)),
    };
    let info = PdfInfo {
        title: &title,
        author: charter.office.name.get(l),
        updated: charter.updated.as_deref(),
        lang,
    };
    let warnings = super::coverage::undrawable(&blocks, &FONTS);
    if options.pdfa && !warnings.is_empty() {
        return Err(format!("PDF/A forbids it: {}", warnings.join("; ")));
    }
    // The shaping library can panic on text no charter should hold (a lone combining mark, a
    // string of enclosing circles); the panic is kept from the user, and the text named.
    let bytes = match crate::guard::catch(|| render(&blocks, &info, options)) {
        Ok(result) => result?,
        Err(panic) => return Err(layout_failure(charter, lang, service, &panic)),
    };
    Ok(Pdf { bytes, warnings })
}

/// What to tell the user when laying the charter out panicked: which text did it.
fn layout_failure(
    charter: &crate::charter::Charter,
    lang: Lang,
    only: Option<&str>,
    panic: &str,
) -> String {
    let place = blame(charter, lang, only).unwrap_or_else(|| {
        "a text outside the services (the office, vision, mission, officers or grievance steps)"
            .to_string()
    });
    format!(
        "the text layout library (parley) failed on {place}: {panic}. Change that text (it may hold marks that combine with nothing), or render another format"
    )
}

/// The first service text that cannot be laid out alone, as `services.citizen[0].methods[1]
/// (service `id`)`.
fn blame(charter: &crate::charter::Charter, lang: Lang, only: Option<&str>) -> Option<String> {
    use crate::charter::Category;
    for category in Category::ALL {
        for (i, service) in charter.services.of(category).iter().enumerate() {
            if only.is_some_and(|id| id != service.id) {
                continue;
            }
            for (field, text) in service_texts(service) {
                if !lays_out(text.get(lang.code())) {
                    return Some(format!(
                        "services.{}[{i}].{field} (service `{}`)",
                        category.key(),
                        service.id
                    ));
                }
            }
        }
    }
    None
}

/// A service's texts, each with its key.
fn service_texts(service: &crate::charter::Service) -> Vec<(String, &crate::charter::Text)> {
    let mut texts = vec![("name".to_string(), &service.name)];
    for (k, method) in service.methods.iter().enumerate() {
        texts.push((format!("methods[{k}]"), method));
    }
    for (k, document) in service.documents.iter().enumerate() {
        match document {
            crate::charter::Document::Sourced { name, source } => {
                texts.push((format!("documents[{k}].name"), name));
                if let Some(source) = source {
                    texts.push((format!("documents[{k}].source"), source));
                }
            }
            crate::charter::Document::Plain(name) => texts.push((format!("documents[{k}]"), name)),
        }
    }
    texts.push(("fee".to_string(), &service.fee));
    texts.push(("time_limit".to_string(), &service.time_limit));
    for (key, text) in [
        ("place", &service.place),
        ("remarks", &service.remarks),
        ("section", &service.section),
    ] {
        if let Some(text) = text {
            texts.push((key.to_string(), text));
        }
    }
    texts
}

/// Whether `text` lays out and its glyphs can be walked, as drawing walks them, without a panic.
fn lays_out(text: &str) -> bool {
    crate::guard::catch(|| {
        let layout = Typesetter::new().lay(&Spec::new(text.to_string(), 10.5, 0, 120.0));
        let mut glyphs = 0usize;
        for line in layout.lines() {
            for item in line.items() {
                if let PositionedLayoutItem::GlyphRun(run) = item {
                    for cluster in run.run().visual_clusters() {
                        glyphs += cluster.glyphs().count();
                    }
                }
            }
        }
        glyphs
    })
    .is_ok()
}

/// Writes the document as a PDF.
pub fn render(blocks: &[Block], info: &PdfInfo, options: &PdfOptions) -> Result<Vec<u8>, String> {
    render_keeping(blocks, info, options, KEPT_TEXT_BYTES)
}

/// [`render`], keeping the layouts of the first `kept` bytes of text.
fn render_keeping(
    blocks: &[Block],
    info: &PdfInfo,
    options: &PdfOptions,
    kept: usize,
) -> Result<Vec<u8>, String> {
    let (mut width, mut height) = match options.paper {
        Paper::A4 => (595.28, 841.89),
        Paper::Letter => (612.0, 792.0),
        Paper::Legal => (612.0, 1008.0),
    };
    if !options.portrait {
        std::mem::swap(&mut width, &mut height);
    }
    let mut flow = Flow {
        typesetter: Typesetter::new(),
        laid: Vec::new(),
        shared: HashMap::new(),
        kept: 0,
        budget: kept,
        pages: Vec::new(),
        pending: Vec::new(),
        y: MARGIN,
        width,
        height,
    };
    flow.new_page();
    for block in blocks {
        match block {
            Block::Header(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    let bold = if i < 2 { line.len() } else { 0 };
                    flow.paragraph(line, 11.0, bold, 0.0, true, 1.0);
                }
                flow.y += 6.0;
            }
            // Printed at the top of every page instead.
            Block::Draft(_) => {}
            Block::Title(title) => flow.paragraph(title, 18.0, title.len(), 0.0, true, 10.0),
            // Printed in every page's footer instead.
            Block::Updated(_) => {}
            Block::Heading(text) => flow.heading(text, 13.0, 6.0),
            Block::Subheading(text) => flow.heading(text, 11.0, 4.0),
            Block::Paragraph { label, text } => {
                let both = format!("{label} {text}");
                flow.paragraph(&both, 10.5, label.len(), 0.0, false, 6.0);
            }
            Block::List(items) => {
                for item in items {
                    flow.paragraph(item, 10.5, 0, 12.0, false, 2.0);
                }
                flow.y += 6.0;
            }
            Block::Table(table) => flow.table(table),
        }
    }
    flow.place_headings(0.0);
    let draft = blocks.iter().find_map(|b| match b {
        Block::Draft(text) => Some(text.as_str()),
        _ => None,
    });
    write(flow, info, options, draft)
}

/// Draws the laid-out pages, with their footers, and writes the PDF.
fn write(
    flow: Flow,
    info: &PdfInfo,
    options: &PdfOptions,
    draft: Option<&str>,
) -> Result<Vec<u8>, String> {
    let Flow {
        mut typesetter,
        laid,
        pages,
        width,
        height,
        ..
    } = flow;
    let total = pages.len();
    let draft = draft.map(|text| {
        let spec = Spec::new(text.to_string(), 10.0, text.len(), width - 2.0 * MARGIN);
        let layout = typesetter.lay(&spec);
        (spec, layout)
    });
    let page_word = if info.lang == Lang::En {
        "Page"
    } else {
        "পৃষ্ঠা"
    };
    let number = |n: usize| {
        if info.lang == Lang::En {
            n.to_string()
        } else {
            bengali_number(n, 1)
        }
    };
    let updated = info.updated.map(|date| {
        let label = if info.lang == Lang::En {
            "Updated"
        } else {
            "হালনাগাদ"
        };
        let date = super::document::date(date, info.lang);
        let spec = Spec::new(format!("{label}: {date}"), 8.5, 0, 300.0);
        let layout = typesetter.lay(&spec);
        (spec, layout)
    });
    let mut settings = krilla::SerializeSettings::default();
    if options.pdfa {
        settings.configuration = ConfigurationBuilder::new()
            .set_validator(Validator::A(Archival::A2_B))
            .finish()
            .map_err(|e| format!("PDF/A configuration: {e:?}"))?;
    }
    let mut document = Document::new_with(settings);
    let mut fonts: HashMap<(u64, u32), (Font, Option<GlyphId>)> = HashMap::new();
    let page_size = PageSettings::from_wh(width, height).ok_or("bad page size")?;
    // The text whose layout was not kept and was laid out again, for the lines of it on the
    // next page (a tall row continues there).
    let mut again: Option<((usize, usize), Layout<()>)> = None;
    for (page_index, marks) in pages.iter().enumerate() {
        let mut page = document.start_page_with(page_size.clone());
        let mut surface = page.surface();
        for mark in marks {
            match mark {
                Mark::Frame { x, y, w, h, shaded } => frame(&mut surface, *x, *y, *w, *h, *shaded),
                Mark::Text {
                    laid: index,
                    x,
                    y,
                    lines,
                } => {
                    let item = &laid[*index];
                    // The text's top, placed so that line `lines.start` is at `y`.
                    let top = *y - item.line_span(lines.start).0;
                    for (p, piece) in item.pieces.iter().enumerate() {
                        let count = piece_lines(item, p);
                        let from = lines.start.max(piece.first_line);
                        let to = lines.end.min(piece.first_line + count);
                        if from >= to {
                            continue;
                        }
                        let key = (*index, p);
                        if piece.layout.is_none() && again.as_ref().is_none_or(|(k, _)| *k != key) {
                            again = Some((key, typesetter.lay(&piece.spec)));
                        }
                        let layout = match (&piece.layout, &again) {
                            (Some(layout), _) => &**layout,
                            (None, Some((_, layout))) => layout,
                            (None, None) => continue,
                        };
                        let local = from - piece.first_line..to - piece.first_line;
                        let at = (*x, top + piece.top);
                        draw(
                            &mut surface,
                            layout,
                            &piece.spec.text,
                            at,
                            local,
                            &mut fonts,
                        );
                    }
                }
            }
        }
        if let Some((spec, layout)) = &draft {
            let x = (width - layout.width()) / 2.0;
            let at = (x, MARGIN / 2.0 - 6.0 - first_line_top(layout));
            draw(&mut surface, layout, &spec.text, at, ALL_LINES, &mut fonts);
        }
        let foot_y = height - MARGIN - 10.0;
        let spec = Spec::new(
            format!("{page_word} {}/{}", number(page_index + 1), number(total)),
            8.5,
            0,
            200.0,
        );
        let layout = typesetter.lay(&spec);
        let right = width - MARGIN - layout.width();
        let at = (right, foot_y - first_line_top(&layout));
        draw(&mut surface, &layout, &spec.text, at, ALL_LINES, &mut fonts);
        if let Some((spec, layout)) = &updated {
            let at = (MARGIN, foot_y - first_line_top(layout));
            draw(&mut surface, layout, &spec.text, at, ALL_LINES, &mut fonts);
        }
        surface.finish();
        page.finish();
    }
    let (year, month, day) = crate::clock::civil_date(crate::clock::unix_now() / 86_400);
    let metadata = Metadata::new()
        .title(info.title.to_string())
        .authors(vec![info.author.to_string()])
        .language(info.lang.code().to_string())
        .creator("charter".to_string())
        .creation_date(DateTime::new(year).month(month).day(day));
    document.set_metadata(metadata);
    document.finish().map_err(|e| format!("{e:?}"))
}

/// How many lines piece `p` of a text has.
fn piece_lines(laid: &Laid, p: usize) -> usize {
    let end = laid
        .pieces
        .get(p + 1)
        .map_or(laid.lines.len(), |next| next.first_line);
    end - laid.pieces[p].first_line
}

/// The pieces a text is laid out in: at most `max` bytes each, ending at a line break (which
/// is left out: the next piece starts a line) or after a space where the text has one, else at
/// a character's end.
fn pieces(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut cut = start + max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        // A line break ends its piece, which is what it did; a space stays at its line's end.
        let (end, next) = match (window.rfind('\n'), window.rfind(' ')) {
            (Some(i), _) if i > 0 => (start + i, start + i + 1),
            (_, Some(i)) if i > 0 => (start + i + 1, start + i + 1),
            _ if cut > start => (cut, cut),
            // Not even one character fits: take one whole.
            _ => {
                let one = start + text[start..].chars().next().map_or(1, char::len_utf8);
                (one, one)
            }
        };
        ranges.push(start..end);
        start = next;
    }
    if start < text.len() || ranges.is_empty() {
        ranges.push(start..text.len());
    }
    ranges
}

/// The top of a layout's first line, from the layout's top.
fn first_line_top(layout: &Layout<()>) -> f32 {
    layout
        .lines()
        .next()
        .map_or(0.0, |line| line.metrics().block_min_coord)
}

fn frame(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, shaded: bool) {
    let Some(rect) = Rect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    let Some(path) = builder.finish() else { return };
    if shaded {
        surface.set_fill(Some(Fill {
            paint: krilla::color::rgb::Color::new(232, 239, 232).into(),
            ..Fill::default()
        }));
    } else {
        surface.set_fill(None);
    }
    surface.set_stroke(Some(Stroke {
        width: 0.5,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
}

/// Draws lines `lines` of a layout of `text`, the layout's top-left corner at `at`.
fn draw(
    surface: &mut Surface,
    layout: &Layout<()>,
    text: &str,
    at: (f32, f32),
    lines: Range<usize>,
    fonts: &mut HashMap<(u64, u32), (Font, Option<GlyphId>)>,
) {
    surface.set_fill(Some(Fill::default()));
    let (x, y) = at;
    for line in layout.lines().take(lines.end).skip(lines.start) {
        for item in line.items() {
            let PositionedLayoutItem::GlyphRun(run) = item else {
                continue;
            };
            let size = run.run().font_size();
            let data = run.run().font();
            let key = (data.data.id(), data.index);
            let (font, blank) = match fonts.get(&key) {
                Some(entry) => entry.clone(),
                None => {
                    let bytes = data.data.data();
                    let blank = blank_glyph(bytes, data.index);
                    // One of the embedded fonts, as it is (no copy of half a megabyte).
                    let shared: krilla::Data =
                        match FONTS.iter().find(|f| f.as_ptr() == bytes.as_ptr()) {
                            Some(embedded) => (*embedded).into(),
                            None => bytes.to_vec().into(),
                        };
                    let Some(font) = Font::new(shared, data.index) else {
                        continue;
                    };
                    fonts.insert(key, (font.clone(), blank));
                    (font, blank)
                }
            };
            let mut glyphs: Vec<KrillaGlyph> = Vec::new();
            for cluster in run.run().visual_clusters() {
                let range = cluster.text_range();
                let mut any = false;
                for glyph in cluster.glyphs() {
                    any = true;
                    glyphs.push(KrillaGlyph::new(
                        GlyphId::new(glyph.id),
                        glyph.advance / size,
                        glyph.x / size,
                        -glyph.y / size,
                        0.0,
                        range.clone(),
                        None,
                    ));
                }
                // A ligature's later characters have no glyph of their own: their text belongs
                // to the glyph before, so that it copies out.
                if !any && let Some(last) = glyphs.last_mut() {
                    last.text_range.end = last.text_range.end.max(range.end);
                }
            }
            let glyphs = end_syllables(unify_reordered(glyphs), blank);
            let start = Point::from_xy(x + run.offset(), y + run.baseline());
            surface.draw_glyphs(start, &glyphs, font, text, size, false);
        }
    }
}

/// Gives every glyph of one syllable the syllable's whole text range, and returns the
/// syllables. Shaping reorders glyphs (ি and ে before their consonant, reph after it), so in
/// drawing order a range can go backwards or overlap the one before; such glyphs are one group,
/// and a reader copying the text gets the syllable once, in order, instead of pieces or repeats.
fn unify_reordered(glyphs: Vec<KrillaGlyph>) -> Vec<Vec<KrillaGlyph>> {
    let mut groups: Vec<Vec<KrillaGlyph>> = Vec::new();
    for glyph in glyphs {
        match groups.last_mut() {
            Some(group) if glyph.text_range.start < group[0].text_range.end => {
                let start = group[0].text_range.start.min(glyph.text_range.start);
                let end = group[0].text_range.end.max(glyph.text_range.end);
                group.push(glyph);
                for g in group.iter_mut() {
                    g.text_range = start..end;
                }
            }
            _ => groups.push(vec![glyph]),
        }
    }
    groups
}

/// Ends each syllable whose last glyph is a mark (reph, ু, hasanta: no advance, often pulled
/// left) with an invisible, zero-width glyph at the syllable's end. Text extraction (poppler) takes a
/// span to end where its last glyph ends; ending on a mark, the span stops short, and the gap to
/// the next syllable reads as a space. The glyph adds no text: it is inside the syllable's
/// ActualText, and drawn with no advance.
fn end_syllables(groups: Vec<Vec<KrillaGlyph>>, blank: Option<GlyphId>) -> Vec<KrillaGlyph> {
    let mut out = Vec::new();
    for mut group in groups {
        let ends_in_mark = group.len() > 1 && group.last().is_some_and(|g| g.x_advance == 0.0);
        if let (true, Some(id)) = (ends_in_mark, blank) {
            let range = group[0].text_range.clone();
            group.push(KrillaGlyph::new(id, 0.0, 0.0, 0.0, 0.0, range, None));
        }
        out.extend(group);
    }
    out
}

/// A glyph that draws nothing and advances nothing, to end a syllable: U+200B ZERO WIDTH SPACE
/// (Noto draws ZWNJ as a visible bar, and a space's width overlaps the next syllable).
fn blank_glyph(data: &[u8], index: u32) -> Option<GlyphId> {
    use skrifa::MetadataProvider;
    let font = skrifa::FontRef::from_index(data, index).ok()?;
    font.charmap()
        .map('\u{200b}')
        .map(|g| GlyphId::new(g.to_u32()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_at_line_breaks_then_spaces() {
        let text = "ক খ\nগ ঘ ঙ চছজ";
        let cut: Vec<&str> = pieces(text, 12).into_iter().map(|r| &text[r]).collect();
        assert_eq!(cut, ["ক খ", "গ ঘ ঙ ", "চছজ"]);
        let cut: Vec<&str> = pieces("চছজঝ", 7).into_iter().map(|r| &"চছজঝ"[r]).collect();
        assert_eq!(cut, ["চছ", "জঝ"]);
        assert_eq!(
            pieces("চছ", 2),
            [0..3, 3..6],
            "one character a piece at least"
        );
        assert_eq!(pieces("", 8), vec![Range { start: 0, end: 0 }]);
    }

    #[test]
    fn text_laid_out_again_when_drawn_gives_the_same_pdf() {
        let source = include_str!("../../charters/kawkhali-ict.toml");
        let charter = crate::charter::load_str(source).charter;
        let blocks = super::super::document::build(
            &charter,
            Lang::Bn,
            &super::super::document::Selection { service: None },
        );
        let info = PdfInfo {
            title: "t",
            author: "a",
            updated: Some("2026-01-01"),
            lang: Lang::Bn,
        };
        let options = PdfOptions::default();
        let kept = render_keeping(&blocks, &info, &options, usize::MAX).unwrap();
        let again = render_keeping(&blocks, &info, &options, 0).unwrap();
        assert!(kept.len() > 10_000);
        assert!(kept == again, "the PDFs differ");
    }

    fn glyph(range: std::ops::Range<usize>) -> KrillaGlyph {
        KrillaGlyph::new(GlyphId::new(1), 0.5, 0.0, 0.0, 0.0, range, None)
    }

    #[test]
    fn reordered_glyphs_share_their_syllable() {
        // র্ভি then স: ি and ভ carry 6..12, the reph after them 0..6, then স 12..15.
        let groups = unify_reordered(vec![glyph(6..12), glyph(6..12), glyph(0..6), glyph(12..15)]);
        let ranges: Vec<Vec<_>> = groups
            .iter()
            .map(|g| g.iter().map(|g| g.text_range.clone()).collect())
            .collect();
        let sizes: Vec<usize> = ranges.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 1]);
        assert_eq!(ranges.concat(), [0..12, 0..12, 0..12, 12..15]);
    }

    #[test]
    fn a_syllable_ending_in_a_mark_gets_an_invisible_end() {
        let mut mark = glyph(0..6);
        mark.x_advance = 0.0;
        let blank = Some(GlyphId::new(99));
        let out = end_syllables(vec![vec![glyph(0..6), mark], vec![glyph(6..9)]], blank);
        let ids: Vec<u32> = out.iter().map(|g| g.glyph_id.to_u32()).collect();
        assert_eq!(ids, [1, 1, 99, 1]);
        assert_eq!(out[2].text_range, 0..6);
        assert!(
            blank_glyph(FONTS[0], 0).is_some(),
            "Noto Sans Bengali has U+200B"
        );
    }
}
