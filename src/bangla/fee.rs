//! Fees: free, an amount in taka, a range, items with a total, or a rule.

use super::digits::{Number, numbers};
use serde::Serialize;
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn taka(s: &str) -> Taka {
        let v: f64 = s.parse().unwrap();
        Taka::from_f64(v)
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
}
