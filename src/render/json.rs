//! The charter as JSON for scripts: every text in the chosen language, every derived value (fees
//! in taka, time limits as durations, phone numbers as +8801…), ids, categories and serials.
//!
//! The shape is versioned (`"shape": "charter-render"`, `"version": 1`) and documented in the
//! README; fields are only ever added within a version.

use super::document::{Lang, category_heading};
use crate::bangla::{self, Fee, Phone, TimeLimit};
use crate::charter::{Category, Charter, Document, Officer, Service, Text};
use serde::Serialize;
use std::io::Write;

/// The version of the JSON shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    shape: &'static str,
    version: u32,
    /// Rendered with `--draft`: values the charter lacks read `[ফাঁকা]`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    lang: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    office: OfficeJson,
    vision: String,
    mission: String,
    expectations: Vec<String>,
    officers: Vec<OfficerJson>,
    services: Services<'a>,
    grievance: Vec<GrievanceJson>,
}

/// The services, each made as it is written: a charter of tens of thousands of services is never
/// held as JSON values all at once (issue 21's memory bound).
struct Services<'a> {
    charter: &'a Charter,
    lang: Lang,
    service: Option<&'a str>,
}

impl Serialize for Services<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (charter, lang, service) = (self.charter, self.lang, self.service);
        let all = Category::ALL.into_iter().flat_map(|category| {
            let of = charter.services.of(category).iter().enumerate();
            of.map(move |(i, s)| (category, i + 1, s))
        });
        serializer.collect_seq(
            all.filter(|(_, _, s)| service.is_none_or(|id| s.id == id))
                .map(|(category, serial, s)| service_json(charter, category, serial, s, lang)),
        )
    }
}

#[derive(Serialize)]
struct OfficeJson {
    government: Option<String>,
    name: String,
    unit: Option<String>,
    address: Option<String>,
    website: Option<String>,
    email: Option<String>,
    phone: Option<PhoneJson>,
}

#[derive(Serialize)]
struct PhoneJson {
    text: String,
    numbers: Vec<NumberJson>,
}

#[derive(Serialize)]
struct NumberJson {
    kind: bangla::PhoneKind,
    national: String,
    /// `+880…`; a short code has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    international: Option<String>,
}

#[derive(Serialize)]
struct OfficerJson {
    id: String,
    name: Option<String>,
    designation: Option<String>,
    office: Option<String>,
    room: Option<String>,
    phone: Option<PhoneJson>,
    email: Option<String>,
    website: Option<String>,
}

#[derive(Serialize)]
struct ServiceJson {
    id: String,
    category: Category,
    category_heading: &'static str,
    serial: usize,
    serial_text: String,
    name: String,
    methods: Vec<String>,
    documents: Vec<DocumentJson>,
    fee: FeeJson,
    time_limit: TimeLimitJson,
    officer: OfficerJson,
    keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    superior: Option<OfficerJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<String>,
}

#[derive(Serialize)]
struct DocumentJson {
    name: String,
    source: Option<String>,
}

#[derive(Serialize)]
struct FeeJson {
    text: String,
    #[serde(flatten)]
    derived: Fee,
}

#[derive(Serialize)]
struct TimeLimitJson {
    text: String,
    #[serde(flatten)]
    derived: TimeLimit,
}

#[derive(Serialize)]
struct GrievanceJson {
    serial: usize,
    when: String,
    officer: OfficerJson,
    time_limit: TimeLimitJson,
}

/// Writes the charter as JSON; with `service`, only that service is listed; `draft` says it was
/// rendered with `--draft`.
pub fn write(
    charter: &Charter,
    lang: Lang,
    service: Option<&str>,
    draft: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let l = lang.code();
    let t = |text: &Text| text.get(l).to_string();
    let opt = |text: &Option<Text>| text.as_ref().map(|t| t.get(l).to_string());
    let office = &charter.office;
    let services = Services {
        charter,
        lang,
        service,
    };
    let output = Output {
        shape: "charter-render",
        version: VERSION,
        draft,
        lang: l,
        title: charter.title(l),
        updated: charter.updated.as_deref(),
        source: charter.source.as_deref(),
        office: OfficeJson {
            government: opt(&office.government),
            name: t(&office.name),
            unit: opt(&office.unit),
            address: opt(&office.address),
            website: office.website.clone(),
            email: office.email.clone(),
            phone: office.phone.as_deref().map(phone),
        },
        vision: t(&charter.vision),
        mission: t(&charter.mission),
        expectations: charter.expectations.iter().map(t).collect(),
        officers: charter
            .officers
            .iter()
            .map(|(id, o)| officer_json(id, Some(o), lang))
            .collect(),
        services,
        grievance: charter
            .grievance
            .iter()
            .enumerate()
            .map(|(i, g)| GrievanceJson {
                serial: i + 1,
                when: t(&g.when),
                officer: officer_json(&g.officer, charter.officers.get(&g.officer), lang),
                time_limit: time_limit(&g.time_limit, lang),
            })
            .collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut out, &output).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn service_json(
    charter: &Charter,
    category: Category,
    serial: usize,
    s: &Service,
    lang: Lang,
) -> ServiceJson {
    let l = lang.code();
    ServiceJson {
        id: s.id.clone(),
        category,
        category_heading: category_heading(category, lang),
        serial,
        serial_text: lang.serial(serial),
        name: s.name.get(l).to_string(),
        methods: s.methods.iter().map(|m| m.get(l).to_string()).collect(),
        documents: s
            .documents
            .iter()
            .map(|d| DocumentJson {
                name: d.name().get(l).to_string(),
                source: match d {
                    Document::Sourced { source, .. } => {
                        source.as_ref().map(|s| s.get(l).to_string())
                    }
                    Document::Plain(_) => None,
                },
            })
            .collect(),
        fee: FeeJson {
            text: s.fee.get(l).to_string(),
            derived: bangla::parse_fee(s.fee.bn()),
        },
        time_limit: time_limit(&s.time_limit, lang),
        officer: officer_json(&s.officer, charter.officers.get(&s.officer), lang),
        keywords: s.keywords.clone(),
        superior: s
            .superior
            .as_ref()
            .map(|id| officer_json(id, charter.officers.get(id), lang)),
        place: s.place.as_ref().map(|t| t.get(l).to_string()),
        remarks: s.remarks.as_ref().map(|t| t.get(l).to_string()),
        section: s.section.as_ref().map(|t| t.get(l).to_string()),
    }
}

fn time_limit(text: &Text, lang: Lang) -> TimeLimitJson {
    TimeLimitJson {
        text: text.get(lang.code()).to_string(),
        derived: bangla::parse_time_limit(text.bn()),
    }
}

fn officer_json(id: &str, officer: Option<&Officer>, lang: Lang) -> OfficerJson {
    let l = lang.code();
    let opt = |text: &Option<Text>| text.as_ref().map(|t| t.get(l).to_string());
    let o = officer.cloned().unwrap_or_default();
    OfficerJson {
        id: id.to_string(),
        name: opt(&o.name),
        designation: opt(&o.designation),
        office: opt(&o.office),
        room: opt(&o.room),
        phone: o.phone.as_deref().map(phone),
        email: o.email.clone(),
        website: o.website.clone(),
    }
}

fn phone(text: &str) -> PhoneJson {
    let numbers = bangla::parse_phones(text).unwrap_or_default();
    PhoneJson {
        text: text.to_string(),
        numbers: numbers
            .into_iter()
            .map(|p: Phone| NumberJson {
                kind: p.kind,
                international: p.international(),
                national: p.national,
            })
            .collect(),
    }
}
