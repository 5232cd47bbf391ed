//! The charter as GitHub-flavoured Markdown, for a README or a wiki.

use super::document::{Block, Table};
use super::sink::Sink;

/// Writes the document as Markdown.
pub fn render(blocks: &[Block], out: &mut Sink) {
    for block in blocks {
        match block {
            Block::Header(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                out.push_str(&format!("**{}**\n\n", lines.join("**<br>\n**")));
            }
            Block::Draft(text) => out.push_str(&format!("> **{}**\n\n", escape(text))),
            Block::Title(title) => out.push_str(&format!("# {}\n\n", escape(title))),
            Block::Updated(text) => out.push_str(&format!("*{}*\n\n", escape(text))),
            Block::Heading(text) => out.push_str(&format!("## {}\n\n", escape(text))),
            Block::Subheading(text) => out.push_str(&format!("### {}\n\n", escape(text))),
            Block::Paragraph { label, text } => {
                out.push_str(&format!("**{}** {}\n\n", escape(label), escape(text)));
            }
            Block::List(items) => {
                for item in items {
                    // The items carry their own Bengali numbers, so this is a plain list.
                    out.push_str(&format!("- {}\n", escape(item)));
                }
                out.push('\n');
            }
            Block::Table(table) => table_md(table, out),
        }
    }
}

fn table_md(table: &Table, out: &mut Sink) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(table
        .headers
        .iter()
        .map(|h| cell(std::slice::from_ref(h)))
        .collect()));
    out.push_str(&row(table
        .headers
        .iter()
        .map(|_| "---".to_string())
        .collect()));
    if !table.column_numbers.is_empty() {
        out.push_str(&row(table
            .column_numbers
            .iter()
            .map(|n| cell(std::slice::from_ref(n)))
            .collect()));
    }
    for (index, cells) in table.rows.iter().enumerate() {
        // Markdown has no cell across a table: a sub-heading is a row of one bold cell.
        if let Some(section) = table.section_before(index) {
            let mut cells = vec![format!("**{}**", cell(&[section.to_string()]))];
            cells.resize(table.headers.len(), String::new());
            out.push_str(&row(cells));
        }
        out.push_str(&row(cells.iter().map(|lines| cell(lines)).collect()));
    }
    out.push('\n');
}

/// A table cell: its lines joined by `<br>`, pipes escaped.
fn cell(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape(l).replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Escapes what Markdown would read as markup, so the published wording shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_markup() {
        assert_eq!(cell(&["a | b".into(), "c*d".into()]), "a \\| b<br>c\\*d");
        assert_eq!(escape("<b> & ই-মেইল_"), "&lt;b&gt; &amp; ই-মেইল\\_");
    }
}
