//! `charter reply` and `charter outbox` against a real SMTP server (mailin-embedded) that each
//! test starts on 127.0.0.1: plain, STARTTLS with AUTH PLAIN, a server that answers 4xx, one that
//! answers 5xx, one that is down. What reached the server is parsed back with mail-parser.

mod common;

use assert_cmd::Command;
use common::{Certificates, dead_port, start};
use mail_parser::{MessageParser, MimeHeaders};
use std::fs;
use std::path::{Path, PathBuf};

const KAWKHALI: &str = "charters/kawkhali-ict.toml";
const FROM: &str = "কাউখালী আইসিটি <kawkhalidoict@gmail.com>";

fn reply(outbox: &Path, smtp: &str, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("charter")
        .unwrap()
        .args([
            "reply",
            "--charter",
            KAWKHALI,
            "--service",
            "e-filing",
            "--to",
            "নাগরিক <citizen@example.com>",
        ])
        .args(["--from", FROM, "--smtp", smtp, "--outbox"])
        .arg(outbox)
        .args(extra)
        .env_remove("CHARTER_SMTP_PASSWORD")
        .env("XDG_CONFIG_HOME", outbox) // no config file of the machine's
        .output()
        .unwrap()
}

fn outbox_send(outbox: &Path, smtp: &str) -> std::process::Output {
    Command::cargo_bin("charter")
        .unwrap()
        .args(["outbox", "send", "--smtp", smtp, "--outbox"])
        .arg(outbox)
        .output()
        .unwrap()
}

fn eml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
}

/// A kept message as it will be sent: without the outbox's own `X-Charter:` link line.
fn kept_message(path: &Path) -> Vec<u8> {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"X-Charter: "),
        "the outbox links each reply"
    );
    let end = bytes.windows(2).position(|w| w == b"\r\n").unwrap();
    bytes[end + 2..].to_vec()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The received message, decoded: subject, the text of each part with its content type.
fn check_service_message(data: &[u8]) {
    let message = MessageParser::default()
        .parse(data)
        .expect("a parsable message");
    assert_eq!(
        message.subject(),
        Some("সেবার তথ্য: ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা")
    );
    let raw = String::from_utf8_lossy(data);
    let head = raw.split("\r\n\r\n").next().unwrap();
    for line in head.split("\r\n") {
        assert!(
            line.len() <= 78,
            "a header line of {} characters: {line}",
            line.len()
        );
    }
    for header in [
        "Message-ID: <",
        "Date: ",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative",
    ] {
        assert!(raw.contains(header), "{header} missing");
    }
    assert!(message.message_id().unwrap().ends_with("@gmail.com"));
    let text_parts: Vec<(String, String)> = message
        .parts
        .iter()
        .filter_map(|p| p.content_type())
        .filter(|ct| ct.ctype() == "text")
        .map(|ct| {
            (
                ct.subtype().unwrap_or("").to_string(),
                ct.attribute("charset").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        text_parts,
        [
            ("plain".into(), "utf-8".into()),
            ("html".into(), "utf-8".into())
        ]
    );
    let text = message.body_text(0).unwrap().replace("\r\n", "\n");
    for expected in [
        "সেবার নাম",
        "ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা",
        "১। সংশ্লিষ্ট দপ্তরের অধিযাচনের মাধ্যমে",
        "প্রয়োজনীয় তথ্য",
        "সেবা মূল্য এবং পরিশোধ পদ্ধতি:\n  বিনামূল্যে",
        "তাৎক্ষনিক/৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)",
        "মোঃ মেহেদী হাসান",
        "সহকারী প্রোগ্রামার",
        "মোবাইল: ০১৮২৫৭০৬১৩৮",
        "ই-মেইল: kawkhalidoict@gmail.com",
        "doict.kawkhali.pirojpur.gov.bd",
        "সেবা না পেলে",
    ] {
        assert!(
            text.contains(expected),
            "the plain text lacks {expected:?}:\n{text}"
        );
    }
    let html = message.body_html(0).unwrap();
    assert!(html.contains("<html lang=\"bn\">") && html.contains("বিনামূল্যে"));
}

#[test]
fn plain_smtp_on_loopback_delivers_the_service() {
    let server = start(250, None);
    let outbox = tempfile::tempdir().unwrap();
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none", server.port),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("warning"),
        "no plain-text warning on loopback"
    );
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(mailbox.messages.len(), 1);
    let received = &mailbox.messages[0];
    assert_eq!(received.from, "kawkhalidoict@gmail.com");
    assert_eq!(received.to, ["citizen@example.com"]);
    check_service_message(&received.data);
    assert!(eml_files(outbox.path()).is_empty());
}

#[test]
fn starttls_with_login_delivers_the_service() {
    let certs = Certificates::new();
    let server = start(250, Some(&certs));
    let outbox = tempfile::tempdir().unwrap();
    let password_file = outbox.path().join("password");
    fs::write(&password_file, "s3cret pass\n").unwrap();
    let url = format!(
        "smtp://office@127.0.0.1:{}?ca={}",
        server.port,
        certs.path("ca.pem")
    );
    let out = reply(
        outbox.path(),
        &url,
        &["--password-file", password_file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(
        mailbox.logins,
        [("office".to_string(), "s3cret pass".to_string())]
    );
    check_service_message(&mailbox.messages[0].data);
    assert!(
        !stderr(&out).contains("s3cret"),
        "the password is never printed"
    );
}

#[test]
fn the_password_may_come_from_the_environment() {
    let certs = Certificates::new();
    let server = start(250, Some(&certs));
    let outbox = tempfile::tempdir().unwrap();
    let url = format!(
        "smtp://office@127.0.0.1:{}?ca={}",
        server.port,
        certs.path("ca.pem")
    );
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args([
            "reply",
            "--charter",
            KAWKHALI,
            "--service",
            "web-portal",
            "--to",
            "citizen@example.com",
        ])
        .args(["--from", FROM, "--smtp", &url, "--outbox"])
        .arg(outbox.path())
        .env("CHARTER_SMTP_PASSWORD", "s3cret pass")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 1);
}

#[test]
fn smtp_without_starttls_on_offer_is_a_setup_error_and_keeps_the_message() {
    let server = start(250, None); // offers no STARTTLS
    let outbox = tempfile::tempdir().unwrap();
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}", server.port),
        &[],
    );
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("does not offer STARTTLS") && stderr(&out).contains("smtps://"),
        "says what to fix: {}",
        stderr(&out)
    );
    assert!(
        server.mailbox.lock().unwrap().messages.is_empty(),
        "nothing sent in plain text"
    );
    assert_eq!(eml_files(outbox.path()).len(), 1);
}

#[test]
fn a_4xx_answer_keeps_the_message_for_retry() {
    let server = start(451, None);
    let outbox = tempfile::tempdir().unwrap();
    // The test server leaves the QUIT after a refused DATA unanswered; a short timeout keeps
    // the wait short.
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none&timeout=2", server.port),
        &[],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("451") && err.contains("test server says no"),
        "{err}"
    );
    let kept = eml_files(outbox.path());
    assert_eq!(kept.len(), 1);
    assert!(
        err.contains(&kept[0].display().to_string()),
        "the error says where the message waits: {err}"
    );
    check_service_message(&kept_message(&kept[0]));
}

#[test]
fn a_5xx_answer_is_a_permanent_refusal_kept_apart() {
    let server = start(554, None);
    let outbox = tempfile::tempdir().unwrap();
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none&timeout=2", server.port),
        &[],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("554"));
    assert!(eml_files(outbox.path()).is_empty(), "not retried");
    assert_eq!(
        eml_files(&outbox.path().join("refused")).len(),
        1,
        "but not lost"
    );
}

#[test]
fn a_server_that_is_down_keeps_the_message_and_outbox_send_delivers_it_later() {
    let outbox = tempfile::tempdir().unwrap();
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none&timeout=5", dead_port()),
        &[],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let kept = eml_files(outbox.path());
    assert_eq!(kept.len(), 1);
    let kept_bytes = kept_message(&kept[0]);

    // A second message waits too; then the server comes back.
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none&timeout=5", dead_port()),
        &[],
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(eml_files(outbox.path()).len(), 2);

    let server = start(250, None);
    let out = outbox_send(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none", server.port),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 sent, 0 still waiting, 0 refused"));
    assert!(
        eml_files(outbox.path()).is_empty(),
        "sent messages are removed"
    );
    let mailbox = server.mailbox.lock().unwrap();
    assert_eq!(mailbox.messages.len(), 2);
    let trim = |b: &[u8]| String::from_utf8_lossy(b).trim_end().to_string();
    assert_eq!(
        trim(&mailbox.messages[0].data),
        trim(&kept_bytes),
        "the very message that was kept"
    );
    assert_eq!(mailbox.messages[0].to, ["citizen@example.com"]);
}

#[test]
fn outbox_send_keeps_what_the_server_will_not_take() {
    let outbox = tempfile::tempdir().unwrap();
    let out = reply(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none", dead_port()),
        &[],
    );
    assert_eq!(out.status.code(), Some(3));
    let busy = start(421, None);
    let out = outbox_send(
        outbox.path(),
        &format!("smtp://127.0.0.1:{}?tls=none&timeout=2", busy.port),
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(eml_files(outbox.path()).len(), 1, "still waiting");
}

#[test]
fn header_injection_is_refused_before_anything_is_sent() {
    let server = start(250, None);
    let outbox = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["reply", "--charter", KAWKHALI, "--service", "e-filing"])
        .args([
            "--to",
            "citizen@example.com\r\nBcc: victim@example.com",
            "--from",
            FROM,
        ])
        .args([
            "--smtp",
            &format!("smtp://127.0.0.1:{}?tls=none", server.port),
            "--outbox",
        ])
        .arg(outbox.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "charter: error: --to contains a line break, which would let it add mail headers of its own; refused\n"
    );
    assert!(server.mailbox.lock().unwrap().messages.is_empty());
    assert!(eml_files(outbox.path()).is_empty());
}

#[test]
fn a_line_break_in_the_charter_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let charter = dir.path().join("c.toml");
    let text = fs::read_to_string(KAWKHALI).unwrap();
    fs::write(
        &charter,
        text.replace(
            "name = \"ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা\"",
            "name = \"ই-ফাইলিং\\r\\nBcc: x@example.com\"",
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["reply", "--charter"])
        .arg(&charter)
        .args([
            "--service",
            "e-filing",
            "--to",
            "citizen@example.com",
            "--from",
            FROM,
            "--dry-run",
        ])
        .output()
        .unwrap();
    // The charter is not valid: `validate` says so too, and nothing is composed.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("error[line-break]: services.institutional[0].name: `name` must be one line"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_addresses_and_urls_are_usage_errors() {
    let outbox = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args([
            "reply",
            "--charter",
            KAWKHALI,
            "--service",
            "e-filing",
            "--to",
            "not an address",
            "--from",
            FROM,
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--to: `not an address` is not an email address"));

    let out = reply(outbox.path(), "smtp://office:hunter2@127.0.0.1:25", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("CHARTER_SMTP_PASSWORD") && !stderr(&out).contains("hunter2"));

    let out = reply(outbox.path(), "smtp://office@127.0.0.1:25", &[]);
    assert_eq!(out.status.code(), Some(2), "a user and no password");
    assert!(eml_files(outbox.path()).is_empty());
}

/// `reply --service e-filing` with a dry-run flag.
fn dry_run(flag: &str) -> std::process::Output {
    Command::cargo_bin("charter")
        .unwrap()
        .args([
            "reply",
            "--charter",
            KAWKHALI,
            "--service",
            "e-filing",
            "--to",
            "নাগরিক <citizen@example.com>",
        ])
        .args(["--from", FROM, flag])
        .output()
        .unwrap()
}

#[test]
fn dry_run_prints_the_message_and_sends_nothing() {
    let out = dry_run("--dry-run=raw");
    assert_eq!(out.status.code(), Some(0));
    check_service_message(&out.stdout);
}

#[test]
fn dry_run_shows_the_bengali_for_proofreading() {
    let out = dry_run("--dry-run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("From: কাউখালী আইসিটি <kawkhalidoict@gmail.com>\nTo: নাগরিক <citizen@example.com>\nSubject: সেবার তথ্য: ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা\n"), "{text}");
    assert!(
        text.contains("\n--- text/plain ---\nআমাদের সিটিজেন চার্টার অনুযায়ী সেবার তথ্য নিচে দেওয়া হলো।\n"),
        "{text}"
    );
    assert!(!text.contains("আপনার জিজ্ঞাসার উত্তরে"), "nobody asked: {text}");
    assert!(
        text.contains("\n--- text/html ---\n<!DOCTYPE html>"),
        "{text}"
    );
    assert!(!text.contains("base64"), "{text}");
}

#[test]
fn settings_come_from_the_config_file_below_the_command_line() {
    let server = start(250, None);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let outbox = dir.path().join("outbox");
    fs::write(
        &config,
        format!(
            "from = \"Config Office <config@example.gov.bd>\"\nsmtp = \"smtp://127.0.0.1:{}?tls=none\"\noutbox = \"{}\"\n",
            server.port,
            outbox.display()
        ),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        Command::cargo_bin("charter")
            .unwrap()
            .args([
                "reply",
                "--charter",
                KAWKHALI,
                "--service",
                "e-filing",
                "--to",
                "citizen@example.com",
                "--config",
            ])
            .arg(&config)
            .args(extra)
            .env_remove("CHARTER_FROM")
            .env_remove("CHARTER_SMTP")
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(0));
    assert_eq!(
        run(&["--from", "cli@example.gov.bd"]).status.code(),
        Some(0)
    );
    let mailbox = server.mailbox.lock().unwrap();
    let senders: Vec<&str> = mailbox.messages.iter().map(|m| m.from.as_str()).collect();
    assert_eq!(senders, ["config@example.gov.bd", "cli@example.gov.bd"]);

    fs::write(&config, "form = \"typo@example.gov.bd\"\n").unwrap();
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("config.toml: unknown field `form`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn attach_pdf_sends_the_services_pdf_and_only_when_asked() {
    let server = start(250, None);
    let outbox = tempfile::tempdir().unwrap();
    let url = format!("smtp://127.0.0.1:{}?tls=none", server.port);
    let out = reply(outbox.path(), &url, &["--attach-pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = reply(outbox.path(), &url, &[]);
    assert_eq!(out.status.code(), Some(0));
    let mailbox = server.mailbox.lock().unwrap();
    let with = MessageParser::default()
        .parse(&mailbox.messages[0].data)
        .unwrap();
    let pdf = with.attachments().next().expect("a PDF attachment");
    assert_eq!(
        pdf.content_type()
            .map(|c| (c.ctype().to_string(), c.subtype().unwrap_or("").to_string())),
        Some(("application".into(), "pdf".into()))
    );
    assert_eq!(pdf.attachment_name(), Some("e-filing.pdf"));
    assert!(pdf.contents().starts_with(b"%PDF-"));
    assert!(
        with.body_text(0)
            .unwrap()
            .contains("ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা"),
        "the text parts are still there"
    );
    let without = MessageParser::default()
        .parse(&mailbox.messages[1].data)
        .unwrap();
    assert_eq!(
        without.attachments().count(),
        0,
        "large automatic content only when asked"
    );
}

#[test]
fn a_from_address_with_comments_reaches_the_server_as_its_name_and_address() {
    for (from, name) in [
        ("Kawkhali ICT (clerk) <clerk@example.org>", "Kawkhali ICT"),
        ("clerk@example.org (কাউখালী আইসিটি)", "কাউখালী আইসিটি"),
    ] {
        let server = start(250, None);
        let outbox = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("charter")
            .unwrap()
            .args(["reply", "--charter", KAWKHALI, "--service", "e-filing"])
            .args(["--to", "citizen@example.com", "--from", from, "--smtp"])
            .arg(format!("smtp://127.0.0.1:{}?tls=none", server.port))
            .arg("--outbox")
            .arg(outbox.path())
            .env_remove("CHARTER_SMTP_PASSWORD")
            .env("XDG_CONFIG_HOME", outbox.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{from}: {}", stderr(&out));
        let mailbox = server.mailbox.lock().unwrap();
        assert_eq!(mailbox.messages.len(), 1);
        let received = &mailbox.messages[0];
        assert_eq!(received.from, "clerk@example.org", "the envelope");
        let message = MessageParser::default().parse(&received.data).unwrap();
        let sender = message.from().and_then(|a| a.first()).unwrap();
        assert_eq!(sender.name(), Some(name), "{from}");
        assert_eq!(sender.address(), Some("clerk@example.org"), "{from}");
    }
}
