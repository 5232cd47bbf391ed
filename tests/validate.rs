//! `charter validate` as a user and a CI job run it: the real binary on real files, with exit
//! codes, lines, columns, keys and messages checked.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const KAWKHALI: &str = "charters/kawkhali-ict.toml";

fn charter() -> Command {
    Command::cargo_bin("charter").expect("the charter binary is built")
}

/// Runs `charter validate --format json ARGS` and returns the exit code and the findings.
fn validate_json(args: &[&str]) -> (i32, Vec<Value>) {
    let out = charter()
        .arg("validate")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (
        out.status.code().unwrap(),
        findings.as_array().unwrap().clone(),
    )
}

/// Each finding as `line:column code key`, for comparing whole reports at a glance.
fn summary(findings: &[Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {}",
                f["line"],
                f["column"],
                f["code"].as_str().unwrap(),
                f["key"].as_str().unwrap()
            )
        })
        .collect()
}

/// The bundled charter with one edit, written to a temporary directory.
fn kawkhali_with(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let text = fs::read_to_string(KAWKHALI).unwrap();
    assert!(text.contains(from), "the bundled charter contains {from:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kawkhali-edited.toml");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    (dir, path)
}

fn line_of(path: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in file")
        + 1
}

fn errors(findings: &[Value]) -> Vec<&Value> {
    findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect()
}

#[test]
fn the_bundled_charter_is_valid_and_its_slips_are_warnings() {
    let (code, findings) = validate_json(&[KAWKHALI]);
    assert_eq!(code, 0);
    assert_eq!(
        summary(&findings),
        [
            "1:1 missing-section expectations",
            "1:1 missing-section grievance",
            "52:15 spelling services.institutional[0].time_limit",
            "94:14 time-limit services.institutional[3].time_limit",
        ]
    );
    assert!(
        findings[2]["message"]
            .as_str()
            .unwrap()
            .contains("`তাৎক্ষনিক` is spelled `তাৎক্ষণিক`")
    );
}

#[test]
fn strict_fails_on_warnings() {
    charter()
        .args(["validate", "--strict", KAWKHALI])
        .assert()
        .code(1);
}

#[test]
fn no_path_means_the_charters_directory() {
    let out = charter().arg("validate").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("charters/kawkhali-ict.toml:52:15: warning[spelling]"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("checked 1 file: 0 errors, 4 warnings\n"),
        "{stdout}"
    );
}

#[test]
fn complete_charters_pass_strict_without_a_warning() {
    let out = charter()
        .args(["validate", "--strict", "tests/fixtures/valid"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "checked 3 files: 0 errors, 0 warnings\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let (code, findings) = validate_json(&["--strict", "tests/fixtures/valid"]);
    assert_eq!((code, findings.len()), (0, 0));
}

#[test]
fn every_rule_is_reported_in_one_run_at_its_line_and_key() {
    let (code, findings) = validate_json(&["tests/fixtures/broken/every-rule.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&findings),
        [
            "1:1 missing-section grievance",
            "2:11 version version",
            "3:10 empty vision",
            "4:11 missing-key mission.bn",
            "5:11 type updated",
            "7:1 unknown-key colour",
            "11:11 website office.website",
            "12:9 email office.email",
            "16:9 phone officers.ac-land.phone",
            "19:11 unused-officer officers.clerk",
            "22:1 missing-key officers.nobody",
            "25:1 missing-key services.citizen[0].fee",
            "26:6 id-format services.citizen[0].id",
            "28:11 empty services.citizen[0].methods",
            "30:1 unknown-key services.citizen[0].fees",
            "31:14 time-limit services.citizen[0].time_limit",
            "39:7 type services.citizen[1].fee",
            "41:11 unknown-officer services.citizen[1].officer",
            "44:6 duplicate-id services.institutional[0].id",
            "48:7 fee services.institutional[0].fee",
            "50:11 officer-contact services.institutional[0].officer",
            "55:13 legacy-encoding services.internal[0].methods[0]",
            "56:20 zero-width services.internal[0].documents[0]",
            "58:15 spelling services.internal[0].time_limit",
        ]
    );
    let by_key = |key: &str| findings.iter().find(|f| f["key"] == key).unwrap();
    assert_eq!(
        by_key("services.citizen[0].fees")["help"],
        "did you mean `fee`?"
    );
    assert_eq!(
        by_key("services.citizen[1].officer")["help"],
        "did you mean `ac-land`?"
    );
    assert_eq!(
        by_key("services.citizen[0].id")["help"],
        "for example `mutation`"
    );
    assert_eq!(
        by_key("services.institutional[0].id")["message"],
        "service id `copy` is already used on line 35: ids must be unique in a charter"
    );
    assert_eq!(by_key("version")["severity"], "error");
    assert_eq!(by_key("officers.clerk")["severity"], "warning");
}

#[test]
fn a_misspelt_key_gets_did_you_mean() {
    let (_dir, path) = kawkhali_with(
        "fee = \"বিনামূল্যে\"\ntime_limit = \"৩ কার্যদিবস\"",
        "fees = \"বিনামূল্যে\"\ntime_limit = \"৩ কার্যদিবস\"",
    );
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    let line = line_of(&path, "fees = ");
    assert_eq!(errs.len(), 2, "{findings:#?}");
    assert_eq!(errs[0]["code"], "missing-key");
    assert_eq!(errs[0]["key"], "services.institutional[6].fee");
    assert_eq!(errs[1]["code"], "unknown-key");
    assert_eq!(errs[1]["key"], "services.institutional[6].fees");
    assert_eq!(errs[1]["line"], line);
    assert_eq!(errs[1]["column"], 1);
    assert_eq!(errs[1]["help"], "did you mean `fee`?");
}

#[test]
fn a_bad_phone_is_reported_where_it_is() {
    let (_dir, path) = kawkhali_with("phone = \"০১৮২৫৭০৬১৩৮\"", "phone = \"০১৮২৫৭০৬১৩\"");
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0]["key"], "officers.assistant-programmer.phone");
    assert_eq!(errs[0]["line"], line_of(&path, "phone = "));
    assert_eq!(errs[0]["column"], 9);
    assert_eq!(
        errs[0]["message"],
        "`০১৮২৫৭০৬১৩` is not a Bangladeshi phone number: a mobile number is 01, then 3–9, then 8 digits (11 digits in all)"
    );
}

#[test]
fn columns_count_characters_after_bengali_text() {
    // The bad value stands after 20 Bengali characters (60 bytes) on the same line.
    let (_dir, path) = kawkhali_with(
        "name = \"ইনোভেশন সংক্রান্ত পরামর্শ\"",
        "name = { bn = \"ইনোভেশন সংক্রান্ত পরামর্শ\", en = 5 }",
    );
    let (_, findings) = validate_json(&[path.to_str().unwrap()]);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0]["key"], "services.institutional[6].name.en");
    assert_eq!(
        errs[0]["column"], 49,
        "15 characters, 25 Bengali ones (75 bytes), then `\", en = ` put the 5 at column 49"
    );
}

#[test]
fn an_undefined_officer_and_a_missing_service_key() {
    let (_dir, path) = kawkhali_with(
        "officer = \"assistant-programmer\"",
        "officer = \"programmer\"",
    );
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0]["code"], "unknown-officer");
    assert_eq!(errs[0]["key"], "services.citizen[0].officer");
    assert_eq!(errs[0]["line"], line_of(&path, "officer = \"programmer\""));

    let (_dir, path) = kawkhali_with("documents = [\"দাপ্তরিক ওয়েবসাইট\"]\n", "");
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs[0]["code"], "missing-key");
    assert_eq!(errs[0]["key"], "services.citizen[0].documents");
    assert_eq!(
        errs[0]["line"],
        line_of(&path, "[[services.citizen]]"),
        "reported at the service's header"
    );
}

#[test]
fn a_blank_fee_cell_is_an_error() {
    let (_dir, path) = kawkhali_with("fee = \"বিনামূল্যে\"", "fee = \"  \"");
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&errors(&findings).into_iter().cloned().collect::<Vec<_>>()),
        [format!(
            "{}:7 empty services.citizen[0].fee",
            line_of(&path, "fee = \"  \"")
        )]
    );
}

#[test]
fn a_syntax_error_stops_its_file_but_not_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(KAWKHALI).unwrap();
    fs::write(
        dir.path().join("a-broken.toml"),
        text.replacen("fee = \"বিনামূল্যে\"", "fee = \"বিনামূল্যে", 1),
    )
    .unwrap();
    fs::write(
        dir.path().join("b-bad-email.toml"),
        text.replacen("kawkhalidoict@gmail.com", "kawkhalidoict", 1),
    )
    .unwrap();
    let (code, findings) = validate_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let files: Vec<(&str, &str, u64)> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["file"].as_str().unwrap().rsplit('/').next().unwrap(),
                f["code"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let fee_line = line_of(Path::new(KAWKHALI), "fee = ") as u64;
    let email_line = line_of(Path::new(KAWKHALI), "email = ") as u64;
    assert_eq!(
        files,
        [
            ("a-broken.toml", "syntax", fee_line),
            ("b-bad-email.toml", "email", email_line)
        ]
    );
}

#[test]
fn a_syntax_error_names_the_key_it_belongs_to() {
    let (_dir, path) = kawkhali_with(
        "fee = \"বিনামূল্যে\"\n",
        "fee = \"বিনামূল্যে\"\nfee = \"১০০ টাকা\"\n",
    );
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let line = line_of(&path, "fee = \"১০০ টাকা\"");
    assert_eq!(
        summary(&findings),
        [format!("{line}:1 syntax services.citizen[0].fee")]
    );
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("duplicate key")
    );

    let (_dir, path) = kawkhali_with("time_limit = \"৩ কার্যদিবস\"", "time_limit = \"৩ কার্যদিবস");
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        findings[0]["line"],
        line_of(&path, "time_limit = \"৩ কার্যদিবস") as u64
    );
    assert_eq!(findings[0]["key"], "services.institutional[6].time_limit");
}

#[test]
fn invalid_utf8_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    fs::write(&path, b"version = 1\nvision = \"caf\xe9\"\n").unwrap();
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(summary(&findings), ["2:14 encoding "]);
    assert!(findings[0]["message"].as_str().unwrap().contains("0xE9"));
}

#[test]
fn a_huge_file_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    fs::write(&path, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(findings[0]["code"], "too-large");
}

#[test]
fn deep_nesting_and_non_toml_are_errors_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("deep.toml"),
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    fs::write(
        dir.path().join("html.toml"),
        "<html><body>not a charter</body></html>\n",
    )
    .unwrap();
    fs::write(dir.path().join("empty.toml"), "").unwrap();
    // Named, each is checked (a directory walk would pass over them as not charters).
    let names: Vec<String> = ["deep.toml", "html.toml", "empty.toml"]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (code, findings) = validate_json(&names);
    assert_eq!(code, 1);
    let codes: Vec<(String, &str)> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(codes.contains(&("deep.toml".into(), "syntax")), "{codes:?}");
    assert!(codes.contains(&("html.toml".into(), "syntax")), "{codes:?}");
    assert!(
        codes.contains(&("empty.toml".into(), "missing-key")),
        "an empty file lacks every required key: {codes:?}"
    );
}

#[test]
fn missing_paths_and_empty_directories_are_usage_errors() {
    let out = charter()
        .args(["validate", "no/such/charter.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "charter: error: no/such/charter.toml: no such file or directory\n"
    );

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "not a charter").unwrap();
    let out = charter().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("no charter files (*.toml) in this directory")
    );

    // The other paths are still checked and reported.
    let out = charter()
        .args(["validate", "--format", "json", "missing.toml", KAWKHALI])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 4);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.toml");
    fs::copy(KAWKHALI, &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        return; // root reads anything: nothing to test here
    }
    let out = charter().arg("validate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    charter()
        .args(["validate", "--format", "yaml"])
        .assert()
        .code(2);
    charter()
        .args(["validate", "--no-such-flag"])
        .assert()
        .code(2);
}

#[test]
fn human_output_has_location_snippet_caret_and_help() {
    let out = charter()
        .args(["validate", "tests/fixtures/broken/every-rule.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = "\
tests/fixtures/broken/every-rule.toml:30:1: error[unknown-key]: services.citizen[0].fees: unknown key `fees` in a service
   |
30 | fees = \"১১৭০ টাকা\"  # ! unknown-key, did you mean `fee`; and fee is missing-key at the header
   | ^^^^
   = help: did you mean `fee`?
";
    assert!(stdout.contains(expected), "{stdout}");
    // The caret stands under the value, measured in terminal cells: ি and া take a cell, ্ none.
    let expected = "\
tests/fixtures/broken/every-rule.toml:56:20: warning[zero-width]: services.internal[0].documents[0]: a stray zero-width character U+200B that readers cannot see
   |
56 | documents = [\"আবেদন\u{200b}ফরম\"]  # ! zero-width (U+200B between the words)
   |                    ^
";
    assert!(stdout.contains(expected), "{stdout}");
    assert!(
        stdout.ends_with("checked 1 file: 16 errors, 8 warnings (1 file not valid)\n"),
        "{stdout}"
    );
}

#[test]
fn github_output_is_escaped_workflow_commands() {
    let out = charter()
        .args([
            "validate",
            "--format",
            "github",
            "tests/fixtures/broken/every-rule.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 24);
    assert!(lines.contains(&"::error file=tests/fixtures/broken/every-rule.toml,line=2,col=11,endLine=2,endColumn=12,title=charter version::version: format version 2 is not supported: this tool reads version 1"));
    assert!(lines.contains(&"::warning file=tests/fixtures/broken/every-rule.toml,line=19,col=11,endLine=19,endColumn=16,title=charter unused-officer::officers.clerk: officer `clerk` is defined but no service or grievance step names it"));
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file="))
    );
}

#[test]
fn github_output_escapes_commas_and_colons_in_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c.toml");
    fs::write(&path, "version = 3\n").unwrap();
    let out = charter()
        .args(["validate", "--format", "github"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("a%2Cb%3Ac.toml,line=1,col=11"), "{stdout}");
}

#[test]
fn sarif_output_is_a_sarif_2_1_0_log() {
    let out = charter()
        .args([
            "validate",
            "--format",
            "sarif",
            "tests/fixtures/broken/every-rule.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "charter");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 24);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the rule"
        );
    }
    let phone = results.iter().find(|r| r["ruleId"] == "phone").unwrap();
    assert_eq!(phone["level"], "error");
    let location = &phone["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/broken/every-rule.toml"
    );
    assert_eq!(location["region"]["startLine"], 16);
    assert_eq!(location["region"]["startColumn"], 9);
}

#[test]
fn clean_output_in_every_machine_format() {
    let (code, findings) = validate_json(&["tests/fixtures/valid"]);
    assert_eq!((code, findings.len()), (0, 0));
    let out = charter()
        .args(["validate", "--format", "json", "tests/fixtures/valid"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    let out = charter()
        .args(["validate", "--format", "github", "tests/fixtures/valid"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"");
    let out = charter()
        .args(["validate", "--format", "sarif", "tests/fixtures/valid"])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
}

#[test]
fn many_files_in_nested_directories() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("tests/fixtures/valid/land-office.toml").unwrap();
    for i in 0..300 {
        let sub = dir.path().join(format!("district-{}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("office-{i:03}.toml")), &text).unwrap();
    }
    fs::write(
        dir.path().join("district-3/broken.toml"),
        text.replace("version = 1", "version = 7"),
    )
    .unwrap();
    let out = charter().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("district-3/broken.toml:1:11: error[version]"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("checked 301 files: 1 error, 0 warnings (1 file not valid)\n"),
        "{stdout}"
    );
}

#[test]
fn the_format_additions_validate_and_an_unknown_superior_is_an_error() {
    let additions = "officer = \"assistant-programmer\"\nsuperior = \"uno\"\nplace = \"উপজেলা পরিষদ ভবন\"\nremarks = \"অফিস চলাকালীন\"\nsection = \"আইসিটি শাখা\"";
    let (_dir, path) = kawkhali_with("officer = \"assistant-programmer\"", additions);
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0]["code"], "unknown-officer");
    assert_eq!(errs[0]["key"], "services.citizen[0].superior");
    assert_eq!(errs[0]["line"], line_of(&path, "superior = \"uno\""));

    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("superior = \"uno\"", "superior = \"assistant-programmer\"")
        .replace(
            "source = \"kawkhali-ict-office-charter.txt\"",
            "source = \"https://doict.kawkhali.pirojpur.gov.bd/site/page/citizen-charter\"",
        );
    fs::write(&path, text).unwrap();
    let (code, findings) = validate_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{findings:?}");
}

/// Issue 13, failure 4: a file of many syntax errors once cost quadratic time and memory and
/// printed each whole line once per error (216 MB for 36 KB). Now: 100 errors and one that says
/// how many more, and snippets clipped around the caret, so output stays small whatever the input.
#[test]
fn many_syntax_errors_are_capped_and_their_snippets_clipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commas.toml");
    // One line: an array of 16,000 pairs without commas, 128 KB, 31,999 syntax errors.
    let pairs = "\"a\" \"b\" ".repeat(16_000);
    fs::write(&path, format!("x = [{pairs}]\n")).unwrap();
    let file = path.to_str().unwrap();

    let (code, findings) = validate_json(&[file]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 101, "100 errors, then one for the rest");
    assert!(findings.iter().all(|f| f["code"] == "syntax"));
    let last = findings[100]["message"].as_str().unwrap();
    assert!(
        last.contains("… and 31899 more syntax errors"),
        "the last finding counts the rest: {last}"
    );

    let out = charter().args(["validate", file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let human = String::from_utf8(out.stdout).unwrap();
    let longest = human.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        longest < 250,
        "a snippet line is clipped: {longest} characters"
    );
    assert!(human.len() < 60_000, "{} bytes of output", human.len());
    // The clipped snippet still shows the text at the caret.
    assert!(human.contains("1 | … \"b\" \"a\""), "{}", &human[..2000]);
}

/// Issue 14: `validate .` reported `Cargo.toml` as an invalid charter and `fmt .` rewrote a
/// `pyproject.toml`. A directory walk takes only charters, and says what it passed over; a file
/// named on the command line is always checked.
#[test]
fn directory_walks_pass_over_toml_that_is_not_a_charter() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("charters")).unwrap();
    fs::copy(KAWKHALI, dir.path().join("charters/office.toml")).unwrap();
    let pyproject = "[project]\nname   =   \"x\"\nversion = \"1.0\"\n";
    fs::write(dir.path().join("pyproject.toml"), pyproject).unwrap();
    fs::copy("Cargo.toml", dir.path().join("Cargo.toml")).unwrap();
    let root = dir.path().to_str().unwrap();

    let out = charter().args(["validate", root]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("checked 1 file: 0 errors, 4 warnings"),
        "{stdout}"
    );
    assert!(
        stdout.contains("skipped 2 .toml files that are not charters"),
        "{stdout}"
    );
    assert!(stdout.contains("Cargo.toml") && stdout.contains("pyproject.toml"));

    let (code, findings) = validate_json(&[root]);
    assert_eq!(
        (code, findings.len()),
        (0, 4),
        "JSON has the charter's findings alone"
    );

    let out = charter().args(["fmt", root]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(dir.path().join("pyproject.toml")).unwrap();
    assert_eq!(text, pyproject, "fmt leaves other TOML alone");

    // Named, it is checked: it is not a charter.
    let cargo = dir.path().join("Cargo.toml");
    let (code, _) = validate_json(&[cargo.to_str().unwrap()]);
    assert_eq!(code, 1);
}
