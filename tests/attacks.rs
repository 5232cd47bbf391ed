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
