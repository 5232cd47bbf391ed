//! Bengali text handling: reading structure out of charter wording (digits, phone numbers, email
//! addresses, websites, fees, time limits, spelling variants, encoding slips), and turning text
//! typed in the legacy Bijoy encoding into Unicode.
//!
//! Everything here is a pure function of the text. The wording itself is never rewritten: these
//! functions derive values (a fee in taka, a duration), say that the text is suspicious, or, for
//! Bijoy, write the same letters in the encoding everyone else can read.

pub mod banglish;
pub mod bijoy;
mod contact;
mod digits;
mod encoding;
mod fee;
mod time_limit;
mod wording;
mod words;

pub use contact::{
    Phone, PhoneError, PhoneKind, is_email, is_host, is_website, parse_phone, parse_phones,
};
pub use digits::{bengali_number, digit_value, fold_digits};
pub use encoding::{
    Scan, is_nfc, scan, scan_words, stray_zero_width, visible_controls, without_stray_zero_width,
};
pub use fee::{Fee, Taka, parse_fee};
pub use time_limit::{
    Duration, TimeKind, TimeLimit, TimeUnit, UnitSlip, parse_time_limit, time_limit_kind,
};
pub use words::{is_letter, may_have_variants, spelling_key, words};
