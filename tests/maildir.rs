//! `charter reply --maildir` as an office's first week meets it: mail a client has already
//! opened, robots and people mixed, senders of every valid (and invalid) form, follow-ups in a
//! thread, a server that refuses, 500 inquiries at once; against a real SMTP server on
//! 127.0.0.1.

mod common;

use common::raw::{Behaviour, start_raw};
use common::workspace::{
    Workspace, answers, counts, finish, inquiry, names, plain, stderr, terminate, within,
};
use common::{Certificates, start};
use std::collections::BTreeMap;
use std::fs;
use std::process::Stdio;
use std::time::Duration;

const E_FILING: (&str, &str) = ("ই-ফাইলিং", "ই-ফাইলিং কার্যক্রম কীভাবে করা যায়?");
const WEB_PORTAL: (&str, &str) = ("ওয়েব পোর্টাল", "ওয়েব পোর্টাল হালনাগাদ করতে চাই।");

#[test]
fn mail_a_client_already_opened_is_still_answered() {
    let server = start(250, None);
    let ws = Workspace::new();
    let dir = ws.many(0, |_| Vec::new());
    // Moved new/ → cur/ by an IMAP SELECT or a client's rule, with no flags: still unread.
    fs::write(
        dir.join("cur/1.opened:2,"),
        inquiry(1, E_FILING.0, E_FILING.1),
    )
    .unwrap();
    fs::write(
        dir.join("cur/2.flagged:2,F"),
        inquiry(2, E_FILING.0, E_FILING.1),
    )
    .unwrap();
    fs::write(
        dir.join("cur/3.read:2,S"),
        inquiry(3, E_FILING.0, E_FILING.1),
    )
    .unwrap();
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&dir.join("cur")),
        ["1.opened:2,RS", "2.flagged:2,FRS", "3.read:2,S"],
        "unread ones answered, flags kept; a read one is staff's"
    );
    let mailbox = server.mailbox.lock().unwrap();
    let answered: Vec<_> = mailbox.messages.iter().map(|m| answers(&m.data)).collect();
    assert_eq!(answered, [Some(1), Some(2)]);
}

#[test]
fn files_whose_names_start_with_a_dot_are_not_mail() {
    let server = start(250, None);
    let ws = Workspace::new();
    let dir = ws.maildir(&[
        (".nfs0000000001", inquiry(1, E_FILING.0, E_FILING.1)),
        (
            ".1700000000.being-written",
            inquiry(2, E_FILING.0, E_FILING.1),
        ),
        ("3.real", inquiry(3, E_FILING.0, E_FILING.1)),
    ]);
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&dir.join("new")),
        [".1700000000.being-written", ".nfs0000000001"],
        "left where they are"
    );
    assert_eq!(names(&dir.join("cur")), ["3.real:2,RS"]);
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 1);
}

#[test]
fn a_refused_reply_leaves_its_inquiry_unread_and_unanswered() {
    let server = start(554, None);
    let ws = Workspace::new();
    let dir = ws.maildir(&[("1.q", inquiry(1, E_FILING.0, E_FILING.1))]);
    let out = ws.maildir_run(&format!("{}&timeout=3", plain(server.port)), &[]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(names(&dir.join("new")), ["1.q"], "no R, no S: staff see it");
    assert_eq!(ws.kept("refused").len(), 1, "the reply is kept");
    assert!(stderr(&out).contains("1 refused"), "{}", stderr(&out));

    // A rerun composes no second reply; the refused one can be sent again once fixed.
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("its reply was refused by the server and is kept in"),
        "{}",
        stderr(&out)
    );
    let good = start(250, None);
    let out = ws.outbox(&["requeue"], &plain(good.port));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!((ws.kept("").len(), ws.kept("refused").len()), (1, 0));
    let out = ws.outbox(&["send"], &plain(good.port));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir.join("cur")), ["1.q:2,RS"]);
    assert_eq!(good.mailbox.lock().unwrap().messages.len(), 1);
}

#[test]
fn a_persons_skipped_mail_stays_unread_and_is_listed() {
    let server = start(250, None);
    let ws = Workspace::new();
    let mut messages: Vec<(String, Vec<u8>)> = (0..3)
        .map(|i| {
            let text = String::from_utf8(inquiry(i, E_FILING.0, E_FILING.1))
                .unwrap()
                .replace(&format!("citizen{i}@"), "same.citizen@");
            (format!("{i}.cap"), text.into_bytes())
        })
        .collect();
    messages.push((
        "9.robot".into(),
        String::from_utf8(inquiry(9, E_FILING.0, E_FILING.1))
            .unwrap()
            .replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:")
            .into_bytes(),
    ));
    let dir = ws.maildir(&messages);
    let out = ws.maildir_run(&plain(server.port), &["--max-per-sender", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&dir.join("new")),
        ["2.cap"],
        "over the cap: left unread"
    );
    assert_eq!(
        names(&dir.join("cur")),
        ["0.cap:2,RS", "1.cap:2,RS", "9.robot:2,S"]
    );
    let err = stderr(&out);
    assert!(
        err.contains("1 robot mail filed, 0 handled before, 1 left for staff"),
        "{err}"
    );
    assert!(
        err.contains(
            "left for staff: 2.cap: same.citizen@example.com already got 2 automatic replies today"
        ),
        "{err}"
    );
}

#[test]
fn one_bad_message_does_not_stop_the_queue() {
    // A server that takes any address syntax (the embedded one refuses a quoted local part).
    let server = start_raw(Behaviour::Accept);
    let ws = Workspace::new();
    let with_from = |n: usize, from: &str| {
        String::from_utf8(inquiry(n, E_FILING.0, E_FILING.1))
            .unwrap()
            .replace(&format!("<citizen{n}@example.com>"), &format!("<{from}>"))
            .into_bytes()
    };
    let folded_id = String::from_utf8(inquiry(6, E_FILING.0, E_FILING.1))
        .unwrap()
        .replace(
            "Message-ID: <q6@example.com>",
            "Message-ID:\r\n <q6@example.com>",
        )
        .into_bytes();
    let mut garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    garbage.extend_from_slice(b"\r\n\r\n\x00\xff");
    let dir = ws.maildir(&[
        ("01.quoted", with_from(1, "\"john doe\"@example.com")),
        ("02.literal", with_from(2, "a@[127.0.0.1]")),
        ("03.dot", with_from(3, "office@example.gov.bd.")),
        ("04.broken", with_from(4, "a@@b..c")),
        ("05.garbage", garbage),
        ("06.folded", folded_id),
        ("08.last", inquiry(8, E_FILING.0, E_FILING.1)),
    ]);
    std::os::unix::fs::symlink(dir.join("no-such-file"), dir.join("new/07.unreadable")).unwrap();
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        names(&dir.join("cur")),
        [
            "01.quoted:2,RS",
            "02.literal:2,RS",
            "03.dot:2,RS",
            "06.folded:2,RS",
            "08.last:2,RS"
        ],
        "{err}"
    );
    assert_eq!(
        names(&dir.join("new")),
        ["04.broken", "05.garbage", "07.unreadable"],
        "left for staff: {err}"
    );
    assert!(err.contains("3 left for staff"), "{err}");
    let commands = server.commands.lock().unwrap();
    let rcpt: Vec<&str> = commands
        .iter()
        .filter(|c| c.starts_with("RCPT"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        rcpt,
        [
            "RCPT TO:<\"john doe\"@example.com>",
            "RCPT TO:<a@[127.0.0.1]>",
            "RCPT TO:<office@example.gov.bd>",
            "RCPT TO:<citizen6@example.com>",
            "RCPT TO:<citizen8@example.com>"
        ]
    );
    let messages = server.messages.lock().unwrap();
    let folded = String::from_utf8_lossy(&messages[3]);
    assert!(
        folded.contains("In-Reply-To: <q6@example.com>\r\n"),
        "{folded}"
    );
}

#[test]
fn a_follow_up_is_matched_on_its_new_words() {
    let server = start(250, None);
    let ws = Workspace::new();
    ws.maildir(&[("1.first", inquiry(1, E_FILING.0, E_FILING.1))]);
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first_reply = server.mailbox.lock().unwrap().messages[0].data.clone();
    let parsed = mail_parser::MessageParser::default()
        .parse(&first_reply)
        .unwrap();
    let our_id = parsed.message_id().unwrap().to_string();
    let our_subject = parsed.subject().unwrap().to_string();
    let our_text = parsed.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(our_text.contains("ই-ফাইলিং কার্যক্রম বাস্তবায়ন করা"));
    let quoted: String = our_text.lines().map(|l| format!("> {l}\n")).collect();

    // The citizen answers in the thread with a new question, quoting our reply.
    let follow_up = |n: usize, question: &str| {
        let body = format!(
            "{question}\n\n২ সেপ্টেম্বর, ২০২৪ ১০:১৫ AM এ কাউখালী আইসিটি <kawkhalidoict@gmail.com> লিখেছেন:\n{quoted}"
        );
        String::from_utf8(inquiry(n, &format!("Re: {our_subject}"), &body))
            .unwrap()
            .replace(
                "MIME-Version",
                &format!("In-Reply-To: <{our_id}>\r\nReferences: <q1@example.com> <{our_id}>\r\nMIME-Version"),
            )
            .into_bytes()
    };
    let dir = ws.path("Maildir");
    fs::write(dir.join("new/2.portal"), follow_up(2, WEB_PORTAL.1)).unwrap();
    fs::write(
        dir.join("new/3.thanks"),
        follow_up(3, "ধন্যবাদ, তবে আমার আরেকটি প্রশ্ন আছে।"),
    )
    .unwrap();
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 answered with a service, 1 with the list of services"),
        "{}",
        stderr(&out)
    );
    let mailbox = server.mailbox.lock().unwrap();
    let text = |i: usize| {
        mail_parser::MessageParser::default()
            .parse(&mailbox.messages[i].data)
            .unwrap()
            .body_text(0)
            .unwrap()
            .replace("\r\n", "\n")
    };
    assert!(
        text(1).contains("সেবার নাম:\n  ওয়েব-পোর্টাল সংক্রান্ত"),
        "the new question's service:\n{}",
        text(1)
    );
    assert!(
        text(2).contains("বিষয় (Subject) লাইনে সেই সেবার নাম লিখে"),
        "nothing new matched: the list\n{}",
        text(2)
    );
}

#[test]
fn a_windows_1251_subject_ending_in_a_line_break_is_answered() {
    let server = start(250, None);
    let ws = Workspace::new();
    let message = String::from_utf8(inquiry(1, E_FILING.0, E_FILING.1))
        .unwrap()
        .replace(
            "Subject: =?utf-8?b?4KaHLeCmq+CmvuCmh+CmsuCmv+Cmgg==?=",
            "Subject: =?windows-1251?B?wOv04OLo8go=?=",
        );
    assert!(message.contains("windows-1251"));
    let dir = ws.maildir(&[("1.q", message.into_bytes())]);
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir.join("cur")), ["1.q:2,RS"]);
    let mailbox = server.mailbox.lock().unwrap();
    let reply = mail_parser::MessageParser::default()
        .parse(&mailbox.messages[0].data)
        .unwrap();
    assert_eq!(reply.subject(), Some("Re: Алфавит"));
}

#[cfg(unix)]
#[test]
fn files_that_hold_citizens_addresses_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.maildir(&[("1.q", inquiry(1, E_FILING.0, E_FILING.1))]);
    let down = format!(
        "smtp://127.0.0.1:{}?tls=none&timeout=2",
        common::dead_port()
    );
    let out = ws.maildir_run(&down, &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ws.path("state/replied.json")), 0o600);
    let kept = ws.path("outbox").join(&ws.kept("")[0]);
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(mode(&ws.path("outbox")), 0o700);
    assert_eq!(mode(&ws.path("state")), 0o700, "the state's new folder too");
}

#[cfg(unix)]
#[test]
fn a_state_file_others_could_read_is_made_private_and_a_readable_password_file_warned_of() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.maildir(&[("1.q", inquiry(1, E_FILING.0, E_FILING.1))]);
    // A state file made by hand, readable by all, reached through a link.
    fs::create_dir(ws.path("state")).unwrap();
    fs::write(ws.path("elsewhere.json"), "").unwrap();
    fs::set_permissions(ws.path("elsewhere.json"), fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(ws.path("elsewhere.json"), ws.path("state/replied.json")).unwrap();
    let password = ws.path("password");
    fs::write(&password, "hunter2\n").unwrap();
    fs::set_permissions(&password, fs::Permissions::from_mode(0o644)).unwrap();
    let server = start(250, None);
    let out = ws
        .command(&plain(server.port))
        .arg("--maildir")
        .arg(ws.path("Maildir"))
        .arg("--password-file")
        .arg(&password)
        .output()
        .unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ws.path("elsewhere.json")), 0o600, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "charter: warning: {}: other users can read this password file (mode 0644); `chmod 600` it",
            password.display()
        )),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("hunter2"));
}

/// 500 inquiries: each answered exactly once, every one flagged.
#[test]
fn five_hundred_inquiries_are_each_answered_once() {
    let server = start(250, None);
    let ws = Workspace::new();
    let dir = ws.many(500, |i| {
        let (subject, body) = if i % 2 == 0 { E_FILING } else { WEB_PORTAL };
        inquiry(i, subject, body)
    });
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(names(&dir.join("new")).is_empty());
    let cur = names(&dir.join("cur"));
    assert_eq!(cur.len(), 500);
    assert!(cur.iter().all(|n| n.ends_with(":2,RS")));
    let counts = count_answers(&server.mailbox.lock().unwrap().messages);
    assert_eq!(counts.len(), 500);
    assert!(counts.values().all(|&c| c == 1));
}

/// 500 inquiries and a wrong password: nothing marked, 500 replies waiting, a set-up error;
/// then with the right password `outbox send` delivers them all and completes the marking.
#[test]
fn five_hundred_replies_wait_out_a_wrong_password() {
    let certs = Certificates::new();
    let server = start(250, Some(&certs));
    let url = format!(
        "smtp://office@127.0.0.1:{}?ca={}",
        server.port,
        certs.path("ca.pem")
    );
    let ws = Workspace::new();
    let dir = ws.many(500, |i| inquiry(i, E_FILING.0, E_FILING.1));
    let out = ws
        .command(&url)
        .arg("--maildir")
        .arg(&dir)
        .env("CHARTER_SMTP_PASSWORD", "wrong")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("refused the login of user office"), "{err}");
    assert!(err.contains("check the password"), "{err}");
    assert!(err.contains("500 waiting in the outbox"), "{err}");
    assert_eq!(names(&dir.join("new")).len(), 500, "nothing marked");
    assert!(names(&dir.join("cur")).is_empty());
    assert_eq!(ws.kept("").len(), 500);
    assert_eq!(
        server.mailbox.lock().unwrap().logins.len(),
        1,
        "one failed login, not one per inquiry"
    );

    // `outbox list` shows them waiting; a rerun composes no second reply.
    let list = ws.outbox(&["list"], &url);
    assert!(
        String::from_utf8_lossy(&list.stdout).ends_with(&format!(
            "500 waiting, 0 in doubt, 0 refused in {}\n",
            ws.path("outbox").display()
        )),
        "{}",
        String::from_utf8_lossy(&list.stdout)
    );

    let mut send = assert_cmd::Command::cargo_bin("charter").unwrap();
    let out = send
        .args(["outbox", "send", "--smtp", &url, "--outbox"])
        .arg(ws.path("outbox"))
        .env("CHARTER_SMTP_PASSWORD", "s3cret pass")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("500 sent"), "{}", stderr(&out));
    assert!(names(&dir.join("new")).is_empty());
    assert!(names(&dir.join("cur")).iter().all(|n| n.ends_with(":2,RS")));
    let counts = count_answers(&server.mailbox.lock().unwrap().messages);
    assert_eq!(counts.len(), 500);
    assert!(counts.values().all(|&c| c == 1));

    // Put back as unread, none is answered again: the state completed the record.
    for name in names(&dir.join("cur")) {
        let base = name.split(':').next().unwrap().to_string();
        fs::rename(dir.join("cur").join(&name), dir.join("new").join(base)).unwrap();
    }
    let out = ws
        .command(&url)
        .arg("--maildir")
        .arg(&dir)
        .env("CHARTER_SMTP_PASSWORD", "s3cret pass")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("500 handled before"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.mailbox.lock().unwrap().messages.len(), 500);
}

/// How many replies each inquiry got, by its In-Reply-To.
fn count_answers(messages: &[common::Received]) -> BTreeMap<usize, usize> {
    let mut counts = BTreeMap::new();
    for m in messages {
        *counts
            .entry(answers(&m.data).expect("a reply to an inquiry"))
            .or_insert(0) += 1;
    }
    counts
}

/// `--maildir DIR --watch` left running, its stderr piped.
fn watching(ws: &Workspace, port: u16, extra: &[&str]) -> std::process::Child {
    ws.process(&plain(port))
        .arg("--maildir")
        .arg(ws.path("Maildir"))
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Delivers a message as an MTA does: written in tmp/, then renamed into new/.
fn deliver(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join("tmp").join(name), bytes).unwrap();
    fs::rename(dir.join("tmp").join(name), dir.join("new").join(name)).unwrap();
}

#[test]
fn watch_answers_mail_as_it_arrives_and_stops_on_sigterm() {
    let server = start(250, None);
    let ws = Workspace::new();
    let dir = ws.maildir(&[("1.first", inquiry(1, E_FILING.0, E_FILING.1))]);
    let child = watching(&ws, server.port, &["--watch"]);
    assert!(within(Duration::from_secs(10), || counts(&server).len() == 1).is_some());
    for n in 2..=4 {
        std::thread::sleep(Duration::from_millis(200));
        deliver(
            &dir,
            &format!("{n}.next"),
            &inquiry(n, WEB_PORTAL.0, WEB_PORTAL.1),
        );
        assert!(
            within(Duration::from_secs(2), || counts(&server).len() == n).is_some(),
            "inquiry {n} answered within 2 s"
        );
    }
    std::thread::sleep(Duration::from_millis(300));
    terminate(&child);
    let (code, err) = finish(child);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("stopped on request"), "{err}");
    assert_eq!(
        counts(&server),
        BTreeMap::from([(1, 1), (2, 1), (3, 1), (4, 1)])
    );
    let logged: Vec<&str> = err.lines().filter(|l| l.contains("citizen")).collect();
    assert_eq!(logged.len(), 4, "one line per inquiry: {err}");
    assert!(
        logged[1].contains("2.next citizen2@example.com: answered with `web-portal`"),
        "{}",
        logged[1]
    );
    assert!(names(&dir.join("cur")).iter().all(|n| n.ends_with(":2,RS")));
}

#[test]
fn sigterm_mid_batch_stops_after_the_reply_in_flight_and_a_rerun_answers_the_rest() {
    let server = start(250, None);
    let ws = Workspace::new();
    let n = 400;
    let dir = ws.many(n, |i| inquiry(i, E_FILING.0, E_FILING.1));
    let child = watching(&ws, server.port, &[]);
    assert!(within(Duration::from_secs(20), || counts(&server).len() >= 10).is_some());
    terminate(&child);
    let (code, err) = finish(child);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("stopped on request"), "{err}");
    let first = counts(&server).len();
    assert!(first < n, "stopped early: {first}");
    let marked = names(&dir.join("cur"))
        .iter()
        .filter(|n| n.ends_with(":2,RS"))
        .count();
    assert_eq!(marked, first, "every reply sent is recorded in its flag");
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let counts = counts(&server);
    assert_eq!(counts.len(), n);
    assert!(counts.values().all(|&c| c == 1), "none twice");
}

#[test]
fn a_dry_run_prints_and_flags_nothing_not_even_robot_mail() {
    let server = start(250, None);
    let ws = Workspace::new();
    let robot = String::from_utf8(inquiry(9, "Out of office", "away"))
        .unwrap()
        .replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:");
    let dir = ws.maildir(&[
        ("1.q", inquiry(1, E_FILING.0, E_FILING.1)),
        ("9.robot", robot.into_bytes()),
    ]);
    let out = ws.maildir_run(&plain(server.port), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("In-Reply-To: <q1@example.com>"));
    assert_eq!(names(&dir.join("new")), ["1.q", "9.robot"]);
    assert!(names(&dir.join("cur")).is_empty());
    assert!(server.received().is_empty());
}
