//! The charter as a document: the headings, paragraphs and tables of the printed charter, in the
//! order of the published document, before any output format is chosen. The table, Markdown and
//! HTML renderers each write this; the PDF writes it too.

use crate::bangla;
use crate::charter::{
    Category, Charter, DEFAULT_GOVERNMENT, Document as Paper, Officer, Service, Text,
};

/// The language to render in. English uses the charter's `en` texts where it has them and the
/// Bengali where it does not; headings and labels follow the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Bengali, as published.
    Bn,
    /// English where the charter has it.
    En,
}

impl Lang {
    /// The language code: `bn` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bn => "bn",
            Lang::En => "en",
        }
    }

    fn pick(self, bn: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Bn => bn,
            Lang::En => en,
        }
    }

    /// A number written in this language's digits, zero-padded to two places: ০১ or 01.
    pub fn serial(self, n: usize) -> String {
        match self {
            Lang::Bn => bangla::bengali_number(n, 2),
            Lang::En => format!("{n:02}"),
        }
    }

    /// A number in this language's digits.
    pub fn number(self, n: usize) -> String {
        match self {
            Lang::Bn => bangla::bengali_number(n, 1),
            Lang::En => n.to_string(),
        }
    }
}

/// A date (`2024-07-01`) as the document prints it: in Bengali digits for a Bengali document.
pub fn date(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Bn => date
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32('০' as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        Lang::En => date.to_string(),
    }
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The mark of a draft (`render --draft`), printed before everything, on every page.
    Draft(String),
    /// The issuing office, line by line, printed centred above the title.
    Header(Vec<String>),
    /// The document title.
    Title(String),
    /// When the charter was last revised, labelled: `সর্বশেষ হালনাগাদ: ২০২৪-০৭-০১`.
    Updated(String),
    /// A numbered section heading: `১. ভিশন ও মিশন`.
    Heading(String),
    /// A subsection heading: `২.১ নাগরিক সেবা`.
    Subheading(String),
    /// A labelled paragraph: `ভিশনঃ` and its text.
    Paragraph {
        /// The label, printed first.
        label: String,
        /// The text.
        text: String,
    },
    /// A numbered list; the items carry their numbers.
    List(Vec<String>),
    /// A table of services or grievance steps.
    Table(Table),
}

/// A table: its headings, whether the column-number row (০১ … ০৭) follows them, and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// What the table holds, for captions and screen readers.
    pub caption: String,
    /// The column headings.
    pub headers: Vec<String>,
    /// The column numbers printed under the headings, as the prescribed form has them.
    pub column_numbers: Vec<String>,
    /// The rows; each cell is a list of lines.
    pub rows: Vec<Vec<Vec<String>>>,
    /// Sub-headings (a department: `প্রশাসন বিভাগ`) printed across the table before the row
    /// with that index.
    pub sections: Vec<(usize, String)>,
    /// What each row is, in the tool's messages (`service`), named by its second cell.
    pub row_kind: &'static str,
}

impl Table {
    /// The sub-heading printed before row `index`, if one is.
    pub fn section_before(&self, index: usize) -> Option<&str> {
        self.sections
            .iter()
            .find(|(at, _)| *at == index)
            .map(|(_, s)| s.as_str())
    }
}

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct Selection<'a> {
    /// Only this service, by id.
    pub service: Option<&'a str>,
}

/// Builds the document of a charter.
pub fn build(charter: &Charter, lang: Lang, selection: &Selection) -> Vec<Block> {
    let t = |text: &Text| text.get(lang.code()).to_string();
    let mut blocks = vec![Block::Header(header(charter, lang))];
    blocks.push(Block::Title(charter.title(lang.code()).to_string()));
    if let Some(updated) = &charter.updated {
        let label = lang.pick("সর্বশেষ হালনাগাদ", "Last updated");
        blocks.push(Block::Updated(format!("{label}: {}", date(updated, lang))));
    }
    if selection.service.is_none() {
        blocks.push(Block::Heading(
            lang.pick("১. ভিশন ও মিশন", "1. Vision and mission").into(),
        ));
        blocks.push(Block::Paragraph {
            label: lang.pick("ভিশনঃ", "Vision:").into(),
            text: t(&charter.vision),
        });
        blocks.push(Block::Paragraph {
            label: lang.pick("মিশনঃ", "Mission:").into(),
            text: t(&charter.mission),
        });
    }
    blocks.push(Block::Heading(
        lang.pick("২. প্রতিশ্রুত সেবাসমূহ", "2. Services we promise")
            .into(),
    ));
    for category in Category::ALL {
        let services: Vec<(usize, &Service)> = charter
            .services
            .of(category)
            .iter()
            .enumerate()
            .filter(|(_, s)| selection.service.is_none_or(|id| s.id == id))
            .map(|(i, s)| (i + 1, s))
            .collect();
        if services.is_empty() {
            continue;
        }
        blocks.push(Block::Subheading(category_heading(category, lang).into()));
        blocks.push(Block::Table(service_table(
            charter, category, &services, lang,
        )));
    }
    if selection.service.is_some() {
        return blocks;
    }
    if !charter.expectations.is_empty() {
        blocks.push(Block::Heading(
            lang.pick("৩. আপনার কাছে আমাদের প্রত্যাশা", "3. What we expect from you")
                .into(),
        ));
        let items = charter.expectations.iter().enumerate();
        blocks.push(Block::List(
            items.map(|(i, e)| numbered(lang, i + 1, &t(e))).collect(),
        ));
    }
    if !charter.grievance.is_empty() {
        blocks.push(Block::Heading(
            lang.pick(
                "৪. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)",
                "4. Grievance redress (GRS)",
            )
            .into(),
        ));
        blocks.push(Block::Table(grievance_table(charter, lang)));
    }
    blocks
}

/// The heading of a category as printed: `২.১ নাগরিক সেবা`.
pub fn category_heading(category: Category, lang: Lang) -> &'static str {
    match category {
        Category::Citizen => lang.pick("২.১ নাগরিক সেবা", "2.1 Citizen services"),
        Category::Institutional => lang.pick("২.২ প্রাতিষ্ঠানিক সেবা", "2.2 Institutional services"),
        Category::Internal => lang.pick("২.৩ অভ্যন্তরীণ সেবা", "2.3 Internal services"),
    }
}

fn header(charter: &Charter, lang: Lang) -> Vec<String> {
    let office = &charter.office;
    let government = office.government.as_ref().map_or_else(
        || {
            lang.pick(
                DEFAULT_GOVERNMENT,
                "Government of the People's Republic of Bangladesh",
            )
            .to_string()
        },
        |g| g.get(lang.code()).to_string(),
    );
    let mut lines = vec![government, office.name.get(lang.code()).to_string()];
    lines.extend(
        [&office.unit, &office.address]
            .into_iter()
            .flatten()
            .map(|t| t.get(lang.code()).to_string()),
    );
    lines.extend(
        [&office.website, &office.email, &office.phone]
            .into_iter()
            .flatten()
            .cloned(),
    );
    lines
}

fn numbered(lang: Lang, n: usize, text: &str) -> String {
    match lang {
        Lang::Bn => format!("{}। {text}", lang.number(n)),
        Lang::En => format!("{n}. {text}"),
    }
}

/// A list in a cell: numbered lines when there are several, the text alone when there is one.
fn list_cell(lang: Lang, items: &[String]) -> Vec<String> {
    match items {
        [one] => vec![one.clone()],
        _ => items
            .iter()
            .enumerate()
            .map(|(i, item)| numbered(lang, i + 1, item))
            .collect(),
    }
}

fn service_table(
    charter: &Charter,
    category: Category,
    services: &[(usize, &Service)],
    lang: Lang,
) -> Table {
    let mut headers = vec![
        lang.pick("ক্রমিক নং", "No."),
        lang.pick("সেবার নাম", "Service"),
        lang.pick("সেবা প্রদান পদ্ধতি", "How it is delivered"),
        lang.pick(
            "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান",
            "Documents needed and where to get them",
        ),
        lang.pick(
            "সেবা মূল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)",
            "Fee and how to pay it (if any)",
        ),
        lang.pick("সেবা প্রদানের সময়সীমা", "Time limit"),
        lang.pick(
            "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবী, মোবাইল নম্বর ও ই-মেইল)",
            "Responsible officer (name, designation, phone and email)",
        ),
    ];
    // The columns field offices add, only where some service of this table has them.
    let has = |f: fn(&Service) -> bool| services.iter().any(|(_, s)| f(s));
    let (superior, place, remarks) = (
        has(|s| s.superior.is_some()),
        has(|s| s.place.is_some()),
        has(|s| s.remarks.is_some()),
    );
    if superior {
        headers.push(lang.pick(
            "উর্ধ্বতন কর্মকর্তা (নাম, পদবী, মোবাইল নম্বর ও ই-মেইল)",
            "Superior officer (name, designation, phone and email)",
        ));
    }
    if place {
        headers.push(lang.pick("সেবা প্রদানের স্থান", "Where it is delivered"));
    }
    if remarks {
        headers.push(lang.pick("মন্তব্য", "Remarks"));
    }
    let t = |text: &Text| text.get(lang.code()).to_string();
    let optional = |text: &Option<Text>| text.as_ref().map(|x| vec![t(x)]).unwrap_or_default();
    let mut sections = Vec::new();
    let mut last_section: Option<&Text> = None;
    let rows = services
        .iter()
        .enumerate()
        .map(|(index, &(serial, s))| {
            if s.section.as_ref() != last_section {
                if let Some(section) = &s.section {
                    sections.push((index, t(section)));
                }
                last_section = s.section.as_ref();
            }
            let methods: Vec<String> = s.methods.iter().map(t).collect();
            let documents: Vec<String> = s.documents.iter().map(|d| paper(d, lang)).collect();
            let mut cells = vec![
                vec![lang.serial(serial)],
                vec![t(&s.name)],
                list_cell(lang, &methods),
                list_cell(lang, &documents),
                vec![t(&s.fee)],
                vec![t(&s.time_limit)],
                officer_cell(charter.officers.get(&s.officer), lang),
            ];
            if superior {
                let officer = s.superior.as_ref().and_then(|id| charter.officers.get(id));
                cells.push(officer_cell(officer, lang));
            }
            if place {
                cells.push(optional(&s.place));
            }
            if remarks {
                cells.push(optional(&s.remarks));
            }
            cells
        })
        .collect();
    Table {
        caption: category_heading(category, lang).to_string(),
        column_numbers: (1..=headers.len()).map(|n| lang.serial(n)).collect(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        sections,
        row_kind: "service",
    }
}

fn paper(document: &Paper, lang: Lang) -> String {
    match document {
        Paper::Sourced {
            name,
            source: Some(source),
        } => format!(
            "{} ({} {})",
            name.get(lang.code()),
            lang.pick("প্রাপ্তিস্থান:", "from:"),
            source.get(lang.code())
        ),
        other => other.name().get(lang.code()).to_string(),
    }
}

/// The officer cell: name, designation, office, room, phone, email, website, one a line.
pub fn officer_cell(officer: Option<&Officer>, lang: Lang) -> Vec<String> {
    let Some(o) = officer else { return Vec::new() };
    let t = |text: &Option<Text>| text.as_ref().map(|t| t.get(lang.code()).to_string());
    let mut lines: Vec<String> = [t(&o.name), t(&o.designation), t(&o.office)]
        .into_iter()
        .flatten()
        .collect();
    if let Some(room) = t(&o.room) {
        lines.push(format!("{} {room}", lang.pick("কক্ষ:", "Room:")));
    }
    if let Some(phone) = &o.phone {
        lines.push(format!("{} {phone}", lang.pick("মোবাইল:", "Phone:")));
    }
    if let Some(email) = &o.email {
        lines.push(format!("{} {email}", lang.pick("ই-মেইল:", "Email:")));
    }
    if let Some(website) = &o.website {
        lines.push(format!("{} {website}", lang.pick("ওয়েবসাইট:", "Website:")));
    }
    lines
}

fn grievance_table(charter: &Charter, lang: Lang) -> Table {
    let headers = [
        lang.pick("ক্রমিক নং", "No."),
        lang.pick("কখন যোগাযোগ করবেন", "When to contact"),
        lang.pick("কার সঙ্গে যোগাযোগ করবেন", "Whom to contact"),
        lang.pick("নিষ্পত্তির সময়সীমা", "Time to resolve"),
    ];
    let rows = charter
        .grievance
        .iter()
        .enumerate()
        .map(|(i, step)| {
            vec![
                vec![lang.serial(i + 1)],
                vec![step.when.get(lang.code()).to_string()],
                officer_cell(charter.officers.get(&step.officer), lang),
                vec![step.time_limit.get(lang.code()).to_string()],
            ]
        })
        .collect();
    Table {
        caption: lang
            .pick("অভিযোগ প্রতিকার ব্যবস্থাপনা", "Grievance redress")
            .to_string(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        row_kind: "grievance step",
        ..Table::default()
    }
}
