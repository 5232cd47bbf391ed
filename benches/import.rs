//! `charter import` as a clerk's script runs it: one page as a process, and 1,000 pages with
//! `--out-dir` in one process (both cores), against a baseline measured in the same run:
//! `charter validate` of the bundled charter as a process (start-up, read, parse, check).
//!
//! The pages are the bundled charter and the fixtures rendered as HTML and Markdown, and the
//! import samples in `../shared/import-samples` when that folder is beside the repository.
//!
//!     cargo bench --bench import

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const PAGES: usize = 1000;

fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let charter = env!("CARGO_BIN_EXE_charter");
    let work = tempfile::tempdir().unwrap();
    let mut pages: Vec<PathBuf> = Vec::new();
    let mut charters = vec![Path::new(ROOT).join("charters/kawkhali-ict.toml")];
    for entry in fs::read_dir(Path::new(ROOT).join("tests/fixtures/valid"))
        .unwrap()
        .flatten()
    {
        charters.push(entry.path());
    }
    for (i, file) in charters.iter().enumerate() {
        for format in ["html", "markdown"] {
            let out = work.path().join(format!("rendered-{i}.{format}"));
            let status = Command::new(charter)
                .arg("render")
                .arg(file)
                .args(["--format", format, "-o"])
                .arg(&out)
                .status()
                .unwrap();
            assert!(status.success());
            pages.push(out);
        }
    }
    if let Ok(entries) = fs::read_dir(Path::new(ROOT).join("../shared/import-samples")) {
        pages.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    pages.sort();

    // One page as a process: the largest rendered page (the complete fixture as HTML).
    let page = pages
        .iter()
        .max_by_key(|p| fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .unwrap()
        .clone();
    let size = fs::metadata(&page).unwrap().len();
    let one = best(20, || {
        let out = Command::new(charter)
            .arg("import")
            .arg(&page)
            .arg("-o")
            .arg(work.path().join("one.toml"))
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1));
    });
    let baseline = best(20, || {
        let out = Command::new(charter)
            .arg("validate")
            .arg(Path::new(ROOT).join("charters/kawkhali-ict.toml"))
            .output()
            .unwrap();
        assert!(out.status.success());
    });

    // 1,000 pages in one process, into a directory.
    let many = work.path().join("pages");
    fs::create_dir_all(&many).unwrap();
    let mut inputs = Vec::with_capacity(PAGES);
    for i in 0..PAGES {
        let from = &pages[i % pages.len()];
        let ext = from.extension().unwrap().to_string_lossy();
        let to = many.join(format!("page-{i:04}.{ext}"));
        fs::copy(from, &to).unwrap();
        inputs.push(to);
    }
    let out_dir = work.path().join("charters");
    let batch = best(3, || {
        let _ = fs::remove_dir_all(&out_dir);
        let out = Command::new(charter)
            .arg("import")
            .args(&inputs)
            .arg("--out-dir")
            .arg(&out_dir)
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), PAGES);

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} distinct pages, {} cores",
        pages.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "baseline, validate the bundled charter (a process): {:8.1} ms",
        ms(baseline)
    );
    println!(
        "import one page ({} KB, a process):               {:8.1} ms  ({:.2}× the baseline; goal: under 30 ms)",
        size / 1024,
        ms(one),
        one.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "import {PAGES} pages with --out-dir:                 {:8.1} ms  ({:.1} ms a page; goal: under 10 s)",
        ms(batch),
        ms(batch) / PAGES as f64
    );
}
