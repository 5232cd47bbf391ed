//! Tables that lost their cell boundaries: a header line naming the columns with spaces between
//! them (`ক্রমিক নং সেবাসমূহের বিবরণ সেবা প্রদান প্রক্রিয়া সেবার মূল্য …`), then one line a row
//! (`1 উত্তরাধিকারী / ওয়ারিশান সনদ নিধারিত … আবেদন করতে হবে । ৩০০ ০৩ দিন`), as text copied from
//! some pages and PDFs comes. Each row is split by what its words are, from the end: a post
//! title last is the officer, a time limit before it, a fee before that, and the rest is the
//! name and the method, split where the method's first word (নির্ধারিত, সংশ্লিষ্ট, আবেদন …) is.

use super::columns;
use super::officer;
use crate::bangla;

/// Words a method starts with, in the service rows of these tables.
const METHOD_STARTS: &[&str] = &[
    "নির্ধারিত",
    "নিধারিত",
    "নির্দিষ্ট",
    "সংশ্লিষ্ট",
    "আবেদন",
    "আবেদনের",
    "আবেদনপত্র",
    "সাদা",
    "সরাসরি",
    "অনলাইনে",
    "অনলাইন",
    "ইউনিয়নে",
    "ইউনিয়নের",
    "ওয়ার্ড",
    "স্থানীয়",
];

/// Words a time limit starts with, beside a number.
const TIME_STARTS: &[&str] = &[
    "চাহিবা",
    "তাৎক্ষণিক",
    "তাৎক্ষনিক",
    "সর্বোচ্চ",
    "অনধিক",
    "সাথে",
    "সঙ্গে",
    "সংগে",
    "অফিস",
];

/// Whether a line is the header of such a table: it names at least three columns.
pub fn is_header(line: &str) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["ক্রমিক", "ক্র:", "ক্রনং"],
        &["সেবারনাম", "সেবাসমুহ", "সেবারধরন", "সেবারবিবরন", "সেবাসমুহেরবিবরন"],
        &["পদ্দতি", "প্রক্রিয়া", "কিভাবে"],
        &["মুল্য", "ফি"],
        &["সময়"],
        &["কমকতা", "কমচারি", "যোগাযোগ"],
        &["মন্তব্য"],
    ];
    let h = columns::normalise(line);
    line.split_whitespace().count() >= 6
        && GROUPS
            .iter()
            .filter(|g| g.iter().any(|s| h.contains(s)))
            .count()
            >= 3
}

/// A header and its rows run together on one line (`… কার সাথে যোগাযোগ করতে হবে ০১ নাগরিক সনদ …
/// ০২ জন্ম নিবন্ধন …`): the header, and each row from its serial. Rows are found at serials
/// written with two digits (০১, ০২, …) in sequence, as such tables number them; at least two.
pub fn inline_rows(line: &str) -> Option<(String, Vec<String>)> {
    let mut starts = Vec::new();
    let mut expected = 1;
    for (at, word) in line
        .match_indices(|c: char| !c.is_whitespace())
        .filter_map(|(at, _)| {
            let before_space = at == 0 || line[..at].ends_with(char::is_whitespace);
            before_space.then(|| (at, line[at..].split_whitespace().next().unwrap_or("")))
        })
    {
        let padded = bangla::bengali_number(expected, 2);
        if word == padded || word.trim_end_matches(['.', '।']) == padded {
            starts.push(at);
            expected += 1;
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let header = line[..starts[0]].trim().to_string();
    let rows = starts
        .iter()
        .enumerate()
        .map(|(k, &at)| {
            line[at..starts.get(k + 1).copied().unwrap_or(line.len())]
                .trim()
                .to_string()
        })
        .collect();
    Some((header, rows))
}

/// A row's serial and the text after it: `1 উত্তরাধিকারী…`, `১.ট্রেড…`, `০২। …`.
pub fn row_start(line: &str, expected: u32) -> Option<&str> {
    let t = line.trim_start();
    let digits: usize = t
        .chars()
        .take_while(|c| bangla::digit_value(*c).is_some())
        .map(char::len_utf8)
        .sum();
    if digits == 0 || digits > 9 {
        return None;
    }
    let value = t[..digits].chars().try_fold(0u32, |v, c| {
        Some(v.saturating_mul(10).saturating_add(bangla::digit_value(c)?))
    })?;
    let rest = t[digits..].trim_start_matches(['.', '।', ')', ':']);
    (value == expected && rest.len() < t.len() - digits + 3 && !rest.trim().is_empty())
        .then(|| rest.trim())
}

/// One row's fields, read from its words.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub name: String,
    pub method: Option<String>,
    pub fee: Option<String>,
    pub time_limit: Option<String>,
    pub officer: Option<String>,
}

/// Splits a row's text (its serial taken off) into its fields.
pub fn split(row: &str) -> Fields {
    let words: Vec<&str> = row.split_whitespace().collect();
    let mut end = words.len();
    let mut fields = Fields::default();
    // A post title at the end: the officer.
    if let Some(k) = (end.saturating_sub(5)..end).find(|&k| {
        let tail = words[k..end].join(" ");
        officer::is_whole_post(&tail)
    }) {
        fields.officer = Some(words[k..end].join(" "));
        end = k;
    }
    // The time limit: the longest tail that states one and starts as one does (a number with
    // its unit, সর্বোচ্চ, চাহিবা মাত্র), else the shortest that states one.
    let states_time = |k: usize| {
        matches!(
            bangla::time_limit_kind(&words[k..end].join(" ")).0,
            bangla::TimeKind::Span | bangla::TimeKind::Immediate
        )
    };
    let starts_time = |k: usize| {
        let word = words[k];
        let numeric = word
            .chars()
            .next()
            .is_some_and(|c| bangla::digit_value(c).is_some());
        // A number starts a time limit when its unit follows it (`৭ (সাত) দিন`, `০৩ দিন`), not
        // an amount (`৫০ টাকা`, `৩০০ ০৩ দিন`).
        let with_unit = matches!(
            bangla::time_limit_kind(&words[k..(k + 3).min(end)].join(" ")).0,
            bangla::TimeKind::Span
        ) && !words
            .get(k + 1)
            .is_some_and(|w| w.chars().all(|c| bangla::digit_value(c).is_some()));
        numeric && with_unit || TIME_STARTS.contains(&word)
    };
    let window = end.saturating_sub(8)..end;
    let time_at = window
        .clone()
        .find(|&k| starts_time(k) && states_time(k))
        .or_else(|| window.rev().find(|&k| states_time(k)));
    if let Some(k) = time_at {
        fields.time_limit = Some(words[k..end].join(" "));
        end = k;
    }
    // The fee: what follows the method's last sentence, or the last `মাধ্যমে` that ends a
    // method (`… প্রদর্শনের মাধ্যমে`), else the shortest tail that is one.
    let is_fee = |t: &str| !matches!(bangla::parse_fee(t), bangla::Fee::Unstated);
    let sentence_end = words[..end].iter().rposition(|w| w.ends_with('।'));
    let method_end = words[..end]
        .iter()
        .rposition(|w| w.trim_end_matches(['।', ',']) == "মাধ্যমে");
    let after = |at: Option<usize>| {
        at.filter(|&s| s + 1 < end && is_fee(&words[s + 1..end].join(" ")))
            .map(|s| s + 1)
    };
    let fee_at = after(sentence_end)
        .or_else(|| after(method_end))
        .or_else(|| {
            (end.saturating_sub(6)..end)
                .rev()
                .find(|&k| is_fee(&words[k..end].join(" ")))
        });
    if let Some(k) = fee_at {
        fields.fee = Some(words[k..end].join(" "));
        end = k;
    }
    // The name, up to the method's first word.
    let split_at = (1..end)
        .find(|&k| METHOD_STARTS.contains(&words[k]))
        .unwrap_or(end);
    fields.name = words[..split_at].join(" ");
    let method = words[split_at..end].join(" ");
    fields.method = (!method.is_empty()).then_some(method);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_line_and_its_rows() {
        assert!(is_header(
            "ক্রমিক নং সেবাসমূহের বিবরণ সেবা প্রদান প্রক্রিয়া সেবার মূল্য/ নির্ধারিত ফি সেবা প্রদানে সম্ভাব্য সময় মন্তব্য"
        ));
        assert!(!is_header("উপজেলা নির্বাহী অফিসারের কার্যালয়, কাউখালী"));
        assert_eq!(
            row_start("1 ওয়ারিশ সনদ নির্ধারিত ফরমে", 1),
            Some("ওয়ারিশ সনদ নির্ধারিত ফরমে")
        );
        assert_eq!(row_start("২.ট্রেড লাইসেন্স", 2), Some("ট্রেড লাইসেন্স"));
        assert_eq!(row_start("২.ট্রেড লাইসেন্স", 3), None);
        assert_eq!(row_start("২০২৪ সালের", 1), None);
    }

    #[test]
    fn a_fee_of_many_words_starts_after_the_methods_last_madhyame() {
        let f = split(
            "প্রত্যয়নপত্র আবেদন ও পরিচয়পত্র দেখানোর মাধ্যমে পরিষদ কর্তৃক নির্ধারিত নাম মাত্র মূল্যে/বিনামূল্যে সর্বোচ্চ ৩ দিন ইউপি সচিব",
        );
        assert_eq!(f.name, "প্রত্যয়নপত্র");
        assert_eq!(f.method.as_deref(), Some("আবেদন ও পরিচয়পত্র দেখানোর মাধ্যমে"));
        assert_eq!(
            f.fee.as_deref(),
            Some("পরিষদ কর্তৃক নির্ধারিত নাম মাত্র মূল্যে/বিনামূল্যে")
        );
        assert_eq!(f.time_limit.as_deref(), Some("সর্বোচ্চ ৩ দিন"));
        assert_eq!(f.officer.as_deref(), Some("ইউপি সচিব"));
    }

    #[test]
    fn a_row_split_from_the_end() {
        let f =
            split("ওয়ারিশান সনদ নির্ধারিত আবেদন ফরমে কাউন্সিলরের সুপারিশসহ আবেদন করতে হবে । ৩০০ ০৩ দিন");
        assert_eq!(f.name, "ওয়ারিশান সনদ");
        assert_eq!(
            f.method.as_deref(),
            Some("নির্ধারিত আবেদন ফরমে কাউন্সিলরের সুপারিশসহ আবেদন করতে হবে ।")
        );
        assert_eq!(f.fee.as_deref(), Some("৩০০"));
        assert_eq!(f.time_limit.as_deref(), Some("০৩ দিন"));
        let f = split(
            "ট্রেড লাইসেন্স নির্ধারিত ফরমে মেয়র বরাবর আবেদনের মাধ্যমে । বিনামূল্যে ১ কর্মদিবস লাইসেন্স পরিদর্শক",
        );
        assert_eq!(f.name, "ট্রেড লাইসেন্স");
        assert_eq!(f.fee.as_deref(), Some("বিনামূল্যে"));
        assert_eq!(f.time_limit.as_deref(), Some("১ কর্মদিবস"));
        assert_eq!(f.officer.as_deref(), Some("লাইসেন্স পরিদর্শক"));
        let f = split("জন্ম নিবন্ধন সনদ নির্দিষ্ট ফরম পূরণের মাধ্যমে ৫০ টাকা সর্বোচ্চ ৭ (সাত) দিন ইউপি সচিব");
        assert_eq!(f.time_limit.as_deref(), Some("সর্বোচ্চ ৭ (সাত) দিন"));
        assert_eq!(f.fee.as_deref(), Some("৫০ টাকা"));
        assert_eq!(f.officer.as_deref(), Some("ইউপি সচিব"));
    }
}
