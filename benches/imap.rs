//! 500 inquiries in a real Dovecot on loopback (implicit TLS), answered by `reply --imap` through
//! a loopback SMTP server, in messages per second; the goal is more than 100/s. Baseline, in the
//! same run: the same 500 inquiries answered from a Maildir (`reply --maildir`), which is the
//! work without IMAP.
//!
//!     cargo bench --bench imap      (needs Debian's dovecot-imapd)

#[path = "../tests/common/mod.rs"]
mod common;

use common::dovecot::{self, Dovecot};
use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

const N: usize = 500;
const CHARTER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charters/kawkhali-ict.toml");

/// Inquiry `i`, one of four kinds: Bengali, English, Banglish, vague.
fn inquiry(i: usize) -> Vec<u8> {
    let (subject, body) = match i % 4 {
        0 => ("ই-ফাইলিং", "ই-ফাইলিং কার্যক্রম কীভাবে করা যায়?"),
        1 => (
            "web portal",
            "How can our office get help with the web portal?",
        ),
        2 => (
            "proshikkhon",
            "kormochari der jonno ict proshikkhon kobe hobe?",
        ),
        _ => ("প্রশ্ন", "আপনাদের সেবা সম্পর্কে জানতে চাই"),
    };
    common::workspace::inquiry(i, subject, body)
}

/// `charter reply` with its own state and outbox, and `mode`'s mailbox; how long it took.
fn run(work: &std::path::Path, smtp: &str, name: &str, mode: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args([
            "reply",
            "--charter",
            CHARTER,
            "--from",
            "office@example.gov.bd",
        ])
        .args(["--smtp", smtp])
        .arg("--state")
        .arg(work.join(format!("{name}-state.json")))
        .arg("--outbox")
        .arg(work.join(format!("{name}-outbox")))
        .args(mode)
        .env("CHARTER_IMAP_PASSWORD", dovecot::PASSWORD)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn main() {
    let certs = common::Certificates::new();
    let Some(server) = Dovecot::start(&certs) else {
        return;
    };
    let mut client = server.client();
    for i in 0..N {
        client.append("INBOX", "", &inquiry(i));
    }
    let work = tempfile::tempdir().unwrap();
    let maildir = work.path().join("Maildir");
    for sub in ["new", "cur", "tmp"] {
        fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    for i in 0..N {
        fs::write(maildir.join("new").join(format!("{i:05}.q")), inquiry(i)).unwrap();
    }
    let smtp_server = common::start(250, None);
    let smtp = format!("smtp://127.0.0.1:{}?tls=none", smtp_server.port);

    let imap_time = run(work.path(), &smtp, "imap", &["--imap", &server.url(&certs)]);
    let maildir_time = run(
        work.path(),
        &smtp,
        "maildir",
        &["--maildir", maildir.to_str().unwrap()],
    );
    assert_eq!(
        smtp_server.received().len(),
        2 * N,
        "every inquiry answered, twice over"
    );
    let answered = client
        .flags("INBOX")
        .values()
        .filter(|f| f.contains("\\Answered"))
        .count();
    assert_eq!(answered, N);
    assert_eq!(client.messages("Sent").len(), N);

    common::print_rates(
        N,
        "inquiries",
        &[
            ("reply --imap", imap_time, "(goal: more than 100/s)"),
            (
                "reply --maildir",
                maildir_time,
                "(baseline: the same work without IMAP)",
            ),
        ],
    );
}
