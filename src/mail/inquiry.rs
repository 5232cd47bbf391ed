//! Reading a citizen's inquiry: who asked, what about, and whether it may be answered at all.
//!
//! mail-parser does the MIME work (quoted-printable, base64, HTML-only mail). Subjects are decoded
//! here as well: Outlook splits a UTF-8 character across two encoded words, and decoding each word
//! on its own (as mail-parser does) turns it into U+FFFD; RFC 2047 lets adjacent encoded words be
//! joined, so their bytes are joined before they are read as UTF-8.

use base64::Engine;
use mail_parser::{HeaderValue, MessageParser};

/// An inquiry, as far as answering it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inquiry {
    /// The Message-ID, without angle brackets; a digest of the message when it has none.
    pub id: String,
    /// Whether `id` is the message's own Message-ID (and may thread a reply).
    pub has_message_id: bool,
    /// The sender's address (From, never Reply-To: RFC 3834).
    pub from: Option<String>,
    /// The sender's display name.
    pub from_name: Option<String>,
    /// The subject, decoded.
    pub subject: String,
    /// The body as plain text (HTML-only mail converted).
    pub body: String,
    /// The References of the inquiry, for the reply's References.
    pub references: Vec<String>,
    /// Why it is robot mail (an automatic reply, a list, a bounce), to be filed unanswered.
    pub robot: Option<String>,
    /// Whether it answers one of this tool's own replies (a follow-up in a thread).
    pub follow_up: bool,
}

impl Inquiry {
    /// The words the citizen wrote in this message, for matching: the subject (unless it is
    /// our own, in a follow-up) and the body without what it quotes.
    pub fn new_words(&self) -> String {
        let body = super::quoting::new_words(&self.body);
        if self.follow_up || is_our_subject(&self.subject) {
            body
        } else {
            format!("{}\n{body}", self.subject)
        }
    }
}

/// Whether a subject is one this tool wrote (`Re: সেবার তথ্য: ই-ফাইলিং…`).
fn is_our_subject(subject: &str) -> bool {
    let mut rest = subject.trim();
    loop {
        let lower = rest.to_lowercase();
        let Some(prefix) = ["re:", "fw:", "fwd:", "aw:", "sv:", "উত্তর:"]
            .into_iter()
            .find(|p| lower.starts_with(p))
        else {
            break;
        };
        rest = rest[prefix.len()..].trim_start();
    }
    super::compose::OUR_SUBJECTS
        .iter()
        .any(|ours| rest.starts_with(ours))
}

/// Whether a Message-ID is one of this tool's (see [`super::compose::message_id`]).
fn is_our_message_id(id: &str) -> bool {
    id.trim_matches(['<', '>', ' ']).contains(".charter@")
}

/// Reads an inquiry. Returns an error only for bytes that are not a message at all.
pub fn read(bytes: &[u8]) -> Result<Inquiry, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or("not an email message")?;
    let raw_subject = message.header_raw("Subject").unwrap_or("");
    let subject =
        decode_words(raw_subject).unwrap_or_else(|| message.subject().unwrap_or("").to_string());
    // A line break decoded out of an encoded word (a common bug of other mail programs, and
    // a way to inject headers) becomes a space: the reply's subject is encoded by us anyway.
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    let from_addr = message.from().and_then(|a| a.first());
    let from = sender_address(
        message.header_raw("From").unwrap_or(""),
        from_addr.and_then(|a| a.address()),
    );
    let from_name = from_addr
        .and_then(|a| a.name())
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty());
    let (id, has_message_id) = match message.message_id() {
        Some(id) if !id.trim().is_empty() => (clean_id(id), true),
        _ => (format!("digest-{:016x}", fnv1a(bytes)), false),
    };
    let references: Vec<String> = match message.references() {
        HeaderValue::Text(t) => vec![clean_id(t)],
        HeaderValue::TextList(list) => list.iter().map(|t| clean_id(t)).collect(),
        _ => Vec::new(),
    };
    let in_reply_to: Vec<String> = match message.in_reply_to() {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    };
    let follow_up = in_reply_to
        .iter()
        .chain(&references)
        .any(|id| is_our_message_id(id));
    let body = message
        .body_text(0)
        .map(|b| b.into_owned())
        .unwrap_or_default();
    let headers: Vec<(String, String)> = message
        .headers_raw()
        .map(|(name, value)| (name.to_string(), value.trim().to_string()))
        .collect();
    let robot = robot_reason(&headers, from.as_deref());
    Ok(Inquiry {
        id,
        has_message_id,
        from,
        from_name,
        subject,
        body,
        references,
        robot,
        follow_up,
    })
}

/// A Message-ID without folding whitespace, so that it can go in a header of the reply.
fn clean_id(id: &str) -> String {
    id.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The sender's address. mail-parser drops a quoted local part (`"john doe"@example.com`), so
/// the raw header is read when its address looks cut.
fn sender_address(raw: &str, parsed: Option<&str>) -> Option<String> {
    let parsed = parsed.map(str::trim).filter(|a| !a.is_empty());
    let cut = parsed.is_none_or(|a| a.starts_with('@') || !a.contains('@'));
    if !cut {
        return parsed.map(str::to_string);
    }
    let unfolded: String = raw.replace(['\r', '\n'], " ");
    let candidate = match (unfolded.rfind('<'), unfolded.rfind('>')) {
        (Some(start), Some(end)) if start < end => unfolded[start + 1..end].trim().to_string(),
        _ => unfolded.trim().to_string(),
    };
    (candidate.contains('@'))
        .then_some(candidate)
        .or(parsed.map(str::to_string))
}

/// Why RFC 3834 (and common sense) says not to answer: mail from robots, lists and bounces.
fn robot_reason(headers: &[(String, String)], from: Option<&str>) -> Option<String> {
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        let value_lower = value.to_ascii_lowercase();
        match lower.as_str() {
            "auto-submitted" => {
                let kind = value_lower.split(';').next().unwrap_or("").trim();
                if kind != "no" {
                    return Some(format!("it is automatic mail (Auto-Submitted: {value})"));
                }
            }
            "precedence" if matches!(value_lower.as_str(), "bulk" | "list" | "junk") => {
                return Some(format!("it is bulk or list mail (Precedence: {value})"));
            }
            "return-path" if value.trim_matches(['<', '>', ' ']).is_empty() => {
                return Some(
                    "it has an empty Return-Path (a bounce or other automatic mail)".to_string(),
                );
            }
            "x-autoreply" | "x-autorespond" | "x-auto-response-suppress" if !value.is_empty() => {
                return Some(format!("it is an automatic reply ({name})"));
            }
            _ if lower.starts_with("list-") => {
                return Some(format!("it came through a mailing list ({name})"));
            }
            _ => {}
        }
    }
    let from = from?;
    let local = from.split('@').next().unwrap_or("").to_ascii_lowercase();
    let robot = matches!(
        local.as_str(),
        "mailer-daemon"
            | "postmaster"
            | "noreply"
            | "no-reply"
            | "no_reply"
            | "donotreply"
            | "do-not-reply"
            | "bounce"
            | "bounces"
    ) || local.ends_with("-request")
        || local.starts_with("noreply")
        || local.starts_with("no-reply");
    robot.then(|| format!("the sender {from} is a robot or a list"))
}

/// FNV-1a: a stable digest for inquiries without a Message-ID.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// Decodes RFC 2047 encoded words in a raw header value, joining the bytes of adjacent words of
/// one charset before reading them. Returns `None` for a charset other than UTF-8, US-ASCII or
/// ISO-8859-1, where mail-parser's own decoding is used instead.
pub fn decode_words(raw: &str) -> Option<String> {
    let unfolded = raw.replace("\r\n", "").replace('\n', "");
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut pending_charset = String::new();
    let mut rest = unfolded.as_str();
    let flush = |out: &mut String, pending: &mut Vec<u8>, charset: &str| {
        if pending.is_empty() {
            return;
        }
        if charset == "iso-8859-1" || charset == "latin1" {
            out.extend(pending.iter().map(|&b| b as char));
        } else {
            out.push_str(&String::from_utf8_lossy(pending));
        }
        pending.clear();
    };
    while !rest.is_empty() {
        let Some(start) = rest.find("=?") else {
            flush(&mut out, &mut pending, &pending_charset);
            out.push_str(rest);
            break;
        };
        let (before, word) = rest.split_at(start);
        let Some((charset, encoding, text, after)) = parse_word(word) else {
            flush(&mut out, &mut pending, &pending_charset);
            out.push_str(before);
            out.push_str("=?");
            rest = &word[2..];
            continue;
        };
        let charset = charset.to_ascii_lowercase();
        let charset = charset.split('*').next().unwrap_or("").to_string();
        if !matches!(
            charset.as_str(),
            "utf-8" | "utf8" | "us-ascii" | "iso-8859-1" | "latin1"
        ) {
            return None;
        }
        // Whitespace between two encoded words is not text (RFC 2047 section 6.2).
        let joins = !pending.is_empty() && before.trim().is_empty() && charset == pending_charset;
        if !joins {
            flush(&mut out, &mut pending, &pending_charset);
            out.push_str(before);
        }
        pending_charset = charset;
        match encoding {
            'b' | 'B' => pending.extend(
                base64::engine::general_purpose::STANDARD
                    .decode(text.trim_end_matches('=').to_string() + padding(text))
                    .ok()?,
            ),
            _ => pending.extend(decode_q(text)),
        }
        rest = after;
    }
    flush(&mut out, &mut pending, &pending_charset);
    Some(out)
}

/// The padding a base64 text needs to be a multiple of four.
fn padding(text: &str) -> &'static str {
    match text.trim_end_matches('=').len() % 4 {
        2 => "==",
        3 => "=",
        _ => "",
    }
}

/// Splits `=?charset?e?text?=rest` into its parts.
fn parse_word(word: &str) -> Option<(&str, char, &str, &str)> {
    let inner = word.strip_prefix("=?")?;
    let (charset, inner) = inner.split_once('?')?;
    let (encoding, inner) = inner.split_once('?')?;
    let (text, after) = inner.split_once("?=")?;
    let encoding = encoding
        .chars()
        .next()
        .filter(|c| matches!(c, 'b' | 'B' | 'q' | 'Q'))?;
    (!charset.is_empty() && !text.contains(' ')).then_some((charset, encoding, text, after))
}

/// Decodes the Q encoding: `_` is a space, `=XX` a byte.
fn decode_q(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' => {
                match bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'='),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_split_across_two_encoded_words_is_joined() {
        // "ই-ফাইলিং" as UTF-8, split inside the bytes of ফ (E0 A6 AB) across two B words.
        let bytes = "ই-ফাইলিং".as_bytes();
        let (a, b) = bytes.split_at(5);
        let e = |x: &[u8]| base64::engine::general_purpose::STANDARD.encode(x);
        let raw = format!("=?UTF-8?B?{}?=\r\n =?UTF-8?B?{}?=", e(a), e(b));
        assert_eq!(decode_words(&raw).unwrap(), "ই-ফাইলিং");
    }

    #[test]
    fn q_words_and_plain_text_mix() {
        assert_eq!(
            decode_words("Re: =?utf-8?q?=E0=A6=95?= and =?utf-8?Q?a_b?= end").unwrap(),
            "Re: ক and a b end"
        );
        assert_eq!(decode_words("plain subject").unwrap(), "plain subject");
        assert_eq!(decode_words("=?iso-8859-1?q?caf=E9?=").unwrap(), "café");
        assert_eq!(decode_words("=?koi8-r?b?8NLJ18XU?="), None);
    }

    fn inquiry(headers: &str) -> Inquiry {
        let message = format!("{headers}Subject: x\r\nMessage-ID: <a@b.c>\r\n\r\nbody\r\n");
        read(message.as_bytes()).unwrap()
    }

    #[test]
    fn robots_lists_and_bounces_are_not_answered() {
        assert_eq!(inquiry("From: citizen@example.com\r\n").robot, None);
        assert_eq!(
            inquiry("From: citizen@example.com\r\nAuto-Submitted: no\r\n").robot,
            None
        );
        assert_eq!(
            inquiry("To: office@example.gov.bd\r\n").robot,
            None,
            "a person's broken mail"
        );
        for headers in [
            "From: citizen@example.com\r\nAuto-Submitted: auto-replied\r\n",
            "From: citizen@example.com\r\nList-Id: <news.example.com>\r\n",
            "From: citizen@example.com\r\nPrecedence: bulk\r\n",
            "From: citizen@example.com\r\nReturn-Path: <>\r\n",
            "From: MAILER-DAEMON@example.com\r\n",
            "From: postmaster@example.com\r\n",
            "From: news-request@example.com\r\n",
            "From: noreply@example.com\r\n",
            "From: citizen@example.com\r\nX-Autoreply: yes\r\n",
        ] {
            assert!(
                inquiry(headers).robot.is_some(),
                "{headers:?} must be skipped"
            );
        }
    }

    #[test]
    fn from_not_reply_to_and_the_message_id() {
        let i = inquiry(
            "From: Rahim <rahim@example.com>\r\nReply-To: other@example.com\r\nReferences: <x@y.z>\r\n",
        );
        assert_eq!(i.from.as_deref(), Some("rahim@example.com"));
        assert_eq!(i.from_name.as_deref(), Some("Rahim"));
        assert_eq!((i.id.as_str(), i.has_message_id), ("a@b.c", true));
        assert_eq!(i.references, ["x@y.z"]);
        assert!(!i.follow_up);
    }

    #[test]
    fn senders_with_unusual_but_valid_addresses_are_read_whole() {
        let i = inquiry("From: \"john doe\"@example.com\r\n");
        assert_eq!(i.from.as_deref(), Some("\"john doe\"@example.com"));
        let i = inquiry("From: Name <\"john doe\"@example.com>\r\n");
        assert_eq!(i.from.as_deref(), Some("\"john doe\"@example.com"));
    }

    #[test]
    fn a_line_break_in_an_encoded_subject_becomes_a_space() {
        let i =
            read(b"From: a@example.com\r\nSubject: =?windows-1251?B?wOv04OLo8go=?=\r\n\r\nx\r\n")
                .unwrap();
        assert!(!i.subject.contains(['\r', '\n']), "{:?}", i.subject);
        let i = read(b"From: a@example.com\r\nSubject: =?utf-8?q?hello=0D=0ABcc:_v@example.com?=\r\n\r\nx\r\n").unwrap();
        assert_eq!(i.subject, "hello Bcc: v@example.com");
    }

    #[test]
    fn a_follow_up_to_our_reply_is_matched_on_its_new_words() {
        let message = "From: a@example.com\r\nSubject: Re: Re: e-filing\r\nIn-Reply-To: <18f2a.9c1.charter@gmail.com>\r\nMessage-ID: <n@example.com>\r\n\r\nweb portal please\r\n\r\nOn Mon, office wrote:\r\n> e-filing\r\n";
        let i = read(message.as_bytes()).unwrap();
        assert!(i.follow_up);
        assert_eq!(i.new_words(), "web portal please");
        let i = inquiry("From: a@example.com\r\n");
        assert_eq!(i.new_words(), "x\nbody");
        let message = "From: a@example.com\r\nSubject: Re: সেবার তথ্য: ই-ফাইলিং\r\n\r\nওয়েব পোর্টাল\r\n";
        assert_eq!(read(message.as_bytes()).unwrap().new_words(), "ওয়েব পোর্টাল");
    }
}
