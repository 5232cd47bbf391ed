//! Reading and checking charters in memory, on one core: what `charter validate` does per file
//! once the bytes are read, against a baseline measured in the same run: parsing the same files
//! into a spanned TOML tree with the `toml` crate and nothing more. The files are those of
//! `benches/validate.sh` (`benches/gen_charters.py`), so the two benches see the same input; this
//! one leaves out the disk, the threads and the report, and takes the best of several runs of
//! each, in turns, so that a change to the parser or the rules shows through the noise of a busy
//! machine.
//!
//!     cargo bench --bench load [-- N]

mod common;

use common::best_each;
use std::path::Path;
use std::process::Command;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let status = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_charters.py"))
        .arg(dir.path())
        .arg(n.to_string())
        .status()
        .expect("python3 runs benches/gen_charters.py");
    assert!(status.success(), "gen_charters.py failed");
    let mut paths: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the generated charters")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    let files: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("a charter"))
        .collect();
    let bytes: usize = files.iter().map(Vec::len).sum();

    // Every file must be a valid charter, or the figure would time error reporting.
    for f in &files {
        let (_, loaded) = charter::charter::load_bytes(f.clone());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    }

    let mut parse = || {
        files
            .iter()
            .map(|f| {
                let text = std::str::from_utf8(f).expect("UTF-8");
                let (root, errors) = toml::de::DeTable::parse_recoverable(text);
                assert!(errors.is_empty());
                root.get_ref().len()
            })
            .sum()
    };
    // `load_bytes` takes the bytes as `validate` hands them over; the copy counts against it.
    let mut check = || {
        files
            .iter()
            .map(|f| {
                charter::charter::load_bytes(f.clone())
                    .1
                    .charter
                    .officers
                    .len()
            })
            .sum()
    };
    let [parse, check] = best_each([&mut parse, &mut check]);
    let mb = bytes as f64 / 1e6;
    println!("{n} charters, {mb:.1} MB, one core, best of 15 runs taken in turns");
    for (name, t) in [("toml parse only", parse), ("charter load", check)] {
        println!(
            "{name:16} {:7.1} ms  {:6.1} MB/s",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64()
        );
    }
    println!(
        "checking a charter takes {:.2}x the time of parsing it",
        check.as_secs_f64() / parse.as_secs_f64()
    );
}
