//! Phone numbers, email addresses and websites as charters write them.

use super::digit_value;
use serde::Serialize;
use std::fmt;

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
}
