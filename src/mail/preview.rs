//! A message as a clerk proof-reads it (`--dry-run`): the headers decoded, then each text part
//! as text, and what is attached. `--dry-run=raw` prints the wire form instead.

use mail_parser::{MessageParser, MimeHeaders, PartType};

/// The message decoded for reading.
pub fn decoded(bytes: &[u8]) -> String {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return String::from_utf8_lossy(bytes).into_owned();
    };
    let mut out = String::new();
    let address = |list: Option<&mail_parser::Address>| {
        list.map(|a| {
            a.iter()
                .map(|addr| match (addr.name(), addr.address()) {
                    (Some(name), Some(email)) => format!("{name} <{email}>"),
                    (None, Some(email)) => email.to_string(),
                    (Some(name), None) => name.to_string(),
                    (None, None) => String::new(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let mut header = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            out.push_str(&format!("{name}: {value}\n"));
        }
    };
    header("From", address(message.from()));
    header("To", address(message.to()));
    header("Subject", message.subject().map(str::to_string));
    header("Date", message.date().map(|d| d.to_rfc822()));
    header(
        "Message-ID",
        message.message_id().map(|id| format!("<{id}>")),
    );
    header(
        "In-Reply-To",
        message.in_reply_to().as_text().map(|id| format!("<{id}>")),
    );
    header(
        "References",
        message.references().as_text_list().map(|ids| {
            ids.iter()
                .map(|id| format!("<{id}>"))
                .collect::<Vec<_>>()
                .join(" ")
        }),
    );
    header(
        "Auto-Submitted",
        message
            .header_raw("Auto-Submitted")
            .map(|v| v.trim().to_string()),
    );
    for part in &message.parts {
        let kind = part.content_type().map_or("text/plain".to_string(), |ct| {
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))
        });
        match &part.body {
            PartType::Text(text) | PartType::Html(text) => {
                out.push_str(&format!("\n--- {kind} ---\n{}", text.replace("\r\n", "\n")));
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) => {
                out.push_str(&format!(
                    "\n--- attached: {} ({kind}, {} bytes) ---\n",
                    part.attachment_name().unwrap_or("(no name)"),
                    bytes.len()
                ));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bengali_is_shown_as_text_not_base64() {
        let from: lettre::message::Mailbox = "কাউখালী আইসিটি <o@example.gov.bd>".parse().unwrap();
        let message = lettre::Message::builder()
            .from(from)
            .to("c@example.com".parse().unwrap())
            .subject("সেবার তথ্য: ই-ফাইলিং")
            .multipart(lettre::message::MultiPart::alternative_plain_html(
                "সেবার নাম: ই-ফাইলিং\n".to_string(),
                "<p>সেবার নাম</p>".to_string(),
            ))
            .unwrap();
        let text = decoded(&message.formatted());
        assert!(
            text.contains("From: কাউখালী আইসিটি <o@example.gov.bd>\n"),
            "{text}"
        );
        assert!(text.contains("Subject: সেবার তথ্য: ই-ফাইলিং\n"), "{text}");
        assert!(
            text.contains("--- text/plain ---\nসেবার নাম: ই-ফাইলিং\n"),
            "{text}"
        );
        assert!(text.contains("--- text/html ---\n<p>সেবার নাম</p>"), "{text}");
    }
}
