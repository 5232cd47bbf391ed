//! Puts a charter's rendered document into a Word file, for the tests: the HTML that `charter
//! render` writes, its paragraphs as Word paragraphs and its tables as Word tables (a cell's
//! `<p>` lines as paragraphs of the cell, `colspan` as `gridSpan`).

use scraper::{ElementRef, Html, Node};
use std::io::{Cursor, Write};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn paragraph(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

/// The text of an element, its `<p>` children as separate lines.
fn lines(element: ElementRef) -> Vec<String> {
    let ps: Vec<String> = element
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "p")
        .map(|p| p.text().collect::<String>())
        .collect();
    if ps.is_empty() {
        vec![element.text().collect::<String>()]
    } else {
        ps
    }
}

fn table(element: ElementRef) -> String {
    let mut out = String::from("<w:tbl>");
    for row in element.select(&scraper::Selector::parse("tr").unwrap()) {
        out.push_str("<w:tr>");
        for cell in row.children().filter_map(ElementRef::wrap) {
            let span = cell.value().attr("colspan").unwrap_or("1");
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>"
            ));
            for line in lines(cell) {
                out.push_str(&paragraph(&line));
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// A DOCX file holding the document of an HTML page as `charter render` writes it.
pub fn from_html(html: &str) -> Vec<u8> {
    let page = Html::parse_document(html);
    let body = page
        .select(&scraper::Selector::parse("body").unwrap())
        .next()
        .unwrap();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    for node in body.descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let inside_table = element
            .ancestors()
            .any(|a| matches!(a.value(), Node::Element(e) if e.name() == "table"));
        if inside_table {
            continue;
        }
        match element.value().name() {
            "table" => xml.push_str(&table(element)),
            "p" | "h1" | "h2" | "h3" | "li" => {
                xml.push_str(&paragraph(&element.text().collect::<String>()));
            }
            _ => {}
        }
    }
    xml.push_str("</w:body></w:document>");
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}
