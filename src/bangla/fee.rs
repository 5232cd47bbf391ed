//! Fees: free, an amount in taka, a range, items with a total, or a rule.

use super::digits::{Number, numbers};
use super::is_letter;
use super::wording::{StemSet, fold, outside_brackets};
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

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

/// Words after a number that make it an amount in taka. A `/` after a number does too: `৫০০/-`,
/// `৫৭৫/=`, `২৫০/ টাকা`, `৫/` are how Bangladesh writes taka.
const TAKA_AFTER: &[&str] = &[
    "টাকা",
    "টাঃ",
    "টা.",
    "৳",
    "tk",
    "taka",
    "bdt",
    "=/",
    "মাত্র",
    "only",
    // টাকা typed in Bijoy, which the validator reports on its own.
    "uvkv",
];
/// `টা` alone after a number, as in `১ টা`: taka when no letter follows (`৩টা কপি` is three).
const TAKA_SHORT: &str = "টা";
/// Words after a number that make it an amount in poisha: `২৫ পয়সা`.
const POISHA_AFTER: &[&str] = &["পয়সা", "poisha", "paisa"];
/// Words before a number that make it an amount in taka: a currency, or the word for a fee or a
/// price (`ফি ৫০`, `ফি=১০ টাকা`, `মূল্যঃ ১০০`).
const TAKA_BEFORE: &[&str] = &[
    "৳",
    "tk.",
    "tk",
    "bdt",
    "taka",
    "টাকা",
    "টাঃ",
    "ফি",
    "ফিস",
    "মূল্য",
    "দাম",
    "চার্জ",
    "fee",
    "fees",
    "charge",
    "price",
    "cost",
];
/// Words that may stand beside a bare amount without making it anything else: `৩০০`,
/// `১০০ মাত্র`, `৫.০০`.
const BESIDE_AMOUNT: &[&str] = &[
    "মাত্র",
    "only",
    "টাকা",
    "টাঃ",
    "টা",
    "tk",
    "taka",
    "bdt",
    "ফি",
    "fee",
];
/// Wording that says there is nothing to pay.
const FREE_WORDS: &[&str] = &[
    "বিনামূল্য",
    "বিনা মূল্য",
    "বিনা খরচ",
    "বিনা ফি",
    "বিনা পয়সা",
    "বিনা শুল্ক",
    "বিনাশুল্ক",
    "নিঃশুল্ক",
    "শুল্কমুক্ত",
    "মওকুফ",
    "ফ্রি",
    "free",
    "no fee",
    "no charge",
    "not applicable",
    "ফি নেই",
    "ফি নাই",
    "মূল্য নেই",
    "মূল্য নাই",
    "খরচ নেই",
    "খরচ নাই",
    "কোন ফি",
    "কোনো ফি",
    "কোন মূল্য",
    "কোনো মূল্য",
    "কোন খরচ",
    "কোনো খরচ",
    "প্রযোজ্য নয়",
    "প্রযোজ্য নহে",
    "প্রযোজ্য নেই",
    "লাগে না",
    "লাগবে না",
    "লাগেনা",
    "প্রয়োজন নেই",
    "প্রয়োজন হয় না",
    "ফি ছাড়া",
    "মূল্য ছাড়া",
];
/// A whole fee that says there is nothing: `নেই`.
const FREE_WHOLE: &[&str] = &["নেই", "নাই", "nil", "none"];
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
    "গেজেট",
    "মোতাবেক",
    "ধার্য",
    "নীতিমাল",
    "বিধি",
    "হারে",
    "শতাংশ",
    "ভেদে",
    "অনুপাতে",
    "সরকারি ফি",
    "সরকারি মূল্য",
    "সরকারি রেট",
    "বাজার দর",
    "বাজার মূল্য",
    "বাজারমূল্য",
    "ট্যারিফ",
    "দরপত্র",
    "টেন্ডার",
    "%",
    "as per",
    "according to",
    "prescribed",
    "government rate",
    "government fee",
    "govt. fee",
    "govt fee",
    "fixed by",
    "tariff",
    "tender",
];
/// Words joining two numbers into a range.
const RANGE_WORDS: &[&str] = &["-", "–", "থেকে", "হতে", "হইতে", "to"];

/// The word lists, folded once.
struct Lists {
    taka_after: StemSet,
    poisha_after: StemSet,
    taka_before: StemSet,
    beside_amount: StemSet,
    free: StemSet,
    free_whole: StemSet,
    rule: StemSet,
    range: StemSet,
    total: [String; 2],
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    taka_after: StemSet::new(TAKA_AFTER),
    poisha_after: StemSet::new(POISHA_AFTER),
    taka_before: StemSet::new(TAKA_BEFORE),
    beside_amount: StemSet::new(BESIDE_AMOUNT),
    free: StemSet::new(FREE_WORDS),
    free_whole: StemSet::new(FREE_WHOLE),
    rule: StemSet::new(RULE_WORDS),
    range: StemSet::new(RANGE_WORDS),
    total: [fold("সর্বমোট"), fold("মোট")],
});

/// Reads what a fee's wording states. The wording is folded first ([`fold`]), so `বিনামুল্যে`
/// and `বিনামূল্যে` are one word.
pub fn parse_fee(text: &str) -> Fee {
    let lists = &*LISTS;
    let folded = fold(text);
    let text = folded.as_str();
    let nums = numbers(text);
    // An itemised fee with a total: the total is the amount.
    if let Some(pos) = lists.total.iter().find_map(|t| text.find(t.as_str()))
        && let Some(total) = nums.iter().find(|n| n.start > pos)
    {
        return Fee::Amount {
            taka: Taka::from_f64(total.value),
        };
    }
    let is_taka = |n: &Number| {
        let after = skip_brackets(text[n.end..].trim_start());
        let before = text[..n.start].trim_end();
        let bare_before = before.trim_end_matches([':', 'ঃ', '-', '–', '=', ' ']);
        after.starts_with('/')
            || lists.taka_after.start_of(after).is_some()
            || after
                .strip_prefix(TAKA_SHORT)
                .is_some_and(|rest| !rest.starts_with(is_letter))
            || lists.taka_before.ends(before)
            || lists.taka_before.ends(bare_before)
    };
    let is_poisha = |n: &Number| {
        let after = text[n.end..].trim_start();
        lists.poisha_after.start_of(after).is_some()
    };
    let mut amounts: Vec<Taka> = Vec::new();
    for (i, n) in nums.iter().enumerate() {
        if is_poisha(n) {
            amounts.push(Taka::from_f64(n.value / 100.0));
            continue;
        }
        if is_taka(n) {
            amounts.push(Taka::from_f64(n.value));
            continue;
        }
        // "০.১৫ - ০.৩০ টাকা": the first number of a range takes its unit from the second.
        if let Some(next) = nums.get(i + 1) {
            let between = text[n.end..next.start].trim();
            if lists.range.is(between) && is_taka(next) {
                amounts.push(Taka::from_f64(n.value));
            }
        }
    }
    if amounts.is_empty() && is_bare_amount(text, &nums, lists) {
        amounts = nums.iter().map(|n| Taka::from_f64(n.value)).collect();
    }
    match amounts.as_slice() {
        [] => {}
        [one] => return Fee::Amount { taka: *one },
        [min, max] if is_range(text, &nums, lists) => {
            return Fee::Range {
                min: *min,
                max: *max,
            };
        }
        _ => return Fee::Items { taka: amounts },
    }
    let whole = text.trim_matches(|c: char| !is_letter(c));
    if lists.free.found_in(text) || lists.free_whole.is(whole) {
        Fee::Free
    } else if lists.rule.found_in(text) {
        Fee::Rule
    } else {
        Fee::Unstated
    }
}

/// `text` after a bracketed aside at its start: `(একশত) টাকা` → `টাকা`. Only a short aside (an
/// amount in words) is looked for, so that reading a fee stays linear in its length.
fn skip_brackets(text: &str) -> &str {
    const ASIDE: usize = 120;
    let Some(rest) = text.strip_prefix('(') else {
        return text;
    };
    let window = &rest.as_bytes()[..rest.len().min(ASIDE)];
    match window.iter().position(|&b| b == b')') {
        Some(close) => rest[close + 1..].trim_start(),
        None => text,
    }
}

/// Whether the fee is only numbers, with nothing beside them but brackets, punctuation and the
/// words an amount is written with: `৩০০`, `৫.০০`, `১০০ (একশত) মাত্র`.
fn is_bare_amount(text: &str, nums: &[Number], lists: &Lists) -> bool {
    if nums.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for n in nums {
        rest.push_str(&text[at..n.start]);
        rest.push(' ');
        at = n.end;
    }
    rest.push_str(&text[at..]);
    let outside = outside_brackets(&rest);
    super::words(&outside).all(|(_, w)| lists.beside_amount.is(w))
}

/// Whether the first two numbers are joined as a range (`-`, `–`, `থেকে`, `হতে`, `to`).
fn is_range(text: &str, nums: &[Number], lists: &Lists) -> bool {
    let [a, b, ..] = nums else { return false };
    let between = text[a.end..b.start].trim();
    let between = ["/-", "/=", "/"]
        .iter()
        .find_map(|m| between.strip_prefix(m))
        .unwrap_or(between)
        .trim_start();
    let between = match lists.taka_after.start_of(between) {
        Some(unit) => between[unit.len()..].trim(),
        None => between.trim(),
    };
    lists.range.is(between)
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
        assert_eq!(parse_fee("-"), Fee::Unstated);
        assert_eq!(parse_fee("ঐ"), Fee::Unstated);
        assert_eq!(
            parse_fee("৩ কপি ছবি"),
            Fee::Unstated,
            "a number of copies is no fee"
        );
    }

    #[test]
    fn fees_as_offices_write_amounts() {
        for (text, amount) in [
            ("৩০০", "300"),
            ("৫.০০", "5"),
            ("৫/", "5"),
            ("৫৭৫/=", "575"),
            ("২০/=", "20"),
            ("২৫০/ টাকা", "250"),
            ("৫/ বিধি মোতাবেক", "5"),
            ("১০০/-(একশত) টাকা", "100"),
            ("১০০ (একশত) টাকা", "100"),
            ("১,০০০", "1000"),
            ("৳৫০০", "500"),
            ("Tk.500", "500"),
            ("ফি ৫০", "50"),
            ("মূল্যঃ ১০০", "100"),
            ("৫০০ টাকা মাত্র", "500"),
            ("2০ টাকা", "20"),
            ("Taka 100", "100"),
            ("সেলামী ১ টা (ডিসিআর)", "1"),
            ("২৫ পয়সা (কপি সরবরাহ)", "0.25"),
        ] {
            assert_eq!(
                parse_fee(text),
                Fee::Amount { taka: taka(amount) },
                "{text}"
            );
        }
        assert_eq!(
            parse_fee("৩০০০/- থেকে ২০,০০০/-"),
            Fee::Range {
                min: taka("3000"),
                max: taka("20000")
            }
        );
    }

    #[test]
    fn fees_free_in_their_spellings() {
        for text in [
            "বিনা মুল্যে",
            "বিনামুল্যে",
            "বিনামূল্য",
            "বিনা মূল্য",
            "ফ্রী",
            "সম্পূর্ণ বিনা খরচে",
            "কোন ফি লাগবে না",
            "নেই",
            "Free of cost",
        ] {
            assert_eq!(parse_fee(text), Fee::Free, "{text}");
        }
        for text in ["গেজেট অনুযায়ী", "ধরন অনুযায়ী", "কিউসেক ভেদে", "সরকারি ফি"]
        {
            assert_eq!(parse_fee(text), Fee::Rule, "{text}");
        }
    }
}
