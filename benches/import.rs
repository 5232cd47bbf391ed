//! `charter import` as a clerk's script runs it: one page as a process, and 1,000 pages with
//! `--out-dir` in one process (both cores), against a baseline measured in the same run:
//! `charter validate` of the bundled charter as a process (start-up, read, parse, check).
//!
//! The pages are the bundled charter and the fixtures rendered as HTML and Markdown, and the
//! import samples in `../shared/import-samples` when that folder is beside the repository.
//!
//! Then text import's speed in every layout it reads (pipes with and without the outer ones,
//! one cell a line, one cell a paragraph, tabs, Markdown, a numbered list, bullets), each at
//! about 0.8 MB and 3.2 MB: MB/s at each size (goal: at least 2), and the time per MB of the
//! large input over the small one's (linear work stays near 1).
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

    let speeds = layout_speeds(charter, work.path());

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
    println!("text import by layout (a process each; goal: at least 2 MB/s, linear):");
    for (layout, small, large) in speeds {
        println!(
            "  {layout:<22} {:6.2} MB/s at {:.1} MB, {:6.2} MB/s at {:.1} MB  (time per MB, large/small: {:.2})",
            small.1,
            small.0,
            large.1,
            large.0,
            small.1 / large.1
        );
    }
}

/// One service row of a generated charter table: serial, name, method, paper, fee, time,
/// officer (five officers in turn, as pages have few).
fn row(i: usize) -> [String; 7] {
    [
        bengali(i),
        format!("নাগরিক সনদপত্র প্রদান {}", bengali(i)),
        "সরাসরি আবেদনের মাধ্যমে".into(),
        "জাতীয় পরিচয়পত্রের সত্যায়িত কপি".into(),
        "বিনামূল্যে".into(),
        "৩ কার্যদিবস".into(),
        format!(
            "মোঃ আব্দুল করিম {}, ইউপি সচিব, ০১৭১১-৫৫৩৪২{}",
            bengali(i % 5),
            bengali(i % 10)
        ),
    ]
}

fn bengali(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32('০' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// A page of `n` services in `layout`.
fn page_in(layout: &str, n: usize) -> String {
    const HEADINGS: [&str; 7] = [
        "ক্রমিক নং",
        "সেবার নাম",
        "সেবা প্রদান পদ্ধতি",
        "প্রয়োজনীয় কাগজপত্র",
        "সেবার মূল্য",
        "সময়সীমা",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা",
    ];
    let rows = (1..=n).map(row);
    let joined = |cells: &[String], sep: &str| cells.join(sep);
    let headings: Vec<String> = HEADINGS.iter().map(|h| h.to_string()).collect();
    let mut lines: Vec<String> = Vec::new();
    match layout {
        "pipes" | "markdown" => {
            lines.push(format!("| {} |", joined(&headings, " | ")));
            if layout == "markdown" {
                lines.push(format!("|{}", "---|".repeat(7)));
            }
            lines.extend(rows.map(|r| format!("| {} |", joined(&r, " | "))));
        }
        "pipes, no outer ones" => {
            lines.push(joined(&headings, " | "));
            lines.extend(rows.map(|r| joined(&r, " | ")));
        }
        "one cell a line" => {
            lines.extend(headings);
            lines.extend(rows.flat_map(|r| r.into_iter()));
        }
        "one cell a paragraph" => {
            lines.push(joined(&headings, "\n\n"));
            lines.extend(rows.map(|r| joined(&r, "\n\n")));
            return lines.join("\n\n") + "\n";
        }
        "tabs" => {
            lines.push(joined(&headings, "\t"));
            lines.extend(rows.map(|r| joined(&r, "\t")));
        }
        "numbered list" => {
            lines.extend(rows.map(|r| format!("{}। {} সেবা প্রদান করা হয় -০২ দিন", r[0], r[1])))
        }
        _ => {
            lines.push("প্রদেয় সেবা".into());
            lines.extend(rows.map(|r| format!("• {} সেবা প্রদান করা হয়", r[1])));
        }
    }
    lines.join("\n") + "\n"
}

/// (layout, (MB, MB/s) small, (MB, MB/s) large) for every text layout.
type Speed = (&'static str, (f64, f64), (f64, f64));

fn layout_speeds(charter: &str, work: &Path) -> Vec<Speed> {
    const LAYOUTS: [&str; 8] = [
        "pipes",
        "pipes, no outer ones",
        "one cell a line",
        "one cell a paragraph",
        "tabs",
        "markdown",
        "numbered list",
        "bullets",
    ];
    let speed = |layout: &str, n: usize| -> (f64, f64) {
        let text = page_in(layout, n);
        let input = work.join("layout.txt");
        fs::write(&input, &text).unwrap();
        let time = best(3, || {
            let out = Command::new(charter)
                .arg("import")
                .arg(&input)
                .arg("-o")
                .arg(work.join("layout.toml"))
                .output()
                .unwrap();
            assert!(
                out.status.code().is_some_and(|c| c <= 1),
                "{layout}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        });
        let mb = text.len() as f64 / 1e6;
        (mb, mb / time.as_secs_f64())
    };
    LAYOUTS
        .iter()
        .map(|&layout| {
            // Lists are shorter a service than tables: more services for the same size.
            let n = if layout.ends_with("list") || layout == "bullets" {
                8000
            } else {
                2000
            };
            (layout, speed(layout, n), speed(layout, 4 * n))
        })
        .collect()
}
