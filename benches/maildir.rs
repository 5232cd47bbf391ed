//! A Maildir of 1,000 inquiries answered through one connection to a loopback SMTP server
//! (mailin-embedded, in this process), in messages per second, against a baseline measured in
//! the same run: `charter outbox send` delivering 1,000 already-composed replies, which is the
//! SMTP cost alone.
//!
//!     cargo bench --bench maildir

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const N: usize = 1000;
const CHARTER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charters/kawkhali-ict.toml");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inquiries");

fn main() {
    let work = tempfile::tempdir().unwrap();
    let maildir = work.path().join("Maildir");
    for sub in ["new", "cur", "tmp"] {
        fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    let templates: Vec<String> = [
        "bengali-qp.eml",
        "english-html.eml",
        "split-subject.eml",
        "vague.eml",
    ]
    .iter()
    .map(|f| fs::read_to_string(Path::new(FIXTURES).join(f)).unwrap())
    .collect();
    for i in 0..N {
        let t = &templates[i % templates.len()];
        // Each inquiry its own Message-ID and sender, so none is skipped as seen or capped.
        let message = t
            .replace("Message-ID: <", &format!("Message-ID: <{i}."))
            .replace("@example.com>", &format!("{i}@example.com>"))
            .replace("@example.org>", &format!("{i}@example.org>"));
        fs::write(maildir.join("new").join(format!("{i:05}.inquiry")), message).unwrap();
    }
    let server = common::start(250, None);
    let smtp = format!("smtp://127.0.0.1:{}?tls=none", server.port);
    let charter = env!("CARGO_BIN_EXE_charter");

    let start = Instant::now();
    let out = Command::new(charter)
        .args([
            "reply",
            "--charter",
            CHARTER,
            "--from",
            "office@example.gov.bd",
            "--smtp",
            &smtp,
        ])
        .arg("--maildir")
        .arg(&maildir)
        .arg("--state")
        .arg(work.path().join("state.json"))
        .arg("--outbox")
        .arg(work.path().join("outbox"))
        .output()
        .unwrap();
    let maildir_time = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (received, sessions) = {
        let mailbox = server.mailbox.lock().unwrap();
        (mailbox.messages.len(), mailbox.sessions)
    };
    assert_eq!(received, N, "every inquiry answered");

    // Baseline: the same number of composed replies, delivered by `outbox send`.
    let reply = server.mailbox.lock().unwrap().messages[0].data.clone();
    let outbox = work.path().join("baseline-outbox");
    fs::create_dir_all(&outbox).unwrap();
    for i in 0..N {
        fs::write(outbox.join(format!("{i:05}.eml")), &reply).unwrap();
    }
    let start = Instant::now();
    let out = Command::new(charter)
        .args(["outbox", "send", "--smtp", &smtp, "--outbox"])
        .arg(&outbox)
        .output()
        .unwrap();
    let baseline_time = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    println!("{sessions} SMTP session(s) for reply --maildir");
    common::print_rates(
        N,
        "messages",
        &[
            ("reply --maildir", maildir_time, ""),
            (
                "outbox send",
                baseline_time,
                "(baseline: SMTP delivery alone)",
            ),
        ],
    );
}
