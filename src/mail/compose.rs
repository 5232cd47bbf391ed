//! Composing the email that answers "how do I get this service?": everything the charter
//! promises for the service, as plain text and HTML, in Bengali (or English where the charter has
//! it).

use crate::charter::{Category, Charter, Service};
use crate::error::Error;
use crate::render::document::{Lang, category_heading, officer_cell};
use crate::render::html::escape;
use lettre::address::Envelope;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use std::hash::{BuildHasher, Hasher};

/// Refuses a value that would become (part of) a mail header if it holds a line break: CR or LF
/// there would let the value add headers of its own.
pub fn check_header_value(what: &str, value: &str) -> Result<(), Error> {
    if value.contains(['\r', '\n']) {
        return Err(Error::HeaderInjection {
            what: what.to_string(),
        });
    }
    Ok(())
}

/// Parses an address from the command line, a configuration or a message as RFC 5322 writes
/// it: `a@b.bd`, `Name <a@b.bd>`, `"Name, Office" <a@b.bd>`, a Bengali name, and comments in
/// parentheses anywhere outside quotes (`Name (clerk) <a@b.bd>`); the old form `a@b.bd (Name)`
/// takes its comment as the name.
pub fn parse_mailbox(what: &str, value: &str) -> Result<Mailbox, Error> {
    check_header_value(what, value)?;
    let (text, comment) = without_comments(value);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = match comment {
        Some(name) if !text.contains(['<', '"']) && !name.is_empty() => {
            let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{quoted}\" <{text}>")
        }
        _ => text,
    };
    text.parse::<Mailbox>().map_err(|e| Error::InvalidAddress {
        what: what.to_string(),
        value: value.to_string(),
        reason: e.to_string(),
    })
}

/// `value` without its RFC 5322 comments (parentheses outside quoted strings and `<…>`, nested,
/// with `\` escapes), and the first comment's text. A comment left open leaves `value` as it
/// is, for the address parser to refuse.
fn without_comments(value: &str) -> (String, Option<String>) {
    let mut text = String::with_capacity(value.len());
    let mut comment: Option<String> = None;
    let mut current = String::new();
    let (mut depth, mut quoted, mut angle) = (0usize, false, false);
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if depth > 0 || quoted => {
                let escaped = chars.next().unwrap_or('\\');
                if depth > 0 {
                    current.push(escaped);
                } else {
                    text.push(c);
                    text.push(escaped);
                }
            }
            '(' if !quoted && !angle => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    current.push(c);
                } else {
                    comment.get_or_insert_with(|| current.trim().to_string());
                    current.clear();
                    // A comment separates what is on either side of it.
                    text.push(' ');
                }
            }
            _ if depth > 0 => current.push(c),
            '"' if !angle => {
                quoted = !quoted;
                text.push(c);
            }
            '<' if !quoted => {
                angle = true;
                text.push(c);
            }
            '>' if !quoted => {
                angle = false;
                text.push(c);
            }
            _ => text.push(c),
        }
    }
    if depth > 0 {
        return (value.to_string(), None);
    }
    (text, comment)
}

/// A message ready to send: its envelope and its bytes as they go on the wire.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// Who it is from and to, for SMTP.
    pub envelope: Envelope,
    /// The formatted message.
    pub bytes: Vec<u8>,
}

/// The subjects this tool's messages begin with, in every language: a message whose subject
/// is one of them (after `Re:`) is answering us, and that subject is not the citizen's words.
pub const OUR_SUBJECTS: [&str; 2] = [BN.subject, EN.subject];

/// The labels of the message, in its language.
struct Labels {
    subject: &'static str,
    greeting: &'static str,
    service_greeting: &'static str,
    service: &'static str,
    methods: &'static str,
    documents: &'static str,
    source: &'static str,
    fee: &'static str,
    time_limit: &'static str,
    officer: &'static str,
    website: &'static str,
    grievance: &'static str,
    grievance_intro: &'static str,
    no_grievance: &'static str,
    step_time: &'static str,
    closing: &'static str,
    list_greeting: &'static str,
    services: &'static str,
    services_of: &'static str,
    contact: &'static str,
    phone: &'static str,
    email: &'static str,
    how_to_ask: &'static str,
    how_to_ask_text: &'static str,
}

const BN: Labels = Labels {
    subject: "সেবার তথ্য",
    greeting: "আপনার জিজ্ঞাসার উত্তরে আমাদের সিটিজেন চার্টার অনুযায়ী সেবার তথ্য নিচে দেওয়া হলো।",
    service_greeting: "আমাদের সিটিজেন চার্টার অনুযায়ী সেবার তথ্য নিচে দেওয়া হলো।",
    service: "সেবার নাম",
    methods: "সেবা প্রদান পদ্ধতি",
    documents: "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান",
    source: "প্রাপ্তিস্থান",
    fee: "সেবা মূল্য এবং পরিশোধ পদ্ধতি",
    time_limit: "সেবা প্রদানের সময়সীমা",
    officer: "দায়িত্বপ্রাপ্ত কর্মকর্তা",
    website: "ওয়েবসাইট",
    grievance: "সেবা না পেলে (অভিযোগ প্রতিকার ব্যবস্থাপনা)",
    grievance_intro: "প্রতিশ্রুত সময়ে সেবা না পেলে বা সেবায় সন্তুষ্ট না হলে নিচের ধাপে যোগাযোগ করুন:",
    no_grievance: "প্রতিশ্রুত সময়ে সেবা না পেলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন।",
    step_time: "নিষ্পত্তির সময়সীমা",
    closing: "ধন্যবাদান্তে",
    list_greeting: "আপনার জিজ্ঞাসা থেকে কোন সেবার কথা জানতে চেয়েছেন তা নিশ্চিত হওয়া যায়নি। আমাদের সিটিজেন চার্টারের সেবাসমূহ নিচে দেওয়া হলো।",
    services: "আমাদের সেবাসমূহ",
    services_of: "সেবাসমূহ",
    contact: "যোগাযোগ",
    phone: "ফোন",
    email: "ই-মেইল",
    how_to_ask: "কোনো সেবার বিস্তারিত জানতে",
    how_to_ask_text: "যে সেবার বিষয়ে জানতে চান, বিষয় (Subject) লাইনে সেই সেবার নাম লিখে এই ঠিকানায় আবার লিখুন; সেবাটির পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা ও দায়িত্বপ্রাপ্ত কর্মকর্তার তথ্য পাঠানো হবে।",
};

const EN: Labels = Labels {
    subject: "Service information",
    greeting: "In answer to your inquiry, here is what our citizen charter promises for this service.",
    service_greeting: "Here is what our citizen charter promises for this service.",
    service: "Service",
    methods: "How it is delivered",
    documents: "Documents needed and where to get them",
    source: "from",
    fee: "Fee and how to pay it",
    time_limit: "Time limit",
    officer: "Responsible officer",
    website: "Website",
    grievance: "If the service is not delivered (grievance redress)",
    grievance_intro: "If you do not get the service in the promised time, or are not satisfied, contact in this order:",
    no_grievance: "If you do not get the service in the promised time, contact the responsible officer.",
    step_time: "time to resolve",
    closing: "Regards",
    list_greeting: "We could not tell from your message which service you are asking about. These are the services of our citizen charter.",
    services: "Our services",
    services_of: "Services",
    contact: "Contact",
    phone: "Phone",
    email: "Email",
    how_to_ask: "To ask about one service",
    how_to_ask_text: "Write to this address again with the name of the service in the subject line; you will get its methods, documents, fee, time limit and responsible officer.",
};

/// One section of the body: a label and its lines.
struct Section {
    label: &'static str,
    lines: Vec<String>,
}

/// Builds the message that gives one service's information to `to`.
pub fn service_message(
    charter: &Charter,
    category: Category,
    service: &Service,
    from: &Mailbox,
    to: &Mailbox,
    lang: Lang,
    attachment: Option<&PdfAttachment>,
) -> Result<Outgoing, Error> {
    let labels = if lang == Lang::En { &EN } else { &BN };
    let name = service.name.get(lang.code()).to_string();
    check_header_value("the service name in the charter", &name)?;
    let subject = format!("{}: {name}", labels.subject);
    let sections = sections(charter, category, service, labels, lang);
    let office = office_lines(charter, lang);
    // Nobody asked: a message sent with --service does not answer a question.
    let body = Body {
        greeting: labels.service_greeting,
        sections: &sections,
        office: &office,
        closing: labels.closing,
    };
    build(from, to, subject, &body, lang, None, attachment)
}

/// A file sent with a message: the service's PDF.
#[derive(Debug, Clone)]
pub struct PdfAttachment {
    /// The file name the citizen sees.
    pub filename: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The inquiry a reply answers, for its threading headers (RFC 5322, RFC 3834).
#[derive(Debug, Clone)]
pub struct Thread<'a> {
    /// The inquiry's subject.
    pub subject: &'a str,
    /// The inquiry's Message-ID, without angle brackets.
    pub message_id: Option<&'a str>,
    /// The inquiry's References.
    pub references: &'a [String],
}

/// What an inquiry is answered with.
pub enum Answer<'c> {
    /// The one service it asks about.
    Service(&'c Charter, Category, &'c Service),
    /// Nothing clear: every service of the charters, and how to ask about one.
    List(&'c [Charter]),
}

/// The automatic reply to an inquiry: `Re:` its subject, threaded to it, marked
/// `Auto-Submitted: auto-replied`.
pub fn inquiry_reply(
    answer: &Answer,
    thread: &Thread,
    from: &Mailbox,
    to: &Mailbox,
    lang: Lang,
) -> Result<Outgoing, Error> {
    let labels = if lang == Lang::En { &EN } else { &BN };
    let (sections, office) = match answer {
        Answer::Service(charter, category, service) => (
            sections(charter, *category, service, labels, lang),
            office_lines(charter, lang),
        ),
        Answer::List(charters) => {
            let office = charters
                .first()
                .map(|c| office_lines(c, lang))
                .unwrap_or_default();
            (list_sections(charters, labels, lang), office)
        }
    };
    let subject = match thread.subject.trim() {
        "" => format!("Re: {}", labels.subject),
        s if s.to_ascii_lowercase().starts_with("re:") => s.to_string(),
        s => format!("Re: {s}"),
    };
    check_header_value("the inquiry's subject", &subject)?;
    let greeting = if matches!(answer, Answer::List(_)) {
        labels.list_greeting
    } else {
        labels.greeting
    };
    let body = Body {
        greeting,
        sections: &sections,
        office: &office,
        closing: labels.closing,
    };
    build(from, to, subject, &body, lang, Some(thread), None)
}

/// The parts of a message body.
struct Body<'a> {
    greeting: &'a str,
    sections: &'a [Section],
    office: &'a [String],
    closing: &'a str,
}

/// `Auto-Submitted: auto-replied` (RFC 3834): tells other responders not to answer.
#[derive(Debug, Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-replied".to_string())
    }
}

fn build(
    from: &Mailbox,
    to: &Mailbox,
    subject: String,
    body: &Body,
    lang: Lang,
    thread: Option<&Thread>,
    attachment: Option<&PdfAttachment>,
) -> Result<Outgoing, Error> {
    // The envelope is given, not derived from the headers: lettre cannot derive it for valid
    // addresses such as `"john doe"@example.com` or `a@[127.0.0.1]`.
    let envelope =
        Envelope::new(Some(from.email.clone()), vec![to.email.clone()]).map_err(|e| {
            Error::InvalidAddress {
                what: "the message".into(),
                value: to.to_string(),
                reason: e.to_string(),
            }
        })?;
    let mut builder = lettre::Message::builder()
        .envelope(envelope)
        .from(from.clone())
        .to(to.clone())
        .subject(subject.clone())
        .message_id(Some(message_id(from)))
        .date_now();
    if let Some(thread) = thread {
        builder = builder.header(AutoSubmitted);
        if let Some(id) = thread.message_id {
            check_header_value("the inquiry's Message-ID", id)?;
            let id = format!("<{}>", id.trim_matches(['<', '>']));
            let mut references: Vec<String> = thread
                .references
                .iter()
                .filter(|r| !r.contains(['\r', '\n']))
                .map(|r| format!("<{}>", r.trim_matches(['<', '>'])))
                .collect();
            references.push(id.clone());
            builder = builder.in_reply_to(id).references(references.join(" "));
        }
    }
    let plain = plain_body(body);
    let html = html_body(body, lang, &subject);
    let alternative = MultiPart::alternative_plain_html(plain, html);
    let content = match attachment {
        Some(file) => {
            let pdf = lettre::message::header::ContentType::parse("application/pdf")
                .expect("a valid content type");
            let part = lettre::message::Attachment::new(file.filename.clone())
                .body(file.bytes.clone(), pdf);
            MultiPart::mixed().multipart(alternative).singlepart(part)
        }
        None => alternative,
    };
    let message = builder
        .multipart(content)
        .map_err(|e| Error::InvalidAddress {
            what: "the message".into(),
            value: to.to_string(),
            reason: e.to_string(),
        })?;
    Ok(Outgoing {
        envelope: message.envelope().clone(),
        bytes: super::headers::refold(&message.formatted(), from, to, &subject),
    })
}

/// Every service of the charters with its fee and time limit, and how to ask about one.
fn list_sections(charters: &[Charter], labels: &Labels, lang: Lang) -> Vec<Section> {
    let l = lang.code();
    let mut out = Vec::new();
    for charter in charters {
        let lines = charter
            .services
            .iter()
            .enumerate()
            .map(|(i, (_, s))| {
                let text = format!(
                    "{} — {}: {}; {}: {}",
                    s.name.get(l),
                    labels.fee,
                    s.fee.get(l),
                    labels.time_limit,
                    s.time_limit.get(l)
                );
                numbered(lang, i + 1, &text)
            })
            .collect();
        let label = if charters.len() > 1 {
            labels.services_of
        } else {
            labels.services
        };
        let mut lines: Vec<String> = lines;
        if charters.len() > 1 {
            lines.insert(0, charter.office.name.get(l).to_string());
        }
        out.push(Section { label, lines });
        let mut contact = Vec::new();
        contact.extend(
            charter
                .office
                .phone
                .iter()
                .map(|p| format!("{}: {p}", labels.phone)),
        );
        contact.extend(
            charter
                .office
                .email
                .iter()
                .map(|e| format!("{}: {e}", labels.email)),
        );
        contact.extend(
            charter
                .office
                .website
                .iter()
                .map(|w| format!("{}: {w}", labels.website)),
        );
        if contact.is_empty()
            && let Some(officer) = charter.officers.values().next()
        {
            contact = officer_cell(Some(officer), lang);
        }
        out.push(Section {
            label: labels.contact,
            lines: contact,
        });
    }
    out.push(Section {
        label: labels.how_to_ask,
        lines: vec![labels.how_to_ask_text.to_string()],
    });
    out
}

/// A Message-ID on the sender's domain, unique without a central counter: the time in
/// nanoseconds and a per-process random number.
pub fn message_id(from: &Mailbox) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("<{nanos:x}.{random:x}.charter@{}>", from.email.domain())
}

fn office_lines(charter: &Charter, lang: Lang) -> Vec<String> {
    let office = &charter.office;
    let mut lines = vec![office.name.get(lang.code()).to_string()];
    lines.extend(office.unit.iter().map(|u| u.get(lang.code()).to_string()));
    lines
}

fn sections(
    charter: &Charter,
    category: Category,
    service: &Service,
    labels: &Labels,
    lang: Lang,
) -> Vec<Section> {
    let l = lang.code();
    let list = |items: Vec<String>| -> Vec<String> {
        if items.len() == 1 {
            return items;
        }
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| numbered(lang, i + 1, &item))
            .collect()
    };
    let documents = service
        .documents
        .iter()
        .map(|d| match d {
            crate::charter::Document::Sourced {
                name,
                source: Some(source),
            } => {
                format!("{} ({}: {})", name.get(l), labels.source, source.get(l))
            }
            other => other.name().get(l).to_string(),
        })
        .collect();
    let mut out = vec![
        Section {
            label: labels.service,
            lines: vec![format!(
                "{} ({})",
                service.name.get(l),
                category_heading(category, lang)
            )],
        },
        Section {
            label: labels.methods,
            lines: list(
                service
                    .methods
                    .iter()
                    .map(|m| m.get(l).to_string())
                    .collect(),
            ),
        },
        Section {
            label: labels.documents,
            lines: list(documents),
        },
        Section {
            label: labels.fee,
            lines: vec![service.fee.get(l).to_string()],
        },
        Section {
            label: labels.time_limit,
            lines: vec![service.time_limit.get(l).to_string()],
        },
        Section {
            label: labels.officer,
            lines: officer_cell(charter.officers.get(&service.officer), lang),
        },
    ];
    if let Some(website) = &charter.office.website {
        out.push(Section {
            label: labels.website,
            lines: vec![website.clone()],
        });
    }
    let steps: Vec<String> = charter
        .grievance
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let whom = officer_cell(charter.officers.get(&step.officer), lang).join(", ");
            let when = step.when.get(l);
            let time = step.time_limit.get(l);
            numbered(
                lang,
                i + 1,
                &format!("{when}: {whom} ({}: {time})", labels.step_time),
            )
        })
        .collect();
    let grievance = if steps.is_empty() {
        vec![labels.no_grievance.to_string()]
    } else {
        std::iter::once(labels.grievance_intro.to_string())
            .chain(steps)
            .collect()
    };
    out.push(Section {
        label: labels.grievance,
        lines: grievance,
    });
    out
}

/// A numbered line as the charter numbers them: `১। …` in Bengali, `1. …` in English.
fn numbered(lang: Lang, n: usize, text: &str) -> String {
    match lang {
        Lang::Bn => format!("{}। {text}", crate::bangla::bengali_number(n, 1)),
        Lang::En => format!("{n}. {text}"),
    }
}

fn plain_body(body: &Body) -> String {
    let mut out = format!("{}\n\n", body.greeting);
    for section in body.sections {
        out.push_str(section.label);
        out.push_str(":\n");
        for line in &section.lines {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(body.closing);
    out.push('\n');
    for line in body.office {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn html_body(body: &Body, lang: Lang, title: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n<p>{}</p>\n<table style=\"border-collapse: collapse\">\n",
        lang.code(),
        escape(title),
        escape(body.greeting)
    );
    for section in body.sections {
        let lines: Vec<String> = section.lines.iter().map(|l| escape(l)).collect();
        out.push_str(&format!(
            "<tr><th scope=\"row\" style=\"text-align: left; vertical-align: top; padding: 4px 8px; border: 1px solid #999\">{}</th><td style=\"padding: 4px 8px; border: 1px solid #999\">{}</td></tr>\n",
            escape(section.label),
            lines.join("<br>")
        ));
    }
    let office: Vec<String> = body.office.iter().map(|l| escape(l)).collect();
    out.push_str(&format!(
        "</table>\n<p>{}<br>{}</p>\n</body>\n</html>\n",
        escape(body.closing),
        office.join("<br>")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The display name and address `value` parses to.
    fn parsed(value: &str) -> (Option<String>, String) {
        let mailbox = parse_mailbox("--from", value).unwrap_or_else(|e| panic!("{value}: {e}"));
        (mailbox.name, mailbox.email.to_string())
    }

    #[test]
    fn addresses_as_rfc_5322_writes_them() {
        let clerk = "clerk@example.org".to_string();
        let named = |name: &str| (Some(name.to_string()), clerk.clone());
        assert_eq!(parsed("clerk@example.org"), (None, clerk.clone()));
        assert_eq!(parsed("<clerk@example.org>"), (None, clerk.clone()));
        assert_eq!(
            parsed("Kawkhali ICT <clerk@example.org>"),
            named("Kawkhali ICT")
        );
        assert_eq!(
            parsed("Kawkhali ICT (clerk) <clerk@example.org>"),
            named("Kawkhali ICT")
        );
        assert_eq!(
            parsed("Kawkhali ICT <clerk@example.org> (office (main))"),
            named("Kawkhali ICT")
        );
        assert_eq!(
            parsed("clerk@example.org (Kawkhali ICT)"),
            named("Kawkhali ICT")
        );
        assert_eq!(
            parsed("clerk@example.org (Kawkhali \"ICT\")"),
            named("Kawkhali \"ICT\"")
        );
        assert_eq!(
            parsed("\"Kawkhali, ICT\" <clerk@example.org>"),
            named("Kawkhali, ICT")
        );
        assert_eq!(
            parsed("\"Kawkhali (ICT)\" <clerk@example.org>"),
            named("Kawkhali (ICT)")
        );
        assert_eq!(
            parsed("কাউখালী আইসিটি (কেরানি) <clerk@example.org>"),
            named("কাউখালী আইসিটি")
        );
        assert_eq!(
            parsed("clerk@example.org (কাউখালী আইসিটি)"),
            named("কাউখালী আইসিটি")
        );
    }

    #[test]
    fn what_is_not_an_address_is_still_refused() {
        for value in [
            "",
            "clerk",
            "clerk@example.org (open",
            "Name <clerk@example.org",
            "a@b.bd, c@d.bd",
            "(only a comment)",
        ] {
            let error = parse_mailbox("--from", value).expect_err(value);
            assert!(
                matches!(error, Error::InvalidAddress { .. }),
                "{value}: {error:?}"
            );
        }
        assert!(matches!(
            parse_mailbox("--from", "a@b.bd\r\nBcc: x@y.bd"),
            Err(Error::HeaderInjection { .. })
        ));
    }
}
