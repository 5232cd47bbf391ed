//! The charter as the format describes it (`docs/charter-format.md`, version 1).
//!
//! These types are what the rest of the tool works with once a file has been validated, and the
//! source of the JSON Schema (`charter schema`): a field documented here is documented there.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// One office's citizen charter (সিটিজেন চার্টার), format version 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Citizen charter (সিটিজেন চার্টার), format version 1")]
pub struct Charter {
    /// The format version; `1`.
    #[schemars(range(min = 1, max = 1))]
    pub version: i64,
    /// The document title; default `সিটিজেন চার্টার`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// When this charter was last revised (a TOML date, `2024-05-01`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TomlDate>")]
    pub updated: Option<String>,
    /// Where this charter was published: the URL of the page or the name of the file it was
    /// imported from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// ভিশন: section 1.
    pub vision: Text,
    /// মিশন: section 1.
    pub mission: Text,
    /// আপনার কাছে আমাদের প্রত্যাশা: section 3, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<Text>,
    /// Who publishes the charter.
    pub office: Office,
    /// The officers that services and grievance steps name, by id.
    #[schemars(extend("minProperties" = 1))]
    pub officers: IndexMap<String, Officer>,
    /// প্রতিশ্রুত সেবাসমূহ: section 2.
    pub services: Services,
    /// অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS): section 4, the escalation steps in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grievance: Vec<GrievanceStep>,
}

/// A TOML local date, as `updated` holds it.
#[derive(JsonSchema)]
#[schemars(extend("format" = "date"))]
#[allow(dead_code)]
struct TomlDate(String);

/// A text: a string (Bengali), or a table of language codes to strings where `bn` is required.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// Bengali only.
    Plain(#[schemars(length(min = 1))] String),
    /// Bengali and other languages: `{ bn = "…", en = "…" }`.
    // Boxed, so that a text is the size of a string: a service has eight of them, and a charter
    // can have tens of thousands (the doc comment above is the schema's description).
    Translated(Box<Translations>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

/// A text in several languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Translations {
    /// Bengali, the text as published.
    #[schemars(length(min = 1))]
    pub bn: String,
    /// English, where the charter has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Any other language, by its code.
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

impl Text {
    /// The Bengali text, as published.
    pub fn bn(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(t) => &t.bn,
        }
    }

    /// The text in `lang`, falling back to Bengali where the charter has no such translation.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Translated(t) if lang == "en" => t.en.as_deref().unwrap_or(&t.bn),
            Text::Translated(t) => t.other.get(lang).map_or(&t.bn, String::as_str),
            Text::Plain(s) => s,
        }
    }
}

/// `[office]`: who publishes the charter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's name.
    pub name: Text,
    /// The government; default `গণপ্রজাতন্ত্রী বাংলাদেশ সরকার`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub government: Option<Text>,
    /// The office's level and place: `উপজেলা কার্যালয়, কাউখালী, পিরোজপুর`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    /// A URL or a bare host name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// `local@domain.tld`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"))]
    pub email: Option<String>,
    /// Bangladeshi phone numbers (mobile, land line, IP telephony or a hotline of 3 to 5 digits),
    /// Bengali or Latin digits, each with an optional label (`ফোন:`, `হটলাইন`, `(অফিস)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `[officers.<id>]`: an officer (or an office) that services and grievance steps name.
/// At least one of `name` and `designation` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{"required": ["name"]}, {"required": ["designation"]}]))]
pub struct Officer {
    /// The officer's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// পদবী: the post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub designation: Option<Text>,
    /// The officer's office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<Text>,
    /// Room number or place in the office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<Text>,
    /// Bangladeshi phone numbers (mobile, land line, IP telephony or a hotline of 3 to 5 digits),
    /// Bengali or Latin digits, each with an optional label (`ফোন:`, `হটলাইন`, `(অফিস)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `local@domain.tld`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"))]
    pub email: Option<String>,
    /// A URL or a bare host name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// `[services]`: section 2, by category; at least one service in all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Services {
    /// ২.১ নাগরিক সেবা.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citizen: Vec<Service>,
    /// ২.২ প্রাতিষ্ঠানিক সেবা.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institutional: Vec<Service>,
    /// ২.৩ অভ্যন্তরীণ সেবা.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub internal: Vec<Service>,
}

/// The service categories, in the order the charter prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// নাগরিক সেবা
    Citizen,
    /// প্রাতিষ্ঠানিক সেবা
    Institutional,
    /// অভ্যন্তরীণ সেবা
    Internal,
}

impl Category {
    /// Every category, in print order.
    pub const ALL: [Category; 3] = [
        Category::Citizen,
        Category::Institutional,
        Category::Internal,
    ];

    /// The key under `[services]`.
    pub fn key(self) -> &'static str {
        match self {
            Category::Citizen => "citizen",
            Category::Institutional => "institutional",
            Category::Internal => "internal",
        }
    }

    /// The heading as printed: `২.১ নাগরিক সেবা`.
    pub fn heading(self) -> &'static str {
        match self {
            Category::Citizen => "২.১ নাগরিক সেবা",
            Category::Institutional => "২.২ প্রাতিষ্ঠানিক সেবা",
            Category::Internal => "২.৩ অভ্যন্তরীণ সেবা",
        }
    }

    /// The category of a key under `[services]`.
    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

impl Services {
    /// The services of one category.
    pub fn of(&self, category: Category) -> &[Service] {
        match category {
            Category::Citizen => &self.citizen,
            Category::Institutional => &self.institutional,
            Category::Internal => &self.internal,
        }
    }

    /// The services of one category, to fill in.
    pub fn of_mut(&mut self, category: Category) -> &mut Vec<Service> {
        match category {
            Category::Citizen => &mut self.citizen,
            Category::Institutional => &mut self.institutional,
            Category::Internal => &mut self.internal,
        }
    }

    /// Every service with its category, in print order.
    pub fn iter(&self) -> impl Iterator<Item = (Category, &Service)> {
        Category::ALL
            .into_iter()
            .flat_map(move |c| self.of(c).iter().map(move |s| (c, s)))
    }
}

/// A service (`[[services.<category>]]`): one row of the published table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// A stable name for scripts, replies and diffs: lowercase ASCII letters, digits and `-`.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// সেবার নাম.
    pub name: Text,
    /// সেবা প্রদান পদ্ধতি.
    #[schemars(length(min = 1))]
    pub methods: Vec<Text>,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান.
    #[schemars(length(min = 1))]
    pub documents: Vec<Document>,
    /// সেবা মূল্য এবং পরিশোধ পদ্ধতি.
    pub fee: Text,
    /// সেবা প্রদানের সময়সীমা.
    pub time_limit: Text,
    /// দায়িত্বপ্রাপ্ত কর্মকর্তা: an id in `[officers]`.
    pub officer: String,
    /// Extra words (Bengali or English) that name this service in an inquiry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// উর্ধ্বতন কর্মকর্তা: an id in `[officers]`, whom to turn to when the responsible officer
    /// does not deliver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superior: Option<String>,
    /// সেবা প্রদানের স্থান: where the service is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// মন্তব্য: remarks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<Text>,
    /// A sub-heading inside its category, such as a department (`প্রশাসন বিভাগ`); consecutive
    /// services with the same section print under one sub-heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
}

/// A required paper: its name, or its name and where to get it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Document {
    /// The paper and where to get it.
    Sourced {
        /// The paper.
        name: Text,
        /// Where to get it (প্রাপ্তিস্থান).
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<Text>,
    },
    /// The paper only.
    Plain(Text),
}

impl Document {
    /// The paper's name.
    pub fn name(&self) -> &Text {
        match self {
            Document::Sourced { name, .. } => name,
            Document::Plain(name) => name,
        }
    }
}

/// A grievance step (`[[grievance]]`): whom to turn to when a service is not delivered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceStep {
    /// কখন যোগাযোগ করবেন.
    pub when: Text,
    /// কার সঙ্গে যোগাযোগ করবেন: an id in `[officers]`.
    pub officer: String,
    /// নিষ্পত্তির সময়সীমা.
    pub time_limit: Text,
}

/// The title of a charter that states none.
pub const DEFAULT_TITLE: &str = "সিটিজেন চার্টার";

/// The government of an office that states none.
pub const DEFAULT_GOVERNMENT: &str = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার";

impl Charter {
    /// The title, or the default `সিটিজেন চার্টার`.
    pub fn title(&self, lang: &str) -> &str {
        self.title.as_ref().map_or(DEFAULT_TITLE, |t| t.get(lang))
    }

    /// A service by id.
    pub fn service(&self, id: &str) -> Option<(Category, &Service)> {
        self.services.iter().find(|(_, s)| s.id == id)
    }
}

// A large charter has tens of thousands of services, each held whole: a text is the size of a
// string, and a service a few hundred bytes (issue 21's memory bound).
const _: () = assert!(std::mem::size_of::<Text>() <= 24);
const _: () = assert!(std::mem::size_of::<Service>() <= 320);
