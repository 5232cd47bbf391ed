//! Time limits: what a service's time limit commits the office to. A span (`৭ কার্যদিবস`), a
//! moment (`তাৎক্ষণিক`, `চাহিবা মাত্র`, `অফিস সময়ে`, `সকাল ৯টা থেকে বিকাল ৫টা`), a date or
//! schedule (`১ জানুয়ারি`, `প্রতিমাসের ৩ তারিখ`), or only a condition (`বরাদ্দ সাপেক্ষে`).
//!
//! Words are matched after [`super::wording::fold`], so every spelling an office uses of a unit or
//! an immediate word counts; a number followed by a word one slip away from a unit is read as that
//! unit, and the slip is reported.

use super::wording::{Phrase, PhraseSet, StemSet, Token, Tokens, fold, stems};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::LazyLock;

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

/// What kind of commitment a time limit's wording makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// At most a number of a unit of time: `৭ কার্যদিবস`, `তিন মাস`, `২ থেকে ৩ দিন`.
    Span,
    /// At once, on demand or during office hours: `তাৎক্ষণিক`, `চাহিবা মাত্র`, `অফিস সময়ে`,
    /// `সকাল ৯টা থেকে বিকাল ৫টা`.
    Immediate,
    /// A date, a month, a season or a day of each month or week: `১ জানুয়ারি`,
    /// `প্রতি বছর মার্চ মাসের মধ্যে`, `প্রতিমাসের ৩ তারিখ থেকে ১৫ তারিখ পর্যন্ত`.
    Schedule,
    /// Only a condition, no span: `শুনানী সাপেক্ষে`, `নীতিমালা মোতাবেক`. The validator warns.
    Conditional,
    /// No time at all. The validator warns.
    Unstated,
}

/// A unit written one slip away from its spelling: `৪৫কায্যদিবস`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitSlip {
    /// The word as the charter writes it.
    pub written: String,
    /// The unit's usual spelling.
    pub usual: &'static str,
}

/// What a time limit's wording states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeLimit {
    /// The kind of commitment.
    pub kind: TimeKind,
    /// The service may be given at once (`তাৎক্ষণিক`, `সাথে সাথে`, `চাহিবা মাত্র`).
    pub immediate: bool,
    /// The longest it may take, when the wording gives a number of a unit.
    pub max: Option<Duration>,
    /// A unit that looks misspelt, when the span was read through one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_slip: Option<UnitSlip>,
}

/// Unit words, each a phrase whose last word may carry a suffix (`কার্যদিবসের`), with its usual
/// spelling for the slip message. Folded spellings (`কার্য্যদিবস`, `ঘণ্টা`) match too.
const UNITS: &[(&str, TimeUnit)] = &[
    ("কার্যদিবস", TimeUnit::WorkingDays),
    ("কার্য দিবস", TimeUnit::WorkingDays),
    ("কার্যদিন", TimeUnit::WorkingDays),
    ("কর্মদিবস", TimeUnit::WorkingDays),
    ("কর্ম দিবস", TimeUnit::WorkingDays),
    ("কর্মদিন", TimeUnit::WorkingDays),
    ("working day", TimeUnit::WorkingDays),
    ("work day", TimeUnit::WorkingDays),
    ("workday", TimeUnit::WorkingDays),
    ("business day", TimeUnit::WorkingDays),
    ("kāryadibas", TimeUnit::WorkingDays),
    ("karyadibas", TimeUnit::WorkingDays),
    ("karmadibas", TimeUnit::WorkingDays),
    ("দিবস", TimeUnit::Days),
    ("দিন", TimeUnit::Days),
    ("day", TimeUnit::Days),
    ("din", TimeUnit::Days),
    ("dibas", TimeUnit::Days),
    ("সপ্তাহ", TimeUnit::Weeks),
    ("week", TimeUnit::Weeks),
    ("saptāh", TimeUnit::Weeks),
    ("saptah", TimeUnit::Weeks),
    ("মাস", TimeUnit::Months),
    ("month", TimeUnit::Months),
    ("mās", TimeUnit::Months),
    ("ঘন্টা", TimeUnit::Hours),
    ("hour", TimeUnit::Hours),
    ("hrs", TimeUnit::Hours),
    ("hr", TimeUnit::Hours),
    ("ghaṇṭā", TimeUnit::Hours),
    ("ghanta", TimeUnit::Hours),
    ("মিনিট", TimeUnit::Minutes),
    ("মিঃ", TimeUnit::Minutes),
    ("minute", TimeUnit::Minutes),
    ("min", TimeUnit::Minutes),
    ("বছর", TimeUnit::Years),
    ("বৎসর", TimeUnit::Years),
    ("year", TimeUnit::Years),
    ("yr", TimeUnit::Years),
    ("bachar", TimeUnit::Years),
];

/// Phrases that make a time limit immediate: at once, on demand, any time, during office hours.
const IMMEDIATE: &[&str] = &[
    "তাৎক্ষণিক",
    "তাৎক্ষণাৎ",
    "তৎক্ষণাৎ",
    "সেদিনই",
    "সাথে সাথে",
    "সাথেসাথে",
    "পরপরই",
    "পর পরই",
    "সঙ্গে সঙ্গে",
    "সঙ্গেসঙ্গে",
    "একই দিন",
    "একই কার্যদিবস",
    "অবিলম্বে",
    "সার্বক্ষণিক",
    "চাহিবা মাত্র",
    "চাহিবামাত্র",
    "চাওয়া মাত্র",
    "চাওয়ামাত্র",
    "চাহিদা মাত্র",
    "চাহিদামাত্র",
    "চাহিদা মোতাবেক",
    "যখনই",
    "তখনই",
    "যখন প্রয়োজন",
    "যে কোন সময়",
    "যে কোনো সময়",
    "যেকোন সময়",
    "যেকোনো সময়",
    "যে কোন দিন",
    "যে কোনো দিন",
    "যেকোন দিন",
    "যেকোনো দিন",
    "সর্বদা",
    "সবসময়",
    "সব সময়",
    "দিনরাত",
    "দিবারাত্রি",
    "অফিস সময়",
    "অফিস চলাকাল",
    "অফিস টাইম",
    "অফিস আওয়ার",
    "অফিস খোলা",
    "দাপ্তরিক সময়",
    "কর্মঘণ্টা",
    "immediate",
    "instant",
    "at once",
    "same day",
    "on demand",
    "on the spot",
    "any time",
    "always",
    "round the clock",
    "anytime",
    "office hour",
    "office time",
    "during office",
];

/// Words that end a moment: `পরিদর্শন কালে`, `অফিস চলাকালীন`.
const DURING: &[&str] = &["কালে", "কালীন"];

/// Phrases that are a span without a digit: `পরের দিন` (one day), `আধা ঘণ্টা` (30 minutes).
const FIXED_SPANS: &[(&str, u64, TimeUnit)] = &[
    ("পরের দিন", 1, TimeUnit::Days),
    ("পরদিন", 1, TimeUnit::Days),
    ("পরবর্তী দিন", 1, TimeUnit::Days),
    ("পরবর্তী কার্যদিবস", 1, TimeUnit::WorkingDays),
    ("পরবর্তী কর্মদিবস", 1, TimeUnit::WorkingDays),
    ("আধা ঘণ্টা", 30, TimeUnit::Minutes),
    ("আধ ঘণ্টা", 30, TimeUnit::Minutes),
    ("আধাঘণ্টা", 30, TimeUnit::Minutes),
    ("দেড় ঘণ্টা", 90, TimeUnit::Minutes),
    ("আড়াই ঘণ্টা", 150, TimeUnit::Minutes),
    ("দেড় মাস", 45, TimeUnit::Days),
    ("next day", 1, TimeUnit::Days),
    ("next working day", 1, TimeUnit::WorkingDays),
    ("following day", 1, TimeUnit::Days),
    ("half an hour", 30, TimeUnit::Minutes),
    ("half hour", 30, TimeUnit::Minutes),
];

/// Words after a number that make it a time of day (`৯টা`, `০২.৩০ ঘটিকা`, `9:00am`).
const CLOCK_AFTER: &[&str] = &["টা", "টায়", "টার", "ঘটিকা", "am", "pm", "o'clock"];
/// Parts of the day that a time of day follows (`সকাল ৯টা`, `বিকাল ৫টা`).
const DAY_PARTS: &[&str] = &["সকাল", "বিকাল", "বিকেল", "দুপুর", "সন্ধ্যা", "রাত"];

/// Words that name a date, a month, a season or a recurring day: each matched at a word's start.
const SCHEDULE: &[&str] = &[
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "জুলাই",
    "আগস্ট",
    "আগষ্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
    "বৈশাখ",
    "জ্যৈষ্ঠ",
    "জৈষ্ঠ",
    "আষাঢ়",
    "শ্রাবণ",
    "ভাদ্র",
    "আশ্বিন",
    "কার্তিক",
    "অগ্রহায়ণ",
    "পৌষ",
    "মাঘ",
    "ফাল্গুন",
    "চৈত্র",
    "শনিবার",
    "রবিবার",
    "রোববার",
    "সোমবার",
    "মঙ্গলবার",
    "বুধবার",
    "বৃহস্পতিবার",
    "শুক্রবার",
    "তারিখ",
    "প্রতিমাস",
    "প্রতিবছর",
    "প্রতিবৎসর",
    "প্রতিসপ্তাহ",
    "প্রতিদিন",
    "মাসিক",
    "বার্ষিক",
    "বাৎসরিক",
    "ত্রৈমাসিক",
    "ষান্মাসিক",
    "সাপ্তাহিক",
    "দৈনিক",
    "মৌসুম",
    "অর্থবছর",
    "সারাবছর",
    "বছরব্যাপী",
    "january",
    "february",
    "march",
    "april",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "baishakh",
    "boishakh",
    "magh",
    "chaitra",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "annual",
    "monthly",
    "weekly",
    "daily",
    "every",
    "season",
    "fiscal",
];
/// Schedule words too short to match as a prefix: each must be the whole word.
const SCHEDULE_EXACT: &[&str] = &[
    "মে",
    "জুন",
    "june",
    "jun",
    "jan",
    "feb",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
];
/// Schedule phrases of more than one word.
const SCHEDULE_PHRASES: &[&str] = &[
    "প্রতি মাস",
    "প্রতি বছর",
    "প্রতি বৎসর",
    "প্রতি সপ্তাহ",
    "প্রতি দিন",
    "প্রতি অর্থ",
    "অর্থ বছর",
    "সারা বছর",
    "বছরের যে",
    "বছরে একবার",
    "মাসে একবার",
    "সপ্তাহে একবার",
    "দিনে একবার",
    "each year",
    "each month",
    "year round",
];

/// Words that make the unit after them one of a series: `প্রথম সপ্তাহ`, `শেষ দিন`.
const ORDINAL_WORDS: &[&str] = &[
    "প্রথম",
    "দ্বিতীয়",
    "তৃতীয়",
    "চতুর্থ",
    "শেষ",
    "first",
    "second",
    "third",
    "fourth",
    "last",
];
/// Endings written after a number to make it ordinal: `১ম`, `৩য়`, `৪র্থ`, `১লা`, `1st`.
const ORDINAL_ENDINGS: &[&str] = &[
    "ম",
    "য়",
    "র্থ",
    "ষ্ঠ",
    "লা",
    "রা",
    "শে",
    "ই",
    "st",
    "nd",
    "rd",
    "th",
];

/// Stems that make a time limit depend on a condition: `সাপেক্ষে`, `অনুযায়ী`, `মোতাবেক`.
const CONDITIONS: &[&str] = &[
    "সাপেক্ষ",
    "নুযায়ী",
    "নুসারে",
    "মোতাবেক",
    "নির্ভর",
    "ভিত্তিতে",
    "depend",
    "subject",
    "accord",
    "based",
];

/// Numbers written as words, as charters write them: `এক কার্যদিবস`, `তিনমাস`.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("এক", 1),
    ("দুই", 2),
    ("দু", 2),
    ("তিন", 3),
    ("চার", 4),
    ("পাঁচ", 5),
    ("ছয়", 6),
    ("সাত", 7),
    ("আট", 8),
    ("নয়", 9),
    ("দশ", 10),
    ("এগার", 11),
    ("এগারো", 11),
    ("বারো", 12),
    ("বার", 12),
    ("তের", 13),
    ("তেরো", 13),
    ("চৌদ্দ", 14),
    ("পনের", 15),
    ("পনেরো", 15),
    ("ষোল", 16),
    ("সতের", 17),
    ("আঠার", 18),
    ("উনিশ", 19),
    ("বিশ", 20),
    ("একুশ", 21),
    ("বাইশ", 22),
    ("চব্বিশ", 24),
    ("পঁচিশ", 25),
    ("ত্রিশ", 30),
    ("পঁয়ত্রিশ", 35),
    ("চল্লিশ", 40),
    ("পঁয়তাল্লিশ", 45),
    ("পঞ্চাশ", 50),
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
    ("forty", 40),
    ("sixty", 60),
    ("ninety", 90),
];

/// Words joining two numbers into a range of which the larger is the limit.
const RANGE_WORDS: &[&str] = &["থেকে", "হতে", "হইতে", "to", "or", "অথবা", "বা"];

/// The word lists, folded once.
struct Lists {
    units: PhraseSet<(TimeUnit, &'static str)>,
    immediate: PhraseSet<()>,
    during: Vec<String>,
    upon: String,
    time: [String; 2],
    genitive: String,
    fixed_spans: PhraseSet<(u64, TimeUnit)>,
    clock_after: Vec<String>,
    day_parts: PhraseSet<()>,
    schedule: PhraseSet<()>,
    schedule_exact: PhraseSet<()>,
    ordinal_words: Vec<String>,
    ordinal_endings: Vec<String>,
    conditions: StemSet,
    /// Number words, exact.
    number_words: FxHashMap<String, u64>,
    /// Number words by their first letter, for a number glued to its unit.
    number_prefixes: PhraseSet<u64>,
    range_words: Vec<String>,
    /// Bengali units long enough to be recognised through one slip.
    slip_units: Vec<(Vec<char>, TimeUnit, &'static str)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    units: PhraseSet::new(UNITS.iter().map(|&(u, unit)| (u, (unit, u)))),
    immediate: PhraseSet::new(IMMEDIATE.iter().map(|&p| (p, ()))),
    during: stems(DURING),
    upon: fold("মাত্র"),
    time: [fold("সময়"), fold("সময়ে")],
    genitive: fold("ের"),
    fixed_spans: PhraseSet::new(FIXED_SPANS.iter().map(|&(p, n, u)| (p, (n, u)))),
    clock_after: stems(CLOCK_AFTER),
    day_parts: PhraseSet::new(DAY_PARTS.iter().map(|&p| (p, ()))),
    schedule: PhraseSet::new(SCHEDULE.iter().chain(SCHEDULE_PHRASES).map(|&p| (p, ()))),
    schedule_exact: PhraseSet::new(SCHEDULE_EXACT.iter().map(|&p| (p, ()))),
    ordinal_words: stems(ORDINAL_WORDS),
    ordinal_endings: stems(ORDINAL_ENDINGS),
    conditions: StemSet::new(CONDITIONS),
    number_words: NUMBER_WORDS.iter().map(|&(w, n)| (fold(w), n)).collect(),
    number_prefixes: PhraseSet::new(NUMBER_WORDS.iter().copied()),
    range_words: stems(RANGE_WORDS),
    slip_units: UNITS
        .iter()
        .filter(|(u, _)| !u.is_ascii() && !u.contains(' ') && fold(u).chars().count() >= 5)
        .map(|&(u, unit)| (fold(u).chars().collect(), unit, u))
        .collect(),
});

/// Reads the tokens of a time limit: number words become numbers, and a number word glued to its
/// unit (`তিনমাস`) is split in two.
fn time_tokens<'a>(tokens: &'a Tokens, lists: &Lists) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(tokens.len());
    for i in 0..tokens.len() {
        match tokens.get(i) {
            Some(Token::Word(w)) => {
                if let Some(&n) = lists.number_words.get(w) {
                    out.push(Token::Number(n));
                    continue;
                }
                match glued_number(w, lists) {
                    Some((n, rest)) => {
                        out.push(Token::Number(n));
                        out.push(Token::Word(rest));
                    }
                    None => out.push(Token::Word(w)),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// "তিনমাস": a number word glued to a unit, as the number and the unit's word.
fn glued_number<'a>(w: &'a str, lists: &Lists) -> Option<(u64, &'a str)> {
    let first = w.chars().next()?;
    lists
        .number_prefixes
        .starting_with(first)
        .find_map(|(p, n)| {
            let rest = w.strip_prefix(p.words[0].as_str())?;
            let is_unit = lists
                .units
                .at(0, false, |k| (k == 0).then_some(rest))
                .is_some();
            (is_unit && !rest.is_empty()).then_some((*n, rest))
        })
}

/// The tokens of a time limit, with phrase matching.
struct Reader<'a> {
    toks: Vec<Token<'a>>,
}

impl<'a> Reader<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i) {
            Some(Token::Word(w)) => Some(w),
            _ => None,
        }
    }

    /// The phrase of `set` that starts at token `i`.
    fn at<'s, T>(&self, i: usize, set: &'s PhraseSet<T>) -> Option<&'s (Phrase, T)> {
        set.at(i, false, |k| self.word(k))
    }

    /// Whether a phrase of `set` starts at any token (`exact`: the whole last word).
    fn any_phrase<T>(&self, set: &PhraseSet<T>, exact: bool) -> bool {
        (0..self.toks.len()).any(|i| set.at(i, exact, |k| self.word(k)).is_some())
    }

    fn any_word(&self, test: impl Fn(&str) -> bool) -> bool {
        (0..self.toks.len()).any(|i| self.word(i).is_some_and(&test))
    }
}

/// Reads what a time limit's wording states.
pub fn parse_time_limit(text: &str) -> TimeLimit {
    read(text, true)
}

/// What a validator needs of a time limit: its kind and a misspelt unit. The same reading as
/// [`parse_time_limit`], which it skips the search for immediate words of when a span is found.
pub fn time_limit_kind(text: &str) -> (TimeKind, Option<UnitSlip>) {
    let limit = read(text, false);
    (limit.kind, limit.unit_slip)
}

/// Reads a time limit; `immediate` is looked for beside a span only when `with_immediate`.
fn read(text: &str, with_immediate: bool) -> TimeLimit {
    let lists = &*LISTS;
    let tokens = Tokens::new(text);
    let r = Reader {
        toks: time_tokens(&tokens, lists),
    };
    let (found, unit_slip) = durations(&r, lists, text);
    let max = combine(&found, &r.toks);
    let immediate = (with_immediate || max.is_none()) && is_immediate(&r, lists);
    let kind = if max.is_some() {
        TimeKind::Span
    } else if immediate {
        TimeKind::Immediate
    } else if is_schedule(&r, lists) {
        TimeKind::Schedule
    } else if r.any_word(|w| lists.conditions.found_in(w)) {
        TimeKind::Conditional
    } else {
        TimeKind::Unstated
    };
    TimeLimit {
        kind,
        immediate,
        max,
        unit_slip: unit_slip.filter(|_| max.is_some()),
    }
}

/// Every number followed by a unit (a range "২ থেকে ৩ দিন" or "১-৭ দিন" reads as its end), and
/// the spans written without a number (`পরের দিন`); with the first unit read through a slip.
fn durations(r: &Reader, lists: &Lists, text: &str) -> (Vec<(usize, Duration)>, Option<UnitSlip>) {
    let mut found: Vec<(usize, Duration)> = Vec::new();
    let mut slip = None;
    let mut i = 0;
    while i < r.toks.len() {
        if let Some((p, (value, unit))) = r.at(i, &lists.fixed_spans) {
            found.push((
                i + p.len(),
                Duration {
                    value: *value,
                    unit: *unit,
                },
            ));
            i += p.len();
            continue;
        }
        let Token::Number(value) = r.toks[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        if let Some(Token::Number(_)) = r.toks.get(j) {
            // "১-৭": a range whose separator the tokenizer dropped; read on from the second.
            i = j;
            continue;
        }
        if r.word(j)
            .is_some_and(|w| lists.range_words.iter().any(|x| x == w))
            && matches!(r.toks.get(j + 1), Some(Token::Number(_)))
        {
            i = j + 1;
            continue;
        }
        // "৭ (সাত) কার্যদিবস": the number written out in words, in brackets, between.
        if r.toks.get(j) == Some(&Token::Open)
            && let Some(close) = (j..r.toks.len().min(j + 5)).find(|&k| r.toks[k] == Token::Close)
        {
            j = close + 1;
        }
        if let Some((p, (unit, _))) = r.at(j, &lists.units) {
            found.push((j + p.len(), Duration { value, unit: *unit }));
        } else if let Some(w) = r.word(j)
            && let Some((unit, usual)) = unit_by_slip(w, lists)
        {
            found.push((j + 1, Duration { value, unit }));
            if slip.is_none() {
                slip = Some(UnitSlip {
                    written: original_word(text, w),
                    usual,
                });
            }
        }
        i = j.max(i + 1);
    }
    (found, slip)
}

/// The unit a word is one slip away from (two for the long ones), if any: the word's start is
/// compared with each Bengali unit of five letters or more.
fn unit_by_slip(word: &str, lists: &Lists) -> Option<(TimeUnit, &'static str)> {
    let chars: Vec<char> = word.chars().collect();
    lists
        .slip_units
        .iter()
        .find_map(|(unit_chars, unit, usual)| {
            let n = unit_chars.len();
            let allowed = if n >= 8 { 2 } else { 1 };
            let best = (n.saturating_sub(allowed)..=n + allowed)
                .filter(|&len| len <= chars.len() && len > 0)
                .map(|len| levenshtein(&chars[..len], unit_chars))
                .min()?;
            (best <= allowed).then_some((*unit, *usual))
        })
}

/// Edit distance between two short sequences of characters.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The word of `text` whose folded form begins with `folded`, as the charter wrote it.
fn original_word(text: &str, folded: &str) -> String {
    super::words(text)
        .map(|(_, w)| w.trim_start_matches(|c: char| super::digit_value(c).is_some()))
        .find(|w| !w.is_empty() && fold(w) == folded)
        .unwrap_or(folded)
        .to_string()
}

/// Whether the wording gives the service at once, on demand, any time or during office hours.
fn is_immediate(r: &Reader, lists: &Lists) -> bool {
    if r.any_phrase(&lists.immediate, false) {
        return true;
    }
    // "পরিদর্শন কালে", "অফিস চলাকালীন": during something.
    if r.any_word(|w| lists.during.iter().any(|d| w.ends_with(d.as_str()))) {
        return true;
    }
    // "আবেদন মাত্র": upon something.
    let upon_at = |i: usize| {
        r.word(i)
            .is_some_and(|w| w.starts_with(lists.upon.as_str()))
    };
    if (1..r.toks.len()).any(|i| upon_at(i) && r.word(i - 1).is_some()) {
        return true;
    }
    // "পরিদর্শনের সময়", "আবেদনের সময়": at the time of something.
    if (1..r.toks.len()).any(|i| {
        r.word(i).is_some_and(|w| lists.time.iter().any(|t| t == w))
            && r.word(i - 1)
                .is_some_and(|w| w.ends_with(lists.genitive.as_str()))
    }) {
        return true;
    }
    // "২৪/৭": every hour of every day.
    if r.toks
        .windows(2)
        .any(|w| w == [Token::Number(24), Token::Number(7)])
    {
        return true;
    }
    // Office hours written out: "সকাল ৯টা থেকে বিকাল ৫টা", "09.00am to 05.00pm".
    (0..r.toks.len()).any(|i| {
        let clock_next = || {
            r.word(i + 1)
                .is_some_and(|w| lists.clock_after.iter().any(|c| c == w))
        };
        let part_before = || i > 0 && r.at(i - 1, &lists.day_parts).is_some();
        matches!(r.toks[i], Token::Number(_)) && (clock_next() || part_before())
    })
}

/// Whether the wording names a date, a month, a season or a recurring day.
fn is_schedule(r: &Reader, lists: &Lists) -> bool {
    r.any_phrase(&lists.schedule, false)
        || r.any_phrase(&lists.schedule_exact, true)
        || (0..r.toks.len()).any(|i| is_nth_unit(r, lists, i))
}

/// Whether an ordinal and a unit start at token `i`: the first week, the 3rd day (`প্রথম সপ্তাহ`,
/// `১ম সপ্তাহ`, `মাসের শেষ দিন`).
fn is_nth_unit(r: &Reader, lists: &Lists, i: usize) -> bool {
    let unit_at = |k: usize| r.at(k, &lists.units).is_some();
    let ordinal_word = r
        .word(i)
        .is_some_and(|w| lists.ordinal_words.iter().any(|o| o == w));
    let numbered = matches!(r.toks[i], Token::Number(_))
        && r.word(i + 1)
            .is_some_and(|w| lists.ordinal_endings.iter().any(|o| o == w));
    (ordinal_word && unit_at(i + 1)) || (numbered && unit_at(i + 2))
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
                        value: last
                            .value
                            .saturating_mul(a)
                            .saturating_add(d.value.saturating_mul(b)),
                        unit: TimeUnit::Minutes,
                    };
                } else if let (Some(a), Some(b)) = (last.unit.days(), d.unit.days()) {
                    *last = Duration {
                        value: last
                            .value
                            .saturating_mul(a)
                            .saturating_add(d.value.saturating_mul(b)),
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
    for t in tokens.get(from..to).unwrap_or(&[]) {
        match t {
            Token::Number(_) if !saw_number => saw_number = true,
            Token::Number(_) => return false,
            _ if !saw_number => return false,
            _ => {}
        }
    }
    saw_number
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a time limit states, without its kind: immediate, and the longest span.
    #[derive(Debug, PartialEq)]
    struct Limit {
        immediate: bool,
        max: Option<Duration>,
    }

    fn limit(immediate: bool, max: Option<(u64, TimeUnit)>) -> Limit {
        Limit {
            immediate,
            max: max.map(|(value, unit)| Duration { value, unit }),
        }
    }

    fn parse_time_limit(text: &str) -> Limit {
        let l = super::parse_time_limit(text);
        Limit {
            immediate: l.immediate,
            max: l.max,
        }
    }

    fn kind(text: &str) -> TimeKind {
        super::parse_time_limit(text).kind
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
        assert_eq!(
            vague,
            limit(false, None),
            "a unit without a number states no duration"
        );
        assert_eq!(
            kind("প্রশিক্ষণ সমাপ্তির জন্যে প্রয়োজনীয় কার্যদিবস"),
            TimeKind::Unstated
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
        assert_eq!(kind("যথাশীঘ্র সম্ভব"), TimeKind::Unstated);
        assert_eq!(
            kind("৩ জন কর্মকর্তা"),
            TimeKind::Unstated,
            "a number of people is no duration"
        );
    }

    #[test]
    fn spans_told_in_words_and_spelt_as_offices_spell_them() {
        use TimeUnit::*;
        assert_eq!(parse_time_limit("তিনমাস"), limit(false, Some((3, Months))));
        assert_eq!(
            parse_time_limit("সাতদিনের মধ্যে"),
            limit(false, Some((7, Days)))
        );
        assert_eq!(
            parse_time_limit("৭ কার্য্যদিবস"),
            limit(false, Some((7, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("১৫কর্মদিবসেরমধ্যে"),
            limit(false, Some((15, WorkingDays)))
        );
        assert_eq!(
            parse_time_limit("৫০ (পঞ্চাশ) দিন"),
            limit(false, Some((50, Days)))
        );
        assert_eq!(
            parse_time_limit("০১ হইতে ০৭ দিন"),
            limit(false, Some((7, Days)))
        );
        assert_eq!(parse_time_limit("২ বৎসর"), limit(false, Some((2, Years))));
        assert_eq!(parse_time_limit("2 hrs"), limit(false, Some((2, Hours))));
        assert_eq!(
            parse_time_limit(
                "Sahakārī kamiśanāra (bhūmi) hatē prāptira para 3 (tina) dinēra madhyē."
            ),
            limit(false, Some((3, Days)))
        );
        assert_eq!(
            parse_time_limit("শহরের অভ্যন্তরে পরের দিন"),
            limit(false, Some((1, Days)))
        );
        assert_eq!(parse_time_limit("তাতক্ষনিক"), limit(true, None));
        assert_eq!(parse_time_limit("তৎক্ষণাৎ"), limit(true, None));
        assert_eq!(
            parse_time_limit("আধা ঘন্টা"),
            limit(false, Some((30, Minutes)))
        );
        assert_eq!(
            parse_time_limit("১ ঘন্টা ৩৫ মিঃ"),
            limit(false, Some((95, Minutes)))
        );
        assert_eq!(
            parse_time_limit("তাৎক্ষনিক /২ দিন"),
            limit(true, Some((2, Days)))
        );
    }

    #[test]
    fn a_misspelt_unit_is_read_and_named() {
        let l = super::parse_time_limit("৪৫কায্যদিবস");
        assert_eq!(l.kind, TimeKind::Span);
        assert_eq!(
            l.max,
            Some(Duration {
                value: 45,
                unit: TimeUnit::WorkingDays
            })
        );
        let slip = l.unit_slip.expect("the slip is named");
        assert_eq!(slip.written, "কায্যদিবস");
        assert_eq!(slip.usual, "কার্যদিবস");
        assert_eq!(super::parse_time_limit("৭ কার্যদিবস").unit_slip, None);
        assert_eq!(super::parse_time_limit("১ জানুয়ারি").unit_slip, None);
    }

    #[test]
    fn moments_are_immediate() {
        for text in [
            "চাহিবা মাত্র",
            "চাহিবামাত্র (অফিস চলাকালীন সময়ে)",
            "অফিস সময়ে",
            "অফিস চলাকালীন",
            "যখনই প্রয়োজন তখনই",
            "সকাল ৯ টা থেকে বিকাল ৫টা",
            "সকাল-9:00হইতে বিকাল5:00টা পর্যন্ত",
            "সকাল ০৮.০০ হতে দুপুর ০২.৩০ ঘটিকা",
            "From 09.00am to 05.00pm",
            "বছরের যে কোন সময়",
            "পুকুর পরিদর্শন কালে",
            "আবেদনের সময়",
            "আবেদন প্রাপ্তি মাত্র",
            "২৪/৭",
            "On demand",
        ] {
            assert_eq!(kind(text), TimeKind::Immediate, "{text}");
        }
    }

    #[test]
    fn dates_and_schedules() {
        for text in [
            "১ জানুয়ারি",
            "প্রতি বছর মার্চ মাসের মধ্যে",
            "প্রতিমাসের ৩ তারিখ থেকে ১৫ তারিখ পর্যন্ত",
            "ডিসেম্বরের শেষ সপ্তাহে",
            "সারা বছর",
            "প্রতি মাসে একবার",
            "প্রতি বছর বোরো মৌসুমে (ডিসেম্বর-থেকে ফেব্রুয়ারী)",
            "প্রতি অর্থ বছরে শুরু থেকে শেষ পর্যন্ত",
            "মে মাসে",
            "১লা বৈশাখ",
            "every Saturday",
            "বছরে একবার",
            "জুন মাসের ১ম সপ্তাহ",
            "প্রতি মাসের শেষ কার্যদিবস",
            "বছরের প্রথম সপ্তাহে",
            "৩য় সপ্তাহে",
            "শেষ কার্যদিবস",
        ] {
            assert_eq!(kind(text), TimeKind::Schedule, "{text}");
        }
    }

    #[test]
    fn conditions_and_nothing_still_warn() {
        for text in [
            "শুনানী সাপেক্ষে",
            "বরাদ্দ প্রাপ্তি ও নীতিমালা মোতাবেক",
            "নীতিমালা অনুযায়ী",
            "বরাদ্দ প্রাপ্তি সাপেক্ষে দ্রুততম সময়ে",
            "subject to approval",
        ] {
            assert_eq!(kind(text), TimeKind::Conditional, "{text}");
        }
        for text in [
            "নির্ধারিত সময়ের মধ্যে",
            "যথাসময়ে",
            "ঐ",
            "-",
            "The time fixed by the government.",
            "যোগাযোগ করুন",
        ] {
            assert_eq!(kind(text), TimeKind::Unstated, "{text}");
        }
        assert_eq!(
            kind("৩০ দিন (তদন্ত সাপেক্ষে)"),
            TimeKind::Span,
            "a span with a condition is a span"
        );
    }
}
