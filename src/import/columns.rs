//! Column headings: which field of a service (or grievance step) a published column holds.
//!
//! The wordings seen on real pages (`../shared/import-samples/README.md` lists them all) vary in
//! spelling, spacing and punctuation, so a heading is normalised before it is compared, and
//! compared by the stems that tell the columns apart rather than by a list of exact strings:
//! `সেবামূল্য এবং পরিশোধ পদ্দতি  ( যদি থাকে)` is a fee heading because it holds `মূল্য`, however it
//! is spelled around that.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// ক্রমিক নং: the serial, not stored (it is the order of the entries).
    Serial,
    /// সেবার নাম.
    Name,
    /// সেবা প্রদান পদ্ধতি.
    Methods,
    /// প্রয়োজনীয় কাগজপত্র.
    Documents,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান: papers and where to get them, in one column.
    DocumentsAndSource,
    /// প্রাপ্তিস্থান in a column of its own: where to get the papers.
    DocumentSource,
    /// সেবা মূল্য.
    Fee,
    /// সেবা প্রদানের সময়সীমা.
    TimeLimit,
    /// দায়িত্বপ্রাপ্ত কর্মকর্তা.
    Officer,
    /// উর্ধ্বতন কর্মকর্তা.
    Superior,
    /// কক্ষ নং: the responsible officer's room.
    Room,
    /// সেবা প্রদানের স্থান.
    Place,
    /// মন্তব্য.
    Remarks,
    /// (GRS) কখন যোগাযোগ করবেন.
    When,
    /// (GRS) কার সঙ্গে যোগাযোগ করবেন.
    Whom,
    /// (GRS) যোগাযোগের ঠিকানা: the address of the officer to contact.
    Address,
    /// A column the format has no field for (সেবা গ্রহীতা, নাগরিকের দায়িত্ব): its cells go to
    /// `remarks` with the heading in front.
    Other,
    /// The second part of the heading before it, split over two cells (`(ঘন্টা/দিন/মাস)`).
    Continuation,
}

impl Column {
    /// The key it fills, as the import report names it.
    pub fn key(self) -> &'static str {
        match self {
            Column::Serial => "(serial)",
            Column::Name => "name",
            Column::Methods => "methods",
            Column::Documents => "documents",
            Column::DocumentsAndSource => "documents",
            Column::DocumentSource => "documents.source",
            Column::Fee => "fee",
            Column::TimeLimit => "time_limit",
            Column::Officer => "officer",
            Column::Superior => "superior",
            Column::Room => "officer.room",
            Column::Place => "place",
            Column::Remarks => "remarks",
            Column::When => "grievance.when",
            Column::Whom => "grievance.officer",
            Column::Address => "grievance.officer (address)",
            Column::Other => "remarks (with its heading)",
            Column::Continuation => "(part of the heading before)",
        }
    }
}

/// A heading as it is compared: NFC, no spaces or zero-width characters, one colon for ঃ `:`
/// and Bijoy's `t`, ী as ি, ূ as ু, ণ as ন, ঊ as উ, দ্ধ as দ্দ, no reph (typists drop it: কমকর্তা),
/// no `(যদি থাকে)`, ASCII in lowercase.
pub fn normalise(heading: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text: String = heading.nfc().collect();
    let text = text.replace("যদি থাকে", "");
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A reph: র and hasanta before a consonant.
        if c == 'র' && chars.get(i + 1) == Some(&'\u{09CD}') && i > 0 {
            i += 2;
            continue;
        }
        match c {
            c if c.is_whitespace() => {}
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '(' | ')' => {}
            'ঃ' | ':' => out.push(':'),
            'ী' => out.push('ি'),
            'ূ' => out.push('ু'),
            'ণ' => out.push('ন'),
            'ঊ' => out.push('উ'),
            c => out.extend(c.to_lowercase()),
        }
        i += 1;
    }
    out.replace("দ্ধ", "দ্দ")
}

/// Whether one of the heading's words (split at spaces and punctuation) is one of `words`.
fn has_word(heading: &str, words: &[&str]) -> bool {
    heading
        .split(|c: char| !c.is_alphanumeric() && !('\u{0980}'..='\u{09FF}').contains(&c))
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// Which column a heading names; `None` when it is not a heading this tool knows (text that is
/// not a heading, or a heading of another kind of table).
pub fn classify(heading: &str) -> Option<Column> {
    let h = normalise(heading);
    if h.is_empty() || h.chars().count() > 200 {
        return None;
    }
    // A sentence (`…করা।`) or a numbered line (`২.১) নাগরিক সেবা`) is text, not a heading.
    let trimmed = heading.trim();
    if trimmed.ends_with('।') && trimmed.split_whitespace().count() > 4
        || super::cells::strip_enumeration(trimmed).len() != trimmed.len()
            && !trimmed.starts_with('(')
    {
        return None;
    }
    let has = |stems: &[&str]| stems.iter().any(|s| h.contains(s));
    let starts = |stems: &[&str]| stems.iter().any(|s| h.starts_with(s));
    // The continuation of a time heading split over two cells: `(ঘন্টা/দিন/মাস)`.
    if heading.trim_start().starts_with('(') && has(&["ঘন্টা/দিন", "দিন/মাস"])
    {
        return Some(Column::Continuation);
    }
    // A note in brackets under a heading (`(সেপ্টেম্বর ২০২৪,MIS, DGFP)`) continues it.
    if trimmed.starts_with('(') && trimmed.ends_with(')') && trimmed.chars().count() <= 60 {
        return Some(Column::Continuation);
    }
    let column = if has(&["উদ্দতন", "উধ্বতন", "উধতন", "উদ্দ্বতন", "superior"])
        || has(&[
            "thefailuretoprovide",
            "authorities",
            "প্রতিকারকারি",
            "appellate",
        ])
        || has(&["আপিলকারি", "আপিলকতৃপক্ষ"])
        || has(&["ব্যথহলে", "ব্যথহইলে"]) && has(&["কমকতা", "প্রতিকার"])
        || has(&["প্রতিকারেরবিধান"])
    {
        Column::Superior
    } else if has(&["কখনযোগাযোগ", "whentocontact"]) {
        Column::When
    } else if has(&["যোগাযোগেরঠিকানা", "ঠিকানা:"]) && !has(&["কমকতা"])
    {
        Column::Address
    } else if starts(&[
        "ক্রম",
        "ক্র:",
        "ক্র.",
        "ক্র/",
        "ক্রনং",
        "রমিকনং",
        "sr.",
        "sl.",
        "serial",
        "no.",
    ]) && h.chars().count() <= 12
    {
        Column::Serial
    } else if has(&[
        "নাগরিকেরদায়িত্ব",
        "নাগরিকদায়িত্ব",
        "সেবাগ্রহিতা",
        "recipient",
        // The remedy, in the older template: no method of delivery.
        "প্রতিকারপদ্দতি",
    ]) {
        Column::Other
    } else if (has(&["মুল্য"]) && !h.starts_with("বিনা"))
        || has_word(heading, &["ফি", "ফিস", "fee", "fees", "charge"])
    {
        Column::Fee
    } else if has(&[
        "সময়",
        "সয়ম",
        "কতদিন",
        "সময়কাল",
        "deadline",
        "time",
        "duration",
        "নিষ্পত্তিরসময়",
    ]) {
        Column::TimeLimit
    } else if has(&["এবংপ্রাপ্তিস্থান", "ওপ্রাপ্তিস্থান", "/প্রাপ্তিস্থান", "andwheretoget"])
    {
        Column::DocumentsAndSource
    } else if has(&["প্রাপ্তিস্থান", "প্রাপ্তিরস্থান", "wheretoget"])
    {
        Column::DocumentSource
    } else if has(&["কাগজপত্র", "document", "papers"]) {
        Column::Documents
    } else if has(&[
        "পদ্দতি",
        "পদ্দত্তি",
        "প্রক্রিয়া",
        "কিভাবে",
        "কিভাবেসেবা",
        "method",
        "waytoprovide",
        "howitis",
    ]) {
        Column::Methods
    } else if has(&["কারসঙ্গে", "কারসাথে", "whomtocontact"]) {
        Column::Whom
    } else if has(&[
        "যারকাছে",
        "যাহারকাছে",
        "দায়িত্ব",
        "দ্বায়িত্ব",
        "দানকারি",
        "প্রদানকারি",
        "নিয়োজিত",
        "কারদায়িত্ব",
        "পদবি",
        "responsible",
        "officer",
    ]) {
        Column::Officer
    } else if (h.contains("সেবা") && has(&["নাম", "সমুহ", "বিবরন", "খাত", "ধরন", "বিষয়"]))
        || has(&["প্রদেয়সেবা", "সনদেরনাম", "nameofservice", "servicename"])
        || has(&["কাজেরবিবরন", "প্রদত্তসেবা", "আবেদনেরধরন", "সেবাকাযক্রম"])
        || matches!(h.as_str(), "বিবরন" | "কাযক্রম" | "কাযক্রমসমুহ")
        || matches!(h.as_str(), "service" | "services")
    {
        Column::Name
    } else if has(&["স্থান", "place", "where", "যেখানেপাওয়া"]) {
        Column::Place
    } else if has(&["কক্ষ", "রুম", "room"]) {
        Column::Room
    } else if has(&["মন্তব্য", "remark", "comment"]) {
        Column::Remarks
    } else {
        return None;
    };
    Some(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The older template's headings: the subject of a right, and the remedy (not a method).
    #[test]
    fn the_older_templates_headings() {
        assert_eq!(classify("সেবা/অধিকারের বিষয়"), Some(Column::Name));
        assert_eq!(classify("প্রতিকার পদ্ধতি"), Some(Column::Other));
        assert_eq!(classify("সেবা প্রদানের পদ্ধতি ও শর্তাবলী"), Some(Column::Methods));
    }

    /// Every wording of the samples' README, and the columns it names.
    #[test]
    fn every_wording_seen_is_recognised() {
        use Column::*;
        let cases: &[(Column, &[&str])] = &[
            (
                Serial,
                &[
                    "ক্রমিক নং",
                    "ক্রমিক",
                    "ক্র নং",
                    "ক্র. নং",
                    "ক্র:নং",
                    "ক্র:",
                    "ক্রঃ নং",
                    "ক্র/নং",
                    "ক্রমিকনং",
                    "ক্রম",
                    "Sr. No.",
                ],
            ),
            (
                Name,
                &[
                    "সেবার নাম",
                    "সেবা সমূহ",
                    "সেবা সমুহ",
                    "সেবাসমূহ",
                    "সেবার বিবরণ",
                    "প্রদেয় সেবার বিবরণ",
                    "সেবার খাত সমূহ",
                    "সেবার খাতসমূহ",
                    "সেবার ধরণ",
                    "সেবার ধরন",
                    "সেবারধরণ",
                    "সনদের নাম",
                    "প্রদেয় সেবা",
                    "Name of service",
                    "Service name",
                    "কার্যক্রম",
                    "কাজের বিবরণ",
                    "প্রদত্ত সেবা",
                    "বিবরণ",
                    "আবেদনের ধরণ",
                ],
            ),
            (
                Methods,
                &[
                    "সেবা প্রদান পদ্ধতি",
                    "সেবা প্রদান পদ্ধত্তি",
                    "সেবা পদ্ধতি",
                    "সেবা প্রদানে পদ্ধতি",
                    "সেবা সরবরাহকারী/ প্রাপ্তির প্রক্রিয়া",
                    "সেবা সরবরাহ/ প্রক্রিয়া",
                    "সেবা সরবরাহ/ সেবা প্রাপ্তির প্রক্রিয়া",
                    "প্রক্রিয়া",
                    "সেবার পাওয়ার প্রক্রিয়া",
                    "সেবা পাওয়ার প্রক্রিয়া যোগ্যতা",
                    "সেবা গ্রহন দাবী করা সংক্রামত্ম যোগ্যতা ও প্রক্রিয়া",
                    "সেবা গ্রহনে দাবী করা সংক্রান্ত যোগ্যতা ও প্রক্রিয়া",
                    "কি ভাবে সেবা পাওয়া যায়",
                    "কিভাবে সেবা পাওয়া যাবে",
                    "কি ভাবে সেবা পাওযা যাবে",
                    "Methods of service delivery",
                    "The way to provide services",
                ],
            ),
            (Documents, &["প্রয়োজনীয় কাগজপত্র"]),
            (
                DocumentsAndSource,
                &[
                    "প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান",
                    "প্রয়োজনীয় কাগজপত্র/ আবেদন ফরম ও প্রাপ্তিস্থান",
                    "প্রয়োজনীয় কাগজপত্র/ আবেদন ফরম/ প্রাপ্তিস্থান",
                    "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান",
                ],
            ),
            (
                DocumentSource,
                &[
                    "প্রয়োজনীয় কাগজপত্র/ আবেদন ফরম প্রাপ্তিস্থান",
                    "প্রয়োজনীয় কাগজপত্র/আবেদন ফরম প্রাপ্তির স্থান",
                    "প্রয়োজনীয় কাগজপত্র প্রাপ্তির স্থান",
                    "কাগজপত্র/ আবেদন  ফরম প্রাপ্তির স্থান",
                    "প্রয়োজনীয় কাগজপত্র/ অবেদন ফরম প্রাপ্তিস্থান",
                ],
            ),
            (
                Fee,
                &[
                    "সেবার মূল্য",
                    "সেবা মূল্য",
                    "সেবামূল্য",
                    "মূল্য",
                    "সেবা মুল্য",
                    "সেবামূল্য এবং পরিশোধ পদ্ধতি",
                    "সেবামূল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)",
                    "সেবামূল্য এবং পরিশোধ  পদ্ধতি (যদি থাকে)",
                    "সেবা মূল্য এবং পরিশোধ পদ্ধতি ( যদি থাকে)",
                    "সেবা মূল্য এবং পরিশোধ পদ্ধতি( যদি থাকে)",
                    "সেবা মূল্য ও পরিশোধ পদ্ধতি ( যদি থাকে )",
                    "সেবার মূল্য ও পরিশোধ পদ্ধতি",
                    "সেবার মূল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)",
                    "সেবামূল্য এবং পরিশোধ পদ্দতি  ( যদি থাকে)",
                    "সেবামুল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)",
                    "সেবামূল্য এবং পরিশোধ প্রদ্ধতি (যদি থাকে)",
                    "সেবা/ আবেদন ফরমের মূল্য",
                    "সেবা প্রদানের মূল্য",
                    "সেবা প্রদানের জন্য ফি",
                    "সেবার মূল্য/বিনামূল্যে",
                ],
            ),
            (
                TimeLimit,
                &[
                    "সময়সীমা",
                    "সময় সীমা",
                    "সময়",
                    "সেবা প্রদানের সময়সীমা",
                    "সেবা প্রদানে সময়সীমা",
                    "সেবা প্রদানের সর্বোচ্চ সময়",
                    "সেবা প্রদানে সর্বোচ্চ সময়",
                    "সেবা প্রদানে  সর্বোচ্চ সময়",
                    "প্রয়োজনীয় সর্বোচ্চ সময়",
                    "সেবা প্রদানের নির্দিষ্ট সময়সীমা",
                    "সেবা প্রদানের নির্দিষ্ট সময় সীমা",
                    "সেবা প্রদানের নির্ধারিত  সময়",
                    "সেবা প্রদানের সময়কাল",
                    "সেবা প্রাপ্তিরঃসময়সীমা",
                    "সেবাপ্রাপ্তিরসময়সীমা",
                    "সেবাদানের সময়সীমা",
                    "কত সময় প্রয়োজন",
                    "কত দিনের মধ্যে পাওয়া যাবে",
                    "কার্য সম্পাদনের সয়মসীমা",
                    "Service delivery deadline",
                    "Time to offer services",
                    "নিষ্পত্তির সময়সীমা",
                    "অভিযোগ নিষ্পত্তির সময়সীমা",
                ],
            ),
            (
                Officer,
                &[
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ইমেইল)",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, টেলিফোন, ই-মেইল)",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবী, ফোন নম্বর ও ই-মেইল)",
                    "দায়িত্ব প্রাপ্ত কর্মকর্তা/কর্মচারী (নাম, পদবি, ফোন নম্বর ও ই-মেইল)",
                    "দায়িত্ব প্রাপ্ত কর্মকর্তা/ কর্মচারী",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা/ কর্মচারী",
                    "দায়িত্ব প্রাপ্ত ব্যাক্তি",
                    "দায়িত্বপ্রাপ্ত ব্যক্তি",
                    "দায়িত্ব প্রাপ্ত ব্যক্তি",
                    "পরিষদের দায়িত্বশীল ব্যক্তি",
                    "কার দায়িত্ব",
                    "সেবা প্রদানকারী কর্মকর্তা",
                    "সেবা প্রদানকারী",
                    "সেবা দানকারী কর্মকর্তার পদবী ও ঠিকানা",
                    "সেবাদানকারীকর্মকর্তারপদবীওঠিকানা",
                    "সেবা প্রদানে নিয়োজিত কর্মকর্তা/কর্মচারী",
                    "যার কাছে সেবা পাবেন",
                    "পদবি, ফোন নং",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তার নাম, পদবী ও মোবাইল",
                    "দায়িত্বপ্রাপ্ত কমকর্তার নাম, পদবী ও মোবাইল নম্বর",
                    "দ্বায়িত্বপ্রাপ্ত কর্মকর্তা ও ই-মেইল",
                    "শাখার নামসহ দায়িত্বপ্রাপ্ত কর্মকর্তার পদবি, রুম নম্বর, জেলা/ উপজেলার কোড, অফিসিয়াল টেলিফোন ও ইমেইল",
                    "শাখার নাম সহ দায়িত্বপ্রাপ্ত  কর্মকর্তা ( কর্মকর্তার পদবী, রুম নম্বর, বাংলাদেশের কোড, জেলা ও উপজেলা কোড সহ  টেলিফোন/ মোবাইল নম্বর, ই-মেইল",
                ],
            ),
            (
                Superior,
                &[
                    "উর্দ্ধতন কর্তৃপক্ষ",
                    "উর্দ্ধতনকর্তৃপক্ষ",
                    "উধর্তন কতৃর্পক্ষ",
                    "উর্দ্ধতন কর্মকর্তার নাম, পদবী ও মোবাইল",
                    "উধ্বতন কমকর্তার নাম, পদবী ও মোবাইল নম্বর",
                    "ঊর্ধ্বতন কর্মকর্তা (পদবি, অফিসিয়াল টেলিফোন, ই-মেইল)",
                    "উর্ধ্বতন কর্মকর্তার পদবি, রুম নম্বর, জেলা/উপজেলার কোডসহ অফিসিয়াল টেলিফোন ও ইমেইল",
                    "ঊর্ধ্বত ন কর্মকর্তার পদবি, রুম নম্বর, জেলা/ উপজেলারকোড, অফিসিয়ালটেলিফোন ও ই-মেইল",
                    "উর্দ্ধতন কর্মকর্তার  পদবী, রুম নম্বর, বাংলাদেশের কোড সহ টেলিফোন/ মোবাইল নম্বর, ই-মেইল",
                    "উর্ধ্বতন কর্মকর্তার পদবী, জেলা/উপজেলা কোড, অফিসিয়াল টেলিফোন ও ই-মেইল",
                    "উর্দ্দতন কর্মকর্তা",
                    "নির্দিষ্ট সেবা পেতে ব্যর্থ হলে প্রতিকারকারী কর্মকর্তা",
                    "আপীলকারী কর্তৃপক্ষ",
                    "নিদির্ষ্ট সেবা প্রদানে ব্যর্থ হলে প্রতিকারের বিধান",
                    "উর্দ্ধতন কর্মর্তার পদবি রুম নম্বর",
                    "If the failure to provide specific services fails to take care of the authorities",
                ],
            ),
            (Room, &["কক্ষ নং"]),
            (Remarks, &["মন্তব্য"]),
            (
                Place,
                &["সেবা প্রদানে স্থান", "সেবা প্রদানের স্থান", "Place of service"],
            ),
            (Other, &["নাগরিকের দায়িত্ব", "নাগরিক দায়িত্ব", "সেবা গ্রহীতা"]),
            (When, &["কখন যোগাযোগ করবেন"]),
            (
                Whom,
                &[
                    "কার সঙ্গে যোগাযোগ করবেন",
                    "কার সাথে যোগাযোগ করবেন (দায়িত্বপ্রাপ্ত কর্মকর্তা)",
                    // In a service table this is the responsible officer's column.
                    "কার সাথে যোগাযোগ করতে হবে",
                ],
            ),
            (Address, &["যোগাযোগের ঠিকানা"]),
            (Continuation, &["(ঘন্টা/দিন/মাস)", "(সেপ্টেম্বর ২০২৪,MIS, DGFP)"]),
        ];
        for (column, wordings) in cases {
            for wording in *wordings {
                assert_eq!(classify(wording), Some(*column), "{wording}");
            }
        }
    }

    #[test]
    fn the_stems_are_written_normalised() {
        let source = include_str!("columns.rs");
        let body =
            &source[source.find("pub fn classify").unwrap()..source.find("#[cfg(test)]").unwrap()];
        for stem in body.split('"').skip(1).step_by(2) {
            assert_eq!(normalise(stem), stem, "write the stem `{stem}` normalised");
        }
    }

    #[test]
    fn text_that_is_not_a_heading_is_not_recognised() {
        for text in [
            "০১",
            "নাগরিক সনদপত্র",
            "বিনামূল্যে",
            "১ দিন",
            "20/-",
            "চেয়ারম্যান ও সচিব",
            "অফিস চলাকালীন চাহিবা মাত্র",
            "ইউনিয়ন পরিষদ কার্যালয়",
        ] {
            assert_eq!(classify(text), None, "{text}");
        }
    }
}
