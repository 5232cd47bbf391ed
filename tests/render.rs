//! `charter render` as users run it: the real binary, snapshots of every format, every table line
//! measured at several widths, and the refusals (a broken charter, an unknown service).

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use unicode_width::UnicodeWidthStr;

const KAWKHALI: &str = "charters/kawkhali-ict.toml";
const COMPLETE: &str = "tests/fixtures/valid/union-parishad.toml";
const LAND: &str = "tests/fixtures/valid/land-office.toml";
const POURASHAVA: &str = "tests/fixtures/valid/pourashava.toml";

fn render(args: &[&str]) -> String {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .arg("render")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The width of a line as a terminal shows it. unicode-width is pinned at 0.1.11, which agrees
/// with the terminal (glibc wcwidth, tmux) on Bengali; src/render/width.rs tests the measured
/// values.
fn cells(line: &str) -> usize {
    UnicodeWidthStr::width(line)
}

#[test]
fn snapshots_of_every_format() {
    for (name, file) in [("kawkhali", KAWKHALI), ("complete", COMPLETE)] {
        insta::assert_snapshot!(
            format!("{name}-table-100"),
            render(&[file, "--width", "100"])
        );
        insta::assert_snapshot!(format!("{name}-table-60"), render(&[file, "--width", "60"]));
        insta::assert_snapshot!(
            format!("{name}-markdown"),
            render(&[file, "--format", "markdown"])
        );
        insta::assert_snapshot!(format!("{name}-html"), render(&[file, "--format", "html"]));
        insta::assert_snapshot!(format!("{name}-json"), render(&[file, "--format", "json"]));
    }
    insta::assert_snapshot!(
        "complete-table-en",
        render(&[COMPLETE, "--lang", "en", "--width", "100"])
    );
    insta::assert_snapshot!(
        "kawkhali-one-service",
        render(&[KAWKHALI, "--service", "web-portal", "--width", "80"])
    );
}

#[test]
fn no_line_is_wider_than_asked_and_borders_line_up() {
    for file in [KAWKHALI, COMPLETE, LAND, POURASHAVA] {
        for width in [40, 50, 60, 72, 80, 100, 120, 160] {
            let text = render(&[file, "--width", &width.to_string()]);
            let mut box_width = None;
            for line in text.lines() {
                assert!(
                    cells(line) <= width,
                    "{file} at {width}: {} cells: {line}",
                    cells(line)
                );
                // Every line of one box has the width of its top border.
                if line.starts_with('┌') {
                    box_width = Some(cells(line));
                }
                if line.starts_with(['│', '├', '└', '┌']) {
                    assert_eq!(
                        Some(cells(line)),
                        box_width,
                        "{file} at {width}: misaligned: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn without_a_terminal_the_table_is_100_columns() {
    let text = render(&[KAWKHALI]);
    let widest = text.lines().map(cells).max().unwrap();
    assert_eq!(widest, 100);
}

/// Every word of every service's name, in every format.
#[test]
fn every_service_is_in_every_format() {
    for file in [KAWKHALI, COMPLETE, LAND, POURASHAVA] {
        let json: Value = serde_json::from_str(&render(&[file, "--format", "json"])).unwrap();
        let services = json["services"].as_array().unwrap();
        assert!(!services.is_empty());
        let outputs = [
            render(&[file, "--width", "100"]),
            render(&[file, "--width", "60"]),
            render(&[file, "--format", "markdown"]),
            render(&[file, "--format", "html"]),
        ];
        for service in services {
            let name = service["name"].as_str().unwrap();
            for output in &outputs {
                for word in name.split_whitespace() {
                    assert!(
                        output.contains(word),
                        "{file}: `{word}` of `{name}` is missing"
                    );
                }
            }
        }
    }
    let json: Value = serde_json::from_str(&render(&[KAWKHALI, "--format", "json"])).unwrap();
    let ids: Vec<&str> = json["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ict-office-info",
            "ict-purchase-advice",
            "e-filing",
            "web-portal",
            "sheikh-russel-digital-lab",
            "ict-training-officials",
            "multimedia-classroom-training",
            "ict-procurement-support",
            "innovation-advice"
        ]
    );
}

#[test]
fn serials_restart_in_each_table_in_bengali_digits() {
    let text = render(&[KAWKHALI, "--width", "160"]);
    let serials: Vec<&str> = text
        .lines()
        .filter_map(|l| {
            l.strip_prefix("│ ")
                .and_then(|l| l.split_whitespace().next())
        })
        .filter(|s| s.chars().all(|c| ('০'..='৯').contains(&c)))
        .collect();
    // Each table: its column-number row starts with ০১, then the services ০১, ০২, ….
    assert_eq!(
        serials,
        [
            "০১", "০১", "০২", "০১", "০১", "০২", "০৩", "০৪", "০৫", "০৬", "০৭"
        ]
    );
}

#[test]
fn json_carries_the_derived_values() {
    let json: Value = serde_json::from_str(&render(&[LAND, "--format", "json"])).unwrap();
    assert_eq!(json["shape"], "charter-render");
    assert_eq!(json["version"], 1);
    let mutation = &json["services"][0];
    assert_eq!(mutation["id"], "mutation");
    assert_eq!(mutation["category"], "citizen");
    assert_eq!(mutation["serial"], 1);
    assert_eq!(mutation["serial_text"], "০১");
    assert_eq!(mutation["fee"]["kind"], "amount");
    assert_eq!(mutation["fee"]["taka"], 1170);
    assert_eq!(
        mutation["time_limit"]["max"],
        serde_json::json!({"value": 28, "unit": "working_days"})
    );
    assert_eq!(
        mutation["officer"]["phone"]["numbers"][0]["international"],
        "+8801700553421"
    );
    let copy = &json["services"][2];
    assert_eq!(
        copy["fee"],
        serde_json::json!({"text": "প্রতি পৃষ্ঠা ০.১৫ - ০.৩০ টাকা", "kind": "range", "min": 0.15, "max": 0.3})
    );
    assert_eq!(
        copy["time_limit"]["max"],
        serde_json::json!({"value": 95, "unit": "minutes"})
    );
    assert_eq!(json["services"][1]["time_limit"]["immediate"], true);
    assert_eq!(json["grievance"][0]["officer"]["designation"], "জেলা প্রশাসক");
    assert_eq!(json["office"]["phone"]["numbers"][0]["kind"], "landline");
}

#[test]
fn english_uses_english_texts_and_falls_back_to_bengali() {
    let json: Value =
        serde_json::from_str(&render(&[COMPLETE, "--format", "json", "--lang", "en"])).unwrap();
    assert_eq!(json["title"], "Citizen Charter");
    assert_eq!(
        json["services"][0]["name"],
        "Birth registration certificate"
    );
    assert_eq!(
        json["services"][1]["name"], "ট্রেড লাইসেন্স প্রদান ও নবায়ন",
        "no English: Bengali"
    );
    let table = render(&[COMPLETE, "--lang", "en", "--width", "120"]);
    assert!(table.contains("2.1 Citizen services"));
    assert!(table.contains("Vision:"));
}

#[test]
fn one_service_only() {
    let json: Value = serde_json::from_str(&render(&[
        KAWKHALI,
        "--format",
        "json",
        "--service",
        "web-portal",
    ]))
    .unwrap();
    assert_eq!(json["services"].as_array().unwrap().len(), 1);
    assert_eq!(
        json["services"][0]["serial"], 2,
        "its serial in its own table"
    );
    let md = render(&[KAWKHALI, "--format", "markdown", "--service", "web-portal"]);
    assert!(md.contains("ওয়েব-পোর্টাল সংক্রান্ত"));
    assert!(!md.contains("ই-ফাইলিং"));
    assert!(!md.contains("ভিশনঃ"));
}

#[test]
fn html_is_self_contained_and_accessible() {
    let html = render(&[COMPLETE, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"bn\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("<th scope=\"col\">সেবার নাম</th>"));
    assert!(html.contains("<th scope=\"row\" data-label=\"ক্রমিক নং\">০১</th>"));
    assert!(html.contains("size: A4 landscape"));
    assert_eq!(
        html.matches("<table>").count(),
        4,
        "three service tables and the grievance table"
    );
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "no external request: {external}");
    }
}

#[test]
fn a_charter_with_errors_is_refused_with_its_findings() {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", "tests/fixtures/broken/every-rule.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("every-rule.toml:2:11: error[version]"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("warning["),
        "warnings do not stop rendering and are not repeated"
    );
    assert!(stderr.contains("every-rule.toml: 16 error(s)"), "{stderr}");
}

#[test]
fn an_unknown_service_is_a_usage_error_with_a_suggestion() {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "--service", "web-portl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "charter: error: charters/kawkhali-ict.toml: no service with id `web-portl`; did you mean `web-portal`?\n"
    );
}

#[test]
fn output_files_are_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("charter.html");
    Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "--format", "html", "-o"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        render(&[KAWKHALI, "--format", "html"])
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left"
    );

    let missing = dir.path().join("no-such-dir/charter.html");
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "-o"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));

    // A broken charter leaves an existing output untouched.
    fs::write(&path, "old").unwrap();
    Command::cargo_bin("charter")
        .unwrap()
        .args(["render", "tests/fixtures/broken/every-rule.toml", "-o"])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
}

#[test]
fn too_narrow_a_width_is_a_usage_error() {
    Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "--width", "20"])
        .assert()
        .code(2);
    Command::cargo_bin("charter")
        .unwrap()
        .args(["render", KAWKHALI, "--format", "docx"])
        .assert()
        .code(2);
}

/// The format's optional columns print only where a service has them, and sections span the
/// table, in every format.
#[test]
fn superior_place_remarks_and_sections() {
    let html = render(&[POURASHAVA, "--format", "html"]);
    assert!(html.contains("<th scope=\"col\">উর্ধ্বতন কর্মকর্তা (নাম, পদবী, মোবাইল নম্বর ও ই-মেইল)</th><th scope=\"col\">সেবা প্রদানের স্থান</th><th scope=\"col\">মন্তব্য</th>"), "{html}");
    assert!(html.contains(
        "<tr class=\"section\"><th colspan=\"10\" scope=\"rowgroup\">প্রশাসন বিভাগ</th></tr>"
    ));
    assert_eq!(
        html.matches("<tr class=\"section\">").count(),
        2,
        "one row per change of section"
    );
    let markdown = render(&[POURASHAVA, "--format", "markdown"]);
    assert!(markdown.contains("| **প্রকৌশল বিভাগ** |  |  |  |  |  |  |  |  |  |\n"));
    assert!(markdown.contains("| সরেজমিন তদন্ত সাপেক্ষে |"));
    let table = render(&[POURASHAVA, "--width", "250"]);
    assert!(
        table.lines().any(|l| l.starts_with("│ প্রশাসন বিভাগ ")),
        "{table}"
    );
    let json: Value = serde_json::from_str(&render(&[POURASHAVA, "--format", "json"])).unwrap();
    assert_eq!(
        json["source"],
        "https://example-pourashava.gov.bd/site/page/citizen-charter"
    );
    assert_eq!(json["services"][1]["superior"]["designation"], "মেয়র");
    assert_eq!(json["services"][1]["remarks"], "সরেজমিন তদন্ত সাপেক্ষে");
    assert_eq!(json["services"][2]["section"], "প্রকৌশল বিভাগ");
    // A charter without them prints none of their columns.
    let kawkhali = render(&[KAWKHALI, "--format", "html"]);
    assert!(!kawkhali.contains("scope=\"col\">উর্ধ্বতন") && !kawkhali.contains("class=\"section\""));
}

/// Issue 14: scripts looped over processes to render many charters. `--out-dir` renders them in
/// one process, each after its name; a charter with errors is reported and the rest are written.
#[test]
fn out_dir_renders_many_charters_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", "--format", "html", KAWKHALI, LAND, POURASHAVA])
        .arg("tests/fixtures/broken/every-rule.toml")
        .arg("--out-dir")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "one charter has errors");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("charter: wrote 3 of 4 charters to"),
        "{stderr}"
    );
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["kawkhali-ict.html", "land-office.html", "pourashava.html"]
    );
    // Each file is what rendering that charter alone gives.
    let alone = render(&[LAND, "--format", "html"]);
    assert_eq!(
        fs::read_to_string(out.join("land-office.html")).unwrap(),
        alone
    );

    // Several charters without --out-dir, or two that would land on one name: usage errors.
    for args in [
        vec!["render", KAWKHALI, LAND],
        vec!["render", KAWKHALI, KAWKHALI, "--out-dir", "unused"],
    ] {
        let run = Command::cargo_bin("charter")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{args:?}");
    }
    assert!(!std::path::Path::new("unused").exists());
}

/// `--draft` renders a charter with errors in every text format, said at the top and with each
/// gap marked; a file that is not TOML is still refused.
#[test]
fn a_draft_renders_a_charter_with_errors_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.toml");
    let text = fs::read_to_string(KAWKHALI)
        .unwrap()
        .replace("officer = \"assistant-programmer\"", "officer = \"nobody\"")
        .replace("fee = \"বিনামূল্যে\"\n", "");
    fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    for format in ["table", "markdown", "html", "json"] {
        let out = Command::cargo_bin("charter")
            .unwrap()
            .args(["render", "-f", format, file])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: strict without --draft"
        );
        let shown = render(&["--draft", "-f", format, file]);
        // JSON says `"draft": true` instead of a banner (below).
        assert!(
            format == "json" || shown.contains("খসড়া"),
            "{format}: no draft mark"
        );
        // The banner names the mark once; the missing fees and the officer are marked.
        assert!(shown.matches("ফাঁকা").count() >= 3, "{format}: no gap mark");
    }
    let json: Value = serde_json::from_str(&render(&["--draft", "-f", "json", file])).unwrap();
    assert_eq!(json["draft"], true);
    assert_eq!(json["services"][0]["fee"]["text"], "[ফাঁকা]");
    assert_eq!(json["services"][0]["officer"]["designation"], "[ফাঁকা]");
    let valid = render(&["-f", "json", KAWKHALI]);
    assert!(
        !valid.contains("\"draft\""),
        "a normal render says nothing of drafts"
    );
    let broken = dir.path().join("broken.toml");
    fs::write(&broken, "vision = \"unclosed\n").unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", "--draft"])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid TOML"));
}
