//! A place for one test's state, outbox and Maildir, and `charter reply` run against them.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

/// The bundled charter.
pub const KAWKHALI: &str = "charters/kawkhali-ict.toml";
/// The office's address in the tests.
pub const FROM: &str = "কাউখালী আইসিটি <kawkhalidoict@gmail.com>";
/// Inquiries written by real mail programs.
pub const INQUIRIES: &str = "tests/fixtures/inquiries";

/// A temporary directory holding the state (`state/replied.json`), the outbox (`outbox/`) and
/// a Maildir (`Maildir/`) of one test.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `charter reply` with the workspace's state and outbox, no config file of the machine's.
    pub fn command(&self, smtp: &str) -> Command {
        Command::from_std(self.process(smtp))
    }

    /// [`Workspace::command`] as a plain process, to spawn, limit or kill.
    pub fn process(&self, smtp: &str) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_charter"));
        command
            .args([
                "reply",
                "--charter",
                KAWKHALI,
                "--from",
                FROM,
                "--smtp",
                smtp,
            ])
            .arg("--state")
            .arg(self.path("state/replied.json"))
            .arg("--outbox")
            .arg(self.path("outbox"))
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env_remove("CHARTER_SMTP_PASSWORD");
        command
    }

    pub fn reply(&self, smtp: &str, mode: &[&str]) -> std::process::Output {
        self.reply_with_stdin(smtp, mode, &[])
    }

    pub fn reply_with_stdin(
        &self,
        smtp: &str,
        mode: &[&str],
        stdin: &[u8],
    ) -> std::process::Output {
        self.command(smtp)
            .args(mode)
            .write_stdin(stdin.to_vec())
            .output()
            .unwrap()
    }

    /// `--maildir` on the workspace's Maildir, with more arguments.
    pub fn maildir_run(&self, smtp: &str, extra: &[&str]) -> std::process::Output {
        self.command(smtp)
            .arg("--maildir")
            .arg(self.path("Maildir"))
            .args(extra)
            .output()
            .unwrap()
    }

    /// `charter outbox SUBCOMMAND` on the workspace's outbox.
    pub fn outbox(&self, subcommand: &[&str], smtp: &str) -> std::process::Output {
        Command::cargo_bin("charter")
            .unwrap()
            .arg("outbox")
            .args(subcommand)
            // `outbox list` only reads the outbox: it takes no server.
            .args(if subcommand.first() == Some(&"list") {
                vec!["--outbox"]
            } else {
                vec!["--smtp", smtp, "--outbox"]
            })
            .arg(self.path("outbox"))
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .unwrap()
    }

    /// A Maildir whose new/ holds these messages.
    pub fn maildir<N: AsRef<str>>(&self, messages: &[(N, Vec<u8>)]) -> PathBuf {
        let dir = self.path("Maildir");
        for sub in ["new", "cur", "tmp"] {
            fs::create_dir_all(dir.join(sub)).unwrap();
        }
        for (name, bytes) in messages {
            fs::write(dir.join("new").join(name.as_ref()), bytes).unwrap();
        }
        dir
    }

    /// A Maildir whose new/ holds `n` inquiries, `0000.q` onwards, each made by `make`.
    pub fn many(&self, n: usize, make: impl Fn(usize) -> Vec<u8>) -> PathBuf {
        let messages: Vec<(String, Vec<u8>)> =
            (0..n).map(|i| (format!("{i:04}.q"), make(i))).collect();
        self.maildir(&messages)
    }

    /// The `.eml` files in the outbox's `place` ("" for waiting, "sending", "refused").
    pub fn kept(&self, place: &str) -> Vec<String> {
        let dir = self.path("outbox").join(place);
        if !dir.is_dir() {
            return Vec::new();
        }
        names(&dir)
            .into_iter()
            .filter(|n| n.ends_with(".eml"))
            .collect()
    }
}

/// A message of the fixtures.
pub fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new(INQUIRIES).join(name)).unwrap()
}

/// A plain-text SMTP URL for a test server.
pub fn plain(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}?tls=none")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names in a directory, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A citizen's inquiry number `n`: its own sender and Message-ID, Bengali subject and body.
pub fn inquiry(n: usize, subject: &str, body: &str) -> Vec<u8> {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    format!(
        "From: =?utf-8?b?{}?= <citizen{n}@example.com>\r\nTo: kawkhalidoict@gmail.com\r\nSubject: =?utf-8?b?{}?=\r\nMessage-ID: <q{n}@example.com>\r\nDate: Mon, 2 Sep 2024 10:00:00 +0600\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        b64("নাগরিক"),
        b64(subject),
        b64(body)
    )
    .into_bytes()
}

/// The inquiry number a reply answers, read from its In-Reply-To.
pub fn answers(reply: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(reply);
    let line = text
        .split("\r\n")
        .find(|l| l.to_ascii_lowercase().starts_with("in-reply-to:"))?;
    let id = line.split('<').nth(1)?;
    id.strip_prefix('q')?.split('@').next()?.parse().ok()
}

/// How many replies each inquiry number got from a test server.
pub fn counts(smtp: &super::TestServer) -> std::collections::BTreeMap<usize, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for m in &smtp.mailbox.lock().unwrap().messages {
        *counts.entry(answers(&m.data).unwrap()).or_default() += 1;
    }
    counts
}

/// Waits until `done` holds, at most `limit`; returns how long it took.
pub fn within(limit: Duration, mut done: impl FnMut() -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Sends SIGTERM, as systemd does to stop a service.
pub fn terminate(child: &Child) {
    std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
}

/// Waits for a process; its exit code and stderr.
pub fn finish(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stderr(&out))
}
