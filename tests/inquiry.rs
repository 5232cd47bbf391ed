//! `charter reply --inquiry` and `--maildir` against a real SMTP server on 127.0.0.1: inquiries
//! in Bengali quoted-printable, English HTML, a split encoded-word subject, an out-of-office
//! reply, a list message, a vague question, the same inquiry twice, and Maildirs.

mod common;

use assert_cmd::Command;
use common::workspace::{Workspace, fixture, names, plain, stderr};
use common::{dead_port, start};
use mail_parser::MessageParser;
use std::fs;
use std::path::Path;

use common::workspace::{INQUIRIES, KAWKHALI};

/// The decoded reply: headers and plain text.
struct Reply {
    to: String,
    subject: String,
    in_reply_to: String,
    references: String,
    auto_submitted: String,
    text: String,
}

fn decode(data: &[u8]) -> Reply {
    let message = MessageParser::default().parse(data).unwrap();
    let raw = |name: &str| message.header_raw(name).unwrap_or("").trim().to_string();
    Reply {
        to: message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or("")
            .to_string(),
        subject: message.subject().unwrap_or("").to_string(),
        in_reply_to: raw("In-Reply-To"),
        references: raw("References"),
        auto_submitted: raw("Auto-Submitted"),
        text: message.body_text(0).unwrap().replace("\r\n", "\n"),
    }
}

#[test]
fn a_bengali_quoted_printable_inquiry_gets_its_service_threaded_to_the_sender() {
    let server = start(250, None);
    let ws = Workspace::new();
    let path = Path::new(INQUIRIES).join("bengali-qp.eml");
    let out = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("answered with `sheikh-russel-digital-lab`"),
        "{}",
        stderr(&out)
    );
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(mailbox.messages.len(), 1);
    assert_eq!(
        mailbox.messages[0].to,
        ["rahim@example.com"],
        "From, not Reply-To"
    );
    let reply = decode(&mailbox.messages[0].data);
    assert_eq!(reply.to, "rahim@example.com");
    assert_eq!(reply.subject, "Re: ডিজিটাল ল্যাব সম্পর্কে জানতে চাই");
    assert_eq!(reply.in_reply_to, "<bn-qp-1@example.com>");
    assert_eq!(reply.references, "<bn-qp-1@example.com>");
    assert_eq!(reply.auto_submitted, "auto-replied");
    assert!(
        reply.text.contains("শেখ রাসেল ডিজিটাল ল্যাব সংক্রান্ত"),
        "{}",
        reply.text
    );
    assert!(
        reply.text.contains("সেবা মূল্য এবং পরিশোধ পদ্ধতি:\n  বিনামূল্যে"),
        "{}",
        reply.text
    );
    assert!(
        reply.text.contains("৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"),
        "{}",
        reply.text
    );
}

#[test]
fn an_english_html_inquiry_gets_an_english_reply_keeping_its_references() {
    let server = start(250, None);
    let ws = Workspace::new();
    let path = Path::new(INQUIRIES).join("english-html.eml");
    let out = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reply = decode(&server.mailbox.lock().unwrap().messages[0].data);
    assert_eq!(reply.subject, "Re: Question about the web portal");
    assert_eq!(
        reply.references,
        "<older-1@example.org> <en-html-1@example.org>"
    );
    assert!(
        reply
            .text
            .contains("Time limit:\n  তাৎক্ষনিক/৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"),
        "{}",
        reply.text
    );
    assert!(reply.text.contains("ওয়েব-পোর্টাল সংক্রান্ত"));
}

#[test]
fn an_inquiry_in_bengali_written_in_latin_letters_is_answered_in_bengali() {
    let server = start(250, None);
    let ws = Workspace::new();
    let path = Path::new(INQUIRIES).join("banglish.eml");
    let out = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("answered with `ict-training-officials`"),
        "{}",
        stderr(&out)
    );
    let reply = decode(&server.mailbox.lock().unwrap().messages[0].data);
    assert_eq!(reply.subject, "Re: proshikkhon");
    assert!(
        reply
            .text
            .starts_with("আপনার জিজ্ঞাসার উত্তরে আমাদের সিটিজেন চার্টার অনুযায়ী সেবার তথ্য"),
        "{}",
        reply.text
    );
    assert!(
        reply
            .text
            .contains("কর্মকর্তা/ কর্মচারীদের আইসিটি বিষয়ক প্রশিক্ষণ সংক্রান্ত"),
        "{}",
        reply.text
    );
}

#[test]
fn a_subject_split_inside_a_character_is_read_whole() {
    let server = start(250, None);
    let ws = Workspace::new();
    let out = ws.reply_with_stdin(
        &plain(server.port),
        &["--inquiry", "-"],
        &fixture("split-subject.eml"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reply = decode(&server.mailbox.lock().unwrap().messages[0].data);
    assert_eq!(
        reply.subject, "Re: ই-ফাইলিং বাস্তবায়ন",
        "no U+FFFD where the character was split"
    );
    assert!(reply.text.contains("ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা"));
}

#[test]
fn automatic_and_list_mail_is_skipped_with_a_reason() {
    let server = start(250, None);
    let ws = Workspace::new();
    for (file, reason) in [
        (
            "out-of-office.eml",
            "it is automatic mail (Auto-Submitted: auto-replied)",
        ),
        ("mailing-list.eml", "it came through a mailing list"),
    ] {
        let path = Path::new(INQUIRIES).join(file);
        let out = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            stderr(&out).contains(&format!("filed unanswered: {reason}")),
            "{}",
            stderr(&out)
        );
    }
    assert!(server.mailbox.lock().unwrap().messages.is_empty());
}

#[test]
fn a_vague_inquiry_gets_the_list_of_services_and_how_to_ask() {
    let server = start(250, None);
    let ws = Workspace::new();
    let path = Path::new(INQUIRIES).join("vague.eml");
    let out = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("answered with the list of services"));
    let reply = decode(&server.mailbox.lock().unwrap().messages[0].data);
    assert_eq!(reply.subject, "Re: একটি প্রশ্ন");
    let charter: serde_json::Value = serde_json::from_slice(
        &Command::cargo_bin("charter")
            .unwrap()
            .args(["render", KAWKHALI, "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for service in charter["services"].as_array().unwrap() {
        let line = format!(
            "{} — সেবা মূল্য এবং পরিশোধ পদ্ধতি: {}; সেবা প্রদানের সময়সীমা: {}",
            service["name"].as_str().unwrap(),
            service["fee"]["text"].as_str().unwrap(),
            service["time_limit"]["text"].as_str().unwrap()
        );
        assert!(reply.text.contains(&line), "missing {line}\n{}", reply.text);
    }
    assert!(reply.text.contains("বিষয় (Subject) লাইনে সেই সেবার নাম লিখে"));
    assert!(
        reply.text.contains("doict.kawkhali.pirojpur.gov.bd"),
        "the office's contact"
    );
}

#[test]
fn the_same_inquiry_is_answered_once() {
    let server = start(250, None);
    let ws = Workspace::new();
    let path = Path::new(INQUIRIES).join("english-html.eml");
    let first = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0));
    let second = ws.reply(&plain(server.port), &["--inquiry", path.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(0));
    assert!(
        stderr(&second).contains("answered before; marked answered"),
        "{}",
        stderr(&second)
    );
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 1);
}

#[test]
fn no_sender_gets_more_than_the_daily_cap() {
    let server = start(250, None);
    let ws = Workspace::new();
    let template = String::from_utf8(fixture("english-html.eml")).unwrap();
    let mut codes = Vec::new();
    for i in 0..4 {
        let message = template.replace(
            "<en-html-1@example.org>",
            &format!("<robot-{i}@example.org>"),
        );
        let out = ws.reply_with_stdin(
            &plain(server.port),
            &["--inquiry", "-", "--max-per-sender", "3"],
            message.as_bytes(),
        );
        codes.push(out.status.code());
        if i == 3 {
            assert!(
                stderr(&out).contains("karim@example.org already got 3 automatic replies today"),
                "{}",
                stderr(&out)
            );
        }
    }
    assert_eq!(codes, [Some(0); 4]);
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 3);
}

#[test]
fn a_maildir_is_answered_over_one_connection_and_flagged_by_the_rule() {
    let server = start(250, None);
    let ws = Workspace::new();
    let dir = ws.maildir(&[
        ("1.bn", fixture("bengali-qp.eml")),
        ("2.en", fixture("english-html.eml")),
        ("3.ooo", fixture("out-of-office.eml")),
        ("4.list", fixture("mailing-list.eml")),
        ("5.split", fixture("split-subject.eml")),
        ("6.vague", fixture("vague.eml")),
        ("7.again", fixture("english-html.eml")),
    ]);
    let out = ws.reply(&plain(server.port), &["--maildir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(names(&dir.join("new")).is_empty());
    assert_eq!(
        names(&dir.join("cur")),
        [
            "1.bn:2,RS",
            "2.en:2,RS",
            "3.ooo:2,S",
            "4.list:2,S",
            "5.split:2,RS",
            "6.vague:2,RS",
            "7.again:2,RS"
        ],
        "answered (and the second copy of an answered inquiry): RS; robot mail: S"
    );
    assert!(
        stderr(&out).contains("3 answered with a service, 1 with the list of services, 0 waiting in the outbox, 0 refused, 0 in doubt, 2 robot mail filed, 1 handled before, 0 left for staff"),
        "{}",
        stderr(&out)
    );
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(mailbox.messages.len(), 4);
    assert_eq!(
        mailbox.sessions, 1,
        "one SMTP connection for the whole batch"
    );
}

#[test]
fn a_maildir_whose_replies_cannot_be_sent_keeps_them_and_flags_nothing() {
    let ws = Workspace::new();
    let dir = ws.maildir(&[
        ("1.bn", fixture("bengali-qp.eml")),
        ("2.en", fixture("english-html.eml")),
    ]);
    let down = format!("smtp://127.0.0.1:{}?tls=none&timeout=3", dead_port());
    let out = ws.reply(&down, &["--maildir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        names(&dir.join("new")),
        ["1.bn", "2.en"],
        "not answered yet: nothing flagged"
    );
    let outbox = ws.path("outbox");
    let waiting = || {
        names(&outbox)
            .iter()
            .filter(|n| n.ends_with(".eml"))
            .count()
    };
    assert_eq!(waiting(), 2);

    // A rerun does not write a second reply: the first ones wait.
    let out = ws.reply(&down, &["--maildir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not answered again: its reply waits in"),
        "{}",
        stderr(&out)
    );
    assert_eq!(waiting(), 2);

    // Delivering them completes the record: the inquiries are flagged answered.
    let server = start(250, None);
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["outbox", "send", "--smtp", &plain(server.port), "--outbox"])
        .arg(&outbox)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(waiting(), 0);
    assert_eq!(names(&dir.join("cur")), ["1.bn:2,RS", "2.en:2,RS"]);
    {
        let mailbox = server.mailbox.lock().unwrap();
        let to: Vec<&str> = mailbox.messages.iter().map(|m| m.to[0].as_str()).collect();
        assert_eq!(to.len(), 2);
        assert!(to.contains(&"rahim@example.com") && to.contains(&"karim@example.org"));
        assert!(
            mailbox
                .messages
                .iter()
                .all(|m| !String::from_utf8_lossy(&m.data).contains("X-Charter")),
            "the outbox's own line is not sent"
        );
    }

    // And the state knows: put back as unread, they are not answered again.
    for name in ["1.bn", "2.en"] {
        fs::rename(
            dir.join("cur").join(format!("{name}:2,RS")),
            dir.join("new").join(name),
        )
        .unwrap();
    }
    let out = ws.reply(&plain(server.port), &["--maildir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 2);
    assert_eq!(names(&dir.join("cur")), ["1.bn:2,RS", "2.en:2,RS"]);
}

#[test]
fn a_line_break_in_an_encoded_subject_is_collapsed_and_answered() {
    let ws = Workspace::new();
    let message = b"From: a@example.com\r\nSubject: =?utf-8?q?e-filing=0D=0ABcc:_victim@example.com?=\r\nMessage-ID: <inj@example.com>\r\n\r\ne-filing\r\n";
    let server = start(250, None);
    let out = ws.reply_with_stdin(&plain(server.port), &["--inquiry", "-"], message);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(mailbox.messages.len(), 1);
    assert_eq!(
        mailbox.messages[0].to,
        ["a@example.com"],
        "no Bcc smuggled in"
    );
    let reply = decode(&mailbox.messages[0].data);
    assert_eq!(reply.subject, "Re: e-filing Bcc: victim@example.com");
    let raw = String::from_utf8_lossy(&mailbox.messages[0].data);
    assert!(!raw.contains("\r\nBcc:"), "{raw}");
}

#[test]
fn match_shows_the_ranking() {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["match", KAWKHALI, "ওয়েব-পোর্টাল হালনাগাদ করতে চাই"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].contains("web-portal"), "best first:\n{text}");
    assert_eq!(lines.len(), 11, "a heading, nine services and the verdict");
    assert_eq!(lines[10], "match: web-portal");
}
