//! Handing replies to an SMTP server when things go wrong: set-up mistakes (a wrong password,
//! no STARTTLS, an untrusted certificate, a bad `?ca=`, an EHLO name the server refuses), a
//! server that trickles, one that drops the client after accepting, one that never confirms,
//! runs killed at random, a state file that cannot grow, two `outbox send` at once. Each test
//! starts its own server on 127.0.0.1 and counts what it received.

mod common;

use common::raw::{Behaviour, start_raw};
use common::workspace::{Workspace, answers, inquiry, names, plain, stderr};
use common::{Certificates, Helo, Options, start, start_with};
use std::collections::BTreeMap;
use std::fs;
use std::time::{Duration, Instant};

const QUESTION: (&str, &str) = ("ই-ফাইলিং", "ই-ফাইলিং কার্যক্রম কীভাবে করা যায়?");

/// A workspace whose Maildir holds `n` inquiries.
fn with_inquiries(n: usize) -> Workspace {
    let ws = Workspace::new();
    let messages: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| (format!("{i:04}.q"), inquiry(i, QUESTION.0, QUESTION.1)))
        .collect();
    let borrowed: Vec<(&str, Vec<u8>)> = messages
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    ws.maildir(&borrowed);
    ws
}

/// How many replies each inquiry got.
fn counts(messages: &[Vec<u8>]) -> BTreeMap<usize, usize> {
    let mut counts = BTreeMap::new();
    for m in messages {
        *counts.entry(answers(m).expect("a reply")).or_insert(0) += 1;
    }
    counts
}

/// The inquiries whose replies are in doubt (in the outbox's `sending/`).
fn in_doubt(ws: &Workspace) -> Vec<usize> {
    ws.kept("sending")
        .iter()
        .map(|name| {
            answers(&fs::read(ws.path("outbox/sending").join(name)).unwrap()).expect("a reply")
        })
        .collect()
}

fn received(server: &common::TestServer) -> Vec<Vec<u8>> {
    server.received()
}

#[test]
fn a_wrong_password_marks_nothing_and_says_what_to_fix() {
    let certs = Certificates::new();
    let server = start(250, Some(&certs));
    let ws = with_inquiries(2);
    let url = format!(
        "smtp://office@127.0.0.1:{}?ca={}",
        server.port,
        certs.path("ca.pem")
    );
    let out = ws
        .command(&url)
        .arg("--maildir")
        .arg(ws.path("Maildir"))
        .env("CHARTER_SMTP_PASSWORD", "hunter2")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("535"), "the server's answer: {err}");
    assert!(err.contains("CHARTER_SMTP_PASSWORD"), "what to fix: {err}");
    assert!(!err.contains("hunter2"), "{err}");
    assert_eq!(names(&ws.path("Maildir/new")).len(), 2);
    assert_eq!(ws.kept("").len(), 2);
    assert!(ws.kept("refused").is_empty());
}

#[test]
fn an_untrusted_certificate_and_a_ca_file_that_is_not_pem_are_setup_errors() {
    let certs = Certificates::new();
    let server = start(250, Some(&certs));
    let ws = with_inquiries(1);
    // No ?ca=: the test CA is not among the roots.
    let out = ws.maildir_run(&format!("smtp://127.0.0.1:{}", server.port), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("certificate is not trusted"), "{err}");
    assert!(err.contains("?ca="), "what to fix: {err}");
    assert_eq!(ws.kept("").len(), 1);

    let not_pem = ws.path("ca.der");
    fs::write(&not_pem, b"\x30\x82\x01\x0a not a pem file").unwrap();
    let out = ws.maildir_run(
        &format!("smtp://127.0.0.1:{}?ca={}", server.port, not_pem.display()),
        &[],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("holds no PEM certificate"), "{err}");
    assert!(server.mailbox.lock().unwrap().messages.is_empty());
}

#[test]
fn the_ehlo_name_is_qualified_and_can_be_set() {
    let strict = start_with(Options {
        code: 250,
        tls: None,
        helo: Helo::Qualified,
    });
    let ws = with_inquiries(1);
    let out = ws.maildir_run(&plain(strict.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names_given = strict.mailbox.lock().unwrap().helo_names.clone();
    assert!(
        names_given
            .iter()
            .all(|n| n.contains('.') || n.starts_with('[')),
        "{names_given:?}"
    );

    let only = start_with(Options {
        code: 250,
        tls: None,
        helo: Helo::Only("mail.kawkhali.gov.bd".into()),
    });
    let ws = with_inquiries(1);
    let out = ws.maildir_run(&plain(only.port), &["--ehlo", "other.example.org"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("504") && err.contains("--ehlo"), "{err}");
    let out = ws
        .command(&plain(only.port))
        .arg("--maildir")
        .arg(ws.path("Maildir"))
        .env("CHARTER_EHLO", "mail.kawkhali.gov.bd")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        only.mailbox.lock().unwrap().messages.len(),
        0,
        "sent before: from the outbox"
    );
    let out = ws.outbox(
        &["send", "--ehlo", "mail.kawkhali.gov.bd"],
        &plain(only.port),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(only.mailbox.lock().unwrap().messages.len(), 1);
    assert_eq!(names(&ws.path("Maildir/cur")), ["0000.q:2,RS"]);

    let out = ws.maildir_run(&plain(only.port), &["--ehlo", "DESKTOP-AB12CD"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bare name is refused before any work"
    );
}

#[test]
fn the_timeout_bounds_the_whole_exchange() {
    let server = start_raw(Behaviour::Trickle);
    let ws = with_inquiries(1);
    let started = Instant::now();
    let out = ws.maildir_run(&format!("{}&timeout=3", plain(server.port)), &[]);
    let elapsed = started.elapsed();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("did not finish answering within 3 s"), "{err}");
    assert!(!err.contains("os error 11"), "{err}");
    // The greeting alone would take 20 s at a byte a second.
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");
    assert_eq!(ws.kept("").len(), 1);
}

#[test]
fn a_password_never_shows_in_an_error() {
    let ws = Workspace::new();
    ws.many(0, |_| Vec::new());
    let url = "smtp://user:hunter2@mail.example.gov.bd:99999";
    let by_flag = ws.maildir_run(url, &[]);
    let by_env = {
        let mut command = assert_cmd::Command::cargo_bin("charter").unwrap();
        command
            .args(["outbox", "send", "--outbox"])
            .arg(ws.path("outbox"))
            .env("CHARTER_SMTP", url)
            .env("XDG_CONFIG_HOME", ws.dir.path());
        fs::create_dir_all(ws.path("outbox")).unwrap();
        fs::write(ws.path("outbox/1.eml"), b"To: a@example.com\r\n\r\nx\r\n").unwrap();
        command.output().unwrap()
    };
    let config = ws.path("config.toml");
    fs::write(&config, format!("smtp = \"{url}\"\n")).unwrap();
    let by_config = assert_cmd::Command::cargo_bin("charter")
        .unwrap()
        .args(["outbox", "send", "--outbox"])
        .arg(ws.path("outbox"))
        .arg("--config")
        .arg(&config)
        .env_remove("CHARTER_SMTP")
        .output()
        .unwrap();
    for out in [by_flag, by_env, by_config] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("smtp://user:***@mail.example.gov.bd:99999"),
            "{err}"
        );
        assert!(!err.contains("hunter2"), "{err}");
    }
}

#[test]
fn a_server_that_drops_the_client_after_accepting_gets_each_reply_once() {
    let server = start_raw(Behaviour::DropAfterAccept);
    let ws = with_inquiries(3);
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let counts = counts(&server.messages.lock().unwrap());
    assert_eq!(counts, BTreeMap::from([(0, 1), (1, 1), (2, 1)]));
    assert_eq!(names(&ws.path("Maildir/cur")).len(), 3);
}

#[test]
fn a_reply_the_server_never_confirmed_is_in_doubt_until_a_person_decides() {
    let silent = start_raw(Behaviour::NeverConfirm);
    let ws = with_inquiries(1);
    let out = ws.maildir_run(&format!("{}&timeout=2", plain(silent.port)), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("in doubt"), "{err}");
    assert_eq!(ws.kept("sending").len(), 1);
    assert_eq!(
        names(&ws.path("Maildir/new")),
        ["0000.q"],
        "not marked answered"
    );

    // A rerun against a working server does not send it again on its own.
    let server = start(250, None);
    let out = ws.maildir_run(&plain(server.port), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("outbox send --in-doubt"), "{err}");
    let out = ws.outbox(&["send"], &plain(server.port));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(server.mailbox.lock().unwrap().messages.is_empty());
    let list = ws.outbox(&["list"], &plain(server.port));
    let listing = String::from_utf8_lossy(&list.stdout);
    assert!(listing.starts_with("in doubt\t"), "{listing}");
    assert!(listing.contains("citizen0@example.com"), "{listing}");

    // A person decides it did not arrive.
    let out = ws.outbox(&["send", "--in-doubt"], &plain(server.port));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(counts(&received(&server)), BTreeMap::from([(0, 1)]));
    assert_eq!(names(&ws.path("Maildir/cur")), ["0000.q:2,RS"]);
    assert!(ws.kept("sending").is_empty());
}

#[test]
fn two_outbox_sends_at_once_deliver_each_message_once() {
    let ws = with_inquiries(60);
    let down = format!(
        "smtp://127.0.0.1:{}?tls=none&timeout=2",
        common::dead_port()
    );
    let out = ws.maildir_run(&down, &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(ws.kept("").len(), 60);
    let server = start(250, None);
    let url = plain(server.port);
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
            .args(["outbox", "send", "--smtp", &url, "--outbox"])
            .arg(ws.path("outbox"))
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!((a.status.code(), b.status.code()), (Some(0), Some(0)));
    let counts = counts(&received(&server));
    assert_eq!(counts.len(), 60);
    assert!(counts.values().all(|&c| c == 1), "{counts:?}");
}

#[test]
fn temporary_files_of_a_killed_run_are_cleaned_up() {
    let server = start(250, None);
    let ws = with_inquiries(1);
    fs::create_dir_all(ws.path("state")).unwrap();
    fs::create_dir_all(ws.path("outbox/sending")).unwrap();
    let orphans = [
        "state/.replied.json.4242.0badf00d.tmp",
        "outbox/.01700000000000000000-0badf00d.eml.4242.12345678.tmp",
        "outbox/sending/.01700000000000000000-0badf00d.eml.4242.12345678.tmp",
    ];
    for orphan in orphans {
        fs::write(ws.path(orphan), "half").unwrap();
    }
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for orphan in orphans {
        assert!(!ws.path(orphan).exists(), "{orphan} left behind");
    }
}

/// A state file that cannot grow (the file size limit stands in for a full disk): the batch
/// stops with the I/O exit code before the next message is sent, and no rerun sends anything
/// twice.
#[cfg(unix)]
#[test]
fn a_state_that_cannot_be_written_stops_the_batch_and_nothing_is_sent_twice() {
    use std::os::unix::process::CommandExt;
    let server = start(250, None);
    const N: usize = 100;
    let ws = with_inquiries(N);
    // Above the size of one reply, below the state's after 100 answers.
    const LIMIT: u64 = 12 << 10;
    let mut command = ws.process(&plain(server.port));
    command.arg("--maildir").arg(ws.path("Maildir"));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: LIMIT,
                rlim_max: libc::RLIM_INFINITY,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = command.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("replied.json: cannot write"), "{err}");
    assert!(err.contains("stopped early"), "{err}");
    let first = counts(&received(&server));
    assert!(!first.is_empty() && first.len() < N, "{first:?}");

    // Room again: a rerun answers the rest, and nobody gets a second reply.
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert!(matches!(out.status.code(), Some(0 | 3)), "{}", stderr(&out));
    let all = counts(&received(&server));
    assert!(all.values().all(|&c| c == 1), "{all:?}");
    let in_doubt = in_doubt(&ws);
    let accounted: std::collections::BTreeSet<usize> =
        all.keys().chain(&in_doubt).copied().collect();
    assert_eq!(accounted.len(), N, "answered or in doubt: {all:?}");
    assert!(in_doubt.len() <= 1, "{in_doubt:?}");
}

/// SIGKILL at 20 random moments of a 200-message batch, rerunning each time: no inquiry gets
/// two replies, and at the end each one is answered or in doubt, at most one in doubt per kill.
#[cfg(unix)]
#[test]
fn runs_killed_at_random_never_answer_twice() {
    let server = start(250, None);
    let ws = with_inquiries(200);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill schedule seed: {seed}");
    let mut random = seed;
    let mut next = move || {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random
    };
    let mut kills = 0;
    for _ in 0..20 {
        let mut child = ws
            .process(&plain(server.port))
            .arg("--maildir")
            .arg(ws.path("Maildir"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(2_000 + next() % 40_000));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
    }
    let out = ws.maildir_run(&plain(server.port), &[]);
    assert!(matches!(out.status.code(), Some(0 | 3)), "{}", stderr(&out));
    let all = counts(&received(&server));
    assert!(all.values().all(|&c| c == 1), "seed {seed}: {all:?}");
    let in_doubt = in_doubt(&ws);
    let accounted: std::collections::BTreeSet<usize> =
        all.keys().chain(&in_doubt).copied().collect();
    assert_eq!(accounted.len(), 200, "seed {seed}: answered or in doubt");
    assert!(
        in_doubt.len() <= kills,
        "seed {seed}: {} in doubt after {kills} kills",
        in_doubt.len()
    );
    let unread = names(&ws.path("Maildir/new")).len()
        + names(&ws.path("Maildir/cur"))
            .iter()
            .filter(|n| !n.ends_with('S'))
            .count();
    assert_eq!(
        unread,
        in_doubt.len(),
        "seed {seed}: only in-doubt inquiries stay unread"
    );
    let in_doubt = in_doubt.len();
    eprintln!("{kills} kills, {in_doubt} in doubt, {} answered", all.len());
}
