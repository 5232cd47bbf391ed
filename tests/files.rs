//! How every command writes and reads files, tried as a careful user (or an attacker) would:
//! devices, FIFOs and `-` as targets, symbolic and hard links, modes, read-only files and
//! folders, two edits at once, `/dev/zero` and FIFOs as inputs, CRLF and BOM, a closed standard
//! output and a reader that stops early. Tests that need an ordinary user drop root's
//! privileges in the child process.

#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const KAWKHALI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charters/kawkhali-ict.toml");
const FEE_KEY: &str = "services.innovation-advice.fee";

fn charter() -> Command {
    Command::new(env!("CARGO_BIN_EXE_charter"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of the bundled charter in a fresh directory.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.toml");
    fs::copy(KAWKHALI, &path).unwrap();
    (dir, path)
}

/// Runs a command to completion, failing the test if it is still running after `limit`: for
/// inputs that once made a command wait forever.
fn output_within(mut command: Command, limit: Duration) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Runs the command as an ordinary user: `nobody` when the tests run as root.
fn as_ordinary_user(command: &mut Command) {
    if is_root() {
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
}

/// Gives a path to `nobody` when the tests run as root, so that the ordinary user owns it.
fn give_to_ordinary_user(path: &Path) {
    if is_root() {
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
    }
}

#[test]
fn devices_fifos_and_dash_are_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = charter()
        .args(["render", KAWKHALI, "-f", "html", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::os::unix::fs::FileTypeExt::is_char_device(
            &fs::metadata("/dev/null").unwrap().file_type()
        ),
        "/dev/null is still a device"
    );

    let out = charter()
        .args(["render", KAWKHALI, "-f", "html", "-o", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));
    assert!(!dir.path().join("-").exists(), "no file named -");

    let out = charter()
        .args(["render", KAWKHALI, "-f", "html", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));
    assert!(
        fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let fifo = dir.path().join("pipe.html");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and mode.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let out = charter()
        .args(["render", KAWKHALI, "-f", "html", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        reader.join().unwrap().starts_with("<!DOCTYPE html>"),
        "the reader got it"
    );
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &fs::symlink_metadata(&fifo).unwrap().file_type()
    ));
}

#[test]
fn links_modes_and_owners_survive_an_edit() {
    let (dir, real) = copy();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.toml");
    symlink("office.toml", &link).unwrap();
    let hard = dir.path().join("hard.toml");
    fs::hard_link(&real, &hard).unwrap();
    let out = charter()
        .arg("set")
        .arg(&link)
        .args([FEE_KEY, "১০০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("fee = \"১০০ টাকা\""),
        "the real file changed"
    );
    assert!(
        fs::read_to_string(&hard)
            .unwrap()
            .contains("fee = \"১০০ টাকা\""),
        "hard link not split"
    );
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // fmt on a file owned by someone else keeps the owner (root may give it back).
    if is_root() {
        std::os::unix::fs::chown(&real, Some(65534), Some(65534)).unwrap();
        fs::remove_file(&hard).unwrap();
        let out = charter()
            .arg("set")
            .arg(&real)
            .args([FEE_KEY, "২০০ টাকা"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(fs::metadata(&real).unwrap().uid(), 65534, "the owner stays");
    }
}

#[test]
fn a_read_only_charter_is_not_rewritten() {
    let (_dir, path) = copy();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    let out = charter()
        .arg("set")
        .arg(&path)
        .args([FEE_KEY, "১০০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn init_over_a_dangling_link_creates_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("new.toml");
    symlink("real-new.toml", &link).unwrap();
    let out = charter().arg("init").arg(&link).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(dir.path().join("real-new.toml"))
            .unwrap()
            .contains("version = 1")
    );
}

#[test]
fn a_writable_file_in_a_read_only_folder_says_why() {
    let (dir, path) = copy();
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let inside = folder.join("office.toml");
    fs::rename(&path, &inside).unwrap();
    give_to_ordinary_user(&inside);
    give_to_ordinary_user(&folder);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let mut command = charter();
    command.arg("set").arg(&inside).args([FEE_KEY, "১০০ টাকা"]);
    as_ordinary_user(&mut command);
    let out = command.output().unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not writable, so the file cannot be replaced safely"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_edits_at_once_both_land() {
    for trial in 0..30 {
        let (_dir, path) = copy();
        let spawn = |key: &str, value: &str| {
            charter()
                .arg("set")
                .arg(&path)
                .args([key, value])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let a = spawn(FEE_KEY, "১০০ টাকা");
        let b = spawn("services.e-filing.time_limit", "৭ কার্যদিবস");
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert_eq!(
            (a.status.code(), b.status.code()),
            (Some(0), Some(0)),
            "trial {trial}"
        );
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("fee = \"১০০ টাকা\""),
            "trial {trial}: the first edit was lost"
        );
        assert!(
            text.contains("time_limit = \"৭ কার্যদিবস\""),
            "trial {trial}: the second edit was lost"
        );
    }
}

#[test]
fn endless_inputs_and_fifos_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("charter.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and mode.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let limit = Duration::from_secs(20);
    for args in [
        vec!["set", "/dev/zero", FEE_KEY, "x"],
        vec!["fmt", "/dev/zero"],
        vec!["fix", "/dev/zero"],
        vec!["validate", "/dev/zero"],
        vec!["diff", "/dev/zero", KAWKHALI],
        vec!["validate", fifo.to_str().unwrap()],
        vec!["set", fifo.to_str().unwrap(), FEE_KEY, "x"],
    ] {
        let mut command = charter();
        command.args(&args);
        let out = output_within(command, limit);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn fmt_goes_on_past_a_file_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let unformatted = fs::read_to_string(KAWKHALI)
        .unwrap()
        .replace("version = 1", "version    =    1");
    fs::write(dir.path().join("a.toml"), &unformatted).unwrap();
    symlink("missing.toml", dir.path().join("b.toml")).unwrap();
    fs::write(dir.path().join("c.toml"), &unformatted).unwrap();
    let out = charter().arg("fmt").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    for name in ["a.toml", "c.toml"] {
        let text = fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.contains("\nversion = 1\n"), "{name} formatted");
    }
    assert!(stderr(&out).contains("b.toml"), "{}", stderr(&out));
}

#[test]
fn set_and_fmt_keep_crlf_and_the_bom() {
    let (_dir, path) = copy();
    let crlf = format!(
        "\u{feff}{}",
        fs::read_to_string(KAWKHALI).unwrap().replace('\n', "\r\n")
    );
    fs::write(&path, &crlf).unwrap();
    let out = charter()
        .arg("set")
        .arg(&path)
        .args([FEE_KEY, "১০০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.starts_with('\u{feff}'), "the BOM stays");
    let changed: Vec<(&str, &str)> = crlf
        .split("\r\n")
        .zip(after.split("\r\n"))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "a one-line change: {changed:?}");
    assert_eq!(crlf.split("\r\n").count(), after.split("\r\n").count());
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "every line still ends in CRLF"
    );

    let out = charter().arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let formatted = fs::read_to_string(&path).unwrap();
    assert!(formatted.starts_with('\u{feff}'));
    assert!(
        !formatted.replace("\r\n", "").contains('\n'),
        "fmt keeps CRLF"
    );
}

#[test]
fn a_closed_stdout_is_an_error_and_a_reader_that_stopped_is_not() {
    for format in ["table", "markdown", "html", "json", "pdf"] {
        let mut closed = charter();
        closed.args(["render", KAWKHALI, "-f", format]);
        // SAFETY: close is async-signal-safe.
        unsafe {
            closed.pre_exec(|| {
                libc::close(1);
                Ok(())
            });
        }
        let out = closed.stderr(Stdio::piped()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("standard output is closed"),
            "{format}: {}",
            stderr(&out)
        );

        // `| head -c 10`: the reader takes a little, then goes away.
        let mut child = charter()
            .args(["render", KAWKHALI, "-f", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 10];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
    }
}
