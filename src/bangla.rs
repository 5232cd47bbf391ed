//! Reading structure out of Bengali charter wording: digits, phone numbers, email addresses,
//! websites, fees, time limits, spelling variants and encoding slips.
//!
//! Everything here is a pure function of the text. The wording itself is never rewritten: these
//! functions only derive values (a fee in taka, a duration) or say that the text is suspicious.

use serde::Serialize;
use std::fmt;

/// The value of a digit, Bengali (০–৯) or Latin (0–9).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '০'..='৯' => Some(c as u32 - '০' as u32),
        _ => None,
    }
}

/// Replaces Bengali digits by Latin ones and leaves every other character alone.
pub fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '০'..='৯' => char::from_digit(c as u32 - '০' as u32, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Writes a number with Bengali digits, zero-padded to `width` (serials print as ০১, ০২, …).
pub fn bengali_number(n: usize, width: usize) -> String {
    format!("{n:0width$}")
        .chars()
        .map(|c| char::from_u32('০' as u32 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/// A Bangladeshi phone number, as read from a charter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// `mobile` or `landline`.
    pub kind: PhoneKind,
    /// The national number in Latin digits, with its leading 0: `01825706138`.
    pub national: String,
}

/// Mobile or land line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneKind {
    /// `01`, then 3–9, then 8 digits.
    Mobile,
    /// `0`, an area code starting 2–9, 9–10 digits in all.
    Landline,
}

impl Phone {
    /// The number in international form, `+8801825706138`.
    pub fn international(&self) -> String {
        format!("+88{}", self.national)
    }
}

/// Why a phone number was refused; the message completes "is not a Bangladeshi phone number: …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneError(pub &'static str);

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Reads one Bangladeshi phone number. Bengali digits count as digits; spaces, `-` and a leading
/// `+88`/`৮৮` are set aside.
pub fn parse_phone(text: &str) -> Result<Phone, PhoneError> {
    let mut digits = String::with_capacity(text.len());
    let mut plus = false;
    for (i, c) in text.trim().chars().enumerate() {
        match c {
            ' ' | '-' | '\u{a0}' => {}
            '+' if i == 0 => plus = true,
            _ => match digit_value(c) {
                Some(d) => digits.push(char::from_digit(d, 10).unwrap_or('0')),
                None => {
                    return Err(PhoneError(
                        "it may hold only digits, spaces, `-` and a leading `+88`",
                    ));
                }
            },
        }
    }
    let national = match digits.strip_prefix("88") {
        Some(rest) if rest.starts_with('0') => rest,
        _ if plus => return Err(PhoneError("an international number must start with +88 0")),
        _ => digits.as_str(),
    };
    if national.is_empty() {
        return Err(PhoneError("it has no digits"));
    }
    if let Some(rest) = national.strip_prefix("01") {
        let operator_ok = rest.starts_with(|c: char| ('3'..='9').contains(&c));
        if national.len() != 11 || !operator_ok {
            return Err(PhoneError(
                "a mobile number is 01, then 3–9, then 8 digits (11 digits in all)",
            ));
        }
        return Ok(Phone {
            kind: PhoneKind::Mobile,
            national: national.to_string(),
        });
    }
    let area_ok =
        national.starts_with('0') && national[1..].starts_with(|c: char| ('2'..='9').contains(&c));
    if !area_ok || !(9..=10).contains(&national.len()) {
        return Err(PhoneError(
            "a land line is 0, then an area code starting 2–9, 9 or 10 digits in all; a mobile number is 01, then 3–9, then 8 digits",
        ));
    }
    Ok(Phone {
        kind: PhoneKind::Landline,
        national: national.to_string(),
    })
}

/// Reads a phone field, which may list several numbers separated by `,`, `/` or `;`.
pub fn parse_phones(text: &str) -> Result<Vec<Phone>, PhoneError> {
    text.split([',', '/', ';', '،'])
        .map(str::trim)
        .filter(|part| !part.is_empty() || text.trim().is_empty())
        .map(parse_phone)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Email addresses and websites

/// Whether `text` is an email address of the shape `local@domain.tld`.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && is_host(domain)
}

/// Whether `text` is a host name with at least two labels and a top-level domain of letters.
pub fn is_host(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    if labels.len() < 2 || text.len() > 253 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.chars().count() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(|l| label_ok(l))
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

/// Whether `text` is a website: an `http(s)://` URL or a bare host name, either with an optional
/// port and path.
pub fn is_website(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => authority,
    };
    is_host(host) && !path.chars().any(char::is_whitespace)
}

// ---------------------------------------------------------------------------------------------
// Numbers inside wording

/// A number found in a text, with the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Number {
    value: f64,
    start: usize,
    end: usize,
}

/// Every number in `text` (Bengali or Latin digits, `,` between thousands, one decimal point).
fn numbers(text: &str) -> Vec<Number> {
    let mut found = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let Some(first) = digit_value(c) else {
            continue;
        };
        let mut int = first as f64;
        let mut end = start + c.len_utf8();
        let mut frac: Option<(f64, f64)> = None;
        while let Some(&(i, c)) = iter.peek() {
            if let Some(d) = digit_value(c) {
                match &mut frac {
                    Some((value, scale)) => {
                        *scale /= 10.0;
                        *value += d as f64 * *scale;
                    }
                    None => int = int * 10.0 + d as f64,
                }
                end = i + c.len_utf8();
                iter.next();
            } else if (c == ',' || c == '.') && frac.is_none() {
                // Only a separator when a digit follows: "৩, ৪" lists two numbers.
                let next = text[i + 1..].chars().next().and_then(digit_value);
                if next.is_none() {
                    break;
                }
                if c == '.' {
                    frac = Some((0.0, 1.0));
                }
                iter.next();
            } else {
                break;
            }
        }
        found.push(Number {
            value: int + frac.map_or(0.0, |(v, _)| v),
            start,
            end,
        });
    }
    found
}

/// Splits text into words: runs of letters, marks and digits (Bengali or Latin) and the joiners
/// that belong inside Bengali words. Returns each word with its byte offset.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| is_letter(c) || digit_value(c).is_some();
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let (i, c) = rest.next()?;
            if is_word(c) {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// The words of a text that could be spelled another way (see [`may_have_variants`]), found in
/// one pass over the bytes: Bengali letters are told by their UTF-8 bytes, so most of the text
/// is never decoded, and most words never need a second look.
pub fn variant_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (start, mut folds, mut count) = (i, false, 0);
            while i < bytes.len() {
                let (len, in_word, fold) = classify(text, i);
                if !in_word {
                    break;
                }
                i += len;
                folds |= fold;
                count += 1;
            }
            if i == start {
                i += classify(text, i).0;
            } else if folds && count >= 4 {
                return Some(&text[start..i]);
            }
        }
        None
    })
}

/// The character at byte `i`: its length, whether it belongs in a word (as in [`words`]), and
/// whether it is a letter that [`spelling_key`] folds.
#[inline]
fn classify(text: &str, i: usize) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (1, b.is_ascii_alphanumeric(), false);
    }
    if let [0xE0, second @ (0xA6 | 0xA7), third, ..] = bytes[i..] {
        let c = 0x0980 + ((second as u32 & 1) << 6) + (third as u32 & 0x3F);
        let in_word = !matches!(c, 0x0980 | 0x09F2..=0x09FB);
        let fold = matches!(c, 0x09A3 | 0x09A8 | 0x09BF | 0x09C0 | 0x09C1 | 0x09C2);
        return (3, in_word, fold);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (
        c.len_utf8(),
        is_letter(c) || digit_value(c).is_some(),
        false,
    )
}

/// Whether a character belongs inside a word: a letter of any script, a Bengali sign (vowel
/// signs, hasanta, candrabindu, nukta), or a joiner. ASCII and the Bengali block, which are
/// nearly all a charter holds, are answered without the general Unicode tables.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0980}'..='\u{09ff}' => !matches!(c, '০'..='৯' | '৲'..='৻' | '\u{0980}'),
        '\u{200c}' | '\u{200d}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic() || is_bengali_mark(c),
    }
}

/// Bengali vowel signs, hasanta, candrabindu, anusvara, visarga, nukta and length mark: marks that
/// `char::is_alphanumeric` does not count as letters.
fn is_bengali_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09bc}' | '\u{09be}'..='\u{09cd}' | '\u{09d7}' | '\u{09e2}' | '\u{09e3}')
}

// ---------------------------------------------------------------------------------------------
// Fees

/// An amount of money in poisha (1/100 taka), so that `০.৫০/-` stays exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Taka {
    /// Hundredths of a taka.
    pub poisha: u64,
}

impl Taka {
    fn from_f64(value: f64) -> Taka {
        Taka {
            poisha: (value * 100.0).round() as u64,
        }
    }
}

impl fmt::Display for Taka {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.poisha.is_multiple_of(100) {
            write!(f, "{}", self.poisha / 100)
        } else {
            write!(f, "{}.{:02}", self.poisha / 100, self.poisha % 100)
        }
    }
}

impl Serialize for Taka {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.poisha.is_multiple_of(100) {
            s.serialize_u64(self.poisha / 100)
        } else {
            s.serialize_f64(self.poisha as f64 / 100.0)
        }
    }
}

/// What a fee's wording states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fee {
    /// Free of charge: `বিনামূল্যে`, `ফ্রি`.
    Free,
    /// One amount: `১০০ টাকা`, `৫০০/-`, or the `সর্বমোট` of an itemised fee.
    Amount {
        /// The amount.
        taka: Taka,
    },
    /// From one amount to another: `০.১৫ - ০.৩০ টাকা`.
    Range {
        /// The lower amount.
        min: Taka,
        /// The higher amount.
        max: Taka,
    },
    /// Several amounts for different items and no total.
    Items {
        /// The amounts, in order.
        taka: Vec<Taka>,
    },
    /// A rule the fee follows: `সরকার নির্ধারিত মূল্যে`.
    Rule,
    /// None of the above: the validator warns.
    Unstated,
}

/// Words after a number that make it an amount in taka.
const TAKA_AFTER: &[&str] = &["টাকা", "টাঃ", "টা.", "/-", "৳", "tk", "taka", "bdt"];
/// Words before a number that make it an amount in taka.
const TAKA_BEFORE: &[&str] = &["৳", "tk.", "tk", "bdt", "টাকা", "টাঃ"];
/// Wording that says there is nothing to pay.
const FREE_WORDS: &[&str] = &[
    "বিনামূল্যে",
    "বিনা মূল্যে",
    "বিনামূল্য",
    "বিনা খরচে",
    "বিনা ফি",
    "ফ্রি",
    "free",
    "no fee",
    "ফি নেই",
    "ফি নাই",
    "মূল্য নেই",
    "প্রযোজ্য নয়",
    "প্রযোজ্য নহে",
    "লাগে না",
    "লাগবে না",
    "প্রয়োজন নেই",
    "প্রয়োজন হয় না",
    "ফি ছাড়া",
    "মূল্য ছাড়া",
    "free of",
    "no charge",
];
/// Wording that names the rule a fee follows instead of an amount.
const RULE_WORDS: &[&str] = &[
    "নির্ধারিত",
    "নির্দ্ধারিত",
    // The stems of অনুযায়ী/অনুসারে, which also end নিয়মানুযায়ী and বিধিমালানুসারে.
    "নুযায়ী",
    "নুসারে",
    "তফসিল",
    "পরিপত্র",
    "প্রজ্ঞাপন",
    "মোতাবেক",
    "ধার্য",
    "নীতিমাল",
    "বিধি",
    "হারে",
    "শতাংশ",
    "%",
    "as per",
    "according to",
    "prescribed",
    "government rate",
];

/// Reads what a fee's wording states.
pub fn parse_fee(text: &str) -> Fee {
    let lower = text.to_ascii_lowercase();
    let text = lower.as_str();
    let nums = numbers(text);
    let is_taka = |n: &Number| {
        let after = text[n.end..].trim_start();
        let before = text[..n.start].trim_end();
        TAKA_AFTER.iter().any(|w| after.starts_with(w))
            || TAKA_BEFORE.iter().any(|w| before.ends_with(w))
    };
    let mut amounts: Vec<Taka> = Vec::new();
    for (i, n) in nums.iter().enumerate() {
        if is_taka(n) {
            amounts.push(Taka::from_f64(n.value));
            continue;
        }
        // "০.১৫ - ০.৩০ টাকা": the first number of a range takes its unit from the second.
        if let Some(next) = nums.get(i + 1) {
            let between = text[n.end..next.start].trim();
            if matches!(between, "-" | "–" | "থেকে" | "হতে" | "to") && is_taka(next)
            {
                amounts.push(Taka::from_f64(n.value));
            }
        }
    }
    if let Some(pos) = text.find("সর্বমোট").or_else(|| text.find("মোট"))
        && let Some(total) = nums.iter().find(|n| n.start > pos)
    {
        return Fee::Amount {
            taka: Taka::from_f64(total.value),
        };
    }
    match amounts.as_slice() {
        [] => {}
        [one] => return Fee::Amount { taka: *one },
        [min, max] if is_range(text, &nums) => {
            return Fee::Range {
                min: *min,
                max: *max,
            };
        }
        _ => return Fee::Items { taka: amounts },
    }
    if FREE_WORDS.iter().any(|w| text.contains(w)) {
        Fee::Free
    } else if RULE_WORDS.iter().any(|w| text.contains(w)) {
        Fee::Rule
    } else {
        Fee::Unstated
    }
}

/// Whether the first two numbers are joined as a range (`-`, `–`, `থেকে`, `হতে`, `to`).
fn is_range(text: &str, nums: &[Number]) -> bool {
    let [a, b, ..] = nums else { return false };
    let between = text[a.end..b.start].trim();
    let between = TAKA_AFTER
        .iter()
        .fold(between, |s, w| s.strip_prefix(w).unwrap_or(s))
        .trim();
    matches!(between, "-" | "–" | "থেকে" | "হতে" | "to")
}

// ---------------------------------------------------------------------------------------------
// Time limits

/// A unit of time as charters write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// `মিনিট`
    Minutes,
    /// `ঘন্টা`, `ঘণ্টা`
    Hours,
    /// `কার্যদিবস`, `কর্মদিবস`
    WorkingDays,
    /// `দিন`, `দিবস`
    Days,
    /// `সপ্তাহ`
    Weeks,
    /// `মাস`
    Months,
    /// `বছর`
    Years,
}

impl TimeUnit {
    /// How many minutes a unit holds, for the units that add up (`১ ঘন্টা ৩৫ মিনিট`).
    fn minutes(self) -> Option<u64> {
        match self {
            TimeUnit::Minutes => Some(1),
            TimeUnit::Hours => Some(60),
            _ => None,
        }
    }

    /// Days in a unit, for the units that add up by calendar (`২ সপ্তাহ ৩ দিন`).
    fn days(self) -> Option<u64> {
        match self {
            TimeUnit::Days => Some(1),
            TimeUnit::Weeks => Some(7),
            _ => None,
        }
    }
}

/// A number of a unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Duration {
    /// How many.
    pub value: u64,
    /// Of what.
    pub unit: TimeUnit,
}

/// What a time limit's wording states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeLimit {
    /// The service may be given at once (`তাৎক্ষণিক`, `সাথে সাথে`).
    pub immediate: bool,
    /// The longest it may take, when the wording gives a number of a unit.
    pub max: Option<Duration>,
}

impl TimeLimit {
    /// Whether the wording states any duration at all.
    pub fn is_stated(&self) -> bool {
        self.immediate || self.max.is_some()
    }
}

/// Unit words, each a sequence of words; the last may carry a suffix (`কার্যদিবসের`).
const UNITS: &[(&[&str], TimeUnit)] = &[
    (&["কার্যদিবস"], TimeUnit::WorkingDays),
    (&["কার্য", "দিবস"], TimeUnit::WorkingDays),
    (&["কর্মদিবস"], TimeUnit::WorkingDays),
    (&["কর্ম", "দিবস"], TimeUnit::WorkingDays),
    (&["working", "day"], TimeUnit::WorkingDays),
    (&["business", "day"], TimeUnit::WorkingDays),
    (&["দিবস"], TimeUnit::Days),
    (&["দিন"], TimeUnit::Days),
    (&["day"], TimeUnit::Days),
    (&["সপ্তাহ"], TimeUnit::Weeks),
    (&["week"], TimeUnit::Weeks),
    (&["মাস"], TimeUnit::Months),
    (&["month"], TimeUnit::Months),
    (&["ঘন্টা"], TimeUnit::Hours),
    (&["ঘণ্টা"], TimeUnit::Hours),
    (&["hour"], TimeUnit::Hours),
    (&["মিনিট"], TimeUnit::Minutes),
    (&["minute"], TimeUnit::Minutes),
    (&["বছর"], TimeUnit::Years),
    (&["year"], TimeUnit::Years),
];

/// Words that make a time limit immediate; a word counts when it starts with one of these.
const IMMEDIATE: &[&[&str]] = &[
    &["তাৎক্ষণিক"],
    &["তাৎক্ষনিক"],
    &["তাৎক্ষণাৎ"],
    &["সাথে", "সাথে"],
    &["সঙ্গে", "সঙ্গে"],
    &["immediate"],
    &["instant"],
    &["same", "day"],
    &["একই", "দিন"],
    &["অবিলম্বে"],
    &["সার্বক্ষণিক"],
];

/// Numbers written as words, as charters write small ones: `এক কার্যদিবস`, `সাত দিন`.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("এক", 1),
    ("দুই", 2),
    ("দু", 2),
    ("তিন", 3),
    ("চার", 4),
    ("পাঁচ", 5),
    ("ছয়", 6),
    ("ছ\u{9df}", 6),
    ("সাত", 7),
    ("আট", 8),
    ("নয়", 9),
    ("ন\u{9df}", 9),
    ("দশ", 10),
    ("বারো", 12),
    ("বার", 12),
    ("পনের", 15),
    ("পনেরো", 15),
    ("বিশ", 20),
    ("একুশ", 21),
    ("পঁচিশ", 25),
    ("ত্রিশ", 30),
    ("পঁয়তাল্লিশ", 45),
    ("ষাট", 60),
    ("নব্বই", 90),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
];

/// Words joining two numbers into a range of which the larger is the limit.
const RANGE_WORDS: &[&str] = &["থেকে", "হতে", "to", "or", "অথবা"];

/// A token of a time limit: a number, or a word.
enum Token<'a> {
    Number(u64),
    Word(&'a str),
}

/// Reads what a time limit's wording states.
pub fn parse_time_limit(text: &str) -> TimeLimit {
    let lower = text.to_ascii_lowercase();
    let tokens = time_tokens(&lower);
    let word_at = |i: usize| match tokens.get(i) {
        Some(Token::Word(w)) => Some(*w),
        _ => None,
    };
    let starts = |i: usize, seq: &[&str]| {
        seq.iter().enumerate().all(|(k, s)| {
            word_at(i + k).is_some_and(|w| {
                if k + 1 == seq.len() {
                    w.starts_with(s)
                } else {
                    w == *s
                }
            })
        })
    };
    let immediate = (0..tokens.len()).any(|i| IMMEDIATE.iter().any(|seq| starts(i, seq)));

    // Each number followed by a unit (a range "২ থেকে ৩ দিন" or "১-৭ দিন" reads as its end).
    let mut found: Vec<(usize, Duration)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Token::Number(value) = tokens[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        if let Some(Token::Number(_)) = tokens.get(j) {
            // "১-৭": a range whose separator the tokenizer dropped; read on from the second.
            i = j;
            continue;
        }
        if word_at(j).is_some_and(|w| RANGE_WORDS.contains(&w))
            && matches!(tokens.get(j + 1), Some(Token::Number(_)))
        {
            i = j + 1;
            continue;
        }
        // "৭ (সাত) কার্যদিবস": the number written out in words, in brackets, between.
        if word_at(j) == Some("(")
            && let Some(close) = (j..tokens.len().min(j + 4)).find(|&k| word_at(k) == Some(")"))
        {
            j = close + 1;
        }
        if let Some((len, unit)) = UNITS
            .iter()
            .find(|(seq, _)| starts(j, seq))
            .map(|(s, u)| (s.len(), *u))
        {
            found.push((j + len, Duration { value, unit }));
        }
        i = j;
    }
    TimeLimit {
        immediate,
        max: combine(&found, &tokens),
    }
}

/// Adds up compound durations (`১ ঘন্টা ৩৫ মিনিট`) and keeps the longest of alternatives.
fn combine(found: &[(usize, Duration)], tokens: &[Token]) -> Option<Duration> {
    let mut groups: Vec<Duration> = Vec::new();
    let mut prev_end = usize::MAX;
    for &(end, d) in found {
        let follows = prev_end != usize::MAX && tokens_between_are_numbers(tokens, prev_end, end);
        match groups.last_mut() {
            Some(last) if follows => {
                if let (Some(a), Some(b)) = (last.unit.minutes(), d.unit.minutes()) {
                    *last = Duration {
                        value: last.value * a + d.value * b,
                        unit: TimeUnit::Minutes,
                    };
                } else if let (Some(a), Some(b)) = (last.unit.days(), d.unit.days()) {
                    *last = Duration {
                        value: last.value * a + d.value * b,
                        unit: TimeUnit::Days,
                    };
                } else {
                    groups.push(d);
                }
            }
            _ => groups.push(d),
        }
        prev_end = end;
    }
    let first = *groups.first()?;
    // Alternatives in one unit ("৭ কার্যদিবস/ ১৫ কার্যদিবস") read as the longest; otherwise the first.
    Some(
        groups
            .iter()
            .filter(|d| d.unit == first.unit)
            .copied()
            .max_by_key(|d| d.value)
            .unwrap_or(first),
    )
}

/// Whether only the next duration's own tokens (a number, perhaps in brackets) lie between
/// `from` and the end of the next duration: "১ ঘন্টা ৩৫ মিনিট" but not "৩ দিন / ২ ঘন্টা".
fn tokens_between_are_numbers(tokens: &[Token], from: usize, to: usize) -> bool {
    let mut saw_number = false;
    for t in &tokens[from..to] {
        match t {
            Token::Number(_) if !saw_number => saw_number = true,
            Token::Number(_) => return false,
            Token::Word(_) if !saw_number => return false,
            Token::Word(_) => {}
        }
    }
    saw_number
}

/// Splits a time limit into numbers and words; brackets are their own words, other
/// punctuation only separates.
fn time_tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut pieces = text.char_indices().peekable();
    while let Some(&(start, c)) = pieces.peek() {
        if c == '(' || c == ')' {
            tokens.push(Token::Word(&text[start..start + 1]));
            pieces.next();
            continue;
        }
        if digit_value(c).is_some() {
            let mut value: u64 = 0;
            while let Some(&(_, c)) = pieces.peek() {
                match digit_value(c) {
                    Some(d) => value = value.saturating_mul(10).saturating_add(d as u64),
                    None => break,
                }
                pieces.next();
            }
            tokens.push(Token::Number(value));
            continue;
        }
        if is_letter(c) {
            let mut end = start;
            while let Some(&(i, c)) = pieces.peek() {
                if !is_letter(c) {
                    break;
                }
                end = i + c.len_utf8();
                pieces.next();
            }
            let word = &text[start..end];
            match NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
                Some(&(_, n)) => tokens.push(Token::Number(n)),
                None => tokens.push(Token::Word(word)),
            }
            continue;
        }
        pieces.next();
    }
    tokens
}

// ---------------------------------------------------------------------------------------------
// Unicode normalisation

/// What one pass over a string's bytes tells the validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// The text is in Unicode NFC.
    pub nfc: bool,
    /// The text has ASCII letters, so it may be Bijoy ([`legacy_encoding_word`]).
    pub ascii_letters: bool,
    /// The text has a byte that starts a zero-width character ([`stray_zero_width`]).
    pub zero_width_lead: bool,
}

/// Scans a string once for the validator's encoding checks. In the Bengali block only eight
/// characters matter to NFC, and each is told by its last UTF-8 byte, so Bengali text is judged
/// without decoding it; the few other characters are decoded, and anything outside ASCII,
/// Bengali and common punctuation goes to the full NFC algorithm.
pub fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan {
        nfc: true,
        ascii_letters: false,
        zero_width_lead: false,
    };
    let bengali_at = |i: usize| -> Option<u32> {
        match bytes.get(i..i + 3)? {
            [0xE0, second @ (0xA6 | 0xA7), third] => {
                Some(0x0980 + ((*second as u32 & 1) << 6) + (*third as u32 & 0x3F))
            }
            _ => None,
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.ascii_letters |= b.is_ascii_alphabetic();
            i += 1;
            continue;
        }
        if let Some(c) = bengali_at(i) {
            if matches!(bytes[i + 2], 0xBC | 0xBE | 0x8D | 0x97 | 0x9C | 0x9D | 0x9F) {
                let prev = i.checked_sub(3).and_then(bengali_at).unwrap_or(0);
                out.nfc &= bengali_nfc(c, prev);
            }
            i += 3;
            continue;
        }
        out.zero_width_lead |= matches!(b, 0xC2 | 0xE2 | 0xEF);
        let c = text[i..].chars().next().unwrap_or('\0');
        if !matches!(c as u32, 0x00A0..=0x00FF | 0x0964 | 0x0965 | 0x2010..=0x2027) {
            out.nfc = unicode_normalization::is_nfc(text);
            out.ascii_letters |= bytes[i..].iter().any(u8::is_ascii_alphabetic);
            out.zero_width_lead |= bytes[i..].iter().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF));
            return out;
        }
        i += c.len_utf8();
    }
    out
}

/// Whether Bengali character `c` after `prev` can stand in NFC text.
fn bengali_nfc(c: u32, prev: u32) -> bool {
    match c {
        // ড় ঢ় য় are composition exclusions: NFC writes them as letter + nukta.
        0x09DC | 0x09DD | 0x09DF => false,
        // ে + া is ো and ে + ৗ is ৌ in NFC.
        0x09BE | 0x09D7 => prev != 0x09C7,
        // Marks in canonical order: nukta (7) before hasanta (9) before ৾ (230).
        0x09BC => !matches!(prev, 0x09CD | 0x09FE),
        0x09CD => prev != 0x09FE,
        _ => true,
    }
}

/// Whether text is in Unicode NFC.
pub fn is_nfc(text: &str) -> bool {
    scan(text).nfc
}

// ---------------------------------------------------------------------------------------------
// Spelling variants

/// Whether a word could be spelled another way: it is long enough to judge and holds a letter
/// that [`spelling_key`] folds. Cheap, so that most words are never hashed.
pub fn may_have_variants(word: &str) -> bool {
    const FOLDED: [char; 6] = ['ণ', 'ন', 'ী', 'ি', 'ূ', 'ু'];
    word.len() >= 4 * 3 && word.contains(FOLDED)
}

/// The key under which spellings of one word meet: ণ and ন, ী and ি, ূ and ু fold together, the
/// slips a typist makes most. Returns `None` for words that hold none of these letters (they
/// cannot meet another spelling), and for words too short or not Bengali, where a difference is
/// more likely two words than one misspelt (কি and কী). The key is a hash of the folded word, so
/// that no string is built for it.
pub fn spelling_key(word: &str) -> Option<u64> {
    use std::hash::Hasher;
    if !may_have_variants(word) {
        return None;
    }
    let mut hasher = rustc_hash::FxHasher::default();
    for c in word.chars() {
        let folded = match c {
            'ণ' => 'ন',
            'ী' => 'ি',
            'ূ' => 'ু',
            c => c,
        };
        hasher.write_u32(folded as u32);
    }
    Some(hasher.finish())
}

// ---------------------------------------------------------------------------------------------
// Encoding slips

/// Zero-width characters that have no place in published text. ZWJ and ZWNJ are allowed inside
/// Bengali words (র‍্য needs ZWJ), and are stray anywhere else.
pub fn stray_zero_width(text: &str) -> Option<(usize, char)> {
    // Every character looked for here is encoded with one of these lead bytes.
    if !text.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) {
        return None;
    }
    let bengali = |c: Option<char>| c.is_some_and(|c| ('\u{0980}'..='\u{09ff}').contains(&c));
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{00ad}' => {
                return Some((i, c));
            }
            '\u{200c}' | '\u{200d}'
                if !(bengali(prev) && bengali(chars.peek().map(|&(_, c)| c))) =>
            {
                return Some((i, c));
            }
            _ => {}
        }
        prev = Some(c);
    }
    None
}

/// Characters that Bijoy/SutonnyMJ text is full of and real text rarely has next to letters:
/// they stand for e-kar, reph, ya-phala, conjuncts.
const BIJOY_SYMBOLS: &[char] = &[
    '©', '‡', '†', '¨', '¯', '¶', 'ª', '‰', 'Š', 'Ö', 'Ü', 'ô', 'ö', '÷', '¸', '¼', '½', '¾', 'Í',
    'Î', 'Ø', 'Ù', 'Ú', 'Û', '„', '¤', '¦', '¢', 'ÿ', 'Œ', 'œ', 'ˆ',
];

/// Whether a text looks like Bengali typed in a legacy ASCII font encoding (Bijoy/SutonnyMJ:
/// `Avgiv` for `আমরা`). Returns the first such word.
pub fn legacy_encoding_word(text: &str) -> Option<&str> {
    // Every sign of Bijoy needs Latin letters; most Bengali text has none.
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '।')
        .find(|w| looks_like_bijoy(w))
}

fn looks_like_bijoy(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    if letters == 0 {
        return false;
    }
    if word.chars().any(|c| BIJOY_SYMBOLS.contains(&c)) {
        return true;
    }
    let chars: Vec<char> = word.chars().collect();
    // "Av", "Kv", "Mv": a consonant or vowel letter then v (া) then a consonant letter. English
    // words with [A-Z]v + consonant are abbreviations at most ("Avg").
    if let [first, 'v', third, ..] = chars.as_slice()
        && first.is_ascii_uppercase()
        && third.is_ascii_alphabetic()
        && !"aeiouy".contains(*third)
        && letters > 3
    {
        return true;
    }
    // Consonants are capitals in Bijoy, so a word switches case inside itself again and again
    // ("wbKU"); a backtick (দ) inside a word is Bijoy too.
    let switches = chars
        .windows(2)
        .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        .count();
    let backtick_inside = chars.len() > 1 && chars[1..].contains(&'`') && letters >= 2;
    switches >= 2 || backtick_inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taka(s: &str) -> Taka {
        let v: f64 = s.parse().unwrap();
        Taka::from_f64(v)
    }

    #[test]
    fn digits_fold_both_ways() {
        assert_eq!(fold_digits("০১৮২৫৭০৬১৩৮"), "01825706138");
        assert_eq!(fold_digits("abc ৩ ৯"), "abc 3 9");
        assert_eq!(bengali_number(1, 2), "০১");
        assert_eq!(bengali_number(12, 2), "১২");
        assert_eq!(bengali_number(100, 2), "১০০");
    }

    #[test]
    fn phone_mobile_numbers() {
        let p = parse_phone("০১৮২৫৭০৬১৩৮").unwrap();
        assert_eq!(p.kind, PhoneKind::Mobile);
        assert_eq!(p.international(), "+8801825706138");
        assert_eq!(parse_phone("০১৭৩০৩৩১০৭২").unwrap().national, "01730331072");
        assert_eq!(
            parse_phone("+88 01825-706138").unwrap().national,
            "01825706138"
        );
        assert_eq!(
            parse_phone("৮৮০১৮২৫৭০৬১৩৮").unwrap().national,
            "01825706138"
        );
        assert_eq!(
            parse_phone("+৮৮০১৮২৫৭০৬১৩৮").unwrap().national,
            "01825706138"
        );
        assert!(
            parse_phone("০১২২৫৭০৬১৩৮").is_err(),
            "operator digit 2 does not exist"
        );
        assert!(parse_phone("০১৮২৫৭০৬১৩").is_err(), "10 digits is one short");
        assert!(
            parse_phone("০১৮২৫৭০৬১৩৮৮").is_err(),
            "12 digits is one too many"
        );
        assert!(parse_phone("01825706138x").is_err());
        assert!(parse_phone("").is_err());
        assert!(parse_phone("+1 0182 5706138").is_err());
    }

    #[test]
    fn phone_land_lines() {
        assert_eq!(parse_phone("০২-৯৫৫৬৬৭৭").unwrap().kind, PhoneKind::Landline);
        assert_eq!(parse_phone("০৪৪২৮-৫৬০১২").unwrap().national, "0442856012");
        assert!(
            parse_phone("০১২৩৪৫৬৭৮").is_err(),
            "01 is mobile and too short"
        );
        assert!(parse_phone("০১-২৩৪৫৬৭").is_err());
        assert!(
            parse_phone("১২৩৪৫৬৭৮৯").is_err(),
            "a land line starts with 0"
        );
        assert!(parse_phone("০২৯৫৫").is_err(), "too short");
        assert!(parse_phone("০২৯৫৫৬৬৭৭১২৩").is_err(), "too long");
    }

    #[test]
    fn phone_lists() {
        assert_eq!(parse_phones("০১৮২৫৭০৬১৩৮, ০২-৯৫৫৬৬৭৭").unwrap().len(), 2);
        assert!(parse_phones("০১৮২৫৭০৬১৩৮, ০২").is_err());
        assert!(parse_phones("").is_err());
    }

    #[test]
    fn emails() {
        assert!(is_email("kawkhalidoict@gmail.com"));
        assert!(is_email("uno.kawkhali@mopa.gov.bd"));
        assert!(!is_email("kawkhalidoict@gmail"));
        assert!(!is_email("kawkhalidoict.gmail.com"));
        assert!(!is_email("a@@b.com"));
        assert!(!is_email("a b@c.com"));
        assert!(!is_email("@c.com"));
        assert!(!is_email("a@c.c0m"));
    }

    #[test]
    fn websites() {
        assert!(is_website("doict.kawkhali.pirojpur.gov.bd"));
        assert!(is_website("https://kawkhali.pirojpur.gov.bd/bn/site/page"));
        assert!(is_website("http://example.gov.bd:8080"));
        assert!(!is_website("doict kawkhali"));
        assert!(!is_website("https://"));
        assert!(!is_website("localhost"));
        assert!(!is_website("ftp://x.gov.bd"));
    }

    #[test]
    fn fees_free() {
        assert_eq!(parse_fee("বিনামূল্যে"), Fee::Free);
        assert_eq!(parse_fee("ফ্রি"), Fee::Free);
        assert_eq!(parse_fee("Free of charge"), Fee::Free);
    }

    #[test]
    fn fees_amounts() {
        assert_eq!(parse_fee("১০০ টাকা"), Fee::Amount { taka: taka("100") });
        assert_eq!(parse_fee("২৫টাকা"), Fee::Amount { taka: taka("25") });
        assert_eq!(parse_fee("৫০০/-"), Fee::Amount { taka: taka("500") });
        assert_eq!(parse_fee("০.৫০/-"), Fee::Amount { taka: taka("0.5") });
        assert_eq!(parse_fee("20/-"), Fee::Amount { taka: taka("20") });
        assert_eq!(
            parse_fee("১,০০০ টাকা (ব্যাংক ড্রাফট)"),
            Fee::Amount { taka: taka("1000") }
        );
        assert_eq!(parse_fee("Tk 50"), Fee::Amount { taka: taka("50") });
        assert_eq!(parse_fee("০ টাকা"), Fee::Amount { taka: taka("0") });
    }

    #[test]
    fn fees_ranges_totals_items() {
        assert_eq!(
            parse_fee("০.১৫ - ০.৩০ টাকা"),
            Fee::Range {
                min: taka("0.15"),
                max: taka("0.3")
            }
        );
        assert_eq!(
            parse_fee("আবেদন ফি ২০ টাকা, কোর্ট ফি ১০ টাকা, সর্বমোট ৩০ টাকা"),
            Fee::Amount { taka: taka("30") }
        );
        assert_eq!(
            parse_fee("আবেদন ফি ২০ টাকা, নকল ফি ১০ টাকা"),
            Fee::Items {
                taka: vec![taka("20"), taka("10")]
            }
        );
        assert_eq!(
            parse_fee("১০০ টাকা থেকে ৫০০ টাকা"),
            Fee::Range {
                min: taka("100"),
                max: taka("500")
            }
        );
    }

    #[test]
    fn fees_rules_and_unstated() {
        assert_eq!(parse_fee("সরকার নির্ধারিত মূল্যে"), Fee::Rule);
        assert_eq!(parse_fee("বিদ্যমান সরকারী নীতিমাল অনুযায়ী"), Fee::Rule);
        assert_eq!(parse_fee("ধার্য্যকৃত কর"), Fee::Rule);
        assert_eq!(
            parse_fee("ইউনিয়ন পরিষদ আদর্শ কর তফসিল ২০১৩ অনুযায়ী"),
            Fee::Rule
        );
        assert_eq!(parse_fee("সরকারি নিয়মানুযায়ী"), Fee::Rule);
        assert_eq!(parse_fee("১% হারে"), Fee::Rule);
        assert_eq!(parse_fee("কোন ফি লাগে না"), Fee::Free);
        assert_eq!(parse_fee("টাঃ ৫০০"), Fee::Amount { taka: taka("500") });
        assert_eq!(parse_fee("যোগাযোগ করুন"), Fee::Unstated);
        assert_eq!(
            parse_fee("১০০"),
            Fee::Unstated,
            "a bare number names no currency"
        );
    }

    fn limit(immediate: bool, max: Option<(u64, TimeUnit)>) -> TimeLimit {
        TimeLimit {
            immediate,
            max: max.map(|(value, unit)| Duration { value, unit }),
        }
    }

    #[test]
    fn time_limits_from_the_spec() {
        use TimeUnit::*;
        assert_eq!(parse_time_limit("তাৎক্ষণিক"), limit(true, None));
        assert_eq!(parse_time_limit("তাৎক্ষনিক"), limit(true, None));
        assert_eq!(parse_time_limit("সাথে সাথে"), limit(true, None));
        assert_eq!(
            parse_time_limit("৩ কার্যদিবস"),
            limit(false, Some((3, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("১০ কর্মদিবস"),
            limit(false, Some((10, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("তাৎক্ষণিক/৩ কার্যদিবস"),
            limit(true, Some((3, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("2 থেকে 3 দিন"),
            limit(false, Some((3, Days)))
        );
        assert_eq!(parse_time_limit("১-৭ দিন"), limit(false, Some((7, Days))));
        assert_eq!(
            parse_time_limit("সর্বোচ্চ ৭ দিন"),
            limit(false, Some((7, Days)))
        );
        assert_eq!(
            parse_time_limit("১ ঘন্টা ৩৫ মিনিট"),
            limit(false, Some((95, Minutes)))
        );
        assert_eq!(parse_time_limit("২ সপ্তাহ"), limit(false, Some((2, Weeks))));
        assert_eq!(parse_time_limit("৩ মাস"), limit(false, Some((3, Months))));
        assert_eq!(parse_time_limit("২ ঘণ্টা"), limit(false, Some((2, Hours))));
        assert_eq!(
            parse_time_limit("৩০ মিনিট"),
            limit(false, Some((30, Minutes)))
        );
    }

    #[test]
    fn time_limits_from_the_kawkhali_charter() {
        use TimeUnit::*;
        assert_eq!(
            parse_time_limit("তাৎক্ষণিক/৩ কার্যদিবস ( প্রযোজ্য ক্ষেত্রে)"),
            limit(true, Some((3, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"),
            limit(false, Some((7, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৭ কার্যদিবস/ প্রশিক্ষণ সমাপ্তির জন্যে প্রয়োজনীয় কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"),
            limit(false, Some((7, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৭ কার্যদিবস/ পরিস্থিতি অনুযায়ী ( প্রযোজ্য ক্ষেত্রে)"),
            limit(false, Some((7, WorkingDays)))
        );
        let vague = parse_time_limit("প্রশিক্ষণ সমাপ্তির জন্যে প্রয়োজনীয় কার্যদিবস");
        assert!(
            !vague.is_stated(),
            "a unit without a number states no duration: {vague:?}"
        );
    }

    #[test]
    fn time_limits_as_other_charters_write_them() {
        use TimeUnit::*;
        assert_eq!(
            parse_time_limit("৭ (সাত) কার্যদিবস"),
            limit(false, Some((7, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("১৫ কার্য দিবস"),
            limit(false, Some((15, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৩০ কার্যদিবসের মধ্যে"),
            limit(false, Some((30, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৭ কার্যদিবস/ ১৫ কার্যদিবস"),
            limit(false, Some((15, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("3 working days"),
            limit(false, Some((3, WorkingDays)))
        );
        assert_eq!(parse_time_limit("Immediately"), limit(true, None));
        assert_eq!(
            parse_time_limit("১ সপ্তাহ ২ দিন"),
            limit(false, Some((9, Days)))
        );
        assert_eq!(
            parse_time_limit("এক কার্যদিবস"),
            limit(false, Some((1, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("সাত (৭) দিন"),
            limit(false, Some((7, Days)))
        );
        assert_eq!(
            parse_time_limit("৭২ ঘণ্টার মধ্যে"),
            limit(false, Some((72, Hours)))
        );
        assert_eq!(parse_time_limit("একই দিনে"), limit(true, None));
        assert_eq!(
            parse_time_limit("প্রযোজ্য নয়"),
            limit(false, None),
            "নয় (not) is a number only before a unit"
        );
        assert!(!parse_time_limit("যথাশীঘ্র সম্ভব").is_stated());
        assert!(
            !parse_time_limit("৩ জন কর্মকর্তা").is_stated(),
            "a number of people is no duration"
        );
    }

    #[test]
    fn nfc_agrees_with_the_full_algorithm_on_bengali() {
        let bengali: Vec<char> = ('\u{0980}'..='\u{09ff}')
            .chain([
                'a', ' ', '\u{a0}', 'é', '।', '–', '…', '\u{2000}', '\u{0301}',
            ])
            .collect();
        for &a in &bengali {
            for &b in &bengali {
                let s: String = [a, b].iter().collect();
                assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
                for c in [
                    '\u{09bc}', '\u{09be}', '\u{09cd}', '\u{09d7}', '\u{09fe}', 'ক',
                ] {
                    let s: String = [a, b, c].iter().collect();
                    assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
                }
            }
        }
        assert!(is_nfc("প্রয়োজনীয় তথ্য"));
        assert!(!is_nfc("প্র\u{09df}োজনীয়"));
        assert!(
            !is_nfc("Cafe\u{0301}"),
            "other scripts use the full algorithm"
        );
    }

    #[test]
    fn spelling_keys_meet() {
        assert_eq!(spelling_key("তাৎক্ষণিক"), spelling_key("তাৎক্ষনিক"));
        assert_eq!(spelling_key("সরকারী"), spelling_key("সরকারি"));
        assert_eq!(spelling_key("ঘন্টা"), spelling_key("ঘণ্টা"));
        assert_ne!(spelling_key("কার্যদিবস"), spelling_key("কর্মদিবস"));
        assert_eq!(spelling_key("কি"), None, "too short to judge");
        assert_eq!(spelling_key("office"), None, "not Bengali");
        assert_eq!(spelling_key("প্রত্যাশা"), None, "no letter that folds");
    }

    #[test]
    fn words_split_on_punctuation() {
        let w: Vec<&str> = words("তাৎক্ষণিক/৩ কার্যদিবস ( প্রযোজ্য ক্ষেত্রে)।")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["তাৎক্ষণিক", "৩", "কার্যদিবস", "প্রযোজ্য", "ক্ষেত্রে"]);
    }

    #[test]
    fn variant_words_are_those_with_letters_that_fold() {
        let found: Vec<&str> = variant_words("তাৎক্ষণিক/৩ কার্যদিবস, প্রত্যাশা কি নীতিমাল").collect();
        assert_eq!(found, ["তাৎক্ষণিক", "কার্যদিবস", "নীতিমাল"]);
        for w in found {
            assert!(may_have_variants(w));
        }
        assert!(!may_have_variants("প্রত্যাশা"));
    }

    #[test]
    fn scan_flags_what_needs_a_closer_look() {
        let s = scan("সেবা\u{200b}মূল্য");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (true, false, true)
        );
        let s = scan("Avgiv ও ে\u{09be}");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (false, true, false)
        );
        let s = scan("প্রয়োজনীয় তথ্য।");
        assert_eq!(
            (s.nfc, s.ascii_letters, s.zero_width_lead),
            (true, false, false)
        );
    }

    #[test]
    fn zero_width_characters() {
        assert_eq!(stray_zero_width("সেবা\u{200b}মূল্য"), Some((12, '\u{200b}')));
        assert_eq!(
            stray_zero_width("র\u{200d}্যাব"),
            None,
            "ZWJ inside a Bengali word is spelling"
        );
        assert_eq!(stray_zero_width("সেবা \u{200c}"), Some((13, '\u{200c}')));
        assert_eq!(stray_zero_width("\u{feff}সেবা"), Some((0, '\u{feff}')));
        assert_eq!(stray_zero_width("সেবা"), None);
    }

    #[test]
    fn bijoy_text_is_recognised() {
        assert_eq!(legacy_encoding_word("Avgiv"), Some("Avgiv"));
        assert!(legacy_encoding_word("Kvh©w`em").is_some());
        assert!(legacy_encoding_word("evsjv‡`k miKvi").is_some());
        assert!(legacy_encoding_word("wbKUeZ©x").is_some());
    }

    #[test]
    fn english_and_bengali_are_not_bijoy() {
        for ok in [
            "আমরা",
            "ICT Division",
            "Available on the website",
            "e-Filing (Nothi)",
            "Sheikh Russel Digital Lab",
            "YouTube",
            "kawkhalidoict@gmail.com",
            "doict.kawkhali.pirojpur.gov.bd",
            "Avg. 3 days",
            "McDonald's",
        ] {
            assert_eq!(legacy_encoding_word(ok), None, "{ok}");
        }
    }
}
