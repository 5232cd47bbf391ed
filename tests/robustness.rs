//! Hostile input against every command that reads a charter (issue 13): arbitrary bytes and
//! mutated copies of the bundled charter go through validate (every format), render (every
//! format), fmt, set, diff, fix, import and bijoy. Each run must end by itself, well within a
//! bound, with exit 0, 1 or 2 and no panic. `fuzz/` holds the same idea for cargo-fuzz, which
//! runs far longer than a test can.

use assert_cmd::Command;
use proptest::prelude::*;
use proptest::sample::Index;
use std::fs;
use std::path::Path;
use std::time::Duration;

const KAWKHALI: &str = "charters/kawkhali-ict.toml";

/// Far above what any of these inputs needs (milliseconds), far below "hangs".
const BOUND: Duration = Duration::from_secs(30);

/// Pieces that steer mutations toward TOML's and the format's corners.
const TOKENS: &[&str] = &[
    "\n[[services.citizen]]\n",
    "\n[officers.x]\n",
    "\"\"\"",
    "'''",
    "{",
    "}]",
    "[[[",
    "\u{0}",
    "\r",
    "\u{feff}",
    "\u{200d}",
    "=",
    "ঃ",
    "†mev",
    "\\u{d800}",
    "1979-05-27T07:32:00Z",
    "inf",
    "\n#",
];

/// One change to the charter's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, u8),
    Insert(Index, Vec<u8>),
    Token(Index, Index),
    Duplicate(Index, u16),
    Flip(Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Token(i, t)),
        (any::<Index>(), any::<u16>()).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Delete(i, n) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + usize::from(*n)).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Insert(i, b) => {
                let at = i.index(len).min(bytes.len());
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Token(i, t) => {
                let at = i.index(len).min(bytes.len());
                let token = TOKENS[t.index(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            Mutation::Duplicate(i, n) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + usize::from(*n)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    let at = i.index(bytes.len());
                    bytes[at] ^= b | 1;
                }
            }
        }
    }
    bytes
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    let charter = fs::read(KAWKHALI).unwrap();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..3000),
        prop::collection::vec(mutation(), 1..8).prop_map(move |m| apply(charter.clone(), &m)),
    ]
}

/// Every command that reads a charter, as arguments, with `IN` for the input file, `COPY` for a
/// copy that may be rewritten, `OUT` for an output path.
const RUNS: &[&[&str]] = &[
    &["validate", "IN"],
    &["validate", "--format", "json", "IN"],
    &["validate", "--format", "github", "IN"],
    &["validate", "--format", "sarif", "--strict", "IN"],
    &["render", "IN", "--format", "table", "--width", "80"],
    &["render", "IN", "--format", "markdown"],
    &["render", "IN", "--format", "html", "--lang", "en"],
    &["render", "IN", "--format", "json"],
    &["render", "IN", "--format", "pdf", "-o", "OUT"],
    &["fmt", "--check", "IN"],
    &["fmt", "COPY"],
    &["set", "COPY", "services.e-filing.fee", "৫০ টাকা"],
    &["diff", KAWKHALI, "IN"],
    &["diff", "--format", "json", "IN", KAWKHALI],
    &["fix", "--check", "IN"],
    &["fix", "COPY"],
    &["import", "IN", "-o", "OUT"],
    &["bijoy", "IN"],
];

/// Runs one command on the input; fails on a panic, a signal, an exit code other than 0, 1 or
/// 2, or a run past [`BOUND`].
fn run(dir: &Path, args: &[&str]) -> Result<(), TestCaseError> {
    fs::copy(dir.join("in.toml"), dir.join("copy.toml")).unwrap();
    let _ = fs::remove_file(dir.join("out"));
    let args: Vec<String> = args
        .iter()
        .map(|a| match *a {
            "IN" => dir.join("in.toml").display().to_string(),
            "COPY" => dir.join("copy.toml").display().to_string(),
            "OUT" => dir.join("out").display().to_string(),
            other => other.to_string(),
        })
        .collect();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(&args)
        .timeout(BOUND)
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) => return Err(TestCaseError::fail(format!("{args:?}: {e}"))),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    prop_assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{args:?} ended with {:?}: {stderr}",
        out.status
    );
    prop_assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_command_ends_cleanly_on_hostile_input(bytes in input()) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("in.toml"), &bytes).unwrap();
        for args in RUNS {
            run(dir.path(), args)?;
        }
    }
}

/// The same commands on inputs that once cost minutes or gigabytes: many syntax errors in one
/// line, tens of thousands of bare keys, deep nesting.
#[test]
fn known_costly_inputs_end_cleanly() {
    let costly = [
        format!("x = [{}]\n", "\"a\" \"b\" ".repeat(16_000)),
        (0..32_000).map(|i| format!("k{i} = bare\n")).collect(),
        format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        format!("[office]\nname = \"{}\"\n", "ক্ষ".repeat(200_000)),
    ];
    for text in costly {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("in.toml"), text).unwrap();
        for args in RUNS {
            run(dir.path(), args).unwrap();
        }
    }
}
