//! Header lines the way mail readers want them: at most 78 characters (RFC 5322 2.1.1), and
//! Bengali in encoded words (RFC 2047) that end at a space or between syllables, never inside
//! one: a reader that shows each encoded word on its own would otherwise show `খাত ুন`.
//!
//! lettre's own encoding of a display name runs to one long line and cuts words anywhere, so the
//! `From`, `To` and `Subject` lines of a formatted message are written again here.

use base64::Engine;
use lettre::message::Mailbox;

/// Longest encoded word (RFC 2047 section 2).
const MAX_WORD: usize = 75;
/// Longest line, without its CRLF.
const MAX_LINE: usize = 78;
/// `=?utf-8?b?` and `?=`.
const WORD_OVERHEAD: usize = 12;

/// Rewrites the `From`, `To` and `Subject` lines of a formatted message (headers, blank line,
/// body) with folded, syllable-safe encoded words. Other lines are kept as they are.
pub fn refold(message: &[u8], from: &Mailbox, to: &Mailbox, subject: &str) -> Vec<u8> {
    let Some(end) = message.windows(4).position(|w| w == b"\r\n\r\n") else {
        return message.to_vec();
    };
    let head = String::from_utf8_lossy(&message[..end]);
    let mut out = String::with_capacity(message.len() + 64);
    let mut skipping = false;
    for line in head.split("\r\n") {
        if skipping && line.starts_with([' ', '\t']) {
            continue; // a continuation of a line written again
        }
        skipping = false;
        let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
        let replacement = match name.as_str() {
            "from" => Some(mailbox_line("From", from)),
            "to" => Some(mailbox_line("To", to)),
            "subject" => Some(text_line("Subject", subject)),
            _ => None,
        };
        match replacement {
            Some(new) => {
                out.push_str(&new);
                skipping = true;
            }
            None => out.push_str(line),
        }
        out.push_str("\r\n");
    }
    let mut bytes = out.into_bytes();
    bytes.truncate(bytes.len() - 2);
    bytes.extend_from_slice(&message[end..]);
    bytes
}

/// `Name: value`, the value encoded and folded when it needs to be.
pub fn text_line(name: &str, value: &str) -> String {
    if value.is_ascii() && name.len() + 2 + value.len() <= MAX_LINE && !value.contains("=?") {
        return format!("{name}: {value}");
    }
    let mut out = format!("{name}:");
    let used = out.len();
    fold(
        &mut out,
        used,
        &encoded_words(value, MAX_WORD - WORD_OVERHEAD),
    );
    out
}

/// `From: Name <address>` with the name encoded and folded.
pub fn mailbox_line(name: &str, mailbox: &Mailbox) -> String {
    let address = format!("<{}>", mailbox.email);
    let display = mailbox.name.as_deref().map(str::trim).unwrap_or("");
    if display.is_empty() {
        return format!("{name}: {}", mailbox.email);
    }
    let mut tokens = if display.is_ascii() && display.chars().all(is_atom_or_space) {
        display.split(' ').map(str::to_string).collect()
    } else if display.is_ascii() {
        vec![quoted(display)]
    } else {
        encoded_words(display, MAX_WORD - WORD_OVERHEAD)
    };
    tokens.push(address);
    let mut out = format!("{name}:");
    let used = out.len();
    fold(&mut out, used, &tokens);
    out
}

/// Appends `tokens` separated by spaces, starting a continuation line (CRLF and a space) when
/// the next token would pass the line limit.
fn fold(out: &mut String, mut used: usize, tokens: &[String]) {
    for token in tokens {
        if used + 1 + token.len() > MAX_LINE && used > 1 {
            out.push_str("\r\n");
            used = 0;
        }
        out.push(' ');
        out.push_str(token);
        used += 1 + token.len();
    }
}

fn is_atom_or_space(c: char) -> bool {
    c.is_ascii_alphanumeric() || " !#$%&'*+-/=?^_`{|}~".contains(c)
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The text as B-encoded words of at most `budget` base64 characters each. A word holds whole
/// words of the text where they fit, the space before a word travelling inside the encoded
/// word (spaces between encoded words are not text); a word too long for one is split between
/// syllables.
fn encoded_words(text: &str, budget: usize) -> Vec<String> {
    let max_bytes = budget / 4 * 3;
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, word) in text.split(' ').enumerate() {
        let word = if i == 0 {
            word.to_string()
        } else {
            format!(" {word}")
        };
        if current.len() + word.len() <= max_bytes {
            current.push_str(&word);
            continue;
        }
        if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        for chunk in syllable_chunks(&word, max_bytes) {
            if current.len() + chunk.len() <= max_bytes {
                current.push_str(&chunk);
            } else {
                if !current.is_empty() {
                    pieces.push(std::mem::take(&mut current));
                }
                current = chunk;
            }
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
        .iter()
        .map(|p| {
            format!(
                "=?utf-8?b?{}?=",
                base64::engine::general_purpose::STANDARD.encode(p.as_bytes())
            )
        })
        .collect()
}

/// Splits a word into pieces of at most `max_bytes`, where a new syllable begins.
fn syllable_chunks(word: &str, max_bytes: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    let mut boundary: Option<usize> = None;
    let mut previous: Option<char> = None;
    for c in word.chars() {
        if previous.is_some_and(|p| starts_syllable(p, c)) {
            boundary = Some(current.len());
        }
        if current.len() + c.len_utf8() > max_bytes {
            match boundary.filter(|&b| b > 0) {
                Some(at) => {
                    let rest = current.split_off(at);
                    chunks.push(std::mem::replace(&mut current, rest));
                }
                // No syllable boundary in reach (a very long cluster): cut at a character.
                None => chunks.push(std::mem::take(&mut current)),
            }
            boundary = None;
        }
        current.push(c);
        previous = Some(c);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Whether a syllable may begin at `c` after `previous`: not before a vowel sign or other mark,
/// not after a virama (hasanta) or a joiner.
fn starts_syllable(previous: char, c: char) -> bool {
    let mark = |c: char| {
        matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}' | '\u{09BE}'..='\u{09CD}' | '\u{09D7}' | '\u{09E2}' | '\u{09E3}' | '\u{09FE}')
            || matches!(c, '\u{200C}' | '\u{200D}')
    };
    !mark(c) && !matches!(previous, '\u{09CD}' | '\u{200D}' | '\u{200C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(line: &str) -> String {
        let value = line.split_once(':').unwrap().1;
        crate::mail::inquiry::decode_words(value)
            .unwrap()
            .trim()
            .to_string()
    }

    #[test]
    fn long_bengali_names_fold_under_78_and_break_at_spaces() {
        let mailbox = Mailbox::new(
            Some("মোছাঃ খাদিজা খাতুন, উপজেলা তথ্য ও যোগাযোগ প্রযুক্তি কর্মকর্তা".into()),
            "kawkhalidoict@gmail.com".parse().unwrap(),
        );
        let line = mailbox_line("From", &mailbox);
        for part in line.split("\r\n") {
            assert!(part.len() <= MAX_LINE, "{} > 78: {part}", part.len());
        }
        assert!(line.ends_with("<kawkhalidoict@gmail.com>"));
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| w.starts_with("=?"))
            .collect();
        for word in &words {
            let text = crate::mail::inquiry::decode_words(word).unwrap();
            assert!(
                !text.starts_with(|c: char| ('\u{09BE}'..='\u{09CD}').contains(&c)),
                "a word starts inside a syllable: {text:?}"
            );
        }
        let name = decode(&line.replace("<kawkhalidoict@gmail.com>", ""));
        assert_eq!(name, mailbox.name.unwrap());
    }

    #[test]
    fn a_long_word_is_split_between_syllables() {
        let word = "প্রতিষ্ঠানসমূহেরক্ষেত্রেপ্রযোজ্যতথ্যপ্রযুক্তিকর্মকর্তা";
        let chunks = syllable_chunks(word, 30);
        assert_eq!(chunks.concat(), word);
        for chunk in &chunks {
            assert!(chunk.len() <= 30);
            let first = chunk.chars().next().unwrap();
            assert!(!('\u{09BE}'..='\u{09CD}').contains(&first), "{chunks:?}");
        }
        assert!(
            chunks.windows(2).all(|w| !w[0].ends_with('\u{09CD}')),
            "{chunks:?}"
        );
    }

    #[test]
    fn subjects_are_encoded_only_when_they_must_be() {
        assert_eq!(
            text_line("Subject", "Re: e-filing"),
            "Subject: Re: e-filing"
        );
        let line = text_line(
            "Subject",
            "Re: সেবার তথ্য: ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা এবং আরও অনেক কথা",
        );
        assert!(line.split("\r\n").all(|l| l.len() <= MAX_LINE), "{line}");
        assert_eq!(
            decode(&line),
            "Re: সেবার তথ্য: ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা এবং আরও অনেক কথা"
        );
        let plain: Mailbox = "office@example.gov.bd".parse().unwrap();
        assert_eq!(mailbox_line("To", &plain), "To: office@example.gov.bd");
        let named: Mailbox = "\"Rahim, Md.\" <r@example.com>".parse().unwrap();
        assert_eq!(
            mailbox_line("To", &named),
            "To: \"Rahim, Md.\" <r@example.com>"
        );
    }
}
