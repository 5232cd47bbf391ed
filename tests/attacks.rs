//! The third round of attacks (issue 21), each replayed as a user would meet it: the exit code,
//! the message and the bytes left on disk. Attacks on writing files are in `files.rs`; on mail,
//! in `delivery.rs` and `reply.rs`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KAWKHALI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charters/kawkhali-ict.toml");

fn charter() -> Command {
    Command::new(env!("CARGO_BIN_EXE_charter"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A copy of the bundled charter in a fresh directory.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.toml");
    fs::copy(KAWKHALI, &path).unwrap();
    (dir, path)
}

fn run(args: &[&str], file: &Path) -> Output {
    charter()
        .args(args)
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_key_of_thousands_of_parts_is_refused_in_one_line() {
    let (_dir, path) = copy();
    let before = fs::read(&path).unwrap();
    for parts in [7, 100, 8_000] {
        let key = vec!["a"; parts].join(".");
        let out = charter()
            .arg("set")
            .arg(&path)
            .args([&key, "x"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{parts}: {}", stderr(&out));
        assert_eq!(
            stderr(&out).trim(),
            format!(
                "charter: error: {}: KEY has {parts} parts; no key of the charter format has more than 6 (as in `services.ID.name.en`)",
                path.display()
            )
        );
        assert_eq!(fs::read(&path).unwrap(), before);
    }
    let _ = (stdout, run);
}

#[test]
fn of_six_inits_at_once_one_writes_and_five_are_told_the_file_exists() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        let children: Vec<_> = (0..6)
            .map(|_| {
                charter()
                    .arg("init")
                    .arg(&path)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let wrote = outs.iter().filter(|o| o.status.code() == Some(0)).count();
        assert_eq!(
            wrote,
            1,
            "{:?}",
            outs.iter().map(stderr).collect::<Vec<_>>()
        );
        for out in outs.iter().filter(|o| o.status.code() != Some(0)) {
            assert_eq!(out.status.code(), Some(2));
            assert!(
                stderr(out).contains("the file exists; init never overwrites"),
                "{}",
                stderr(out)
            );
        }
        let out = charter().arg("validate").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "x.toml and its schema only: {names:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_walk_stays_in_its_folder_whatever_links_it_holds() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::create_dir(outside.path().join("project")).unwrap();
    let theirs = outside.path().join("project").join("theirs.toml");
    fs::write(&theirs, "version = 1\n  title   =   \"x\"\n").unwrap();
    let (dir, _) = copy();
    symlink(
        outside.path().join("project"),
        dir.path().join("linked-dir"),
    )
    .unwrap();
    symlink(&theirs, dir.path().join("linked.toml")).unwrap();
    symlink("/proc", dir.path().join("proc")).unwrap();
    let out = run(&["validate", "--format", "json"], dir.path());
    let json = stdout(&out);
    assert!(json.contains("office.toml"), "{json}");
    assert!(
        !json.contains("theirs.toml") && !json.contains("linked"),
        "{json}"
    );
    assert!(!json.contains("/proc"), "{json}");
    let before = fs::read(&theirs).unwrap();
    let out = run(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read(&theirs).unwrap(),
        before,
        "a file outside is never rewritten"
    );
    // Named on the command line, a link is followed.
    let out = run(&["fmt", "--check"], &dir.path().join("linked.toml"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn an_endless_standard_input_is_refused_without_holding_the_lock() {
    let (_dir, path) = copy();
    let before = fs::read(&path).unwrap();
    let zero = fs::File::open("/dev/zero").unwrap();
    let out = charter()
        .arg("set")
        .arg(&path)
        .args(["--add-service", "citizen"])
        .stdin(zero)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        "charter: error: <stdin>: larger than 8 MiB, which no file of this kind needs to be; is this the right file?"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_toml_is_a_charter_with_errors_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "not toml [[[\n").unwrap();
    let latin = dir.path().join("latin1.toml");
    fs::write(&latin, b"version = 1\ntitle = \"\xe9\"\n").unwrap();
    for file in [&bad, &latin] {
        for args in [
            &["validate"][..],
            &["fmt", "--check"],
            &["render"],
            &["fix", "--check"],
            &["fix"],
            &["match", "--"],
        ] {
            let mut command = charter();
            command.args(args);
            if args[0] == "match" {
                command.arg(file).arg("নাগরিক সনদ");
            } else {
                command.arg(file);
            }
            let out = command.output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(1),
                "{args:?} {}: {}",
                file.display(),
                stderr(&out)
            );
        }
        let out = charter()
            .arg("set")
            .arg(file)
            .args(["vision", "x"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "set: {}", stderr(&out));
        assert!(
            stderr(&out).contains(":1:") || stderr(&out).contains(":2:"),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("not changed"), "{}", stderr(&out));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_is_a_failure() {
    for args in [&["--help"][..], &["--version"], &["validate", "--help"]] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = charter().args(args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out).trim(),
            "charter: error: <stdout>: cannot write: No space left on device (os error 28)"
        );
    }
    let out = charter().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("Validate, render and answer"));
}

#[test]
fn a_line_break_in_a_fee_is_an_error_as_in_every_one_line_field() {
    let (dir, path) = copy();
    let text = fs::read_to_string(&path).unwrap();
    for (fee, column) in [
        ("\"বিনামূল্যে\\nদ্বিতীয় লাইন\"", 7),
        ("{ bn = \"১০০ টাকা\\nনগদে\", en = \"Tk 100\" }", 14),
    ] {
        let edited = text.replacen("fee = \"বিনামূল্যে\"", &format!("fee = {fee}"), 1);
        let file = dir.path().join("fee.toml");
        fs::write(&file, edited).unwrap();
        let out = run(&["validate"], &file);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        let key = if column == 7 {
            "services.citizen[0].fee"
        } else {
            "services.citizen[0].fee.bn"
        };
        assert!(
            stdout(&out).contains(&format!(
                "fee.toml:30:{column}: error[line-break]: {key}: `fee` must be one line"
            )),
            "{}",
            stdout(&out)
        );
    }
}

/// The bundled charter with one method that once made the PDF layout library panic: a nukta
/// alone, a family emoji, enclosing circles on a vowel sign.
fn charter_the_layout_library_fails_on(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let start = text.find("methods = [").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    let hostile = "methods = [\"় 👩\u{200d}👩\u{200d}👧\u{200d}👦 858261028127 পদন স⃝⃝িা্া\"]";
    let path = dir.join("hostile.toml");
    fs::write(
        &path,
        format!("{}{hostile}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    path
}

#[test]
fn a_text_the_layout_library_panics_on_is_named_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = charter_the_layout_library_fails_on(dir.path());
    let pdf = dir.path().join("out.pdf");
    let out = charter()
        .args(["render", "-f", "pdf"])
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!(
            "charter: error: {}: cannot write the PDF: the text layout library (parley) failed on services.citizen[0].methods[0] (service `ict-office-info`): ",
            path.display()
        )),
        "{message}"
    );
    assert!(
        !message.contains("panicked") && !message.contains("RUST_BACKTRACE"),
        "{message}"
    );
    assert!(!pdf.exists(), "no half-made PDF");

    let outbox = tempfile::tempdir().unwrap();
    let out = charter()
        .args(["reply", "--charter"])
        .arg(&path)
        .args([
            "--service",
            "ict-office-info",
            "--to",
            "citizen@example.com",
        ])
        .args([
            "--from",
            "office@example.gov.bd",
            "--smtp",
            "smtp://127.0.0.1:9?tls=none",
        ])
        .args(["--attach-pdf", "--dry-run", "--outbox"])
        .arg(outbox.path())
        .env("XDG_CONFIG_HOME", outbox.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("failed on services.citizen[0].methods[0]"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn control_characters_in_values_never_reach_the_terminal_raw() {
    let (dir, path) = copy();
    let text = fs::read_to_string(&path).unwrap();
    // An escaped ESC ] 0 ; (set the terminal's title) and a CSI in values, and a raw ESC in a
    // file that is then not TOML.
    let edited = text
        .replacen(
            "fee = \"বিনামূল্যে\"",
            "fee = \"\\u001B]0;pwned\\u0007 \\u009B2J\"",
            1,
        )
        .replacen("vision = \"", "vision = \"\\u001B[8m", 1);
    fs::write(&path, &edited).unwrap();
    let raw = dir.path().join("raw.toml");
    fs::write(
        &raw,
        text.replacen("vision = \"", "vision = \"\u{1b}[2J", 1),
    )
    .unwrap();
    let runs: Vec<Output> = vec![
        run(&["render"], &path),
        run(&["render", "-f", "markdown"], &path),
        run(&["validate"], &path),
        run(&["validate"], &raw),
    ];
    for out in &runs {
        for bytes in [&out.stdout, &out.stderr] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "a raw control character: {}{}",
                stdout(out),
                stderr(out)
            );
            assert!(
                !String::from_utf8_lossy(bytes).contains('\u{9b}'),
                "a raw C1 control"
            );
        }
    }
    for shown in ["␛]0;pwned␇", "␦2J"] {
        assert!(stdout(&runs[0]).contains(shown), "{}", stdout(&runs[0]));
    }
    // Markdown escapes the bracket too.
    assert!(
        stdout(&runs[1]).contains("␛\\]0;pwned␇ ␦2J"),
        "{}",
        stdout(&runs[1])
    );
    assert!(
        stdout(&runs[2]).contains("␛]0;pwned␇"),
        "{}",
        stdout(&runs[2])
    );
    assert!(stdout(&runs[3]).contains("␛[2J"), "{}", stdout(&runs[3]));
}

/// `charter reply` for one service to a dead port, with no config of the machine's.
fn reply_to_nowhere(home: &Path, extra: &[&str]) -> Command {
    let mut command = charter();
    command
        .args(["reply", "--charter", KAWKHALI, "--service", "e-filing"])
        .args([
            "--to",
            "citizen@example.com",
            "--from",
            "office@example.gov.bd",
        ])
        .arg("--outbox")
        .arg(home.join("outbox"))
        .arg("--state")
        .arg(home.join("state/replied.json"))
        .args(extra)
        .env("XDG_CONFIG_HOME", home)
        .env_remove("CHARTER_SMTP_PASSWORD")
        .env_remove("CHARTER_SMTP")
        .stdin(Stdio::null());
    command
}

/// `charter reply --maildir` on an empty Maildir under `home`, with the state and outbox there.
fn maildir_reply(home: &Path, smtp: &str) -> Command {
    let maildir = home.join("Maildir");
    for sub in ["new", "cur", "tmp"] {
        fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    let mut c = charter();
    c.args([
        "reply",
        "--charter",
        KAWKHALI,
        "--from",
        "office@example.gov.bd",
    ])
    .args(["--smtp", smtp, "--maildir"])
    .arg(&maildir)
    .arg("--state")
    .arg(home.join("state/replied.json"))
    .arg("--outbox")
    .arg(home.join("outbox"))
    .env("XDG_CONFIG_HOME", home)
    .stdin(Stdio::null());
    c
}

/// Runs a command that once read without end; it must be refused at once.
fn refused_at_once(mut command: Command) -> Output {
    let started = std::time::Instant::now();
    let out = command.output().unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    out
}

#[cfg(unix)]
#[test]
fn mail_reads_endless_and_huge_files_bounded() {
    let home = tempfile::tempdir().unwrap();
    let url = "smtp://127.0.0.1:9?tls=none&timeout=2";
    // A password file that is a device, a FIFO, a huge file.
    let fifo = home.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = home.path().join("huge");
    fs::File::create(&huge).unwrap().set_len(3 << 30).unwrap();
    for (file, says) in [
        (Path::new("/dev/zero"), "not a regular file"),
        (fifo.as_path(), "not a regular file"),
        (huge.as_path(), "larger than 4 KiB"),
    ] {
        let out = refused_at_once({
            let mut c = reply_to_nowhere(home.path(), &["--smtp", url, "--password-file"]);
            c.arg(file);
            c
        });
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    // A CA file that is /dev/zero, and one far too large.
    for (ca, says) in [
        ("/dev/zero", "not a regular file"),
        (huge.to_str().unwrap(), "larger than 1 MiB"),
    ] {
        let url = format!("smtp://127.0.0.1:9?ca={ca}&timeout=2");
        let out = refused_at_once(reply_to_nowhere(home.path(), &["--smtp", &url]));
        // 5: the mail set-up is wrong.
        assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    // A config file linked to /dev/zero.
    fs::create_dir_all(home.path().join("charter")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", home.path().join("charter/config.toml")).unwrap();
    let out = refused_at_once(reply_to_nowhere(home.path(), &["--smtp", url]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("config.toml"), "{}", stderr(&out));
    fs::remove_file(home.path().join("charter/config.toml")).unwrap();
    // A 3 GB message in the outbox, and a 300 MB state file.
    fs::create_dir_all(home.path().join("outbox")).unwrap();
    fs::File::create(home.path().join("outbox/1.eml"))
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let out = refused_at_once({
        let mut c = charter();
        c.args(["outbox", "list", "--outbox"])
            .arg(home.path().join("outbox"));
        c.env("XDG_CONFIG_HOME", home.path());
        c
    });
    // Listed, with why it cannot be read; the list goes on.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("1.eml: larger than 64 MiB"),
        "{}",
        stdout(&out)
    );
    fs::remove_file(home.path().join("outbox/1.eml")).unwrap();
    fs::create_dir_all(home.path().join("state")).unwrap();
    fs::File::create(home.path().join("state/replied.json"))
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let out = refused_at_once(maildir_reply(home.path(), url));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("replied.json: larger than 256 MiB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_password_is_never_repeated_in_a_message() {
    let home = tempfile::tempdir().unwrap();
    for url in [
        "user:hunter2@mail.example",
        "smtp:/user:hunter2@mail.example",
        "smtps://user:hunter2",
        "smtp://user%3Ahunter2@mail.example",
        "hunter2",
    ] {
        for flag in ["--smtp", "--imap"] {
            let mut command = reply_to_nowhere(home.path(), &[]);
            if flag == "--imap" {
                command = charter();
                command
                    .args(["reply", "--charter", KAWKHALI, "--from", "o@example.gov.bd"])
                    .args(["--smtp", "smtp://127.0.0.1:9?tls=none", "--imap", url])
                    .env("XDG_CONFIG_HOME", home.path());
            } else {
                command.args([flag, url]);
            }
            let out = command.output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{flag} {url}: {}", stderr(&out));
            assert!(
                !stderr(&out).contains("hunter2"),
                "{flag} {url}: {}",
                stderr(&out)
            );
        }
        let out = reply_to_nowhere(home.path(), &[])
            .env("CHARTER_SMTP", url)
            .output()
            .unwrap();
        assert!(
            !stderr(&out).contains("hunter2"),
            "CHARTER_SMTP={url}: {}",
            stderr(&out)
        );
    }
    // A password written where its file's name goes, in the config.
    fs::create_dir_all(home.path().join("charter")).unwrap();
    fs::write(
        home.path().join("charter/config.toml"),
        "smtp = \"smtp://127.0.0.1:9?tls=none\"\npassword_file = \"hunter2\"\n",
    )
    .unwrap();
    let out = reply_to_nowhere(home.path(), &[]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the password file"),
        "{}",
        stderr(&out)
    );
}

/// The charter's JSON rendering, to read values back as the tool reads them.
fn values(file: &Path) -> serde_json::Value {
    let out = run(&["render", "-f", "json"], file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn crlf_and_mixed_files_keep_their_values_and_their_untouched_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(KAWKHALI).unwrap().replacen(
        "vision = \"",
        "vision = \"প্রথম লাইন\\nদ্বিতীয় লাইন ",
        1,
    );
    let crlf = dir.path().join("crlf.toml");
    fs::write(&crlf, text.replace('\n', "\r\n")).unwrap();
    let vision = values(&crlf)["vision"].clone();
    assert!(
        vision
            .as_str()
            .unwrap()
            .starts_with("প্রথম লাইন\nদ্বিতীয় লাইন ")
    );

    // fmt may write the value as a multi-line string; the value stays what it was.
    let out = run(&["fmt"], &crlf);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(values(&crlf)["vision"], vision, "no CR gained");
    // set with a line break in the value stores exactly that value.
    let out = charter()
        .arg("set")
        .arg(&crlf)
        .args(["mission", "এক\nদুই"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(values(&crlf)["mission"], "এক\nদুই");
    assert_eq!(values(&crlf)["vision"], vision);
    let bytes = fs::read(&crlf).unwrap();
    let lines = bytes.split(|&b| b == b'\n').count() - 1;
    let crlfs = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert!(
        crlfs + 4 >= lines,
        "a CRLF file stays CRLF but inside strings: {crlfs} of {lines}"
    );

    // A file with mixed endings: set changes one line and leaves every other byte.
    let mixed = dir.path().join("mixed.toml");
    let original = fs::read_to_string(KAWKHALI).unwrap();
    let mixed_text: String = original
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i % 3 == 0 {
                l.replace('\n', "\r\n")
            } else {
                l.to_string()
            }
        })
        .collect();
    fs::write(&mixed, &mixed_text).unwrap();
    let out = charter()
        .arg("set")
        .arg(&mixed)
        .args(["services.innovation-advice.fee", "১০০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = fs::read_to_string(&mixed).unwrap();
    let changed: Vec<(&str, &str)> = mixed_text
        .split_inclusive('\n')
        .zip(after.split_inclusive('\n'))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("১০০ টাকা"));

    // fix on a CRLF file writes no bare LF outside strings.
    let bijoy = dir.path().join("bijoy.toml");
    let with_bijoy = original.replacen("fee = \"বিনামূল্যে\"", "fee = \"webvg~‡j¨\"", 1);
    fs::write(&bijoy, with_bijoy.replace('\n', "\r\n")).unwrap();
    let out = run(&["fix"], &bijoy);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = fs::read(&bijoy).unwrap();
    assert!(String::from_utf8_lossy(&fixed).contains("fee = \"বিনামূল্যে\""));
    assert!(
        !fixed.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'),
        "no bare LF"
    );
}

#[test]
fn sixty_thousand_findings_on_one_line_are_counted_and_the_first_thousand_listed() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let start = text.find("methods = [").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    let items = vec!["\"ক\\u200Bখ\""; 60_000].join(", ");
    let path = dir.path().join("long.toml");
    fs::write(
        &path,
        format!("{}methods = [{items}]{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let out = run(&["validate"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.ends_with("checked 1 file: 0 errors, 60004 warnings\n"),
        "{}",
        &report[report.len() - 300..]
    );
    assert!(report.contains(&format!(
        "{}: 59004 more findings (0 errors, 59004 warnings) not listed; the first 1000 are",
        path.display()
    )));
    // Each listed finding shows a window of the line, not the line (about 300 KB).
    assert!(report.len() < 2_000_000, "{} bytes", report.len());
    let out = run(&["validate", "--format", "json"], &path);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1000);
    assert!(
        stderr(&out).contains("59004 more findings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stray_end_tags_and_huge_rowspans_cost_what_the_page_costs() {
    let dir = tempfile::tempdir().unwrap();
    // `</x>` closes nothing: 100,000 of them cannot hide 100,000 open elements.
    let stray = dir.path().join("stray.html");
    fs::write(
        &stray,
        format!("<html><body>{}</body></html>", "<div></x>".repeat(100_000)),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = charter()
        .arg("import")
        .arg(&stray)
        .arg("-o")
        .arg(dir.path().join("stray.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "elements nested 100002 deep; a charter page nests a few dozen; nothing written"
        ),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));

    // Every cell spanning 100,000 rows of a 1,000-row table: copied into the rows there are,
    // within what the page's own text costs.
    let headings = "<tr><th>ক্রমিক নং</th><th>সেবার নাম</th><th>সেবা মূল্য</th><th>সময়সীমা</th></tr>";
    let rows: String = (1..=1000)
        .map(|r| {
            format!(
                "<tr><td rowspan=100000>{r}</td><td rowspan=100000>সেবা {r}</td><td rowspan=100000>১০০ টাকা</td><td rowspan=100000>৭ দিন</td></tr>"
            )
        })
        .collect();
    let page = dir.path().join("rowspan.html");
    let html = format!("<html><body><table>{headings}{rows}</table></body></html>");
    fs::write(&page, &html).unwrap();
    let started = std::time::Instant::now();
    let written = dir.path().join("rowspan.toml");
    let out = charter()
        .arg("import")
        .arg(&page)
        .arg("-o")
        .arg(&written)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let size = fs::metadata(&written).unwrap().len() as usize;
    assert!(
        size < 8 * html.len(),
        "{size} bytes from a page of {}",
        html.len()
    );
}

/// English as people in Bangladesh write it: names in Latin letters, brands, units, accents.
const ENGLISH_LINES: &str = "Md. Tariq Iqbal\nShafiq, Rafiq, Razzaq, Farooq\nDownload the vCard\nMicrosoft Word® and Excel™ files\nMüller & Söhne GmbH\nPhotocopy ×2, 1½ page, 25°C\n";

#[test]
fn english_stays_english_and_bijoy_all_leaves_unicode_alone() {
    let dir = tempfile::tempdir().unwrap();
    let english = dir.path().join("english.txt");
    fs::write(&english, ENGLISH_LINES).unwrap();
    let out = run(&["bijoy"], &english);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), ENGLISH_LINES);
    // Bijoy beside it is still converted.
    let mixed = dir.path().join("mixed.txt");
    fs::write(&mixed, "Md. Tariq Iqbal webvg~‡j¨ ‡mev\n").unwrap();
    assert_eq!(
        stdout(&run(&["bijoy"], &mixed)),
        "Md. Tariq Iqbal বিনামূল্যে সেবা\n"
    );

    // --all converts every word that is not Unicode Bengali already, and twice is once.
    let half = dir.path().join("half.txt");
    fs::write(&half, "সেবা প্রদান webvg~‡j¨\n").unwrap();
    let once = stdout(&run(&["bijoy", "--all"], &half));
    assert_eq!(once, "সেবা প্রদান বিনামূল্যে\n");
    fs::write(&half, &once).unwrap();
    assert_eq!(stdout(&run(&["bijoy", "--all"], &half)), once);

    // fix proposes nothing for an officer's English name.
    let (_d, path) = copy();
    let text = fs::read_to_string(&path).unwrap();
    let with_name = text.replacen("[officers.", "[officers.tariq]\nname = \"Md. Tariq Iqbal\"\ndesignation = \"Müller & Söhne GmbH\"\n\n[officers.", 1);
    fs::write(&path, with_name).unwrap();
    let out = run(&["fix", "--check"], &path);
    assert!(
        !stdout(&out).contains("Tariq") && !stdout(&out).contains("Söhne"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn diff_of_thousands_of_services_looks_each_up_once() {
    // 6,000 services, one renamed: found as one removal and one addition, quickly.
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let start = text.find("\n[[services.citizen]]\n").unwrap();
    let end = start + 1 + text[start + 1..].find("\n[[").unwrap();
    let block = &text[start..end];
    let id = block
        .split("id = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let many: String = (0..6000)
        .map(|n| block.replacen(&format!("id = \"{id}\""), &format!("id = \"svc-{n}\""), 1))
        .collect();
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    fs::write(&old, format!("{text}{many}")).unwrap();
    fs::write(
        &new,
        format!("{text}{many}").replacen("id = \"svc-100\"", "id = \"svc-100b\"", 1),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = charter().arg("diff").arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("- services.svc-100: "), "{lines:?}");
    assert!(lines[1].starts_with("+ services.svc-100b: "), "{lines:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[cfg(unix)]
#[test]
fn a_fifo_planted_as_a_lock_file_is_refused_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir_all(home.path().join("state")).unwrap();
    fs::create_dir_all(home.path().join("outbox")).unwrap();
    for fifo in ["state/replied.lock", "outbox/.lock"] {
        let path = home.path().join(fifo);
        let _ = fs::remove_file(&path);
        assert!(
            Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        let out = refused_at_once(maildir_reply(
            home.path(),
            "smtp://127.0.0.1:9?tls=none&timeout=2",
        ));
        assert_eq!(out.status.code(), Some(2), "{fifo}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file") || stderr(&out).contains("No such device"),
            "{fifo}: {}",
            stderr(&out)
        );
        fs::remove_file(&path).unwrap();
    }
}

/// The bundled charter with its first `methods` array replaced by `items`.
fn with_methods(dir: &Path, name: &str, items: &str) -> PathBuf {
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let start = text.find("methods = [").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    let path = dir.join(name);
    let edited = format!("{}methods = [{items}]{}", &text[..start], &text[end..]);
    fs::write(&path, edited).unwrap();
    path
}

#[test]
fn millions_of_values_are_refused_with_one_finding_not_read_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let line = fs::read_to_string(KAWKHALI)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("methods = ["))
        .unwrap()
        + 1;
    // One array of four million numbers where text belongs: one key-value too long to hold.
    let ints = with_methods(dir.path(), "ints.toml", &"1,".repeat(4_000_000));
    let out = run(&["validate"], &ints);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.starts_with(&format!(
            "{}:{line}:1: error[too-large]: this value is too long to check: it runs to more than 1000000 parts",
            ints.display()
        )),
        "{}",
        &report[..report.len().min(500)]
    );
    assert!(report.ends_with("checked 1 file: 1 error, 0 warnings (1 file not valid)\n"));

    // A million tables, one a line: too many values, wherever they are.
    let tables = dir.path().join("tables.toml");
    let mut text = fs::read_to_string(KAWKHALI).unwrap();
    text.push_str(&"[[x]]\n".repeat(1_100_000));
    fs::write(&tables, &text).unwrap();
    let out = run(&["validate", "--format", "json"], &tables);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["code"], "too-large");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the file holds more than 1000000 values from here on"),
        "{json}"
    );
    // `set` and `fix` refuse it in the same words, and leave it as it was.
    let out = run(&["fix"], &tables);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("more than 1000000 values"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&tables).unwrap(), text);
}

#[test]
fn a_syntax_error_at_the_end_of_a_large_file_is_named_by_line_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // 300,000 small services (about 4 MB), then a slip: past what the `toml` crate is given, so
    // the error is worded and placed by the tree's own reader, as the `toml` crate words it.
    let mut text = fs::read_to_string(KAWKHALI).unwrap();
    let before = text.lines().count();
    for i in 0..150_000 {
        text.push_str(&format!("[[x]]\na = \"{i}\"\n"));
    }
    text.push_str("b = = 1\n");
    let path = dir.path().join("slip.toml");
    fs::write(&path, &text).unwrap();
    let out = run(&["validate"], &path);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    let line = before + 300_001;
    assert!(
        report.starts_with(&format!(
            "{}:{line}:5: error[syntax]: not valid TOML: extra `=`, expected nothing",
            path.display()
        )),
        "{}",
        &report[..report.len().min(500)]
    );
    // The same slip in a small file: the `toml` crate's words, and the key it follows.
    let small = dir.path().join("small-slip.toml");
    fs::write(&small, "b = = 1\n").unwrap();
    let report = stdout(&run(&["validate"], &small));
    assert!(
        report.starts_with(&format!(
            "{}:1:5: error[syntax]: b: not valid TOML: extra `=`, expected nothing",
            small.display()
        )),
        "{report}"
    );
}
