//! The charter as one self-contained, accessible HTML page: real tables with header cells, a
//! print stylesheet that prints it landscape like the wall copy, readable on a phone, and no
//! request to anywhere.

use super::document::{Block, Lang, Table};
use super::sink::Sink;

const STYLE: &str = "
  body { font-family: 'Noto Sans Bengali', 'Kalpurush', 'SolaimanLipi', 'Nirmala UI', sans-serif;
         margin: 1rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.5; color: #111; }
  header { text-align: center; }
  header p { margin: 0.1rem 0; }
  h1 { text-align: center; font-size: 1.6rem; }
  h2 { font-size: 1.25rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  th, td { border: 1px solid #444; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
  thead th { background: #e8efe8; }
  thead tr.numbers th { font-weight: normal; text-align: center; }
  td p, th p { margin: 0; }
  .draft { border: 2px dashed #a00; color: #a00; font-weight: bold; text-align: center; padding: 0.4rem; }
  @media (max-width: 40rem) {
    body { padding: 0 0.5rem; }
    table, tbody, tr, th, td { display: block; width: auto; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    tr { border: 1px solid #444; margin-bottom: 0.8rem; }
    th, td { border: none; border-bottom: 1px solid #ccc; }
    tbody th[scope=row] { background: #e8efe8; }
    [data-label]::before { content: attr(data-label); display: block; font-weight: bold; font-size: 0.85rem; color: #333; }
  }
  @media print {
    @page { size: A4 landscape; margin: 12mm; }
    body { max-width: none; margin: 0; font-size: 10pt; }
    .scroll { overflow: visible; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    h2, h3 { break-after: avoid; }
    .draft { position: fixed; top: 0; left: 0; right: 0; background: #fff; }
  }
";

/// Writes the document as an HTML page.
pub fn render(blocks: &[Block], lang: Lang, title: &str, out: &mut Sink) {
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(title)
    ));
    for block in blocks {
        match block {
            Block::Header(lines) => {
                out.push_str("<header>\n");
                for line in lines {
                    out.push_str(&format!("<p>{}</p>\n", escape(line)));
                }
                out.push_str("</header>\n");
            }
            Block::Draft(text) => {
                out.push_str(&format!(
                    "<p class=\"draft\" role=\"note\">{}</p>\n",
                    escape(text)
                ));
            }
            Block::Title(text) => out.push_str(&format!("<h1>{}</h1>\n", escape(text))),
            Block::Updated(text) => {
                out.push_str(&format!("<p class=\"updated\">{}</p>\n", escape(text)));
            }
            Block::Heading(text) => out.push_str(&format!("<h2>{}</h2>\n", escape(text))),
            Block::Subheading(text) => out.push_str(&format!("<h3>{}</h3>\n", escape(text))),
            Block::Paragraph { label, text } => {
                out.push_str(&format!(
                    "<p><strong>{}</strong> {}</p>\n",
                    escape(label),
                    escape(text)
                ));
            }
            Block::List(items) => {
                out.push_str("<ol style=\"list-style: none; padding-left: 0\">\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                out.push_str("</ol>\n");
            }
            Block::Table(table) => table_html(table, out),
        }
    }
    out.push_str("</body>\n</html>\n");
}

fn table_html(table: &Table, out: &mut Sink) {
    out.push_str(&format!(
        "<div class=\"scroll\">\n<table>\n<caption>{}</caption>\n<thead>\n<tr>",
        escape(&table.caption)
    ));
    for h in &table.headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr>\n");
    if !table.column_numbers.is_empty() {
        out.push_str("<tr class=\"numbers\" aria-hidden=\"true\">");
        for n in &table.column_numbers {
            out.push_str(&format!("<th>{}</th>", escape(n)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    for (index, cells) in table.rows.iter().enumerate() {
        if let Some(section) = table.section_before(index) {
            out.push_str(&format!(
                "<tr class=\"section\"><th colspan=\"{}\" scope=\"rowgroup\">{}</th></tr>\n",
                table.headers.len(),
                escape(section)
            ));
        }
        out.push_str("<tr>");
        for (i, lines) in cells.iter().enumerate() {
            // The heading travels with each cell, for the stacked layout of narrow screens.
            let label = escape(table.headers.get(i).map_or("", String::as_str));
            let (open, close) = if i == 0 {
                (
                    format!("<th scope=\"row\" data-label=\"{label}\">"),
                    "</th>",
                )
            } else {
                (format!("<td data-label=\"{label}\">"), "</td>")
            };
            out.push_str(&open);
            match lines.as_slice() {
                [one] => out.push_str(&escape(one)),
                many => {
                    for line in many {
                        out.push_str(&format!("<p>{}</p>", escape(line)));
                    }
                }
            }
            out.push_str(close);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
