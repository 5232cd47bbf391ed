//! The imported charter as a charter file: the format's keys in `charter fmt`'s canonical
//! layout, and what found no place as `# import:` comments beside where it belongs.

use super::Note;
use super::assemble::Assembled;
use crate::charter::{Category, Charter, Document, Officer, Service, Text};
use std::fmt::Write;

/// Writes the charter file's text.
pub fn write(assembled: &Assembled) -> Result<String, String> {
    let c = &assembled.charter;
    let mut out = String::new();
    if !assembled.top.is_empty() {
        out.push_str(
            "# Imported by `charter import`. The lines below found no place in the format;\n",
        );
        out.push_str("# move what belongs to the charter into it, then delete them.\n");
        for note in &assembled.top {
            comment(&mut out, note);
        }
        out.push('\n');
    }
    out.push_str("version = 1\n");
    if let Some(title) = &c.title {
        text_key(&mut out, "title", title);
    }
    if let Some(updated) = &c.updated {
        let _ = writeln!(out, "updated = {updated}");
    }
    if let Some(source) = &c.source {
        string_key(&mut out, "source", source);
    }
    for (key, text) in [("vision", &c.vision), ("mission", &c.mission)] {
        if !text.bn().is_empty() {
            text_key(&mut out, key, text);
        }
    }
    if !c.expectations.is_empty() {
        texts_key(&mut out, "expectations", &c.expectations);
    }
    office(&mut out, c);
    for (id, officer) in &c.officers {
        officer_table(&mut out, id, officer);
    }
    for category in Category::ALL {
        for (index, service) in c.services.of(category).iter().enumerate() {
            out.push('\n');
            for (_, _, note) in assembled
                .before
                .iter()
                .filter(|(cat, at, _)| *cat == category && *at == index)
            {
                comment(&mut out, note);
            }
            let _ = writeln!(out, "[[services.{}]]", category.key());
            service_table(&mut out, service);
        }
        // Notes after the last service of a category stay after it.
        let count = c.services.of(category).len();
        let after: Vec<&Note> = assembled
            .before
            .iter()
            .filter(|(cat, at, _)| *cat == category && *at >= count)
            .map(|(_, _, n)| n)
            .collect();
        if !after.is_empty() {
            out.push('\n');
            for note in after {
                comment(&mut out, note);
            }
        }
    }
    for step in &c.grievance {
        out.push_str("\n[[grievance]]\n");
        text_key(&mut out, "when", &step.when);
        if !step.officer.is_empty() {
            string_key(&mut out, "officer", &step.officer);
        }
        if !step.time_limit.bn().is_empty() {
            text_key(&mut out, "time_limit", &step.time_limit);
        }
    }
    if !assembled.end.is_empty() {
        out.push('\n');
        for note in &assembled.end {
            comment(&mut out, note);
        }
    }
    crate::format::format(&out)
}

/// A note as a comment line: `# import: text (why)`.
fn comment(out: &mut String, note: &Note) {
    let text: String = note
        .text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let _ = writeln!(out, "# import: {} ({})", text.trim(), note.reason);
}

fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

fn string_key(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quoted(value));
}

fn text_value(text: &Text) -> String {
    match text {
        Text::Plain(s) => quoted(s),
        Text::Translated(t) => {
            let mut parts = vec![format!("bn = {}", quoted(&t.bn))];
            if let Some(en) = &t.en {
                parts.push(format!("en = {}", quoted(en)));
            }
            for (lang, s) in &t.other {
                parts.push(format!("{lang} = {}", quoted(s)));
            }
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

fn text_key(out: &mut String, key: &str, text: &Text) {
    let _ = writeln!(out, "{key} = {}", text_value(text));
}

fn texts_key(out: &mut String, key: &str, texts: &[Text]) {
    let items: Vec<String> = texts.iter().map(text_value).collect();
    let _ = writeln!(out, "{key} = [{}]", items.join(", "));
}

fn optional_text(out: &mut String, key: &str, text: &Option<Text>) {
    if let Some(text) = text {
        text_key(out, key, text);
    }
}

fn optional_string(out: &mut String, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        string_key(out, key, value);
    }
}

fn office(out: &mut String, c: &Charter) {
    let o = &c.office;
    out.push_str("\n[office]\n");
    if !o.name.bn().is_empty() {
        text_key(out, "name", &o.name);
    }
    optional_text(out, "government", &o.government);
    optional_text(out, "unit", &o.unit);
    optional_text(out, "address", &o.address);
    optional_string(out, "website", &o.website);
    optional_string(out, "email", &o.email);
    optional_string(out, "phone", &o.phone);
}

fn officer_table(out: &mut String, id: &str, o: &Officer) {
    let _ = writeln!(out, "\n[officers.{id}]");
    optional_text(out, "name", &o.name);
    optional_text(out, "designation", &o.designation);
    optional_text(out, "office", &o.office);
    optional_text(out, "room", &o.room);
    optional_string(out, "phone", &o.phone);
    optional_string(out, "email", &o.email);
    optional_string(out, "website", &o.website);
}

fn service_table(out: &mut String, s: &Service) {
    string_key(out, "id", &s.id);
    text_key(out, "name", &s.name);
    if !s.methods.is_empty() {
        texts_key(out, "methods", &s.methods);
    }
    if !s.documents.is_empty() {
        let items: Vec<String> = s
            .documents
            .iter()
            .map(|d| match d {
                Document::Plain(t) => text_value(t),
                Document::Sourced { name, source } => match source {
                    Some(source) => format!(
                        "{{ name = {}, source = {} }}",
                        text_value(name),
                        text_value(source)
                    ),
                    None => format!("{{ name = {} }}", text_value(name)),
                },
            })
            .collect();
        let _ = writeln!(out, "documents = [{}]", items.join(", "));
    }
    if !s.fee.bn().is_empty() {
        text_key(out, "fee", &s.fee);
    }
    if !s.time_limit.bn().is_empty() {
        text_key(out, "time_limit", &s.time_limit);
    }
    if !s.officer.is_empty() {
        string_key(out, "officer", &s.officer);
    }
    if !s.keywords.is_empty() {
        let items: Vec<String> = s.keywords.iter().map(|k| quoted(k)).collect();
        let _ = writeln!(out, "keywords = [{}]", items.join(", "));
    }
    optional_string(out, "superior", &s.superior);
    optional_text(out, "place", &s.place);
    optional_text(out, "remarks", &s.remarks);
    optional_text(out, "section", &s.section);
}
