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

/// `charter set FILE <the innovation service's fee> VALUE`, run to its end.
fn set_fee(path: &Path, fee: &str) -> Output {
    charter()
        .arg("set")
        .arg(path)
        .args([FEE_KEY, fee])
        .output()
        .unwrap()
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
    let out = set_fee(&link, "১০০ টাকা");
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
        let out = set_fee(&real, "২০০ টাকা");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(fs::metadata(&real).unwrap().uid(), 65534, "the owner stays");
    }
}

#[test]
fn a_read_only_charter_is_not_rewritten() {
    let (_dir, path) = copy();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    let out = set_fee(&path, "১০০ টাকা");
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
    // A file too large for a charter: refused, and the files after it still formatted. (A
    // dangling link in a folder is not followed at all.)
    symlink("missing.toml", dir.path().join("a2.toml")).unwrap();
    fs::File::create(dir.path().join("b.toml"))
        .unwrap()
        .set_len(9 << 20)
        .unwrap();
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
    let out = set_fee(&path, "১০০ টাকা");
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

/// Space left on the file system that holds `dir`, in bytes.
fn free_space(dir: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).unwrap();
    // SAFETY: statvfs fills the struct it is given.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(path.as_ptr(), &mut stat) }, 0);
    stat.f_bavail as u64 * stat.f_frsize as u64
}

/// A small file system of its own (tmpfs), mounted for the test when it runs as root; unmounted
/// when dropped.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let ok = is_root()
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

/// Every entry of a folder but the ones named.
fn others_in(dir: &Path, known: &[&str]) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !known.contains(&n.as_str()))
        .collect()
}

#[test]
fn a_hard_linked_charter_on_a_full_disk_keeps_its_old_bytes_under_every_name() {
    let Some(disk) = SmallDisk::mount("512k") else {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    };
    let dir = disk.0.path();
    let path = dir.join("office.toml");
    let other = dir.join("other-name.toml");
    let old = fs::read(KAWKHALI).unwrap();
    let long = "দীর্ঘ মন্তব্য। ".repeat(2_000); // about 40 KB
    let mut landed = 0;
    for leave in [0u64, 4, 8, 12, 16, 24, 32, 48, 64, 96] {
        for name in fs::read_dir(dir).unwrap() {
            fs::remove_file(name.unwrap().path()).unwrap();
        }
        fs::write(&path, &old).unwrap();
        fs::hard_link(&path, &other).unwrap();
        let free = free_space(dir);
        let filler = free.saturating_sub(leave * 1024);
        fs::write(dir.join("filler"), vec![0u8; filler as usize]).unwrap_or(());
        let out = charter()
            .arg("set")
            .arg(&path)
            .args(["services.innovation-advice.remarks", &long])
            .output()
            .unwrap();
        let now = fs::read(&path).unwrap();
        assert_eq!(now, fs::read(&other).unwrap(), "both names see one file");
        if out.status.success() {
            landed += 1;
            assert!(String::from_utf8_lossy(&now).contains(&long));
        } else {
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
            assert!(
                stderr(&out).contains("office.toml: cannot write"),
                "{}",
                stderr(&out)
            );
            assert_eq!(
                now, old,
                "a failed edit leaves the old bytes ({leave} KiB free)"
            );
        }
        assert!(
            others_in(dir, &["office.toml", "other-name.toml", "filler"]).is_empty(),
            "nothing left beside it: {:?}",
            others_in(dir, &["office.toml", "other-name.toml", "filler"])
        );
    }
    assert!(
        landed > 0 && landed < 10,
        "some edits fit and some did not: {landed}"
    );
}

#[test]
fn a_copy_left_by_a_stopped_in_place_write_is_put_back_and_said() {
    let (dir, path) = copy();
    let other = dir.path().join("other-name.toml");
    fs::hard_link(&path, &other).unwrap();
    let old = fs::read(&path).unwrap();
    // What a run killed in the middle of writing leaves: a cut file, and its old bytes beside it.
    fs::write(dir.path().join(".office.toml.charter-backup"), &old).unwrap();
    fs::write(&path, &old[..old.len() / 3]).unwrap();
    let out = set_fee(&path, "১০০ টাকা");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "was being written when a run was stopped; its earlier content was put back from"
        ),
        "{}",
        stderr(&out)
    );
    // The same edit on an intact copy gives the same bytes.
    let (_fresh_dir, fresh) = copy();
    let out = set_fee(&fresh, "১০০ টাকা");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read(&other).unwrap(), fs::read(&fresh).unwrap());
    assert_ne!(fs::read(&other).unwrap(), old);
    assert!(!dir.path().join(".office.toml.charter-backup").exists());
}

#[test]
fn extended_attributes_and_the_acl_stay_and_another_users_file_keeps_its_owner() {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (dir, path) = copy();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let c_path = CString::new(path.as_os_str().as_bytes()).unwrap();
    let set = |name: &str, value: &[u8]| {
        let name = CString::new(name).unwrap();
        // SAFETY: a path, a name and a value with its length.
        unsafe {
            libc::setxattr(
                c_path.as_ptr(),
                name.as_ptr(),
                value.as_ptr().cast(),
                value.len(),
                0,
            )
        }
    };
    if set("user.charter.origin", b"kawkhali") != 0 {
        eprintln!("skipped: this file system keeps no extended attributes");
        return;
    }
    // An ACL giving `nobody` read access: version 2, then (tag, permissions, id) entries.
    let mut acl = 2u32.to_le_bytes().to_vec();
    for (tag, perm, id) in [
        (0x01u16, 6u16, u32::MAX),
        (0x02, 4, 65534),
        (0x04, 4, u32::MAX),
        (0x10, 4, u32::MAX),
        (0x20, 0, u32::MAX),
    ] {
        acl.extend(tag.to_le_bytes());
        acl.extend(perm.to_le_bytes());
        acl.extend(id.to_le_bytes());
    }
    let has_acl = set("system.posix_acl_access", &acl) == 0;
    let out = set_fee(&path, "১০০ টাকা");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let get = |name: &str| {
        let name = CString::new(name).unwrap();
        let mut buf = vec![0u8; 256];
        // SAFETY: a buffer with its length.
        let n = unsafe {
            libc::getxattr(
                c_path.as_ptr(),
                name.as_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
            )
        };
        (n >= 0).then(|| buf[..n as usize].to_vec())
    };
    assert_eq!(
        get("user.charter.origin").as_deref(),
        Some(&b"kawkhali"[..])
    );
    if has_acl {
        assert_eq!(get("system.posix_acl_access"), Some(acl));
    }
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640,
        "the group gains nothing"
    );

    // A file another user owns, that this user may write: edited, its owner unchanged.
    if is_root() {
        let acl_name = CString::new("system.posix_acl_access").unwrap();
        // SAFETY: a path and a name. (The ACL would give `nobody` read access only.)
        unsafe { libc::removexattr(c_path.as_ptr(), acl_name.as_ptr()) };
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
        let mut command = charter();
        command.arg("set").arg(&path).args([FEE_KEY, "২০০ টাকা"]);
        as_ordinary_user(&mut command);
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(fs::read_to_string(&path).unwrap().contains("২০০ টাকা"));
        assert_eq!(fs::metadata(&path).unwrap().uid(), 0, "still root's");
        assert!(others_in(dir.path(), &["office.toml"]).is_empty());
    }
}

#[test]
fn temporaries_of_killed_runs_are_cleared_and_a_running_ones_kept() {
    let (dir, path) = copy();
    let stale = dir.path().join(".office.toml.2147483646.0badf00d.tmp");
    let live = dir
        .path()
        .join(format!(".office.toml.{}.0badf00d.tmp", std::process::id()));
    fs::write(&stale, "left by a killed run").unwrap();
    fs::write(&live, "being written").unwrap();
    let out = set_fee(&path, "১০০ টাকা");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stale.exists(), "a dead run's temporary is removed");
    assert!(live.exists(), "a live run's temporary is left");
}

#[test]
fn a_rendering_written_as_it_is_made_reaches_every_kind_of_file_whole() {
    let (dir, _) = copy();
    for format in ["table", "markdown", "html", "json"] {
        let render = |to: &str| {
            charter()
                .args(["render", KAWKHALI, "-f", format, "-o", to])
                .output()
                .unwrap()
        };
        let out = render("-");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let expected = out.stdout;
        assert!(
            expected.len() > 10_000,
            "{format}: {} bytes",
            expected.len()
        );
        // A new file, an existing one, and one with a second name (written in place).
        let new = dir.path().join(format!("new.{format}"));
        let old = dir.path().join(format!("old.{format}"));
        let linked = dir.path().join(format!("linked.{format}"));
        let other = dir.path().join(format!("other-name.{format}"));
        fs::write(&old, "old bytes, longer than nothing").unwrap();
        fs::write(&linked, "old bytes").unwrap();
        fs::hard_link(&linked, &other).unwrap();
        for target in [&new, &old, &linked] {
            let out = render(target.to_str().unwrap());
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            assert!(
                fs::read(target).unwrap() == expected,
                "{}",
                target.display()
            );
        }
        assert!(
            fs::read(&other).unwrap() == expected,
            "{format}: the other name"
        );
    }
    let mut left = others_in(dir.path(), &["office.toml"]);
    left.retain(|n| n.starts_with('.'));
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn a_rendering_that_fills_the_disk_leaves_the_old_file_and_no_part() {
    let Some(disk) = SmallDisk::mount("256k") else {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    };
    let dir = disk.0.path();
    let target = dir.join("charter.html");
    fs::write(&target, "the old page").unwrap();
    // The bundled charter and 3,000 small services: a page of several megabytes, written piece
    // by piece until the disk is full.
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let officer = text.split("officer = \"").nth(1).unwrap();
    let officer = &officer[..officer.find('"').unwrap()];
    let mut big = text.clone();
    for i in 0..3000 {
        big.push_str(&format!(
            "\n[[services.citizen]]\nid = \"t{i}\"\nname = \"সেবা {i}\"\nmethods = [\"ক\"]\ndocuments = [\"খ\"]\nfee = \"বিনামূল্যে\"\ntime_limit = \"১ দিন\"\nofficer = \"{officer}\"\n"
        ));
    }
    let source = tempfile::tempdir().unwrap();
    let charter_path = source.path().join("big.toml");
    fs::write(&charter_path, &big).unwrap();
    let out = charter()
        .arg("render")
        .arg(&charter_path)
        .args(["-f", "html", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("charter.html: cannot write"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "the old page");
    assert!(
        others_in(dir, &["charter.html"]).is_empty(),
        "{:?}",
        others_in(dir, &["charter.html"])
    );
}
