//! Phone numbers, email addresses and websites as charters write them.

use super::wording::{fold, outside_brackets, stems};
use super::{digit_value, is_letter};
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// A Bangladeshi phone number, as read from a charter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// Mobile, land line, IP telephony or a short code.
    pub kind: PhoneKind,
    /// The national number in Latin digits, with its leading 0 (`01825706138`); a short code as
    /// it is dialled (`333`).
    pub national: String,
}

/// The kinds of number in Bangladesh's numbering plan that a charter gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// `01`, then 3–9, then 8 digits.
    Mobile,
    /// `0`, an area code starting 2–9, 9–11 digits in all (Dhaka: `02` and 7, 8 or 9 digits).
    Landline,
    /// IP telephony: `096`, 11 digits in all.
    IpTelephony,
    /// A hotline or short code of 3–5 digits: `৩৩৩`, `৯৯৯`, `১৬২৬৩`.
    ShortCode,
}

impl Phone {
    /// The number in international form, `+8801825706138`; a short code has none.
    pub fn international(&self) -> Option<String> {
        (self.kind != PhoneKind::ShortCode).then(|| format!("+88{}", self.national))
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

/// Words of a label that may stand before or after a number: `ফোন:`, `মোবাইল নং-`, `হটলাইন`,
/// `(অফিস)`. Matched word by word after [`fold`].
const LABEL_WORDS: &[&str] = &[
    "ফোন",
    "ফোনঃ",
    "টেলিফোন",
    "টেলিফোনঃ",
    "টেলি",
    "টেলিঃ",
    "মোবাইল",
    "মোবাইলঃ",
    "মোবা",
    "মোবাঃ",
    "মুঠোফোন",
    "সেল",
    "ফ্যাক্স",
    "ফ্যাক্সঃ",
    "হটলাইন",
    "হটলাইনঃ",
    "হেল্পলাইন",
    "হেল্প",
    "লাইন",
    "কল",
    "সেন্টার",
    "জাতীয়",
    "জরুরি",
    "সেবা",
    "অফিস",
    "অফিসঃ",
    "বাসা",
    "বাসাঃ",
    "দপ্তর",
    "আবাসিক",
    "নং",
    "নম্বর",
    "নাম্বার",
    "নংঃ",
    "phone",
    "ph",
    "tel",
    "telephone",
    "mobile",
    "mob",
    "cell",
    "fax",
    "hotline",
    "helpline",
    "help",
    "line",
    "call",
    "centre",
    "center",
    "office",
    "off",
    "res",
    "residence",
    "pabx",
    "no",
    "number",
    "emergency",
    "national",
];
/// Words that join two numbers in a list: `০১৭… ও ০২-…`.
const JOINING_WORDS: &[&str] = &["ও", "এবং", "বা", "অথবা", "and", "or"];

static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| stems(LABEL_WORDS));
static JOINING: LazyLock<Vec<String>> = LazyLock::new(|| stems(JOINING_WORDS));

/// The message for a phone field with words that are not a label.
const NOT_A_LABEL: &str = "it may hold only numbers (digits, spaces, `-`, brackets, a leading `+88`), labels such as `ফোন:`, `মোবাইল` or `হটলাইন`, a note in brackets, and `,` `/` `;` `ও` between numbers";

/// Reads one Bangladeshi phone number: a phone field that holds exactly one. Bengali digits
/// count as digits; spaces, `-`, `.`, brackets, a leading `+88`/`৮৮` and a label (`ফোন:`,
/// `হটলাইন`, `(অফিস)`) are set aside.
pub fn parse_phone(text: &str) -> Result<Phone, PhoneError> {
    let mut phones = parse_phones(text)?;
    match phones.len() {
        1 => Ok(phones.remove(0)),
        _ => Err(PhoneError("it holds more than one number")),
    }
}

/// Reads a phone field: one or more numbers, each with an optional label, separated by `,`,
/// `/`, `;`, `ও` or spaces. Each number must be a number of Bangladesh's numbering plan: a
/// mobile, a land line of any area code, IP telephony or a hotline (short code).
pub fn parse_phones(text: &str) -> Result<Vec<Phone>, PhoneError> {
    let parts = split_numbers(text);
    if !parts.iter().any(|p| p.is_number) {
        return Err(PhoneError("it has no digits"));
    }
    let mut phones = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if !part.is_number {
            let introduces = parts.get(i + 1).is_some_and(|p| p.is_number);
            if !is_label(part.text, introduces) {
                return Err(PhoneError(NOT_A_LABEL));
            }
            continue;
        }
        match number(part.text) {
            Ok(p) => phones.push(p),
            Err(e) => {
                let several: Option<Vec<Phone>> = part
                    .text
                    .split_whitespace()
                    .map(|w| number(w).ok())
                    .collect();
                match several {
                    Some(list) if list.len() > 1 => phones.extend(list),
                    _ => return Err(e),
                }
            }
        }
    }
    Ok(phones)
}

/// A piece of a phone field: a number (digits and the separators numbers are written with), or
/// the text between numbers.
struct Part<'a> {
    text: &'a str,
    is_number: bool,
}

/// Splits a phone field into numbers and the text around them. A number starts at a digit (or a
/// `+` before one) and ends at a digit.
fn split_numbers(text: &str) -> Vec<Part<'_>> {
    let in_number = |c: char| {
        digit_value(c).is_some() || matches!(c, ' ' | '-' | '–' | '.' | '(' | ')' | '\u{a0}')
    };
    let char_at = |i: usize| text[i..].chars().next();
    let mut parts = Vec::new();
    let (mut text_start, mut i) = (0, 0);
    while let Some(c) = char_at(i) {
        let after = i + c.len_utf8();
        let starts = digit_value(c).is_some()
            || (c == '+' && char_at(after).is_some_and(|n| digit_value(n).is_some()));
        if !starts {
            i = after;
            continue;
        }
        let (mut j, mut end) = (after, after);
        while let Some(n) = char_at(j).filter(|&n| in_number(n)) {
            j += n.len_utf8();
            if digit_value(n).is_some() {
                end = j;
            }
        }
        if text_start < i {
            parts.push(Part {
                text: &text[text_start..i],
                is_number: false,
            });
        }
        parts.push(Part {
            text: &text[i..end],
            is_number: true,
        });
        (text_start, i) = (end, end);
    }
    if text_start < text.len() {
        parts.push(Part {
            text: &text[text_start..],
            is_number: false,
        });
    }
    parts
}

/// Whether the text around numbers is a label: label words, list separators and joining words,
/// and notes in brackets. Text that introduces a number with `:` or a label word
/// (`দুদক হটলাইন: ১০৬`, `জেনারেল ম্যানেজার টেলিফোন-০৫৮১-৬১৮৮৮`) may name it in any words.
fn is_label(text: &str, introduces: bool) -> bool {
    let outside = outside_brackets(&fold(text));
    let punctuation_ok = outside.chars().all(|c| {
        is_letter(c)
            || c.is_whitespace()
            || matches!(
                c,
                ':' | '-' | '–' | '.' | '=' | '#' | ',' | '/' | ';' | '।' | '،' | '+'
            )
    });
    let is_label_word = |w: &str| LABELS.iter().chain(JOINING.iter()).any(|l| l == w);
    let mut words = outside
        .split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty());
    // "দুদক হটলাইন: ১০৬", "অভিযোগ কেন্দ্রের মোবাইল-০১৯৭৪-১০০৩৩২": words that name the number,
    // ending in `:` or in a label word.
    let named = introduces && {
        let t = outside.trim_end();
        t.ends_with(':') || t.ends_with('ঃ') || words.clone().next_back().is_some_and(is_label_word)
    };
    punctuation_ok && (named || words.all(is_label_word))
}

/// Reads one number as written (`+৮৮০ ২ ২২৩৩৮২৮৬১`, `(০৫৮১)৬১৩৪৩`).
fn number(written: &str) -> Result<Phone, PhoneError> {
    // "০২-৯৫৫৬৬৭৭-৮": a number and the last digits of its other lines (a hunting group).
    if let Some((number, lines)) = written.rsplit_once(['-', '–'])
        && (1..=2).contains(&lines.chars().count())
        && lines.chars().all(|c| digit_value(c).is_some())
        && let Ok(phone) = number_as_written(number.trim_end())
    {
        return Ok(phone);
    }
    number_as_written(written)
}

/// One number exactly as written: a leading `+88`, `88` or `0088` is set aside.
fn number_as_written(written: &str) -> Result<Phone, PhoneError> {
    let plus = written.starts_with('+');
    let digits: String = written
        .chars()
        .filter_map(digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect();
    let international = digits.strip_prefix("00").unwrap_or(&digits);
    let national = match international.strip_prefix("88") {
        Some(rest) if rest.starts_with('0') => rest.to_string(),
        _ if plus => return Err(PhoneError("an international number must start with +880")),
        _ => digits,
    };
    classify(national, written)
}

/// The kind of a national number, or why it is none. `written` is the number as the charter
/// wrote it, for the land line written without its leading 0.
fn classify(national: String, written: &str) -> Result<Phone, PhoneError> {
    let ok = |kind| {
        Ok(Phone {
            kind,
            national: national.clone(),
        })
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
        return ok(PhoneKind::Mobile);
    }
    if national.starts_with("096") && national.len() == 11 {
        return ok(PhoneKind::IpTelephony);
    }
    if !national.starts_with('0') {
        if (3..=5).contains(&national.len()) {
            return ok(PhoneKind::ShortCode);
        }
        // "৫৮২-৯৫৬১৫৫": an area code and a number, written without the leading 0.
        let area = written
            .split(|c: char| digit_value(c).is_none())
            .find(|p| !p.is_empty())
            .map_or(0, |p| p.chars().count());
        let with_zero = format!("0{national}");
        if (2..=4).contains(&area) && area < national.len() && (9..=11).contains(&with_zero.len()) {
            return Ok(Phone {
                kind: PhoneKind::Landline,
                national: with_zero,
            });
        }
        return Err(PhoneError(
            "a land line starts with 0 and its area code (০২, ০৩১, ০৫৮১, …); a hotline or short code has 3 to 5 digits",
        ));
    }
    let area_ok = national[1..].starts_with(|c: char| ('2'..='9').contains(&c));
    if !area_ok || !(9..=11).contains(&national.len()) {
        return Err(PhoneError(
            "a land line is 0, then an area code starting 2–9, 9 to 11 digits in all; a mobile number is 01, then 3–9, then 8 digits",
        ));
    }
    ok(PhoneKind::Landline)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_mobile_numbers() {
        let p = parse_phone("০১৮২৫৭০৬১৩৮").unwrap();
        assert_eq!(p.kind, PhoneKind::Mobile);
        assert_eq!(p.international().as_deref(), Some("+8801825706138"));
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
        assert!(parse_phone("০২৯৫৫৬৬৭৭১২৩৪").is_err(), "too long");
    }

    #[test]
    fn phones_as_offices_write_them() {
        let national = |t: &str| parse_phone(t).map(|p| (p.kind, p.national));
        use PhoneKind::*;
        for (text, kind, digits) in [
            ("02-223382861", Landline, "02223382861"),
            ("০২-২২৩৩৮২৮৬১", Landline, "02223382861"),
            ("+880-2-223382861", Landline, "02223382861"),
            ("+৮৮০ ২ ২২৩৩৮২৮৬১", Landline, "02223382861"),
            ("(02) 223382861", Landline, "02223382861"),
            ("02 55667788", Landline, "0255667788"),
            ("০২-৯৫৫৬৬৭৭", Landline, "029556677"),
            ("০৩১-৬৫৯১৬৯", Landline, "031659169"),
            ("ফোনঃ(০৫৮১)৬১৩৪৩", Landline, "058161343"),
            ("ফোন-০৭৮১-৫২২৫৭", Landline, "078152257"),
            ("টেলিফোন-৫৮২-৯৫৬১৫৫", Landline, "0582956155"),
            ("০৯৬১২-৩৪৫৬৭৮", IpTelephony, "09612345678"),
            ("১৬২৬৩", ShortCode, "16263"),
            ("৩৩৩", ShortCode, "333"),
            ("হটলাইন: ৯৯৯", ShortCode, "999"),
            ("জাতীয় জরুরি সেবা ৯৯৯", ShortCode, "999"),
            ("মোবাইল নং- ০১৭৫১-২২৪৮০৫", Mobile, "01751224805"),
            ("মোবা: ০১৭১১-২৮৮২৮৪", Mobile, "01711288284"),
            ("01917018595 (অফিস)", Mobile, "01917018595"),
            ("Tel: 02-9514141", Landline, "029514141"),
            ("অভিযোগ কেন্দ্রের মোবাইল-০১৯৭৪-১০০৩৩২", Mobile, "01974100332"),
            ("মোবাইল (ডিজিএম) ০১৯৭৪১০০০৩১", Mobile, "01974100031"),
            ("+৮৮০ ৪৬৫-২৫৬৩০৮", Landline, "0465256308"),
            ("০২-৯৫৫৬৬৭৭-৮", Landline, "029556677"),
            ("০০৮৮০১৭১১১২৩৪৫৬", Mobile, "01711123456"),
        ] {
            assert_eq!(national(text), Ok((kind, digits.to_string())), "{text}");
        }
        assert_eq!(parse_phone("১৬২৬৩").unwrap().international(), None);
        for bad in [
            "01825706138x",
            "ঢাকা-১২০৭",
            "উপজেলা কোড-৮৫৭৩",
            "যোগাযোগ করুন",
            "৯৫৫৬৬৭৭",
            "১২",
            "০১৭১১-xxxxxx",
        ] {
            assert!(parse_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_lists() {
        assert_eq!(
            parse_phones("০১৭১১-১১১১১১ ০১৮১৯-২২২২২২").unwrap().len(),
            2,
            "two numbers with a space between"
        );
        assert_eq!(parse_phones("০১৭১১১১১১১১ ও ০২-৯৫৫৬৬৭৭").unwrap().len(), 2);
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
}
