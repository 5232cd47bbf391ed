//! Reading a charter file: bytes to text, text to a spanned TOML tree, and one walk over that tree
//! that builds the [`Charter`] and checks every rule of the format as it goes.
//!
//! The walk reports every problem it meets and carries on, so one run shows them all. A file
//! with TOML syntax errors reports those only: what the parser recovered after an error is a
//! guess, and rules checked on a guess would report problems the file does not have.
//!
//! Validating thousands of files is the common case in CI, so the walk allocates little for a
//! valid file: key paths are formatted only for findings, and spelling variants are located
//! only when one is found.

use super::diagnostic::{Code, Diagnostic, Findings, Unlisted};
use super::model::{
    Category, Charter, Document, GrievanceStep, Office, Officer, Service, Text, Translations,
};
use super::tree::{Node, SyntaxError, Table, Unreadable, Value};
use crate::bangla;
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::ops::Range;

/// Files larger than this are refused unread: a charter is tens of kilobytes, and a parse tree
/// of a huge file takes many times its size in memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What reading a charter gave: the charter as far as it could be read, and every finding.
#[derive(Debug)]
pub struct Loaded {
    /// The charter. Complete only when [`Loaded::has_errors`] is false.
    pub charter: Charter,
    /// The findings, in file order: the first [`super::MAX_FINDINGS`] of them.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings past those, counted.
    pub unlisted: Unlisted,
}

impl Loaded {
    /// Whether any finding is an error (the file is not a valid charter).
    pub fn has_errors(&self) -> bool {
        self.unlisted.errors > 0
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == super::Severity::Error)
    }
}

/// Reads a charter from the bytes of a file. Returns the text to show in snippets (invalid UTF-8
/// replaced) with what was found.
pub fn load_bytes(bytes: Vec<u8>) -> (String, Loaded) {
    // Bengali is three bytes a letter, where the standard library's check goes byte by byte;
    // a SIMD check is a sixth of validation's time less (benches/validate.sh).
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be UTF-8.
        let source = unsafe { String::from_utf8_unchecked(bytes) };
        let loaded = load_str(&source);
        return (source, loaded);
    }
    match String::from_utf8(bytes) {
        Ok(source) => {
            let loaded = load_str(&source);
            (source, loaded)
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let e = e.utf8_error();
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
                unlisted: Unlisted::default(),
            };
            (String::from_utf8_lossy(bytes).into_owned(), loaded)
        }
    }
}

/// The texts `charter init` writes for the office to replace, and the gap mark of
/// `render --draft`: as a whole value, each is a placeholder.
fn placeholder_text(s: &str) -> Option<&'static str> {
    match s.trim() {
        "সেবার নাম" => Some("`সেবার নাম` (a service's name)"),
        "অফিসের নাম" => Some("`অফিসের নাম` (the office's name)"),
        "কর্মকর্তার নাম" => Some("`কর্মকর্তার নাম` (an officer's name)"),
        "পদবী" | "পদবি" => Some("`পদবী` (a designation)"),
        "[ফাঁকা]" => Some("`[ফাঁকা]` (the mark of a gap in a draft)"),
        _ => None,
    }
}

/// An address at a domain reserved for examples (RFC 2606): example.gov.bd, example.org.
fn is_example_domain(s: &str) -> bool {
    let host = s.rsplit('@').next().unwrap_or(s).to_ascii_lowercase();
    let host = host
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let host = host.split(['/', ':']).next().unwrap_or("");
    host.split('.').any(|label| label == "example")
}

/// Whether one of the numbers only holds zeros after its operator's code: `০১৭০০০০০০০০`.
fn has_placeholder_phone(phones: &[bangla::Phone]) -> bool {
    phones.iter().any(|p| {
        let digits: Vec<u32> = p.national.chars().filter_map(bangla::digit_value).collect();
        digits.len() >= 9 && digits[3..].iter().all(|&d| d == 0)
    })
}

/// Syntax errors reported per file; the rest are counted in one more finding.
pub const MAX_SYNTAX_ERRORS: usize = 100;

/// Reads a charter from its text.
pub fn load_str(source: &str) -> Loaded {
    // Charters are read by the tree's own reader; what it leaves (syntax errors, dotted keys) by
    // the `toml` crate's, which names every syntax error.
    let root = match Table::read(source) {
        Ok(root) => root,
        Err(Unreadable::Syntax {
            root,
            errors,
            total,
        }) => return syntax_errors(&root, &errors, total),
        Err(Unreadable::TooLarge { span, message }) => {
            return Loaded {
                charter: Charter::default(),
                diagnostics: vec![Diagnostic::new(Code::TooLarge, "", span, message)],
                unlisted: Unlisted::default(),
            };
        }
    };
    let mut walker = Walker::new(source);
    let charter = walker.charter(&root);
    walker.finish(&root);
    let (diagnostics, unlisted) = walker.diagnostics.into_sorted();
    Loaded {
        charter,
        diagnostics,
        unlisted,
    }
}

/// The findings of a file with TOML syntax errors: those errors only. The tree recovered around
/// them is only good for naming where an error is, not for checking rules.
fn syntax_errors(root: &Table, errors: &[SyntaxError], total: usize) -> Loaded {
    let keys = key_starts(root);
    let mut diagnostics: Vec<Diagnostic> = errors
        .iter()
        .take(MAX_SYNTAX_ERRORS)
        .map(|e| {
            let span = e.span.clone().unwrap_or(0..0);
            let message = format!("not valid TOML: {}", e.message);
            Diagnostic::new(Code::Syntax, key_before(&keys, span.start), span, message)
        })
        .collect();
    if let Some(first_unshown) = errors.get(MAX_SYNTAX_ERRORS) {
        let span = first_unshown.span.clone().unwrap_or(0..0);
        let message = format!(
            "… and {} more syntax errors; the first {MAX_SYNTAX_ERRORS} are shown (fix those first: one slip often causes many)",
            total - MAX_SYNTAX_ERRORS
        );
        diagnostics.push(Diagnostic::new(Code::Syntax, "", span, message));
    }
    Loaded {
        charter: Charter::default(),
        diagnostics,
        unlisted: Unlisted::default(),
    }
}

/// The keys of each table of the format, in the order of the spec (and of `charter fmt`).
pub mod keys {
    pub const TOP: &[&str] = &[
        "version",
        "title",
        "updated",
        "source",
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
        "superior",
        "place",
        "remarks",
        "section",
    ];
    pub const DOCUMENT: &[&str] = &["name", "source"];
    pub const GRIEVANCE: &[&str] = &["when", "officer", "time_limit"];
}

/// A dotted key path, `services.citizen[1].fee`, built as the walk descends and formatted only
/// when a finding names it.
#[derive(Clone, Copy)]
enum KeyPath<'p> {
    Root,
    Key(&'p KeyPath<'p>, &'p str),
    Index(&'p KeyPath<'p>, usize),
}

impl<'p> KeyPath<'p> {
    fn key(&'p self, key: &'p str) -> KeyPath<'p> {
        KeyPath::Key(self, key)
    }

    fn index(&'p self, index: usize) -> KeyPath<'p> {
        KeyPath::Index(self, index)
    }

    /// The field a value belongs to, past array indexes and language keys (`bn`, `en`), and
    /// the field above it: `("name", "documents")` for `documents[0].name.bn`.
    fn field(&self) -> (Option<&str>, Option<&str>) {
        let mut current = self;
        let mut found = Vec::new();
        while found.len() < 2 {
            match current {
                KeyPath::Root => break,
                KeyPath::Index(parent, _) => current = parent,
                KeyPath::Key(parent, key) => {
                    // `{ bn = …, en = … }` is one field's text; but `fee` and `id` are
                    // fields, though they read as language codes too.
                    if found.is_empty() && is_language_code(key) && !SINGLE_LINE.contains(key) {
                        current = parent;
                        continue;
                    }
                    found.push(*key);
                    current = parent;
                }
            }
        }
        (found.first().copied(), found.get(1).copied())
    }
}

/// Fields whose value must be one line: they name something, go into a mail header or a table
/// heading, or are read as a value (a fee, a time limit, a phone number).
const SINGLE_LINE: &[&str] = &[
    "id",
    "name",
    "title",
    "government",
    "unit",
    "designation",
    "fee",
    "time_limit",
    "officer",
    "superior",
    "section",
    "phone",
    "email",
    "website",
    "when",
    "keywords",
    "room",
    "source",
];

impl fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyPath::Root => Ok(()),
            KeyPath::Key(KeyPath::Root, key) => f.write_str(key),
            KeyPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            KeyPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// The entries of one table, after unknown keys were reported.
struct Fields<'t> {
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
    has_phone: bool,
    has_email: bool,
}

/// A spelling of a word: the word, its hash, the key its other spellings share
/// ([`bangla::spelling_key`]), how often, and where first.
struct WordUse<'t> {
    word: &'t str,
    hash: u64,
    key: u64,
    count: usize,
    first: Range<usize>,
}

/// Whether a string is Bengali text (checked for spelling and legacy encodings) or not.
#[derive(Clone, Copy, PartialEq)]
enum Script {
    Bengali,
    Other,
}

struct Walker<'t> {
    source: &'t str,
    diagnostics: Findings,
    officers: HashMap<&'t str, OfficerDef>,
    refs: Vec<OfficerRef>,
    ids: HashMap<&'t str, Range<usize>>,
    /// Every spelling met, in the order first met, and where each is in it by its hash.
    words: Vec<WordUse<'t>>,
    word_index: hashbrown::HashTable<usize>,
}

impl<'t> Walker<'t> {
    fn new(source: &'t str) -> Self {
        Walker {
            source,
            diagnostics: Findings::default(),
            officers: HashMap::default(),
            refs: Vec::new(),
            ids: HashMap::default(),
            words: Vec::new(),
            word_index: hashbrown::HashTable::new(),
        }
    }

    fn report(&mut self, code: Code, path: &KeyPath, span: Range<usize>, message: String) {
        self.diagnostics
            .push(Diagnostic::new(code, path.to_string(), span, message));
    }

    fn report_with_help(
        &mut self,
        code: Code,
        path: &KeyPath,
        span: Range<usize>,
        message: String,
        help: String,
    ) {
        let d = Diagnostic::new(code, path.to_string(), span, message).with_help(help);
        self.diagnostics.push(d);
    }

    /// Reports the keys of `table` not in `known`, and returns the rest for lookup.
    fn fields(
        &mut self,
        table: &'t Table<'t>,
        span: Range<usize>,
        path: &KeyPath,
        what: &str,
        known: &[&str],
    ) -> Fields<'t> {
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table.iter() {
            let name: &'t str = key.get_ref();
            if known.contains(&name) {
                entries.push((name, value));
            } else {
                self.unknown_key(name, key.span(), &path.key(name), what, known);
            }
        }
        Fields { span, entries }
    }

    fn unknown_key(
        &mut self,
        name: &str,
        span: Range<usize>,
        path: &KeyPath,
        what: &str,
        known: &[&str],
    ) {
        let message = format!("unknown key `{name}` in {what}");
        let help = match suggest(name, known) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("{what} has: {}", known.join(", ")),
        };
        self.report_with_help(Code::UnknownKey, path, span, message, help);
    }

    fn missing(&mut self, fields: &Fields<'t>, path: &KeyPath, key: &str, what: &str) {
        let message = format!("{what} has no `{key}`, which is required");
        // How to fill it in: `charter set` names a service by its id.
        let at = match (what, fields.get("id").and_then(|n| n.get_ref().as_str())) {
            ("a service", Some(id)) => Some(format!("services.{id}.{key}")),
            ("a service", None) => None,
            _ if matches!(key, "officers" | "services" | "office") => None,
            _ => Some(path.key(key).to_string()),
        };
        match at {
            Some(at) => {
                let example = match key {
                    "methods" | "documents" | "expectations" => "'[\"…\"]'",
                    "officer" | "superior" => "OFFICER-ID",
                    "version" => "1",
                    _ => "'…'",
                };
                let help = format!("fill it in: charter set FILE {at} {example}");
                self.report_with_help(
                    Code::MissingKey,
                    &path.key(key),
                    fields.span.clone(),
                    message,
                    help,
                );
            }
            None => self.report(
                Code::MissingKey,
                &path.key(key),
                fields.span.clone(),
                message,
            ),
        }
    }

    fn wrong_type(&mut self, node: &Node, path: &KeyPath, expected: &str) {
        let message = format!("expected {expected}, found {}", node.get_ref().type_name());
        self.report(Code::Type, path, node.span(), message);
    }

    /// The table a node holds, or a type error.
    fn table(
        &mut self,
        node: &'t Node<'t>,
        path: &KeyPath,
        expected: &str,
    ) -> Option<&'t Table<'t>> {
        match node.get_ref() {
            Value::Table(t) => Some(t),
            _ => {
                self.wrong_type(node, path, expected);
                None
            }
        }
    }

    /// The items of an array, or a type error.
    fn array(
        &mut self,
        node: &'t Node<'t>,
        path: &KeyPath,
        expected: &str,
    ) -> Option<&'t [Node<'t>]> {
        match node.get_ref() {
            Value::Array(a) => Some(a.items()),
            _ => {
                self.wrong_type(node, path, expected);
                None
            }
        }
    }

    /// A string, checked for encoding slips; `None` and a type error for anything else.
    fn string(&mut self, node: &'t Node<'t>, path: &KeyPath, script: Script) -> Option<&'t str> {
        let Some(s) = node.get_ref().as_str() else {
            self.wrong_type(node, path, "a string");
            return None;
        };
        let span = node.span();
        let scan = match script {
            Script::Bengali => bangla::scan_words(s, |word| self.count_word(word, &span)),
            Script::Other => bangla::scan(s),
        };
        self.check_wording(s, &scan, span, path, script);
        if scan.line_break {
            self.check_one_line(node, path);
        }
        if let Some(what) = placeholder_text(s) {
            self.placeholder(node, path, what);
        }
        Some(s)
    }

    /// Reports a value left as the `init` template or a draft has it.
    fn placeholder(&mut self, node: &'t Node<'t>, path: &KeyPath, what: &str) {
        let message = format!("{what} is a placeholder: write the office's own");
        self.report(Code::Placeholder, path, node.span(), message);
    }

    /// Reports a line break in a field that must be one line. A document's name may wrap: it
    /// is read as a sentence.
    fn check_one_line(&mut self, node: &'t Node<'t>, path: &KeyPath) {
        let (field, parent) = path.field();
        let Some(field) = field else { return };
        if !SINGLE_LINE.contains(&field)
            || (field == "name" || field == "source") && parent == Some("documents")
        {
            return;
        }
        let message = format!(
            "`{field}` must be one line: a line break here would break the mail subjects and table headings built from it"
        );
        self.report(Code::LineBreak, path, node.span(), message);
    }

    /// A string that must not be empty.
    fn required_string(
        &mut self,
        node: &'t Node<'t>,
        path: &KeyPath,
        script: Script,
    ) -> Option<&'t str> {
        let s = self.string(node, path, script)?;
        if s.trim().is_empty() {
            self.report(
                Code::Empty,
                path,
                node.span(),
                "this must not be empty".to_string(),
            );
        }
        Some(s)
    }

    fn some_string(
        &mut self,
        node: &'t Node<'t>,
        path: &KeyPath,
        script: Script,
        required: bool,
    ) -> Option<&'t str> {
        if required {
            self.required_string(node, path, script)
        } else {
            self.string(node, path, script)
        }
    }

    /// A text: a string, or `{ bn = "…", en = "…" }`. Empty text is an error when `required`.
    fn text(&mut self, node: &'t Node<'t>, path: &KeyPath, required: bool) -> Option<Text> {
        match node.get_ref() {
            Value::String(_) => {
                let s = self.some_string(node, path, Script::Bengali, required)?;
                Some(Text::Plain(s.to_string()))
            }
            Value::Table(table) => Some(Text::Translated(Box::new(
                self.translations(node, table, path, required),
            ))),
            _ => {
                let expected = "text (a string, or a table like { bn = \"…\", en = \"…\" })";
                self.wrong_type(node, path, expected);
                None
            }
        }
    }

    fn translations(
        &mut self,
        node: &'t Node<'t>,
        table: &'t Table<'t>,
        path: &KeyPath,
        required: bool,
    ) -> Translations {
        let mut translations = Translations::default();
        let mut has_bn = false;
        for (key, value) in table.iter() {
            let lang: &str = key.get_ref();
            let lang_path = path.key(lang);
            if !is_language_code(lang) {
                self.unknown_key(lang, key.span(), &lang_path, "a text", &["bn", "en"]);
                continue;
            }
            let script = if lang == "bn" {
                Script::Bengali
            } else {
                Script::Other
            };
            has_bn |= lang == "bn";
            let Some(s) = self.some_string(value, &lang_path, script, required) else {
                continue;
            };
            match lang {
                "bn" => translations.bn = s.to_string(),
                "en" => translations.en = Some(s.to_string()),
                _ => {
                    translations.other.insert(lang.to_string(), s.to_string());
                }
            }
        }
        if !has_bn {
            let message = "a text table needs `bn`, the Bengali text as published".to_string();
            self.report(Code::MissingKey, &path.key("bn"), node.span(), message);
        }
        translations
    }

    /// An array of texts; empty is an error when `required`.
    fn texts(&mut self, node: &'t Node<'t>, path: &KeyPath, required: bool) -> Vec<Text> {
        let Some(items) = self.array(node, path, "an array of texts") else {
            return Vec::new();
        };
        if required && items.is_empty() {
            self.report(
                Code::Empty,
                path,
                node.span(),
                "this list must not be empty".to_string(),
            );
        }
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.text(item, &path.index(i), true))
            .collect()
    }

    /// Encoding slips in any string, from its [`bangla::Scan`]: NFC, zero-width characters, and
    /// for Bengali text legacy fonts.
    fn check_wording(
        &mut self,
        s: &'t str,
        scan: &bangla::Scan,
        span: Range<usize>,
        path: &KeyPath,
        script: Script,
    ) {
        if scan.ascii_letters && script == Script::Bengali {
            self.check_legacy(s, &span, path);
        }
        if scan.ascii {
            // ASCII is NFC, has no zero-width characters and no Bengali words.
            return;
        }
        if !scan.nfc {
            let message = "this text is not in Unicode NFC: the same letters are stored in another order or form, so search and comparison miss it";
            let help = "`charter fix` normalises it (so does `charter fmt`)";
            self.report_with_help(Code::Nfc, path, span.clone(), message.into(), help.into());
        }
        if let Some((_, c)) = scan
            .zero_width_lead
            .then(|| bangla::stray_zero_width(s))
            .flatten()
        {
            let at = self.locate(&span, c.encode_utf8(&mut [0; 4]));
            let message = format!(
                "a stray zero-width character U+{:04X} that readers cannot see",
                c as u32
            );
            let help = "`charter fix` removes it".to_string();
            self.report_with_help(Code::ZeroWidth, path, at, message, help);
        }
    }

    /// Counts a word that could be spelled another way, for [`Walker::check_spelling`].
    fn count_word(&mut self, word: &'t str, span: &Range<usize>) {
        let hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, word);
        let words = &mut self.words;
        if let Some(&i) = self.word_index.find(hash, |&i| words[i].word == word) {
            words[i].count += 1;
            return;
        }
        let Some(key) = bangla::spelling_key(word) else {
            return;
        };
        words.push(WordUse {
            word,
            hash,
            key,
            count: 1,
            first: span.clone(),
        });
        self.word_index
            .insert_unique(hash, words.len() - 1, |&i| words[i].hash);
    }

    fn check_legacy(&mut self, s: &str, span: &Range<usize>, path: &KeyPath) {
        if let Some(word) = bangla::bijoy::first_bijoy_word(s) {
            let at = self.locate(span, word);
            let message = format!(
                "`{word}` looks like Bengali typed in a legacy font encoding (Bijoy/SutonnyMJ), which readers without that font see as Latin letters"
            );
            let help = "`charter fix` converts it to Unicode Bengali".to_string();
            self.report_with_help(Code::LegacyEncoding, path, at, message, help);
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

    fn charter(&mut self, root: &'t Table<'t>) -> Charter {
        let path = KeyPath::Root;
        let top = self.fields(root, 0..0, &path, "a charter", keys::TOP);
        let mut charter = Charter::default();
        match top.get("version") {
            None => self.missing(&top, &path, "version", "the charter"),
            Some(node) => charter.version = self.version(node),
        }
        charter.title = top
            .get("title")
            .and_then(|n| self.text(n, &path.key("title"), true));
        charter.updated = top
            .get("updated")
            .and_then(|n| self.date(n, &path.key("updated")));
        charter.source = top
            .get("source")
            .and_then(|n| self.required_string(n, &path.key("source"), Script::Other))
            .map(str::to_string);
        charter.vision = self.required_text_field(&top, &path, "vision", "the charter");
        charter.mission = self.required_text_field(&top, &path, "mission", "the charter");
        let expectations = "section 3, আপনার কাছে আমাদের প্রত্যাশা";
        match top.get("expectations") {
            Some(node) => {
                charter.expectations = self.texts(node, &path.key("expectations"), false);
                if charter.expectations.is_empty() {
                    self.empty_section(node, "expectations", expectations);
                }
            }
            None => self.missing_section("expectations", expectations),
        }
        match top.get("office") {
            Some(node) => charter.office = self.office(node),
            None => self.missing(&top, &path, "office", "the charter"),
        }
        match top.get("officers") {
            Some(node) => charter.officers = self.officers(node),
            None => self.missing(&top, &path, "officers", "the charter"),
        }
        match top.get("services") {
            Some(node) => self.services(node, &mut charter),
            None => self.missing(&top, &path, "services", "the charter"),
        }
        let grievance = "section 4, অভিযোগ প্রতিকার ব্যবস্থাপনা";
        match top.get("grievance") {
            Some(node) => {
                charter.grievance = self.grievance(node);
                if charter.grievance.is_empty() {
                    self.empty_section(node, "grievance", grievance);
                }
            }
            None => self.missing_section("grievance", grievance),
        }
        charter
    }

    fn empty_section(&mut self, node: &Node, key: &str, what: &str) {
        let message = format!("the charter's `{key}` is empty: {what}");
        self.report(
            Code::MissingSection,
            &KeyPath::Root.key(key),
            node.span(),
            message,
        );
    }

    fn missing_section(&mut self, key: &str, what: &str) {
        let message = format!("the charter has no `{key}`: {what}");
        self.report(Code::MissingSection, &KeyPath::Root.key(key), 0..0, message);
    }

    fn required_text_field(
        &mut self,
        f: &Fields<'t>,
        path: &KeyPath,
        key: &str,
        what: &str,
    ) -> Text {
        match f.get(key) {
            Some(node) => self.text(node, &path.key(key), true).unwrap_or_default(),
            None => {
                self.missing(f, path, key, what);
                Text::default()
            }
        }
    }

    fn optional_text_field(&mut self, f: &Fields<'t>, path: &KeyPath, key: &str) -> Option<Text> {
        f.get(key)
            .and_then(|node| self.text(node, &path.key(key), false))
    }

    fn version(&mut self, node: &Node) -> i64 {
        let path = KeyPath::Root.key("version");
        let Value::Integer(int) = node.get_ref() else {
            self.wrong_type(node, &path, "an integer (1)");
            return 0;
        };
        let value = i64::from_str_radix(int.as_str(), int.radix()).unwrap_or(i64::MAX);
        if value != 1 {
            let message =
                format!("format version {int} is not supported: this tool reads version 1");
            self.report(Code::Version, &path, node.span(), message);
        }
        value
    }

    fn date(&mut self, node: &Node, path: &KeyPath) -> Option<String> {
        match node.get_ref() {
            Value::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => Some(dt.to_string()),
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
        let path = KeyPath::Root.key("office");
        let Some(table) = self.table(node, &path, "a table [office]") else {
            return Office::default();
        };
        let f = self.fields(table, node.span(), &path, "[office]", keys::OFFICE);
        Office {
            name: self.required_text_field(&f, &path, "name", "[office]"),
            government: self.optional_text_field(&f, &path, "government"),
            unit: self.optional_text_field(&f, &path, "unit"),
            address: self.optional_text_field(&f, &path, "address"),
            website: self.website(&f, &path),
            email: self.email(&f, &path),
            phone: self.phone(&f, &path),
        }
    }

    fn phone(&mut self, f: &Fields<'t>, path: &KeyPath) -> Option<String> {
        let node = f.get("phone")?;
        let path = path.key("phone");
        let s = self.string(node, &path, Script::Other)?;
        match bangla::parse_phones(s) {
            Err(e) => {
                let message = format!("`{s}` is not a Bangladeshi phone number: {e}");
                self.report(Code::Phone, &path, node.span(), message);
            }
            Ok(phones) if has_placeholder_phone(&phones) => {
                self.placeholder(node, &path, &format!("`{s}`"));
            }
            Ok(_) => {}
        }
        Some(s.to_string())
    }

    fn email(&mut self, f: &Fields<'t>, path: &KeyPath) -> Option<String> {
        let node = f.get("email")?;
        let path = path.key("email");
        let s = self.string(node, &path, Script::Other)?;
        if !bangla::is_email(s.trim()) {
            let message = format!("`{s}` is not an email address: expected local@domain.tld");
            self.report(Code::Email, &path, node.span(), message);
        } else if is_example_domain(s) {
            self.placeholder(node, &path, &format!("`{s}`"));
        }
        Some(s.to_string())
    }

    fn website(&mut self, f: &Fields<'t>, path: &KeyPath) -> Option<String> {
        let node = f.get("website")?;
        let path = path.key("website");
        let s = self.string(node, &path, Script::Other)?;
        if !bangla::is_website(s.trim()) {
            let message = format!(
                "`{s}` is neither a URL nor a host name: expected https://office.gov.bd or office.gov.bd"
            );
            self.report(Code::Website, &path, node.span(), message);
        } else if is_example_domain(s) {
            self.placeholder(node, &path, &format!("`{s}`"));
        }
        Some(s.to_string())
    }

    fn officers(&mut self, node: &'t Node<'t>) -> indexmap::IndexMap<String, Officer> {
        let mut officers = indexmap::IndexMap::new();
        let root = KeyPath::Root.key("officers");
        let Some(table) = self.table(node, &root, "a table of officers, [officers.<id>]") else {
            return officers;
        };
        for (key, value) in table.iter() {
            let id: &'t str = key.get_ref();
            let path = root.key(id);
            let Some(t) = self.table(value, &path, "a table [officers.<id>]") else {
                continue;
            };
            let f = self.fields(t, value.span(), &path, "an officer", keys::OFFICER);
            let officer = Officer {
                name: self.optional_text_field(&f, &path, "name"),
                designation: self.optional_text_field(&f, &path, "designation"),
                office: self.optional_text_field(&f, &path, "office"),
                room: self.optional_text_field(&f, &path, "room"),
                phone: self.phone(&f, &path),
                email: self.email(&f, &path),
                website: self.website(&f, &path),
            };
            if f.get("name").is_none() && f.get("designation").is_none() {
                let message = format!(
                    "officer `{id}` has neither a `name` nor a `designation`: at least one is required"
                );
                self.report(Code::MissingKey, &path, value.span(), message);
            }
            let def = OfficerDef {
                span: key.span(),
                has_phone: f.get("phone").is_some(),
                has_email: f.get("email").is_some(),
            };
            self.officers.insert(id, def);
            officers.insert(id.to_string(), officer);
        }
        officers
    }

    fn services(&mut self, node: &'t Node<'t>, charter: &mut Charter) {
        let root = KeyPath::Root.key("services");
        let Some(table) = self.table(node, &root, "a table [services]") else {
            return;
        };
        let f = self.fields(table, node.span(), &root, "[services]", keys::SERVICES);
        for &(key, list) in &f.entries {
            let Some(category) = Category::from_key(key) else {
                continue;
            };
            let path = root.key(key);
            let expected = format!("an array of tables [[services.{key}]]");
            let Some(items) = self.array(list, &path, &expected) else {
                continue;
            };
            // Reserved once: a charter can have tens of thousands of services, and a vector
            // grown by doubling holds up to twice their room.
            charter.services.of_mut(category).reserve_exact(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_path = path.index(i);
                let Some(t) = self.table(item, &item_path, "a service table") else {
                    continue;
                };
                let service = self.service(t, item.span(), &item_path);
                charter.services.of_mut(category).push(service);
            }
        }
        if charter.services.iter().next().is_none() {
            let message = "the charter lists no service: at least one [[services.citizen]], [[services.institutional]] or [[services.internal]] is required";
            self.report(Code::Empty, &root, node.span(), message.to_string());
        }
    }

    fn service(&mut self, table: &'t Table<'t>, span: Range<usize>, path: &KeyPath) -> Service {
        let f = self.fields(table, span, path, "a service", keys::SERVICE);
        let mut service = Service {
            id: self.service_id(&f, path),
            ..Service::default()
        };
        service.name = self.required_text_field(&f, path, "name", "a service");
        match f.get("methods") {
            Some(node) => service.methods = self.texts(node, &path.key("methods"), true),
            None => self.missing(&f, path, "methods", "a service"),
        }
        match f.get("documents") {
            Some(node) => service.documents = self.documents(node, &path.key("documents")),
            None => self.missing(&f, path, "documents", "a service"),
        }
        service.fee = self.required_text_field(&f, path, "fee", "a service");
        if let Some(node) = f.get("fee") {
            self.check_fee(&service.fee, node, &path.key("fee"));
        }
        service.time_limit = self.time_limit_field(&f, path, "a service");
        service.officer = self.officer_ref(&f, path, "officer", "a service");
        if let Some(node) = f.get("keywords") {
            let kpath = path.key("keywords");
            if let Some(items) = self.array(node, &kpath, "an array of strings") {
                service.keywords = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        self.required_string(item, &kpath.index(i), Script::Other)
                    })
                    .map(str::to_string)
                    .collect();
            }
        }
        if f.get("superior").is_some() {
            service.superior = Some(self.officer_ref(&f, path, "superior", "a service"));
        }
        service.place = self.optional_text_field(&f, path, "place");
        service.remarks = self.optional_text_field(&f, path, "remarks");
        service.section = self.optional_text_field(&f, path, "section");
        service
    }

    fn check_fee(&mut self, fee: &Text, node: &Node, path: &KeyPath) {
        let bn = fee.bn();
        if bn.trim().is_empty() || bangla::parse_fee(bn) != bangla::Fee::Unstated {
            return;
        }
        let message = format!(
            "the fee `{bn}` states neither free, nor an amount in taka, nor a rule it follows"
        );
        let help = if is_ditto(bn) {
            "`ঐ` (ditto) repeats the row above, which a reader of one service cannot see: write the fee itself"
        } else {
            "write it as বিনামূল্যে, an amount (১০০ টাকা, ৫০০/-, ৩০০), or the rule (সরকার নির্ধারিত মূল্যে)"
        };
        self.report_with_help(Code::Fee, path, node.span(), message, help.to_string());
    }

    fn service_id(&mut self, f: &Fields<'t>, path: &KeyPath) -> String {
        let Some(node) = f.get("id") else {
            self.missing(f, path, "id", "a service");
            return String::new();
        };
        let path = path.key("id");
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
            if suggestion
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                let help = format!("for example `{suggestion}`");
                self.report_with_help(Code::IdFormat, &path, node.span(), message, help);
            } else {
                self.report(Code::IdFormat, &path, node.span(), message);
            }
        } else if let Some(first) = self.ids.get(id) {
            let line = line_of(self.source, first.start);
            let message = format!(
                "service id `{id}` is already used on line {line}: ids must be unique in a charter"
            );
            self.report(Code::DuplicateId, &path, node.span(), message);
        } else {
            self.ids.insert(id, node.span());
        }
        id.to_string()
    }

    fn documents(&mut self, node: &'t Node<'t>, path: &KeyPath) -> Vec<Document> {
        let Some(items) = self.array(node, path, "an array of documents") else {
            return Vec::new();
        };
        if items.is_empty() {
            self.report(
                Code::Empty,
                path,
                node.span(),
                "this list must not be empty".to_string(),
            );
        }
        let mut documents = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            // A table with `name` or `source` is a paper and its source; any other value is text.
            let sourced = match item.get_ref() {
                Value::Table(t)
                    if t.iter()
                        .any(|(k, _)| matches!(k.get_ref().as_ref(), "name" | "source")) =>
                {
                    t
                }
                _ => {
                    documents.extend(self.text(item, &item_path, true).map(Document::Plain));
                    continue;
                }
            };
            let f = self.fields(
                sourced,
                item.span(),
                &item_path,
                "a document",
                keys::DOCUMENT,
            );
            let name = self.required_text_field(&f, &item_path, "name", "a document");
            let source = f
                .get("source")
                .and_then(|n| self.text(n, &item_path.key("source"), true));
            documents.push(Document::Sourced { name, source });
        }
        documents
    }

    fn time_limit_field(&mut self, f: &Fields<'t>, path: &KeyPath, what: &str) -> Text {
        let text = self.required_text_field(f, path, "time_limit", what);
        let Some(node) = f.get("time_limit") else {
            return text;
        };
        let bn = text.bn();
        if bn.trim().is_empty() {
            return text;
        }
        let path = path.key("time_limit");
        let (kind, unit_slip) = bangla::time_limit_kind(bn);
        if let Some(slip) = &unit_slip {
            let at = self.locate(&node.span(), &slip.written);
            let message = format!(
                "`{}` in the time limit looks like a misspelling of `{}`",
                slip.written, slip.usual
            );
            let help = format!("write `{}`; the span is read as if it were", slip.usual);
            self.report_with_help(Code::Spelling, &path, at, message, help);
        }
        let (message, help) = match kind {
            bangla::TimeKind::Conditional => (
                format!("the time limit `{bn}` gives only a condition, no span, date or moment"),
                "add the longest it may take: ৩০ কার্যদিবস (শুনানী সাপেক্ষে)",
            ),
            bangla::TimeKind::Unstated if is_ditto(bn) => (
                format!("the time limit `{bn}` states no time of its own"),
                "`ঐ` (ditto) repeats the row above, which a reader of one service cannot see: write the time limit itself",
            ),
            bangla::TimeKind::Unstated => (
                format!(
                    "the time limit `{bn}` states no duration: no span, no moment (তাৎক্ষণিক, অফিস সময়ে) and no date"
                ),
                "state it as তাৎক্ষণিক, a number of কার্যদিবস, দিন, সপ্তাহ, মাস, ঘন্টা or মিনিট, or a date (প্রতি বছর ১ জানুয়ারি)",
            ),
            _ => return text,
        };
        self.report_with_help(Code::TimeLimit, &path, node.span(), message, help.into());
        text
    }

    /// An officer id under `key` (`officer`, or a service's `superior`), recorded so that
    /// [`Walker::check_officer_refs`] finds it defined. Only a service's responsible officer is
    /// checked for a phone and an email.
    fn officer_ref(&mut self, f: &Fields<'t>, path: &KeyPath, key: &str, what: &str) -> String {
        let by_service = key == "officer" && what == "a service";
        let Some(node) = f.get(key) else {
            self.missing(f, path, key, what);
            return String::new();
        };
        let path = path.key(key);
        let Some(id) = self.required_string(node, &path, Script::Other) else {
            return String::new();
        };
        if !id.is_empty() {
            let path = path.to_string();
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
        let root = KeyPath::Root.key("grievance");
        let Some(items) = self.array(node, &root, "an array of tables [[grievance]]") else {
            return Vec::new();
        };
        let mut steps = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = root.index(i);
            let Some(t) = self.table(item, &path, "a grievance step table") else {
                continue;
            };
            let f = self.fields(t, item.span(), &path, "a grievance step", keys::GRIEVANCE);
            steps.push(GrievanceStep {
                when: self.required_text_field(&f, &path, "when", "a grievance step"),
                officer: self.officer_ref(&f, &path, "officer", "a grievance step"),
                time_limit: self.time_limit_field(&f, &path, "a grievance step"),
            });
        }
        steps
    }

    // -----------------------------------------------------------------------------------------
    // Rules across the whole charter

    fn finish(&mut self, root: &'t Table<'t>) {
        self.check_officer_refs();
        self.check_spelling(root);
    }

    fn check_officer_refs(&mut self) {
        let mut used: HashMap<&str, ()> = HashMap::default();
        let mut found = Vec::new();
        for r in &self.refs {
            used.insert(&r.id, ());
            match self.officers.get(r.id.as_str()) {
                None => {
                    let message = format!("officer `{}` is not defined in [officers]", r.id);
                    let ids: Vec<&str> = self.officers.keys().copied().collect();
                    let help = match suggest(&r.id, &ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None if ids.is_empty() => "add it as [officers.<id>]".to_string(),
                        None => format!("defined officers: {}", ids.join(", ")),
                    };
                    let d = Diagnostic::new(
                        Code::UnknownOfficer,
                        r.path.clone(),
                        r.span.clone(),
                        message,
                    );
                    found.push(d.with_help(help));
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
            if !used.contains_key(id) {
                let message =
                    format!("officer `{id}` is defined but no service or grievance step names it");
                let path = KeyPath::Root.key("officers");
                let path = path.key(id).to_string();
                found.push(Diagnostic::new(
                    Code::UnusedOfficer,
                    path,
                    def.span.clone(),
                    message,
                ));
            }
        }
        found.into_iter().for_each(|d| self.diagnostics.push(d));
    }

    /// Warns at each spelling of a word that is not the usual one in this charter. The usual one
    /// is the most used; on a tie, the one that came first.
    fn check_spelling(&mut self, root: &'t Table<'t>) {
        let words = &self.words;
        // The spellings of one word side by side, each word's in the order first met.
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_unstable_by_key(|&i| (words[i].key, i));
        let mut found = Vec::new();
        for spellings in order.chunk_by(|&a, &b| words[a].key == words[b].key) {
            if spellings.len() < 2 {
                continue;
            }
            let rank = |&&i: &&usize| (words[i].count, std::cmp::Reverse(words[i].first.start));
            let Some(&usual) = spellings.iter().max_by_key(rank) else {
                continue;
            };
            for &i in spellings.iter().filter(|&&i| i != usual) {
                let (this, other) = (&words[i], &words[usual]);
                let line = line_of(self.source, other.first.start);
                let message = format!(
                    "`{}` is spelled `{}` elsewhere in this charter ({}, line {line}); one of them is a slip",
                    this.word,
                    other.word,
                    path_at(root, other.first.start)
                );
                let at = self.locate(&this.first, this.word);
                let path = path_at(root, this.first.start);
                found.push((i, Diagnostic::new(Code::Spelling, path, at, message)));
            }
        }
        // In the order the words were first met, as the findings of one place keep it.
        found.sort_by_key(|(i, _)| *i);
        found
            .into_iter()
            .for_each(|(_, d)| self.diagnostics.push(d));
    }
}

/// The key path of the value that starts at `offset`, found by searching the tree: only
/// findings need it, so the walk does not keep a path for every word.
fn path_at(root: &Table, offset: usize) -> String {
    fn search(node: &Node, offset: usize, path: &KeyPath) -> Option<String> {
        match node.get_ref() {
            Value::Table(t) => t
                .iter()
                .find_map(|(k, v)| search(v, offset, &path.key(k.get_ref()))),
            Value::Array(a) => a
                .items()
                .iter()
                .enumerate()
                .find_map(|(i, v)| search(v, offset, &path.index(i))),
            _ => (node.span().start == offset).then(|| path.to_string()),
        }
    }
    let root_path = KeyPath::Root;
    root.iter()
        .find_map(|(k, v)| search(v, offset, &root_path.key(k.get_ref())))
        .unwrap_or_default()
}

/// Every key and array item with where it starts, sorted: one walk, so that naming the key of
/// each syntax error (a duplicated `fee`, the value of a `fee` with no closing quote) costs a
/// binary search.
fn key_starts(root: &Table) -> Vec<(usize, String)> {
    fn visit(node: &Node, path: &KeyPath, out: &mut Vec<(usize, String)>) {
        match node.get_ref() {
            Value::Table(t) => visit_table(t, path, out),
            Value::Array(a) => {
                for (i, v) in a.items().iter().enumerate() {
                    let item = path.index(i);
                    if !v.span().is_empty() {
                        out.push((v.span().start, item.to_string()));
                    }
                    visit(v, &item, out);
                }
            }
            _ => {}
        }
    }
    fn visit_table(table: &Table, path: &KeyPath, out: &mut Vec<(usize, String)>) {
        for (k, v) in table.iter() {
            let key_path = path.key(k.get_ref());
            out.push((k.span().start, key_path.to_string()));
            visit(v, &key_path, out);
        }
    }
    let mut out = Vec::new();
    visit_table(root, &KeyPath::Root, &mut out);
    // Stable: of two entries at one offset, the later (deeper) one is kept by `key_before`.
    out.sort_by_key(|(start, _)| *start);
    out
}

/// The key path of the last key or array item that starts at or before `offset`.
fn key_before(keys: &[(usize, String)], offset: usize) -> String {
    let end = keys.partition_point(|(start, _)| *start <= offset);
    end.checked_sub(1)
        .map_or_else(String::new, |i| keys[i].1.clone())
}

/// Whether a value is only a ditto mark (`ঐ`, `-ঐ-`, `do`): "as in the row above".
fn is_ditto(text: &str) -> bool {
    matches!(
        text.trim_matches(|c: char| !bangla::is_letter(c)),
        "ঐ" | "ঔ" | "do" | "ditto" | "Do" | "Ditto"
    )
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
