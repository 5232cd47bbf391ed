//! The officer cell: one person (or post) with name, designation, office, room, phone and email,
//! written on one line or several, labelled or not:
//!
//! `মোঃ মেহেদী হাসান সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর … মোবাইল নংঃ
//! ০১৮২৫৭০৬১৩৮ ই-মেইলঃ kawkhalidoict@gmail.com`, `সোহাগ ছৈয়ল, নিম্নমান সহকারী`,
//! `চেয়ারম্যান ও সচিব`.
//!
//! Phones and emails are found by the validator's own rules; a name by its prefix (মোঃ, জনাব,
//! বেগম, ড.) or by standing before the designation; a designation by a table of common posts or
//! by the word it ends with (…কর্মকর্তা, …সহকারী, …অফিসার).

use crate::bangla;
use crate::charter::{Officer, Text};

/// Words an officer's name starts with.
const NAME_PREFIXES: &[&str] = &[
    "মোঃ",
    "মো:",
    "মো.",
    "মোহাম্মদ",
    "মুহাম্মদ",
    "জনাব",
    "বেগম",
    "ড.",
    "ডঃ",
    "ডা:",
    "ডাঃ",
    "ডা.",
    "প্রফেসর",
    "অধ্যাপক",
    "প্রকৌশলী",
    "শেখ",
    "সৈয়দ",
    "Md.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
];

/// Common posts of government offices, longest first where one holds another.
const DESIGNATIONS: &[&str] = &[
    "অফিসার ইনচার্জ",
    "অফিসার-ইন-চার্জ",
    "উপজেলা স্বাস্থ্য ও পরিবার পরিকল্পনা কর্মকর্তা",
    "উপজেলা মহিলা বিষয়ক কর্মকর্তা",
    "উপজেলা প্রাণিসম্পদ কর্মকর্তা",
    "জেলা প্রাণিসম্পদ কর্মকর্তা",
    "উপজেলা নির্বাহী অফিসার",
    "অতিরিক্ত জেলা প্রশাসক",
    "সহকারী কমিশনার (ভূমি)",
    "সহকারী কমিশনার (ভুমি)",
    "অভিযোগ নিষ্পত্তি কর্মকর্তা",
    "প্রধান নির্বাহী কর্মকর্তা",
    "পৌর নির্বাহী কর্মকর্তা",
    "উপজেলা কৃষি কর্মকর্তা",
    "উপজেলা শিক্ষা অফিসার",
    "উপজেলা প্রকৌশলী",
    "উপজেলা চেয়ারম্যান",
    "ইউনিয়ন পরিষদ সচিব",
    "সিনিয়র সহকারী সচিব",
    "সহকারী প্রোগ্রামার",
    "সহকারী প্রকৌশলী",
    "উপ-সহকারী প্রকৌশলী",
    "নির্বাহী প্রকৌশলী",
    "প্রশাসনিক কর্মকর্তা",
    "জনসংযোগ কর্মকর্তা",
    "আপিল কর্মকর্তা",
    "নিম্নমান সহকারী",
    "উচ্চমান সহকারী",
    "অফিস সহকারী",
    "কম্পিউটার অপারেটর",
    "সিস্টেম এনালিস্ট",
    "সহকারী কমিশনার",
    "জেলা প্রশাসক",
    "জেলা রেজিস্ট্রার",
    "সাব-রেজিস্ট্রার",
    "অতিরিক্ত সচিব",
    "যুগ্মসচিব",
    "উপসচিব",
    "সহকারী সচিব",
    "মহাপরিচালক",
    "উপপরিচালক",
    "সহকারী পরিচালক",
    "পরিচালক",
    "হিসাবরক্ষক",
    "কর আদায়কারী",
    "লাইসেন্স পরিদর্শক",
    "প্রোগ্রামার",
    "পোস্টমাস্টার",
    "কাউন্সিলর",
    "ইউপি সদস্য",
    "চেয়ারম্যান",
    "মেয়র",
    "সচিব",
];

/// Words a post title is built from before the word it ends with: the tier (উপজেলা, জেলা,
/// ইউপি), the rank (সিনিয়র, সহকারী) and the field (কৃষি, মৎস্য, শিক্ষা). A post found is
/// extended back over them, so that `উপজেলা কৃষি অফিসার` is one post and not the name
/// `উপজেলা` with the post `কৃষি অফিসার`.
const POST_WORDS: &[&str] = &[
    "উপজেলা",
    "জেলা",
    "বিভাগীয়",
    "আঞ্চলিক",
    "ইউপি",
    "ইউনিয়ন",
    "পৌর",
    "পৌরসভার",
    "থানা",
    "সিনিয়র",
    "জুনিয়র",
    "সহকারী",
    "সহকারি",
    "উপ",
    "উপ-সহকারী",
    "উপসহকারী",
    "অতিরিক্ত",
    "প্রধান",
    "ভারপ্রাপ্ত",
    "দায়িত্বপ্রাপ্ত",
    "আবাসিক",
    "মেডিকেল",
    "ভেটেরিনারী",
    "ভেটেরিনারি",
    "কৃষি",
    "মৎস্য",
    "শিক্ষা",
    "প্রাথমিক",
    "মাধ্যমিক",
    "প্রাণিসম্পদ",
    "প্রাণী",
    "সমাজসেবা",
    "সমবায়",
    "যুব",
    "উন্নয়ন",
    "মহিলা",
    "বিষয়ক",
    "স্বাস্থ্য",
    "পরিবার",
    "পরিকল্পনা",
    "ও",
    "নির্বাচন",
    "হিসাবরক্ষণ",
    "খাদ্য",
    "পল্লী",
    "ভূমি",
    "তথ্য",
    "প্রকৌশল",
    "নির্বাহী",
    "প্রশাসনিক",
    "ডিউটি",
    "সিভিল",
    "রাজস্ব",
    "সার্কেল",
    "পরিসংখ্যান",
    "আনসার",
    "ভিডিপি",
    "কারিগরি",
    "একাডেমিক",
    "পোস্ট",
    "সাব",
    "ডেপুটি",
];

/// Words a post ends with, for posts the table does not hold.
const DESIGNATION_ENDINGS: &[&str] = &[
    "সার্জন",
    "ইন্সপেক্টর",
    "তত্ত্বাবধায়ক",
    "ব্যবস্থাপক",
    "ম্যানেজার",
    "নিয়ন্ত্রক",
    "হিসাবরক্ষক",
    "কাউন্সিলর",
    "পোস্টমাস্টার",
    "নিবন্ধক",
    "ইনচার্জ",
    "কর্মকর্তা",
    "কর্মচারী",
    "অফিসার",
    "সহকারী",
    "প্রকৌশলী",
    "সচিব",
    "পরিচালক",
    "কমিশনার",
    "চেয়ারম্যান",
    "রেজিস্ট্রার",
    "প্রশাসক",
    "অপারেটর",
    "পরিদর্শক",
    "প্রোগ্রামার",
    "মেয়র",
    "officer",
    "secretary",
    "engineer",
    "chairman",
    "commissioner",
    "director",
    "assistant",
];

/// Labels that introduce a phone, an email, a website or a room; they are dropped.
const PHONE_LABELS: &[&str] = &[
    "মোবাইল নংঃ",
    "মোবাইল নং:",
    "মোবাইল নম্বর:",
    "মোবাইল:",
    "মোবাইলঃ",
    "মোবাইল",
    "মোবা:",
    "মোবাঃ",
    "ফোন:",
    "ফোনঃ",
    "ফোন",
    "টেলিফোন:",
    "টেলিফোন",
    "Phone:",
    "Mobile:",
    "Tel:",
];
const EMAIL_LABELS: &[&str] = &[
    "ই-মেইলঃ",
    "ই-মেইল:",
    "ই-মেইল",
    "ইমেইল:",
    "ইমেইল",
    "Email:",
    "E-mail:",
];
const WEB_LABELS: &[&str] = &["ওয়েবসাইট:", "ওয়েবঃ", "ওয়েব:", "Web:", "Website:"];
const ROOM_LABELS: &[&str] = &["কক্ষ:", "Room:"];
const NAME_LABELS: &[&str] = &["নাম ও পদবি:", "নাম ও পদবীঃ", "নাম ও পদবী:", "নাম:", "নামঃ"];

/// An officer read from a cell, and what of the cell could not be placed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The officer.
    pub officer: Officer,
    /// Text the cell held that no field took.
    pub rest: Vec<String>,
}

/// Reads an officer from the lines of a cell.
pub fn parse(lines: &[String]) -> Parsed {
    let mut officer = Officer::default();
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let mut websites = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if let Some(room) = strip_label(line, ROOM_LABELS) {
            officer.room = Some(Text::Plain(room.to_string()));
            continue;
        }
        let line = strip_label(line, NAME_LABELS).unwrap_or(line);
        // `আপিল কর্মকর্তা নাম ও পদবি: জনাব …, অতিরিক্ত সচিব`: the role, then the person.
        let line = match NAME_LABELS
            .iter()
            .find_map(|l| line.find(l).map(|at| (at, l.len())))
        {
            Some((at, len)) if at > 0 => {
                let role = line[..at].trim();
                let (name, post, office) = split_line(line[at + len..].trim());
                officer.name = name.map(Text::Plain);
                let post = post.map_or(role.to_string(), |p| format!("{role}, {p}"));
                officer.designation = Some(Text::Plain(post));
                if let Some(office) = office {
                    texts.push(office);
                }
                continue;
            }
            _ => line,
        };
        let rest = take_contacts(line, &mut phones, &mut emails, &mut websites);
        if !rest.is_empty() {
            texts.push(rest);
        }
    }
    officer.phone = (!phones.is_empty()).then(|| phones.join(", "));
    officer.email = emails.into_iter().next();
    officer.website = websites.into_iter().next();
    let rest = place_words(&mut officer, texts);
    if officer.name.is_none() && officer.designation.is_none() {
        // Nothing but contacts: the post is not named. Keep the cell whole as the designation
        // would misread it; the validator asks for a name or a designation.
        return Parsed { officer, rest };
    }
    Parsed { officer, rest }
}

/// A grievance step's officer: the role its column names, completed by the address column's
/// person (name, their own post and office as the office, and contacts the role lacks).
pub fn with_address(role: Parsed, address: Parsed) -> Parsed {
    let Parsed {
        officer: mut o,
        mut rest,
    } = role;
    let a = address.officer;
    if o.designation.is_none() {
        o.designation = a.designation.clone();
    } else if let Some(post) = &a.designation {
        let office = a.office.as_ref().map(Text::bn);
        let both = [Some(post.bn()), office]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        o.office = Some(Text::Plain(both));
    }
    if o.office.is_none() {
        o.office = a.office;
    }
    o.name = o.name.or(a.name);
    o.phone = o.phone.or(a.phone);
    o.email = o.email.or(a.email);
    o.website = o.website.or(a.website);
    o.room = o.room.or(a.room);
    rest.extend(address.rest);
    Parsed { officer: o, rest }
}

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .map(|r| r.trim_start_matches([':', 'ঃ', ' ']).trim())
}

/// Takes the phones, emails and websites out of a line, with their labels; returns the rest.
fn take_contacts(
    line: &str,
    phones: &mut Vec<String>,
    emails: &mut Vec<String>,
    websites: &mut Vec<String>,
) -> String {
    // An address split after its `@` (`name@ gmail.com`) is one address; a number glued to its
    // label (`ফোন-০৭৮১-৫২২৫৭`, `মোবাইলঃ০১৭১১…`) is a label and a number.
    let joined = line.replace("@ ", "@");
    let words: Vec<&str> = joined
        .split_whitespace()
        .flat_map(|word| {
            let glued = word.find(['-', ':', 'ঃ']).filter(|&at| {
                let (label, rest) = (&word[..at], &word[at..]);
                !label.is_empty()
                    && label.chars().all(|c| bangla::digit_value(c).is_none())
                    && rest
                        .chars()
                        .filter(|c| bangla::digit_value(*c).is_some())
                        .count()
                        >= 6
            });
            match glued {
                Some(at) => {
                    let sep = word[at..].chars().next().map_or(1, char::len_utf8);
                    vec![&word[..at], &word[at + sep..]]
                }
                None => vec![word],
            }
        })
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].trim_matches(|c: char| matches!(c, ',' | ';' | '।' | '(' | ')'));
        if bangla::is_email(word) {
            emails.push(word.to_string());
            i += 1;
            continue;
        }
        if word.starts_with("www.")
            || word.starts_with("http")
            || (bangla::is_host(word) && word.contains(".gov"))
        {
            websites.push(word.to_string());
            i += 1;
            continue;
        }
        // A phone number may be written in several words (`+৮৮ ০১৭১১-২২৩৩৪৪`).
        if let Some((phone, used)) = phone_at(&words[i..]) {
            phones.push(phone);
            i += used;
            continue;
        }
        kept.push(words[i]);
        i += 1;
    }
    let mut rest = kept.join(" ");
    for label in PHONE_LABELS.iter().chain(EMAIL_LABELS).chain(WEB_LABELS) {
        rest = remove_label(&rest, label);
    }
    rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | 'ঃ'))
        .to_string()
}

/// Removes a label standing as its own word(s).
fn remove_label(text: &str, label: &str) -> String {
    // A label is the same with or without its colon: `ইমেইলঃ`, `ইমেইল:`, `ইমেইল`.
    let bare = |w: &str| w.trim_end_matches([':', 'ঃ', '-']).to_string();
    let words: Vec<&str> = text.split(' ').collect();
    let label_words: Vec<String> = label.split(' ').map(bare).collect();
    let n = label_words.len();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words
            .get(i..i + n)
            .is_some_and(|ws| ws.iter().map(|w| bare(w)).eq(label_words.iter().cloned()))
        {
            i += n;
            continue;
        }
        out.push(words[i]);
        i += 1;
    }
    out.join(" ")
}

/// A phone number starting at the first of `words`, and how many words it takes: digits with
/// the separators numbers are written with, at least nine digits. Whether it is a valid number is
/// the validator's to say, with its own message.
fn phone_at(words: &[&str]) -> Option<(String, usize)> {
    let digits = |w: &str| {
        w.chars()
            .filter(|c| bangla::digit_value(*c).is_some())
            .count()
    };
    let phone_like = |w: &str| {
        w.chars()
            .all(|c| bangla::digit_value(c).is_some() || matches!(c, '-' | '+' | '(' | ')' | '/'))
    };
    let trim = |w: &str| {
        w.trim_matches(|c: char| matches!(c, ',' | ';' | '।'))
            .to_string()
    };
    if digits(words[0]) == 0 || !phone_like(&trim(words[0])) {
        return None;
    }
    let mut n = 1;
    while n < words.len().min(3) && phone_like(&trim(words[n])) && digits(&trim(words[n])) > 0 {
        n += 1;
    }
    let candidate = words[..n]
        .iter()
        .map(|w| trim(w))
        .collect::<Vec<_>>()
        .join(" ");
    (digits(&candidate) >= 9).then_some((candidate, n))
}

/// Places the words of the cell (contacts taken out) as name, designation and office.
fn place_words(officer: &mut Officer, texts: Vec<String>) -> Vec<String> {
    let mut rest = Vec::new();
    if texts.is_empty() {
        return rest;
    }
    if officer.name.is_some() || officer.designation.is_some() {
        // The person was named with a label: the other lines are the office.
        officer.office = Some(Text::Plain(texts.join(" ")));
        return rest;
    }
    if texts.len() == 1 {
        let (name, designation, office) = split_line(&texts[0]);
        officer.name = name.map(Text::Plain);
        officer.designation = designation.map(Text::Plain);
        officer.office = office.map(Text::Plain);
        return rest;
    }
    // One field a line: the name (with its prefix, or before a line holding the post), the
    // post, then the office. A line that starts with a post is the post, words after it kept
    // (`অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)`); a line holding both is split.
    let mut lines = texts.into_iter();
    let first = lines.next().unwrap_or_default();
    let starts_with_post = |l: &str| designation_in(l).is_some_and(|(s, _, _)| s == 0);
    if starts_with_post(&first) && !has_name_prefix(&first) {
        officer.designation = Some(Text::Plain(first));
    } else {
        let (name, post, office) = split_line(&first);
        match (name, post) {
            (Some(name), Some(post)) => {
                officer.name = Some(Text::Plain(name));
                officer.designation = Some(Text::Plain(post));
                if let Some(office) = office {
                    rest.push(office);
                }
            }
            _ => {
                officer.name = Some(Text::Plain(first));
                // The line after the name is the post, unless it names no post but an office
                // (an officer known by name and office, as this tool's own pages print one).
                let mut rest_lines = lines.by_ref().peekable();
                if let Some(post) =
                    rest_lines.next_if(|l| designation_in(l).is_some() || !names_office(l))
                {
                    officer.designation = Some(Text::Plain(post));
                }
                rest.extend(rest_lines);
            }
        }
    }
    let mut office: Vec<String> = std::mem::take(&mut rest);
    office.extend(lines);
    if !office.is_empty() {
        officer.office = Some(Text::Plain(office.join(" ")));
    }
    rest
}

/// Words an office's name holds.
const OFFICE_WORDS: &[&str] = &[
    "কার্যালয়",
    "অফিস",
    "অধিদপ্তর",
    "অধিদফতর",
    "দপ্তর",
    "দফতর",
    "পরিষদ",
    "পৌরসভা",
    "মন্ত্রণালয়",
    "কমিশন",
    "ব্যুরো",
    "কেন্দ্র",
    "ডাকঘর",
    "সেন্টার",
    "বোর্ড",
    "কর্তৃপক্ষ",
    "ইউনিয়ন",
    "সিটি কর্পোরেশন",
    "ক্লিনিক",
    "করপোরেশন",
    "কর্পোরেশন",
    "কমপ্লেক্স",
    "সমিতি",
    "হাসপাতাল",
    "থানা",
    "corporation",
    "hospital",
    "office",
    "directorate",
    "ministry",
    "parishad",
];

/// Whether a line names an office (its name or its unit: `নমুনা পৌরসভা কার্যালয়`,
/// `উপজেলা স্বাস্থ্য কমপ্লেক্স`). A post (`অফিসার`) holds `অফিস` too: callers look for the post
/// first.
pub(super) fn names_office(line: &str) -> bool {
    let l = line.to_lowercase();
    OFFICE_WORDS.iter().any(|w| l.contains(w))
}

fn has_name_prefix(text: &str) -> bool {
    NAME_PREFIXES.iter().any(|p| text.starts_with(p))
}

/// Whether a cell names a post (`উপজেলা কৃষি অফিসার`, `ইউপি সচিব`): a column of such cells is
/// the officer's, whatever its heading says.
pub(super) fn has_post_title(text: &str) -> bool {
    text.chars().count() <= 200 && designation_in(text).is_some()
}

/// Whether a text is a post title and nothing more (`লাইসেন্স পরিদর্শক`, `ইউপি সচিব`).
pub(super) fn is_whole_post(text: &str) -> bool {
    designation_in(text).is_some_and(|(start, end, _)| start == 0 && end == text.len())
}

/// Where a post is named in a line: start, end (bytes) and the post.
fn designation_in(text: &str) -> Option<(usize, usize, String)> {
    for post in DESIGNATIONS {
        if let Some(start) = text.find(post) {
            let end = start + post.len();
            // `ও সচিব`, `চেয়ারম্যান ও সচিব`: posts joined by ও are one designation.
            let end = extend_joined(text, end);
            let start = extend_back(text, start);
            return Some((start, end, text[start..end].to_string()));
        }
    }
    // A post the table does not hold: the words up to one that ends like a post.
    let words: Vec<(usize, &str)> = word_offsets(text);
    for (k, &(at, word)) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| matches!(c, ',' | '।' | ';'));
        if DESIGNATION_ENDINGS
            .iter()
            .any(|e| bare.ends_with(e) || bare.eq_ignore_ascii_case(e))
        {
            // The post begins after the last comma before it, or is this word and the one
            // before it (`কায সহকারী`).
            let start = text[..at]
                .rfind(',')
                .map(|c| c + 1)
                .unwrap_or_else(|| if k > 0 { words[k - 1].0 } else { at });
            let start = start + (text[start..].len() - text[start..].trim_start().len());
            // Back over the words posts are built from when there are any; else the word
            // before counts (a misspelt `কায সহকারী`).
            let back = extend_back(text, at);
            let start = if back < at { back } else { start };
            let end = extend_joined(text, at + bare.len());
            return Some((start, end, text[start..end].trim().to_string()));
        }
    }
    None
}

/// Moves the start of a post found at `start` back over the words posts are built from
/// ([`POST_WORDS`]): `কৃষি অফিসার` in `উপজেলা কৃষি অফিসার` starts at `উপজেলা`. A `ও` is taken
/// only between two such words, and a name (`মোঃ …`) is never crossed.
fn extend_back(text: &str, start: usize) -> usize {
    let mut start = start;
    let words = word_offsets(&text[..start]);
    for k in (0..words.len()).rev() {
        let (at, word) = words[k];
        let bare = word.trim_end_matches([',', ';']);
        if bare.len() != word.len() || !POST_WORDS.contains(&bare) {
            break;
        }
        if bare == "ও" && !(k > 0 && POST_WORDS.contains(&words[k - 1].1)) {
            break;
        }
        start = at;
    }
    start
}

/// Extends a post over `ও <another post>` that follows it.
fn extend_joined(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    // A short note in brackets is part of the post: `ডিউটি অফিসার (D.O.)`.
    if let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))
        && let Some(close) = inner.find(')')
        && inner[..close].chars().count() <= 20
    {
        let gap = rest.len() - inner.len();
        return extend_joined(text, end + gap + close + 1);
    }
    for joint in [" ও ", "/", " / ", "/ ", " এবং "] {
        if let Some(after) = rest.strip_prefix(joint) {
            // The second post may be built of post words too (`ও ইউপি সচিব`).
            let words = word_offsets(after);
            let skip = words
                .iter()
                .take_while(|(_, w)| POST_WORDS.contains(w) && *w != "ও")
                .last()
                .map_or(0, |(at, w)| at + w.len() + 1);
            let tail = after.get(skip..).unwrap_or("");
            if let Some(next) = DESIGNATIONS.iter().find(|p| tail.starts_with(**p)) {
                return end + joint.len() + skip + next.len();
            }
        }
    }
    end
}

/// The whitespace-separated words of `text`, each with its byte offset.
pub(super) fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Splits one line into name, designation and office: the post is found, what is before it
/// is the name, what is after it the office.
fn split_line(line: &str) -> (Option<String>, Option<String>, Option<String>) {
    let trim = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
        (!s.is_empty()).then(|| s.to_string())
    };
    match designation_in(line) {
        Some((start, end, post)) => {
            let before = trim(&line[..start]);
            let after = trim(&line[end..]);
            (before, Some(post), after)
        }
        None if has_name_prefix(line) => (trim(line), None, None),
        None => (None, trim(line), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &Option<Text>) -> Option<&str> {
        t.as_ref().map(Text::bn)
    }

    #[test]
    fn one_line_with_everything() {
        let p = parse(&["মোঃ মেহেদী হাসান সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর উপজেলা কার্যালয়, কাউখালী, পিরোজপুর। মোবাইল নংঃ ০১৮২৫৭০৬১৩৮ ই-মেইলঃ kawkhalidoict@gmail.com".into()]);
        let o = &p.officer;
        assert_eq!(plain(&o.name), Some("মোঃ মেহেদী হাসান"));
        assert_eq!(plain(&o.designation), Some("সহকারী প্রোগ্রামার"));
        assert_eq!(
            plain(&o.office),
            Some("তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর উপজেলা কার্যালয়, কাউখালী, পিরোজপুর।")
        );
        assert_eq!(o.phone.as_deref(), Some("০১৮২৫৭০৬১৩৮"));
        assert_eq!(o.email.as_deref(), Some("kawkhalidoict@gmail.com"));
    }

    #[test]
    fn one_field_a_line_with_labels() {
        let lines: Vec<String> = [
            "মোঃ আব্দুল করিম",
            "সচিব",
            "৩ নং চিরাপাড়া পারসাতুরিয়া ইউনিয়ন পরিষদ",
            "কক্ষ: কক্ষ নং ২",
            "মোবাইল: +৮৮ ০১৭১১-২২৩৩৪৪",
            "ই-মেইল: secretary.chiraparaup@gmail.com",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let o = parse(&lines).officer;
        assert_eq!(plain(&o.name), Some("মোঃ আব্দুল করিম"));
        assert_eq!(plain(&o.designation), Some("সচিব"));
        assert_eq!(plain(&o.office), Some("৩ নং চিরাপাড়া পারসাতুরিয়া ইউনিয়ন পরিষদ"));
        assert_eq!(plain(&o.room), Some("কক্ষ নং ২"));
        assert_eq!(o.phone.as_deref(), Some("+৮৮ ০১৭১১-২২৩৩৪৪"));
        let o = parse(&[
            "উপজেলা নির্বাহী অফিসার".into(),
            "উপজেলা নির্বাহী অফিসারের কার্যালয়, কাউখালী, পিরোজপুর".into(),
        ])
        .officer;
        assert_eq!(plain(&o.name), None);
        assert_eq!(plain(&o.designation), Some("উপজেলা নির্বাহী অফিসার"));
        assert_eq!(
            plain(&o.office),
            Some("উপজেলা নির্বাহী অফিসারের কার্যালয়, কাউখালী, পিরোজপুর")
        );
    }

    #[test]
    fn posts_alone_and_names_with_posts() {
        let o = parse(&["চেয়ারম্যান ও সচিব".into()]).officer;
        assert_eq!(
            (plain(&o.name), plain(&o.designation)),
            (None, Some("চেয়ারম্যান ও সচিব"))
        );
        let o = parse(&["সোহাগ ছৈয়ল, নিম্নমান সহকারী".into()]).officer;
        assert_eq!(plain(&o.name), Some("সোহাগ ছৈয়ল"));
        assert_eq!(plain(&o.designation), Some("নিম্নমান সহকারী"));
        let o = parse(&["আসলাম হোসেন, কায সহকারী".into()]).officer;
        assert_eq!(plain(&o.designation), Some("কায সহকারী"));
        let o = parse(&[
            "ডা: জুলহাস আহমেদ জেলা প্রাণিসম্পদ কর্মকর্তা ০২৩৩৩৩০২০২৭ dlobandarban248@ gmail.com".into(),
        ])
        .officer;
        assert_eq!(plain(&o.name), Some("ডা: জুলহাস আহমেদ"));
        assert_eq!(plain(&o.designation), Some("জেলা প্রাণিসম্পদ কর্মকর্তা"));
        assert_eq!(o.phone.as_deref(), Some("০২৩৩৩৩০২০২৭"));
        assert_eq!(o.email.as_deref(), Some("dlobandarban248@gmail.com"));
    }
    #[test]
    fn posts_keep_their_tier_and_field() {
        for (cell, name, post) in [
            ("উপজেলা কৃষি অফিসার", None, "উপজেলা কৃষি অফিসার"),
            ("ইউপি সচিব", None, "ইউপি সচিব"),
            ("জেলা শিক্ষা অফিসার", None, "জেলা শিক্ষা অফিসার"),
            ("ভেটেরিনারী সার্জন", None, "ভেটেরিনারী সার্জন"),
            ("চেয়ারম্যান/সচিব", None, "চেয়ারম্যান/সচিব"),
            ("ইউপি চেয়ারম্যান ও ইউপি সচিব", None, "ইউপি চেয়ারম্যান ও ইউপি সচিব"),
            (
                "মোঃ আব্দুল করিম সিনিয়র উপজেলা মৎস্য অফিসার",
                Some("মোঃ আব্দুল করিম"),
                "সিনিয়র উপজেলা মৎস্য অফিসার",
            ),
        ] {
            let o = parse(&[cell.to_string()]).officer;
            assert_eq!(plain(&o.designation), Some(post), "{cell}");
            assert_eq!(plain(&o.name), name, "{cell}");
            assert_eq!(o.office, None, "{cell}");
        }
    }

    #[test]
    fn a_number_glued_to_its_label_and_a_label_with_its_colon() {
        let p = parse(&["উপজেলা কৃষি অফিসার ফোন-০৭৮১-৫২২৫৭ ইমেইলঃ uao@dae.gov.bd".to_string()]);
        let o = &p.officer;
        assert_eq!(plain(&o.designation), Some("উপজেলা কৃষি অফিসার"));
        assert_eq!(o.phone.as_deref(), Some("০৭৮১-৫২২৫৭"));
        assert_eq!(o.email.as_deref(), Some("uao@dae.gov.bd"));
        assert_eq!(o.office, None, "no label is left behind");
    }
}
