//! Time limits: immediate, or at most a number of a unit of time.

use super::{digit_value, is_letter};
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
