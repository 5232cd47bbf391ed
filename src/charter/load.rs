//! Reading a charter file: bytes to text, text to a spanned TOML tree, and one walk over that tree
//! that builds the [`Charter`] and checks every rule of the format as it goes.
//!
//! The walk reports every problem it meets and carries on, so one run shows them all. A file
//! with TOML syntax errors reports those only: what the parser recovered after an error is a
//! guess, and rules checked on a guess would report problems the file does not have.

use super::diagnostic::{Code, Diagnostic};
use super::model::{
    Category, Charter, Document, GrievanceStep, Office, Officer, Service, Text, Translations,
};
use crate::bangla;
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Files larger than this are refused unread: a charter is tens of kilobytes, and a parse tree
/// of a huge file takes many times its size in memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What reading a charter gave: the charter as far as it could be read, and every finding.
#[derive(Debug)]
pub struct Loaded {
    /// The charter. Complete only when [`Loaded::has_errors`] is false.
    pub charter: Charter,
    /// Every finding, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether any finding is an error (the file is not a valid charter).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == super::Severity::Error)
    }
}

/// Reads a charter from the bytes of a file. Returns the text to show in snippets (invalid UTF-8
/// replaced) with what was found.
pub fn load_bytes(bytes: &[u8]) -> (String, Loaded) {
    match std::str::from_utf8(bytes) {
        Ok(source) => {
            let loaded = load_str(source);
            (source.to_string(), loaded)
        }
        Err(e) => {
            let at = e.valid_up_to();
            let bad = &bytes[at..at + e.error_len().unwrap_or(bytes.len() - at)];
            let hex: Vec<String> = bad.iter().map(|b| format!("0x{b:02X}")).collect();
            let message = format!(
                "the file is not UTF-8: byte {} cannot start a character here (a charter must be saved as UTF-8, not in a legacy encoding)",
                hex.join(" ")
            );
            let diagnostic = Diagnostic::new(Code::Encoding, "", at..at + bad.len(), message);
            let loaded = Loaded {
                charter: Charter::default(),
                diagnostics: vec![diagnostic],
            };
            (String::from_utf8_lossy(bytes).into_owned(), loaded)
        }
    }
}

/// Reads a charter from its text.
pub fn load_str(source: &str) -> Loaded {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        let diagnostics = errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                Diagnostic::new(
                    Code::Syntax,
                    "",
                    span,
                    format!("not valid TOML: {}", e.message().trim_end()),
                )
            })
            .collect();
        return Loaded {
            charter: Charter::default(),
            diagnostics,
        };
    }
    let mut walker = Walker::new(source);
    let charter = walker.charter(root.get_ref(), root.span());
    walker.finish();
    let mut diagnostics = walker.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    Loaded {
        charter,
        diagnostics,
    }
}

type Node<'t> = Spanned<DeValue<'t>>;

/// The keys of each table of the format, in the spec's order.
mod keys {
    pub const TOP: &[&str] = &[
        "version",
        "title",
        "updated",
        "vision",
        "mission",
        "expectations",
        "office",
        "officers",
        "services",
        "grievance",
    ];
    pub const OFFICE: &[&str] = &[
        "name",
        "government",
        "unit",
        "address",
        "website",
        "email",
        "phone",
    ];
    pub const OFFICER: &[&str] = &[
        "name",
        "designation",
        "office",
        "room",
        "phone",
        "email",
        "website",
    ];
    pub const SERVICES: &[&str] = &["citizen", "institutional", "internal"];
    pub const SERVICE: &[&str] = &[
        "id",
        "name",
        "methods",
        "documents",
        "fee",
        "time_limit",
        "officer",
        "keywords",
    ];
    pub const DOCUMENT: &[&str] = &["name", "source"];
    pub const GRIEVANCE: &[&str] = &["when", "officer", "time_limit"];
}

/// The entries of one table, after unknown keys were reported.
struct Fields<'t> {
    path: String,
    span: Range<usize>,
    entries: Vec<(&'t str, &'t Node<'t>)>,
}

impl<'t> Fields<'t> {
    fn get(&self, key: &str) -> Option<&'t Node<'t>> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Where an officer id was used.
struct OfficerRef {
    id: String,
    path: String,
    span: Range<usize>,
    by_service: bool,
}

/// Where an officer was defined, and whether it can be reached.
struct OfficerDef {
    span: Range<usize>,
    path: String,
    has_phone: bool,
    has_email: bool,
}

/// A spelling of a word: how often, and where first.
struct WordUse {
    count: usize,
    first: Range<usize>,
    path: String,
}

/// Whether a string is Bengali text (checked for spelling and legacy encodings) or not.
#[derive(Clone, Copy, PartialEq)]
enum Script {
    Bengali,
    Other,
}

struct Walker<'t> {
    source: &'t str,
    diagnostics: Vec<Diagnostic>,
    officers: HashMap<String, OfficerDef>,
    refs: Vec<OfficerRef>,
    ids: HashMap<String, Range<usize>>,
    words: HashMap<&'t str, WordUse>,
    word_order: Vec<&'t str>,
}

impl<'t> Walker<'t> {
    fn new(source: &'t str) -> Self {
        Walker {
            source,
            diagnostics: Vec::new(),
            officers: HashMap::new(),
            refs: Vec::new(),
            ids: HashMap::new(),
            words: HashMap::new(),
            word_order: Vec::new(),
        }
    }

    fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Reports the keys of `table` not in `known`, and returns the rest for lookup.
    fn fields(
        &mut self,
        table: &'t DeTable<'t>,
        span: Range<usize>,
        path: &str,
        what: &str,
        known: &[&str],
    ) -> Fields<'t> {
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                entries.push((name, value));
            } else {
                self.unknown_key(name, key.span(), &join(path, name), what, known);
            }
        }
        Fields {
            path: path.to_string(),
            span,
            entries,
        }
    }

    fn unknown_key(
        &mut self,
        name: &str,
        span: Range<usize>,
        path: &str,
        what: &str,
        known: &[&str],
    ) {
        let message = format!("unknown key `{name}` in {what}");
        let help = match suggest(name, known) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("{what} has: {}", known.join(", ")),
        };
        self.report(Diagnostic::new(Code::UnknownKey, path, span, message).with_help(help));
    }

    fn missing(&mut self, fields: &Fields<'t>, key: &str, what: &str) {
        let message = format!("{what} has no `{key}`, which is required");
        self.report(Diagnostic::new(
            Code::MissingKey,
            fields.path(key),
            fields.span.clone(),
            message,
        ));
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let message = format!("expected {expected}, found {}", type_name(node.get_ref()));
        self.report(Diagnostic::new(Code::Type, path, node.span(), message));
    }

    /// The table a node holds, or a type error.
    fn table<'a>(
        &mut self,
        node: &'a Node<'t>,
        path: &str,
        expected: &str,
    ) -> Option<&'a DeTable<'t>> {
        match node.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(node, path, expected);
                None
            }
        }
    }

    /// The items of an array, or a type error.
    fn array<'a>(
        &mut self,
        node: &'a Node<'t>,
        path: &str,
        expected: &str,
    ) -> Option<&'a [Node<'t>]> {
        match node.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(node, path, expected);
                None
            }
        }
    }

    /// A string, checked for encoding slips; `None` and a type error for anything else.
    fn string(&mut self, node: &'t Node<'t>, path: &str, script: Script) -> Option<&'t str> {
        let Some(s) = node.get_ref().as_str() else {
            self.wrong_type(node, path, "a string");
            return None;
        };
        self.check_wording(s, node.span(), path, script);
        Some(s)
    }

    /// A string that must not be empty.
    fn required_string(
        &mut self,
        node: &'t Node<'t>,
        path: &str,
        script: Script,
    ) -> Option<&'t str> {
        let s = self.string(node, path, script)?;
        if s.trim().is_empty() {
            self.report(Diagnostic::new(
                Code::Empty,
                path,
                node.span(),
                "this must not be empty",
            ));
        }
        Some(s)
    }

    /// A text: a string, or `{ bn = "…", en = "…" }`. Empty text is an error when `required`.
    fn text(&mut self, node: &'t Node<'t>, path: &str, required: bool) -> Option<Text> {
        const EXPECTED: &str = "text (a string, or a table like { bn = \"…\", en = \"…\" })";
        match node.get_ref() {
            DeValue::String(_) => {
                let s = if required {
                    self.required_string(node, path, Script::Bengali)?
                } else {
                    self.string(node, path, Script::Bengali)?
                };
                Some(Text::Plain(s.to_string()))
            }
            DeValue::Table(table) => {
                let mut translations = Translations::default();
                let mut has_bn = false;
                for (key, value) in table.iter() {
                    let lang: &str = key.get_ref();
                    let lang_path = join(path, lang);
                    if !is_language_code(lang) {
                        self.unknown_key(lang, key.span(), &lang_path, "a text", &["bn", "en"]);
                        continue;
                    }
                    let script = if lang == "bn" {
                        Script::Bengali
                    } else {
                        Script::Other
                    };
                    let Some(s) = (if required {
                        self.required_string(value, &lang_path, script)
                    } else {
                        self.string(value, &lang_path, script)
                    }) else {
                        continue;
                    };
                    match lang {
                        "bn" => {
                            has_bn = true;
                            translations.bn = s.to_string();
                        }
                        "en" => translations.en = Some(s.to_string()),
                        _ => {
                            translations.other.insert(lang.to_string(), s.to_string());
                        }
                    }
                }
                if !has_bn && !table.iter().any(|(k, _)| k.get_ref() == "bn") {
                    let message = "a text table needs `bn`, the Bengali text as published";
                    self.report(Diagnostic::new(
                        Code::MissingKey,
                        join(path, "bn"),
                        node.span(),
                        message,
                    ));
                }
                Some(Text::Translated(translations))
            }
            _ => {
                self.wrong_type(node, path, EXPECTED);
                None
            }
        }
    }

    /// An array of texts; empty is an error when `required`.
    fn texts(&mut self, node: &'t Node<'t>, path: &str, required: bool) -> Vec<Text> {
        let Some(items) = self.array(node, path, "an array of texts") else {
            return Vec::new();
        };
        if required && items.is_empty() {
            self.report(Diagnostic::new(
                Code::Empty,
                path,
                node.span(),
                "this list must not be empty",
            ));
        }
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.text(item, &format!("{path}[{i}]"), true))
            .collect()
    }

    /// Encoding slips in any string: NFC, zero-width characters, and for Bengali text legacy
    /// fonts and the words it uses (for spelling variants).
    fn check_wording(&mut self, s: &'t str, span: Range<usize>, path: &str, script: Script) {
        if s.is_ascii() {
            // ASCII is NFC and has no zero-width characters; it can still be Bijoy.
            if script == Script::Bengali {
                self.check_legacy(s, &span, path);
            }
            return;
        }
        if unicode_normalization::is_nfc_quick(s.chars())
            != unicode_normalization::IsNormalized::Yes
            && !unicode_normalization::is_nfc(s)
        {
            let message = "this text is not in Unicode NFC: the same letters are stored in another order or form, so search and comparison miss it";
            self.report(
                Diagnostic::new(Code::Nfc, path, span.clone(), message)
                    .with_help("save it NFC-normalised (`charter fmt` will do it)"),
            );
        }
        if let Some((_, c)) = bangla::stray_zero_width(s) {
            let at = self.locate(&span, c.encode_utf8(&mut [0; 4]));
            let message = format!(
                "a stray zero-width character U+{:04X} that readers cannot see",
                c as u32
            );
            self.report(Diagnostic::new(Code::ZeroWidth, path, at, message));
        }
        if script == Script::Bengali {
            self.check_legacy(s, &span, path);
            for (_, word) in bangla::words(s) {
                let entry = self.words.entry(word).or_insert_with(|| WordUse {
                    count: 0,
                    first: 0..0,
                    path: String::new(),
                });
                if entry.count == 0 {
                    entry.first = span.clone();
                    entry.path = path.to_string();
                    self.word_order.push(word);
                }
                entry.count += 1;
            }
        }
    }

    fn check_legacy(&mut self, s: &str, span: &Range<usize>, path: &str) {
        if let Some(word) = bangla::legacy_encoding_word(s) {
            let at = self.locate(span, word);
            let message = format!(
                "`{word}` looks like Bengali typed in a legacy font encoding (Bijoy/SutonnyMJ), which readers without that font see as Latin letters"
            );
            self.report(
                Diagnostic::new(Code::LegacyEncoding, path, at, message)
                    .with_help("convert the text to Unicode Bengali"),
            );
        }
    }

    /// The span of `needle` inside the source of a value, or the value's span when escapes hide it.
    fn locate(&self, span: &Range<usize>, needle: &str) -> Range<usize> {
        match self
            .source
            .get(span.clone())
            .and_then(|raw| raw.find(needle))
        {
            Some(i) => span.start + i..span.start + i + needle.len(),
            None => span.clone(),
        }
    }

    // -----------------------------------------------------------------------------------------
    // The tables of the format

    fn charter(&mut self, root: &'t DeTable<'t>, span: Range<usize>) -> Charter {
        let top = self.fields(root, span.start..span.start, "", "a charter", keys::TOP);
        let mut charter = Charter::default();
        match top.get("version") {
            None => self.missing(&top, "version", "the charter"),
            Some(node) => charter.version = self.version(node),
        }
        charter.title = top.get("title").and_then(|n| self.text(n, "title", true));
        charter.updated = top.get("updated").and_then(|n| self.date(n, "updated"));
        charter.vision = self.required_text_field(&top, "vision", "the charter");
        charter.mission = self.required_text_field(&top, "mission", "the charter");
        match top.get("expectations") {
            Some(node) => charter.expectations = self.texts(node, "expectations", false),
            None => self.missing_section("expectations", "section 3, আপনার কাছে আমাদের প্রত্যাশা"),
        }
        match top.get("office") {
            Some(node) => charter.office = self.office(node),
            None => self.missing(&top, "office", "the charter"),
        }
        match top.get("officers") {
            Some(node) => charter.officers = self.officers(node),
            None => self.missing(&top, "officers", "the charter"),
        }
        match top.get("services") {
            Some(node) => self.services(node, &mut charter),
            None => self.missing(&top, "services", "the charter"),
        }
        match top.get("grievance") {
            Some(node) => charter.grievance = self.grievance(node),
            None => self.missing_section("grievance", "section 4, অভিযোগ প্রতিকার ব্যবস্থাপনা"),
        }
        charter
    }

    fn missing_section(&mut self, key: &str, what: &str) {
        let message = format!("the charter has no `{key}`: {what}");
        self.report(Diagnostic::new(Code::MissingSection, key, 0..0, message));
    }

    fn required_text_field(&mut self, fields: &Fields<'t>, key: &str, what: &str) -> Text {
        match fields.get(key) {
            Some(node) => self.text(node, &fields.path(key), true).unwrap_or_default(),
            None => {
                self.missing(fields, key, what);
                Text::default()
            }
        }
    }

    fn optional_text_field(&mut self, fields: &Fields<'t>, key: &str) -> Option<Text> {
        fields
            .get(key)
            .and_then(|node| self.text(node, &fields.path(key), false))
    }

    fn version(&mut self, node: &Node) -> i64 {
        let DeValue::Integer(int) = node.get_ref() else {
            self.wrong_type(node, "version", "an integer (1)");
            return 0;
        };
        let value = i64::from_str_radix(int.as_str(), int.radix()).unwrap_or(i64::MAX);
        if value != 1 {
            let message =
                format!("format version {int} is not supported: this tool reads version 1");
            self.report(Diagnostic::new(
                Code::Version,
                "version",
                node.span(),
                message,
            ));
        }
        value
    }

    fn date(&mut self, node: &Node, path: &str) -> Option<String> {
        match node.get_ref() {
            DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => Some(dt.to_string()),
            _ => {
                self.wrong_type(
                    node,
                    path,
                    "a TOML date like 2024-05-01 (no quotes, no time)",
                );
                None
            }
        }
    }

    fn office(&mut self, node: &'t Node<'t>) -> Office {
        let Some(table) = self.table(node, "office", "a table [office]") else {
            return Office::default();
        };
        let f = self.fields(table, node.span(), "office", "[office]", keys::OFFICE);
        Office {
            name: self.required_text_field(&f, "name", "[office]"),
            government: self.optional_text_field(&f, "government"),
            unit: self.optional_text_field(&f, "unit"),
            address: self.optional_text_field(&f, "address"),
            website: self.website(&f),
            email: self.email(&f),
            phone: self.phone(&f),
        }
    }

    fn phone(&mut self, f: &Fields<'t>) -> Option<String> {
        let node = f.get("phone")?;
        let path = f.path("phone");
        let s = self.string(node, &path, Script::Other)?;
        if let Err(e) = bangla::parse_phones(s) {
            let message = format!("`{s}` is not a Bangladeshi phone number: {e}");
            self.report(Diagnostic::new(Code::Phone, path, node.span(), message));
        }
        Some(s.to_string())
    }

    fn email(&mut self, f: &Fields<'t>) -> Option<String> {
        let node = f.get("email")?;
        let path = f.path("email");
        let s = self.string(node, &path, Script::Other)?;
        if !bangla::is_email(s.trim()) {
            let message = format!("`{s}` is not an email address: expected local@domain.tld");
            self.report(Diagnostic::new(Code::Email, path, node.span(), message));
        }
        Some(s.to_string())
    }

    fn website(&mut self, f: &Fields<'t>) -> Option<String> {
        let node = f.get("website")?;
        let path = f.path("website");
        let s = self.string(node, &path, Script::Other)?;
        if !bangla::is_website(s.trim()) {
            let message = format!(
                "`{s}` is neither a URL nor a host name: expected https://office.gov.bd or office.gov.bd"
            );
            self.report(Diagnostic::new(Code::Website, path, node.span(), message));
        }
        Some(s.to_string())
    }

    fn officers(&mut self, node: &'t Node<'t>) -> indexmap::IndexMap<String, Officer> {
        let mut officers = indexmap::IndexMap::new();
        let Some(table) = self.table(node, "officers", "a table of officers, [officers.<id>]")
        else {
            return officers;
        };
        for (key, value) in table.iter() {
            let id: &str = key.get_ref();
            let path = join("officers", id);
            let Some(t) = self.table(value, &path, "a table [officers.<id>]") else {
                continue;
            };
            let f = self.fields(t, value.span(), &path, "an officer", keys::OFFICER);
            let officer = Officer {
                name: self.optional_text_field(&f, "name"),
                designation: self.optional_text_field(&f, "designation"),
                office: self.optional_text_field(&f, "office"),
                room: self.optional_text_field(&f, "room"),
                phone: self.phone(&f),
                email: self.email(&f),
                website: self.website(&f),
            };
            if f.get("name").is_none() && f.get("designation").is_none() {
                let message = format!(
                    "officer `{id}` has neither a `name` nor a `designation`: at least one is required"
                );
                self.report(Diagnostic::new(
                    Code::MissingKey,
                    path.clone(),
                    value.span(),
                    message,
                ));
            }
            let def = OfficerDef {
                span: key.span(),
                path,
                has_phone: f.get("phone").is_some(),
                has_email: f.get("email").is_some(),
            };
            self.officers.insert(id.to_string(), def);
            officers.insert(id.to_string(), officer);
        }
        officers
    }

    fn services(&mut self, node: &'t Node<'t>, charter: &mut Charter) {
        let Some(table) = self.table(node, "services", "a table [services]") else {
            return;
        };
        let f = self.fields(table, node.span(), "services", "[services]", keys::SERVICES);
        for (key, list) in &f.entries {
            let Some(category) = Category::from_key(key) else {
                continue;
            };
            let path = f.path(key);
            let expected = format!("an array of tables [[services.{key}]]");
            let Some(items) = self.array(list, &path, &expected) else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                let Some(t) = self.table(item, &item_path, "a service table") else {
                    continue;
                };
                let service = self.service(t, item.span(), &item_path);
                charter.services.of_mut(category).push(service);
            }
        }
        if charter.services.iter().next().is_none() {
            let message = "the charter lists no service: at least one [[services.citizen]], [[services.institutional]] or [[services.internal]] is required";
            self.report(Diagnostic::new(
                Code::Empty,
                "services",
                node.span(),
                message,
            ));
        }
    }

    fn service(&mut self, table: &'t DeTable<'t>, span: Range<usize>, path: &str) -> Service {
        let f = self.fields(table, span, path, "a service", keys::SERVICE);
        let mut service = Service {
            id: self.service_id(&f),
            ..Service::default()
        };
        service.name = self.required_text_field(&f, "name", "a service");
        match f.get("methods") {
            Some(node) => service.methods = self.texts(node, &f.path("methods"), true),
            None => self.missing(&f, "methods", "a service"),
        }
        match f.get("documents") {
            Some(node) => service.documents = self.documents(node, &f.path("documents")),
            None => self.missing(&f, "documents", "a service"),
        }
        service.fee = self.required_text_field(&f, "fee", "a service");
        if let Some(node) = f.get("fee") {
            if !service.fee.bn().trim().is_empty()
                && bangla::parse_fee(service.fee.bn()) == bangla::Fee::Unstated
            {
                let message = format!(
                    "the fee `{}` states neither free, nor an amount in taka, nor a rule it follows",
                    service.fee.bn()
                );
                self.report(
                    Diagnostic::new(Code::Fee, f.path("fee"), node.span(), message)
                        .with_help("write it as বিনামূল্যে, an amount (১০০ টাকা, ৫০০/-), or the rule (সরকার নির্ধারিত মূল্যে)"),
                );
            }
        }
        service.time_limit = self.time_limit_field(&f, "a service");
        service.officer = self.officer_ref(&f, true, "a service");
        if let Some(node) = f.get("keywords") {
            let kpath = f.path("keywords");
            if let Some(items) = self.array(node, &kpath, "an array of strings") {
                service.keywords = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        self.required_string(item, &format!("{kpath}[{i}]"), Script::Other)
                    })
                    .map(str::to_string)
                    .collect();
            }
        }
        service
    }

    fn service_id(&mut self, f: &Fields<'t>) -> String {
        let Some(node) = f.get("id") else {
            self.missing(f, "id", "a service");
            return String::new();
        };
        let path = f.path("id");
        let Some(id) = self.required_string(node, &path, Script::Other) else {
            return String::new();
        };
        if id.is_empty() {
            return String::new();
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            let message =
                format!("service id `{id}` may hold only lowercase ASCII letters, digits and `-`");
            let suggestion: String = id
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let mut d = Diagnostic::new(Code::IdFormat, path, node.span(), message);
            if suggestion
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                d = d.with_help(format!("for example `{suggestion}`"));
            }
            self.report(d);
        } else if let Some(first) = self.ids.get(id) {
            let line = line_of(self.source, first.start);
            let message = format!(
                "service id `{id}` is already used on line {line}: ids must be unique in a charter"
            );
            self.report(Diagnostic::new(
                Code::DuplicateId,
                path,
                node.span(),
                message,
            ));
        } else {
            self.ids.insert(id.to_string(), node.span());
        }
        id.to_string()
    }

    fn documents(&mut self, node: &'t Node<'t>, path: &str) -> Vec<Document> {
        let Some(items) = self.array(node, path, "an array of documents") else {
            return Vec::new();
        };
        if items.is_empty() {
            self.report(Diagnostic::new(
                Code::Empty,
                path,
                node.span(),
                "this list must not be empty",
            ));
        }
        let mut documents = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let is_sourced = match item.get_ref() {
                DeValue::Table(t) => t
                    .iter()
                    .any(|(k, _)| matches!(k.get_ref().as_ref(), "name" | "source")),
                _ => false,
            };
            if !is_sourced {
                documents.extend(self.text(item, &item_path, true).map(Document::Plain));
                continue;
            }
            let DeValue::Table(t) = item.get_ref() else {
                continue;
            };
            let f = self.fields(t, item.span(), &item_path, "a document", keys::DOCUMENT);
            let name = self.required_text_field(&f, "name", "a document");
            let source = f
                .get("source")
                .and_then(|n| self.text(n, &f.path("source"), true));
            documents.push(Document::Sourced { name, source });
        }
        documents
    }

    fn time_limit_field(&mut self, f: &Fields<'t>, what: &str) -> Text {
        let text = self.required_text_field(f, "time_limit", what);
        if let Some(node) = f.get("time_limit") {
            let bn = text.bn();
            if !bn.trim().is_empty() && !bangla::parse_time_limit(bn).is_stated() {
                let message = format!(
                    "the time limit `{bn}` states no duration: no immediate word and no number of a unit of time"
                );
                self.report(
                    Diagnostic::new(Code::TimeLimit, f.path("time_limit"), node.span(), message)
                        .with_help("state it as তাৎক্ষণিক, or a number of কার্যদিবস, দিন, সপ্তাহ, মাস, ঘন্টা or মিনিট"),
                );
            }
        }
        text
    }

    fn officer_ref(&mut self, f: &Fields<'t>, by_service: bool, what: &str) -> String {
        let Some(node) = f.get("officer") else {
            self.missing(f, "officer", what);
            return String::new();
        };
        let path = f.path("officer");
        let Some(id) = self.required_string(node, &path, Script::Other) else {
            return String::new();
        };
        if !id.is_empty() {
            self.refs.push(OfficerRef {
                id: id.to_string(),
                path,
                span: node.span(),
                by_service,
            });
        }
        id.to_string()
    }

    fn grievance(&mut self, node: &'t Node<'t>) -> Vec<GrievanceStep> {
        let Some(items) = self.array(node, "grievance", "an array of tables [[grievance]]") else {
            return Vec::new();
        };
        let mut steps = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("grievance[{i}]");
            let Some(t) = self.table(item, &path, "a grievance step table") else {
                continue;
            };
            let f = self.fields(t, item.span(), &path, "a grievance step", keys::GRIEVANCE);
            steps.push(GrievanceStep {
                when: self.required_text_field(&f, "when", "a grievance step"),
                officer: self.officer_ref(&f, false, "a grievance step"),
                time_limit: self.time_limit_field(&f, "a grievance step"),
            });
        }
        steps
    }

    // -----------------------------------------------------------------------------------------
    // Rules across the whole charter

    fn finish(&mut self) {
        self.check_officer_refs();
        self.check_spelling();
    }

    fn check_officer_refs(&mut self) {
        let mut used: HashMap<&str, ()> = HashMap::new();
        let mut found = Vec::new();
        for r in &self.refs {
            used.insert(&r.id, ());
            match self.officers.get(&r.id) {
                None => {
                    let message = format!("officer `{}` is not defined in [officers]", r.id);
                    let ids: Vec<&str> = self.officers.keys().map(String::as_str).collect();
                    let help = match suggest(&r.id, &ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None if ids.is_empty() => "add it as [officers.<id>]".to_string(),
                        None => format!("defined officers: {}", ids.join(", ")),
                    };
                    found.push(
                        Diagnostic::new(
                            Code::UnknownOfficer,
                            r.path.clone(),
                            r.span.clone(),
                            message,
                        )
                        .with_help(help),
                    );
                }
                Some(def) if r.by_service && !(def.has_phone && def.has_email) => {
                    let lacks = match (def.has_phone, def.has_email) {
                        (false, false) => "no phone and no email",
                        (false, true) => "no phone",
                        _ => "no email",
                    };
                    let message = format!(
                        "officer `{}` has {lacks}: the প্রতিশ্রুত সেবা table asks for name, designation, phone and email",
                        r.id
                    );
                    found.push(Diagnostic::new(
                        Code::OfficerContact,
                        r.path.clone(),
                        r.span.clone(),
                        message,
                    ));
                }
                Some(_) => {}
            }
        }
        for (id, def) in &self.officers {
            if !used.contains_key(id.as_str()) {
                let message =
                    format!("officer `{id}` is defined but no service or grievance step names it");
                found.push(Diagnostic::new(
                    Code::UnusedOfficer,
                    def.path.clone(),
                    def.span.clone(),
                    message,
                ));
            }
        }
        self.diagnostics.extend(found);
    }

    fn check_spelling(&mut self) {
        let mut groups: HashMap<String, Vec<&'t str>> = HashMap::new();
        for &word in &self.word_order {
            if let Some(key) = bangla::spelling_key(word) {
                groups.entry(key).or_default().push(word);
            }
        }
        let mut found = Vec::new();
        for &word in &self.word_order {
            let Some(key) = bangla::spelling_key(word) else {
                continue;
            };
            let spellings = &groups[&key];
            if spellings.len() < 2 {
                continue;
            }
            // The most used spelling stands; on a tie, the one that came first.
            let usual = spellings
                .iter()
                .copied()
                .max_by_key(|w| {
                    (
                        self.words[w].count,
                        std::cmp::Reverse(self.words[w].first.start),
                    )
                })
                .unwrap_or(word);
            if usual == word {
                continue;
            }
            let (this, other) = (&self.words[word], &self.words[usual]);
            let at = self.locate(&this.first, word);
            let line = line_of(self.source, other.first.start);
            let message = format!(
                "`{word}` is spelled `{usual}` elsewhere in this charter ({}, line {line}); one of them is a slip",
                other.path
            );
            found.push(Diagnostic::new(
                Code::Spelling,
                this.path.clone(),
                at,
                message,
            ));
        }
        self.diagnostics.extend(found);
    }
}

/// The line (from 1) of a byte offset, for messages that point at a second place.
fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Whether a key of a text table is a language code: `bn`, `en`, `ar`, `en-GB`.
fn is_language_code(key: &str) -> bool {
    let mut parts = key.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The nearest known key to a misspelt one, if it is near enough to be a typo.
pub fn suggest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let wanted = unknown.to_lowercase().replace(['-', ' '], "_");
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&wanted, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).clamp(1, 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn type_name(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
