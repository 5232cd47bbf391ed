//! `charter diff`: what changed between two versions of a charter, by meaning.

use crate::bangla::{self, Fee, TimeKind, TimeLimit, TimeUnit};
use crate::charter::{
    Category, Charter, DEFAULT_GOVERNMENT, DEFAULT_TITLE, Document, Officer, Service, Text,
};
use crate::cli::{DiffArgs, DiffFormat};
use crate::error::Error;
use serde::Serialize;
use serde_json::Value;

/// A value as text for people and as JSON for scripts.
type Shown = (String, Value);

fn shown<T: Serialize + ?Sized>(text: String, value: &T) -> Shown {
    (text, serde_json::to_value(value).unwrap_or(Value::Null))
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `added`, `removed`, `moved` or `changed`.
    pub kind: &'static str,
    /// What changed: `services.e-filing.fee`.
    pub path: String,
    /// The old value, as the charter's JSON has it (a string, a list, a table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value, as the charter's JSON has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// The old value as a person reads it: `"বিনামূল্যে"`.
    #[serde(skip)]
    pub old_text: Option<String>,
    /// The new value as a person reads it.
    #[serde(skip)]
    pub new_text: Option<String>,
    /// What the values mean, for fees and time limits: "free → 100 taka".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

/// Compares two charters; exit 0 when equal, 1 when different.
pub fn run(args: &DiffArgs) -> Result<u8, Error> {
    let load = |path| match super::load_valid(path) {
        Ok(Ok(charter)) => Ok(charter),
        Ok(Err(_)) => Err(Error::Unusable {
            path: path.to_path_buf(),
            reason: "not a valid charter; cannot compare".into(),
        }),
        Err(e) => Err(e),
    };
    let (old, new) = (load(&args.old)?, load(&args.new)?);
    let changes = diff(&old, &new);
    let text = match args.format {
        DiffFormat::Json => serde_json::to_string_pretty(&changes).unwrap_or_default() + "\n",
        DiffFormat::Human => {
            let text: String = changes.iter().map(human).collect();
            crate::bangla::visible_controls(&text).into_owned()
        }
    };
    super::print(&text)?;
    Ok(u8::from(!changes.is_empty()))
}

fn human(c: &Change) -> String {
    let meaning = c
        .meaning
        .as_ref()
        .map_or(String::new(), |m| format!("  ({m})"));
    match (c.kind, &c.old_text, &c.new_text) {
        ("added", _, Some(new)) => format!("+ {}: {new}\n", c.path),
        ("removed", Some(old), _) => format!("- {}: {old}\n", c.path),
        (_, Some(old), Some(new)) => format!("~ {}: {old} → {new}{meaning}\n", c.path),
        _ => format!("~ {}\n", c.path),
    }
}

/// A text as the diff shows it: quoted Bengali, and English after a slash.
fn show(text: &Text) -> String {
    match text {
        Text::Translated(t) if t.en.is_some() => {
            format!("\"{}\" / \"{}\"", t.bn, t.en.as_deref().unwrap_or(""))
        }
        _ => format!("\"{}\"", text.bn()),
    }
}

fn show_list(texts: &[Text]) -> String {
    format!(
        "[{}]",
        texts.iter().map(show).collect::<Vec<_>>().join(", ")
    )
}

fn show_documents(documents: &[Document]) -> String {
    let items: Vec<String> = documents
        .iter()
        .map(|d| match d {
            Document::Sourced {
                name,
                source: Some(source),
            } => format!("{} ({})", show(name), show(source)),
            other => show(other.name()),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// What a fee means, in English.
fn fee_meaning(fee: &Fee) -> String {
    match fee {
        Fee::Free => "free".into(),
        Fee::Amount { taka } => format!("{taka} taka"),
        Fee::Range { min, max } => format!("{min}–{max} taka"),
        Fee::Items { taka } => format!(
            "{} taka",
            taka.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        Fee::Rule => "by a rule".into(),
        Fee::Unstated => "unstated".into(),
    }
}

/// What a time limit means, in English.
fn time_meaning(limit: &TimeLimit) -> String {
    let unit = |u: TimeUnit| match u {
        TimeUnit::Minutes => "minutes",
        TimeUnit::Hours => "hours",
        TimeUnit::WorkingDays => "working days",
        TimeUnit::Days => "days",
        TimeUnit::Weeks => "weeks",
        TimeUnit::Months => "months",
        TimeUnit::Years => "years",
    };
    match (limit.kind, limit.immediate, limit.max) {
        (_, true, Some(d)) => format!("immediate, at most {} {}", d.value, unit(d.unit)),
        (_, false, Some(d)) => format!("{} {}", d.value, unit(d.unit)),
        (TimeKind::Immediate, ..) => "immediate".into(),
        (TimeKind::Schedule, ..) => "on a date or schedule".into(),
        (TimeKind::Conditional, ..) => "only a condition".into(),
        _ => "no duration".into(),
    }
}

struct Changes(Vec<Change>);

impl Changes {
    fn push(
        &mut self,
        kind: &'static str,
        path: String,
        old: Option<Shown>,
        new: Option<Shown>,
        meaning: Option<String>,
    ) {
        let (old_text, old) = old.unzip();
        let (new_text, new) = new.unzip();
        self.0.push(Change {
            kind,
            path,
            old,
            new,
            old_text,
            new_text,
            meaning,
        });
    }

    /// Records a change of a value shown by `show`, if there is one.
    fn value<T: PartialEq + Serialize>(
        &mut self,
        path: String,
        old: &T,
        new: &T,
        show: impl Fn(&T) -> String,
    ) {
        if old != new {
            let (a, b) = (shown(show(old), old), shown(show(new), new));
            self.push("changed", path, Some(a), Some(b), None);
        }
    }

    fn optional(&mut self, path: String, old: &Option<Text>, new: &Option<Text>) {
        let show = |t: &Option<Text>| t.as_ref().map_or("(none)".to_string(), show);
        self.value(path, old, new, show);
    }

    fn string(&mut self, path: String, old: &Option<String>, new: &Option<String>) {
        self.value(path, old, new, |s: &Option<String>| {
            s.as_ref()
                .map_or("(none)".to_string(), |s| format!("\"{s}\""))
        });
    }
}

/// Every change from `old` to `new`, in the order of the format.
pub fn diff(old: &Charter, new: &Charter) -> Vec<Change> {
    let mut c = Changes(Vec::new());
    // A title or government left out means the default wording: compared by what is printed.
    let title = |ch: &Charter| {
        ch.title
            .clone()
            .unwrap_or(Text::Plain(DEFAULT_TITLE.into()))
    };
    c.value("title".into(), &title(old), &title(new), show);
    c.string("updated".into(), &old.updated, &new.updated);
    c.string("source".into(), &old.source, &new.source);
    c.value("vision".into(), &old.vision, &new.vision, show);
    c.value("mission".into(), &old.mission, &new.mission, show);
    c.value(
        "expectations".into(),
        &old.expectations,
        &new.expectations,
        |e: &Vec<Text>| show_list(e),
    );
    let (o, n) = (&old.office, &new.office);
    c.value("office.name".into(), &o.name, &n.name, show);
    let government = |g: &Option<Text>| g.clone().unwrap_or(Text::Plain(DEFAULT_GOVERNMENT.into()));
    c.value(
        "office.government".into(),
        &government(&o.government),
        &government(&n.government),
        show,
    );
    for (key, a, b) in [
        ("unit", &o.unit, &n.unit),
        ("address", &o.address, &n.address),
    ] {
        c.optional(format!("office.{key}"), a, b);
    }
    for (key, a, b) in [
        ("website", &o.website, &n.website),
        ("email", &o.email, &n.email),
        ("phone", &o.phone, &n.phone),
    ] {
        c.string(format!("office.{key}"), a, b);
    }
    officers(&mut c, old, new);
    services(&mut c, old, new);
    let show_steps = |steps: &Vec<crate::charter::GrievanceStep>| {
        let items: Vec<String> = steps
            .iter()
            .map(|s| {
                format!(
                    "{} → {} ({})",
                    show(&s.when),
                    s.officer,
                    show(&s.time_limit)
                )
            })
            .collect();
        format!("[{}]", items.join(", "))
    };
    c.value(
        "grievance".into(),
        &old.grievance,
        &new.grievance,
        show_steps,
    );
    c.0
}

fn officer_summary(o: &Officer) -> String {
    let mut parts: Vec<String> = [&o.name, &o.designation]
        .into_iter()
        .flatten()
        .map(show)
        .collect();
    parts.extend(o.phone.iter().cloned());
    parts.join(", ")
}

fn officers(c: &mut Changes, old: &Charter, new: &Charter) {
    for (id, o) in &old.officers {
        let path = format!("officers.{id}");
        let Some(n) = new.officers.get(id) else {
            c.push(
                "removed",
                path,
                Some(shown(officer_summary(o), o)),
                None,
                None,
            );
            continue;
        };
        for (key, a, b) in [
            ("name", &o.name, &n.name),
            ("designation", &o.designation, &n.designation),
            ("office", &o.office, &n.office),
            ("room", &o.room, &n.room),
        ] {
            c.optional(format!("{path}.{key}"), a, b);
        }
        for (key, a, b) in [
            ("phone", &o.phone, &n.phone),
            ("email", &o.email, &n.email),
            ("website", &o.website, &n.website),
        ] {
            c.string(format!("{path}.{key}"), a, b);
        }
    }
    for (id, n) in &new.officers {
        if !old.officers.contains_key(id) {
            c.push(
                "added",
                format!("officers.{id}"),
                None,
                Some(shown(officer_summary(n), n)),
                None,
            );
        }
    }
}

/// Services by id (the first of an id, as [`Charter::service`] finds it): looked up once each, so
/// that comparing 30,000 services costs 30,000 lookups, not 30,000 scans.
fn by_id(charter: &Charter) -> std::collections::HashMap<&str, (Category, &Service)> {
    let mut map = std::collections::HashMap::new();
    for (category, service) in charter.services.iter() {
        map.entry(service.id.as_str())
            .or_insert((category, service));
    }
    map
}

fn services(c: &mut Changes, old: &Charter, new: &Charter) {
    let (old_ids, new_ids) = (by_id(old), by_id(new));
    for (category, o) in old.services.iter() {
        let path = format!("services.{}", o.id);
        let Some(&(new_category, n)) = new_ids.get(o.id.as_str()) else {
            c.push(
                "removed",
                path,
                Some(shown(format!("{} ({})", show(&o.name), category.key()), o)),
                None,
                None,
            );
            continue;
        };
        if new_category != category {
            c.push(
                "moved",
                path.clone(),
                Some(shown(category.key().into(), category.key())),
                Some(shown(new_category.key().into(), new_category.key())),
                None,
            );
        }
        service_fields(c, &path, o, n);
    }
    for (category, n) in new.services.iter() {
        if !old_ids.contains_key(n.id.as_str()) {
            let path = format!("services.{}", n.id);
            c.push(
                "added",
                path,
                None,
                Some(shown(
                    format!("{} ({})", show(&n.name), Category::key(category)),
                    n,
                )),
                None,
            );
        }
    }
}

fn service_fields(c: &mut Changes, path: &str, o: &Service, n: &Service) {
    c.value(format!("{path}.name"), &o.name, &n.name, show);
    c.value(
        format!("{path}.methods"),
        &o.methods,
        &n.methods,
        |m: &Vec<Text>| show_list(m),
    );
    c.value(
        format!("{path}.documents"),
        &o.documents,
        &n.documents,
        |d: &Vec<Document>| show_documents(d),
    );
    if o.fee != n.fee {
        let (a, b) = (bangla::parse_fee(o.fee.bn()), bangla::parse_fee(n.fee.bn()));
        let meaning = (a != b).then(|| format!("{} → {}", fee_meaning(&a), fee_meaning(&b)));
        c.push(
            "changed",
            format!("{path}.fee"),
            Some(shown(show(&o.fee), &o.fee)),
            Some(shown(show(&n.fee), &n.fee)),
            meaning,
        );
    }
    if o.time_limit != n.time_limit {
        let (a, b) = (
            bangla::parse_time_limit(o.time_limit.bn()),
            bangla::parse_time_limit(n.time_limit.bn()),
        );
        let meaning = (a != b).then(|| format!("{} → {}", time_meaning(&a), time_meaning(&b)));
        c.push(
            "changed",
            format!("{path}.time_limit"),
            Some(shown(show(&o.time_limit), &o.time_limit)),
            Some(shown(show(&n.time_limit), &n.time_limit)),
            meaning,
        );
    }
    c.value(
        format!("{path}.officer"),
        &o.officer,
        &n.officer,
        |s: &String| format!("\"{s}\""),
    );
    c.value(
        format!("{path}.keywords"),
        &o.keywords,
        &n.keywords,
        |k: &Vec<String>| format!("{k:?}"),
    );
    c.string(format!("{path}.superior"), &o.superior, &n.superior);
    for (key, a, b) in [
        ("place", &o.place, &n.place),
        ("remarks", &o.remarks, &n.remarks),
        ("section", &o.section, &n.section),
    ] {
        c.optional(format!("{path}.{key}"), a, b);
    }
}
