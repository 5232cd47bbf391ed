//! `charter reply --imap` against a real Dovecot on 127.0.0.1 (TLS from a CA made here) and a
//! real SMTP server: which messages are inquiries, the flags set afterwards (read back over
//! IMAP), the reply kept in the `\Sent` folder, nothing answered twice; the set-up mistakes a
//! person must fix; `--watch` with IDLE, a server restart and SIGTERM.

mod common;

use common::dovecot::{self, Dovecot};
use common::workspace::{Workspace, counts, finish, inquiry, plain, stderr, terminate, within};
use common::{Certificates, TestServer};
use std::collections::BTreeMap;
use std::process::{Child, Stdio};
use std::time::Duration;

/// `charter reply --imap URL` with the workspace and the IMAP password in the environment.
fn imap_run(ws: &Workspace, smtp: &TestServer, url: &str, extra: &[&str]) -> std::process::Output {
    ws.command(&plain(smtp.port))
        .args(["--imap", url])
        .args(extra)
        .env("CHARTER_IMAP_PASSWORD", dovecot::PASSWORD)
        .output()
        .unwrap()
}

/// The same, left running (for --watch and SIGTERM), its stderr piped.
fn imap_spawn(ws: &Workspace, smtp: &TestServer, url: &str, extra: &[&str]) -> Child {
    ws.process(&plain(smtp.port))
        .args(["--imap", url])
        .args(extra)
        .env("CHARTER_IMAP_PASSWORD", dovecot::PASSWORD)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// What each test starts with: a CA, Dovecot, an SMTP server and a workspace; `None` (the
/// test skips, saying why) without Dovecot.
fn setup() -> Option<(Certificates, Dovecot, TestServer, Workspace)> {
    let certs = Certificates::new();
    let server = Dovecot::start(&certs)?;
    Some((certs, server, common::start(250, None), Workspace::new()))
}

fn robot(n: usize) -> Vec<u8> {
    String::from_utf8(inquiry(n, "Out of office", "I am away"))
        .unwrap()
        .replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:")
        .into_bytes()
}

#[test]
fn inquiries_are_answered_flagged_and_kept_in_sent_once() {
    let Some((certs, server, smtp, ws)) = setup() else {
        return;
    };
    let mut imap = server.client();
    let asked = imap.append(
        "INBOX",
        "",
        &inquiry(1, "ই-ফাইলিং", "ই-ফাইলিং বাস্তবায়নে সহায়তা চাই"),
    );
    let read_by_staff = imap.append("INBOX", "\\Seen", &inquiry(2, "ওয়েব পোর্টাল", "ওয়েব-পোর্টাল"));
    let answered_by_hand = imap.append(
        "INBOX",
        "\\Answered",
        &inquiry(3, "ল্যাব", "শেখ রাসেল ডিজিটাল ল্যাব"),
    );
    let robot_mail = imap.append("INBOX", "", &robot(4));
    let vague = imap.append(
        "INBOX",
        "",
        &inquiry(5, "প্রশ্ন", "আপনাদের সেবা সম্পর্কে জানতে চাই"),
    );

    let out = imap_run(&ws, &smtp, &server.url(&certs), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}\n{}", server.log());
    assert!(
        err.contains("charter: imap: 1 answered with a service, 1 with the list of services"),
        "{err}"
    );
    assert!(err.contains("1 robot mail filed"), "{err}");
    assert_eq!(counts(&smtp), BTreeMap::from([(1, 1), (5, 1)]));

    let flags = imap.flags("INBOX");
    assert_eq!(flags[&asked], "\\Answered \\Seen");
    assert_eq!(flags[&vague], "\\Answered \\Seen");
    assert_eq!(flags[&read_by_staff], "\\Seen", "not touched");
    assert_eq!(flags[&answered_by_hand], "\\Answered", "not touched");
    assert_eq!(flags[&robot_mail], "\\Seen", "robot mail filed as seen");

    let sent = imap.messages("Sent");
    assert_eq!(sent.len(), 2, "both replies kept in the \\Sent folder");
    let delivered = smtp.received();
    for kept in &sent {
        assert!(kept.flags.contains("\\Seen"));
        let id = message_id(&kept.body);
        assert!(
            delivered.iter().any(|d| message_id(d) == id),
            "the kept reply {id} is the one sent"
        );
    }

    // A second run finds nothing to answer.
    let out = imap_run(&ws, &smtp, &server.url(&certs), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 answered with a service, 0 with the list of services"),
        "{}",
        stderr(&out)
    );
    assert_eq!(smtp.mailbox.lock().unwrap().messages.len(), 2);
    assert_eq!(imap.messages("Sent").len(), 2);
}

fn message_id(message: &[u8]) -> String {
    String::from_utf8_lossy(message)
        .lines()
        .find_map(|l| l.strip_prefix("Message-ID: ").map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn an_inquiry_in_the_state_is_not_answered_again_when_its_flag_was_lost() {
    let Some((certs, server, smtp, ws)) = setup() else {
        return;
    };
    let mut imap = server.client();
    let uid = imap.append("INBOX", "", &inquiry(1, "ই-ফাইলিং", "ই-ফাইলিং"));
    assert_eq!(
        imap_run(&ws, &smtp, &server.url(&certs), &[]).status.code(),
        Some(0)
    );
    // Staff (or a client) clear the flags: the state still knows it was answered.
    imap.run_store(uid, "-FLAGS (\\Answered \\Seen)");
    let out = imap_run(&ws, &smtp, &server.url(&certs), &[]);
    assert!(
        stderr(&out).contains("1 handled before"),
        "{}",
        stderr(&out)
    );
    assert_eq!(smtp.mailbox.lock().unwrap().messages.len(), 1);
    assert_eq!(imap.flags("INBOX")[&uid], "\\Answered \\Seen");
}

#[test]
fn starttls_works_and_setup_mistakes_say_what_to_fix() {
    let Some((certs, server, smtp, ws)) = setup() else {
        return;
    };
    server
        .client()
        .append("INBOX", "", &inquiry(1, "ই-ফাইলিং", "ই-ফাইলিং"));
    let starttls = format!(
        "imap://office@127.0.0.1:{}/INBOX?ca={}",
        server.imap,
        certs.path("ca.pem")
    );

    // An untrusted certificate: the set-up is wrong (exit 5), and the message says what to do.
    let untrusted = format!("imaps://office@127.0.0.1:{}/INBOX", server.imaps);
    let out = imap_run(&ws, &smtp, &untrusted, &[]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("?ca="), "{}", stderr(&out));

    // A wrong password: exit 5, the server's words, no secret shown.
    let out = ws
        .command(&plain(smtp.port))
        .args(["--imap", &starttls])
        .env("CHARTER_IMAP_PASSWORD", "wrong horse")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refused the login of office: [AUTHENTICATIONFAILED]"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("wrong horse"));

    // No password anywhere: a usage error naming where it comes from.
    let out = ws
        .command(&plain(smtp.port))
        .args(["--imap", &starttls])
        .env_remove("CHARTER_IMAP_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("CHARTER_IMAP_PASSWORD"),
        "{}",
        stderr(&out)
    );

    // A password in the URL is refused and not repeated.
    let out = imap_run(
        &ws,
        &smtp,
        &format!("imap://office:hunter2@127.0.0.1:{}/INBOX", server.imap),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));

    // No such mailbox: exit 5.
    let missing = starttls.replace("/INBOX", "/Inquiries");
    let out = imap_run(&ws, &smtp, &missing, &[]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no mailbox `Inquiries`"),
        "{}",
        stderr(&out)
    );

    // Nothing was answered by the failed runs; STARTTLS with the CA answers it.
    assert!(smtp.mailbox.lock().unwrap().messages.is_empty());
    let out = imap_run(&ws, &smtp, &starttls, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(counts(&smtp), BTreeMap::from([(1, 1)]));
}

#[test]
fn a_server_that_cannot_be_reached_is_passing_trouble() {
    let ws = Workspace::new();
    let smtp = common::start(250, None);
    let url = format!("imaps://office@127.0.0.1:{}/INBOX", common::dead_port());
    let out = imap_run(&ws, &smtp, &url, &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot connect"), "{}", stderr(&out));
}

#[test]
fn watch_answers_new_mail_at_once_survives_a_restart_and_stops_on_sigterm() {
    let Some((certs, mut server, smtp, ws)) = setup() else {
        return;
    };
    server
        .client()
        .append("INBOX", "", &inquiry(1, "ই-ফাইলিং", "ই-ফাইলিং"));
    let child = imap_spawn(&ws, &smtp, &server.url(&certs), &["--watch"]);
    assert!(
        within(Duration::from_secs(10), || counts(&smtp).len() == 1).is_some(),
        "what waited is answered first"
    );

    // New mail while it watches: answered within 2 s (IDLE).
    std::thread::sleep(Duration::from_millis(300));
    let mut imap = server.client();
    imap.append("INBOX", "", &inquiry(2, "ওয়েব পোর্টাল", "ওয়েব-পোর্টাল"));
    let took = within(Duration::from_secs(2), || counts(&smtp).len() == 2);
    assert!(took.is_some(), "answered within 2 s");
    // Its reply kept and its flags set, the run is between inquiries: restart the server.
    assert!(
        within(Duration::from_secs(5), || {
            imap.messages("Sent").len() == 2
                && imap
                    .flags("INBOX")
                    .values()
                    .all(|f| f == "\\Answered \\Seen")
        })
        .is_some(),
        "both replies kept in Sent, both inquiries flagged"
    );

    // The server restarts: the watcher reconnects and answers the next one, once.
    server.restart();
    let mut imap = server.client();
    imap.append("INBOX", "", &inquiry(3, "ল্যাব", "শেখ রাসেল ডিজিটাল ল্যাব"));
    assert!(
        within(Duration::from_secs(15), || counts(&smtp).len() == 3).is_some(),
        "answered after the restart"
    );
    std::thread::sleep(Duration::from_millis(500));
    terminate(&child);
    let (code, err) = finish(child);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("stopped on request"), "{err}");
    assert!(err.contains("trying again in"), "the drop is logged: {err}");
    assert_eq!(counts(&smtp), BTreeMap::from([(1, 1), (2, 1), (3, 1)]));
    // One log line per inquiry: time, UID, sender, what became of it.
    let logged: Vec<&str> = err.lines().filter(|l| l.contains("citizen")).collect();
    assert_eq!(logged.len(), 3, "{err}");
    assert!(
        logged[0].starts_with("20")
            && logged[0].contains("UID 1 citizen1@example.com: answered with `e-filing`"),
        "{}",
        logged[0]
    );
    for flags in imap.flags("INBOX").values() {
        assert_eq!(flags, "\\Answered \\Seen");
    }
    assert_eq!(imap.messages("Sent").len(), 3);
}

#[test]
fn sigterm_mid_batch_stops_after_the_reply_in_flight_and_a_rerun_answers_the_rest() {
    let Some((certs, server, smtp, ws)) = setup() else {
        return;
    };
    let mut imap = server.client();
    let n = 150;
    for i in 0..n {
        imap.append("INBOX", "", &inquiry(i, "ই-ফাইলিং", "ই-ফাইলিং"));
    }
    let child = imap_spawn(&ws, &smtp, &server.url(&certs), &[]);
    assert!(within(Duration::from_secs(20), || counts(&smtp).len() >= 10).is_some());
    terminate(&child);
    let (code, err) = finish(child);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("stopped on request"), "{err}");
    let first = counts(&smtp).len();
    assert!(first < n, "stopped early: {first}");
    // Every reply sent so far is recorded: its inquiry is flagged.
    let answered = imap
        .flags("INBOX")
        .values()
        .filter(|f| f.contains("\\Answered"))
        .count();
    assert_eq!(answered, first);

    let out = imap_run(&ws, &smtp, &server.url(&certs), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let counts = counts(&smtp);
    assert_eq!(counts.len(), n);
    assert!(counts.values().all(|&c| c == 1), "none twice");
}

#[test]
fn a_dry_run_prints_the_replies_and_changes_nothing_on_the_server() {
    let Some((certs, server, smtp, ws)) = setup() else {
        return;
    };
    let mut imap = server.client();
    let asked = imap.append("INBOX", "", &inquiry(1, "ই-ফাইলিং", "ই-ফাইলিং"));
    let robot_mail = imap.append("INBOX", "", &robot(2));
    let out = imap_run(&ws, &smtp, &server.url(&certs), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("In-Reply-To: <q1@example.com>"));
    let flags = imap.flags("INBOX");
    assert_eq!(
        (flags[&asked].as_str(), flags[&robot_mail].as_str()),
        ("", "")
    );
    assert!(imap.messages("Sent").is_empty());
    assert!(smtp.received().is_empty());
}

#[test]
fn replies_that_wait_out_a_wrong_smtp_password_flag_their_inquiries_when_outbox_send_delivers() {
    let Some((certs, server, _, ws)) = setup() else {
        return;
    };
    let smtp = common::start(250, Some(&certs));
    let smtp_url = format!(
        "smtp://office@127.0.0.1:{}?ca={}",
        smtp.port,
        certs.path("ca.pem")
    );
    let mut imap = server.client();
    for i in 0..3 {
        imap.append("INBOX", "", &inquiry(i, "ই-ফাইলিং", "ই-ফাইলিং"));
    }
    let out = ws
        .command(&smtp_url)
        .args(["--imap", &server.url(&certs)])
        .env("CHARTER_IMAP_PASSWORD", dovecot::PASSWORD)
        .env("CHARTER_SMTP_PASSWORD", "wrong")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("3 waiting in the outbox"),
        "{}",
        stderr(&out)
    );
    assert!(
        imap.flags("INBOX").values().all(String::is_empty),
        "left unread"
    );

    let out = assert_cmd::Command::cargo_bin("charter")
        .unwrap()
        .args(["outbox", "send", "--smtp", &smtp_url, "--outbox"])
        .arg(ws.path("outbox"))
        .env("XDG_CONFIG_HOME", ws.path(""))
        .env("CHARTER_SMTP_PASSWORD", "s3cret pass")
        .env("CHARTER_IMAP_PASSWORD", dovecot::PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 sent"), "{}", stderr(&out));
    assert_eq!(counts(&smtp), BTreeMap::from([(0, 1), (1, 1), (2, 1)]));
    assert!(
        imap.flags("INBOX")
            .values()
            .all(|f| f == "\\Answered \\Seen"),
        "{:?}",
        imap.flags("INBOX")
    );
    assert_eq!(imap.messages("Sent").len(), 3);
}
