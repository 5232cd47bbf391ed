//! Scripting charter updates: `set`, `fmt`, `diff`, `init`, completions and the man page, run as
//! a user runs them; and a property test of `fmt` over generated charters.

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const KAWKHALI: &str = "charters/kawkhali-ict.toml";

fn charter() -> Command {
    Command::cargo_bin("charter").unwrap()
}

/// A copy of a charter, with comments added where `set` must keep them.
fn commented_copy(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(KAWKHALI).unwrap().replace(
        "fee = \"বিনামূল্যে\"\ntime_limit = \"৩ কার্যদিবস\"",
        "fee = \"বিনামূল্যে\"   # checked 2024\ntime_limit = \"৩ কার্যদিবস\"",
    );
    let path = dir.join("office.toml");
    fs::write(&path, text).unwrap();
    path
}

/// Runs `charter set PATH KEY VALUE`.
fn set(path: &Path, key: &str, value: &str) -> std::process::Output {
    charter()
        .arg("set")
        .arg(path)
        .args([key, value])
        .output()
        .unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn set_changes_one_value_and_keeps_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    let before = fs::read_to_string(&path).unwrap();
    charter()
        .arg("set")
        .arg(&path)
        .args(["services.innovation-advice.fee", "১০০ টাকা"])
        .assert()
        .code(0);
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        before.replace(
            "fee = \"বিনামূল্যে\"   # checked 2024",
            "fee = \"১০০ টাকা\"   # checked 2024"
        )
    );

    charter()
        .arg("set")
        .arg(&path)
        .args(["officers.assistant-programmer.phone", "০১৭১১-০০০০০০"])
        .assert()
        .code(0);
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("phone = \"০১৭১১-০০০০০০\"\n"));
    assert_eq!(after.lines().count(), before.lines().count());
}

#[test]
fn set_adds_a_translation_to_a_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    charter()
        .arg("set")
        .arg(&path)
        .args(["services.web-portal.name.en", "Web portal"])
        .assert()
        .code(0);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("name = { bn = \"ওয়েব-পোর্টাল সংক্রান্ত\", en = \"Web portal\" }\n")
    );
}

#[test]
fn a_refused_edit_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    let before = fs::read(&path).unwrap();
    let out = charter()
        .arg("set")
        .arg(&path)
        .args(["officers.assistant-programmer.phone", "১২"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error[phone]: officers.assistant-programmer.phone"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("not changed"));
    assert_eq!(fs::read(&path).unwrap(), before);

    let out = charter()
        .arg("set")
        .arg(&path)
        .args(["services.e-filing.fees", "১০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `fee`?"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), before);

    let out = charter()
        .arg("set")
        .arg(&path)
        .args(["services.e-filng.fee", "১০ টাকা"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no service with id `e-filng`; did you mean `e-filing`?"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn services_are_added_from_stdin_and_removed_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    let service = "id = \"cyber-safety\"\nname = \"সাইবার নিরাপত্তা বিষয়ক পরামর্শ\"\nmethods = [\"ব্যক্তি উপস্থিতির মাধ্যমে\"]\ndocuments = [\"প্রয়োজনীয় তথ্য\"]\nfee = \"বিনামূল্যে\"\ntime_limit = \"৩ কার্যদিবস\"\nofficer = \"assistant-programmer\"\n";
    charter()
        .arg("set")
        .arg("--add-service")
        .arg(&path)
        .arg("citizen")
        .write_stdin(service)
        .assert()
        .code(0);
    let json: Value = serde_json::from_slice(
        &charter()
            .arg("render")
            .arg(&path)
            .args(["-f", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let ids: Vec<&str> = json["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        &ids[..3],
        ["ict-office-info", "ict-purchase-advice", "cyber-safety"]
    );

    charter()
        .arg("set")
        .arg("--remove-service")
        .arg(&path)
        .arg("e-filing")
        .assert()
        .code(0);
    let json: Value = serde_json::from_slice(
        &charter()
            .arg("render")
            .arg(&path)
            .args(["-f", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        json["services"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != "e-filing")
    );
    assert_eq!(json["services"].as_array().unwrap().len(), 9);

    // A service that would not validate is refused like any other edit.
    let before = fs::read(&path).unwrap();
    charter()
        .arg("set")
        .arg("--add-service")
        .arg(&path)
        .arg("citizen")
        .write_stdin("id = \"Bad Id\"\n")
        .assert()
        .code(1);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn fmt_check_fails_on_a_badly_spaced_file_and_fmt_fixes_it_without_changing_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spaced.toml");
    let messy = fs::read_to_string("tests/fixtures/valid/land-office.toml")
        .unwrap()
        .replace(" = ", "   =   ")
        .replace("\n[", "\n\n\n[");
    fs::write(&path, &messy).unwrap();
    let out = charter()
        .args(["fmt", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}\n", path.display())
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );

    charter().arg("fmt").arg(&path).assert().code(0);
    let formatted = fs::read_to_string(&path).unwrap();
    assert!(!formatted.contains("   =   ") && !formatted.contains("\n\n\n"));
    let json = |p: &Path| -> Value {
        serde_json::from_slice(
            &charter()
                .arg("render")
                .arg(p)
                .args(["-f", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
    };
    let original = dir.path().join("original.toml");
    fs::copy("tests/fixtures/valid/land-office.toml", &original).unwrap();
    assert_eq!(json(&path), json(&original), "the charter is the same");
    charter()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    charter().arg("fmt").arg(&path).assert().code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), formatted, "idempotent");
}

#[test]
fn diff_shows_changes_by_meaning_with_diffs_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let new = commented_copy(dir.path());
    charter()
        .args(["diff", KAWKHALI, KAWKHALI])
        .assert()
        .code(0)
        .stdout("");
    charter()
        .arg("set")
        .arg(&new)
        .args(["services.innovation-advice.fee", "১০০ টাকা"])
        .assert()
        .code(0);
    charter()
        .arg("set")
        .arg(&new)
        .args(["services.e-filing.time_limit", "৭ কার্যদিবস"])
        .assert()
        .code(0);
    charter()
        .arg("set")
        .arg("--remove-service")
        .arg(&new)
        .arg("web-portal")
        .assert()
        .code(0);
    let out = charter()
        .arg("diff")
        .arg(KAWKHALI)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "~ services.innovation-advice.fee: \"বিনামূল্যে\" → \"১০০ টাকা\"  (free → 100 taka)"
        ),
        "{text}"
    );
    assert!(text.contains("~ services.e-filing.time_limit: \"তাৎক্ষনিক/৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)\" → \"৭ কার্যদিবস\"  (immediate, at most 3 working days → 7 working days)"), "{text}");
    assert!(
        text.contains("- services.web-portal: \"ওয়েব-পোর্টাল সংক্রান্ত\" (institutional)"),
        "{text}"
    );

    let out = charter()
        .arg("diff")
        .arg(KAWKHALI)
        .arg(&new)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let changes: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fee = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "services.innovation-advice.fee")
        .unwrap();
    assert_eq!(fee["kind"], "changed");
    assert_eq!(fee["meaning"], "free → 100 taka");

    charter()
        .args(["diff", KAWKHALI, "no/such.toml"])
        .assert()
        .code(2);
    charter()
        .args(["diff", KAWKHALI, "tests/fixtures/broken/every-rule.toml"])
        .assert()
        .code(2);
}

#[test]
fn diff_sees_a_service_move_between_categories() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(KAWKHALI).unwrap();
    let moved = text.replacen(
        "[[services.institutional]]\nid = \"e-filing\"",
        "[[services.internal]]\nid = \"e-filing\"",
        1,
    );
    let path = dir.path().join("moved.toml");
    fs::write(&path, moved).unwrap();
    let out = charter()
        .arg("diff")
        .arg(KAWKHALI)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "~ services.e-filing: institutional → internal\n"
    );
}

#[test]
fn init_writes_a_charter_that_validates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new-office.toml");
    charter()
        .args(["init", "--office", "উপজেলা ভূমি অফিস, কাউখালী"])
        .arg(&path)
        .assert()
        .code(0);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("#:schema ./charter.schema.json\n"));
    assert!(text.contains("name = \"উপজেলা ভূমি অফিস, কাউখালী\""));
    assert!(
        dir.path().join("charter.schema.json").exists(),
        "the #:schema line resolves"
    );
    // Valid as it stands; what is left to replace is said, and fails `--strict`.
    charter().arg("validate").arg(&path).assert().code(0);
    let strict = charter()
        .args(["validate", "--strict"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    let said = stderr(&strict) + &String::from_utf8_lossy(&strict.stdout);
    for placeholder in ["example.gov.bd", "০১৭০০০০০০০০", "সেবার নাম", "কর্মকর্তার নাম"]
    {
        assert!(
            said.contains("warning[placeholder]") && said.contains(placeholder),
            "{placeholder}: {said}"
        );
    }
    let out = charter().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn committed_completions_are_current() {
    for (shell, file) in [
        ("bash", "charter.bash"),
        ("zsh", "_charter"),
        ("fish", "charter.fish"),
        ("elvish", "charter.elv"),
        ("powershell", "_charter.ps1"),
    ] {
        let out = charter().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let committed = fs::read(Path::new("completions").join(file)).unwrap();
        assert!(
            committed == out.stdout,
            "completions/{file} is stale: run `cargo run -- completions {shell} > completions/{file}`"
        );
    }
}

#[test]
fn the_man_page_is_roff_naming_every_subcommand() {
    let out = charter().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH charter 1"));
    for sub in [
        "validate",
        "render",
        "reply",
        "outbox",
        "match",
        "set",
        "fmt",
        "diff",
        "init",
        "completions",
        "schema",
    ] {
        assert!(page.contains(sub), "the man page names {sub}");
    }
}

// --- property: for any valid charter, fmt then parse is the same charter, and fmt is idempotent.

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "সেবা",
        "প্রদান",
        "জন্ম",
        "নিবন্ধন",
        "সনদ",
        "ভূমি",
        "কর",
        "আবেদন",
        "অনলাইনে",
        "ফরম",
        "প্রত্যয়ন",
        "Service",
        "online",
        "form",
        "ই-মেইল",
        "২০২৪",
        "তথ্য",
    ])
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

/// A TOML string in one of the forms a person might type.
fn quoted(s: &str, style: u8) -> String {
    match style % 3 {
        0 => format!("\"{s}\""),
        1 => format!("'{s}'"),
        _ => format!("\"{}\"", s.replace('ই', "\\u0987")),
    }
}

/// A generated service: category (0–2), name, methods, documents, whether the name has English.
type GeneratedService = (u8, String, Vec<String>, Vec<String>, bool);

#[derive(Debug, Clone)]
struct Generated {
    services: Vec<GeneratedService>,
    vision: String,
    spaces: Vec<u8>,
    styles: Vec<u8>,
}

fn generated() -> impl Strategy<Value = Generated> {
    let service = (
        0u8..3,
        text(),
        prop::collection::vec(text(), 1..4),
        prop::collection::vec(text(), 1..3),
        any::<bool>(),
    );
    (
        prop::collection::vec(service, 1..5),
        text(),
        prop::collection::vec(0u8..4, 32),
        prop::collection::vec(0u8..3, 32),
    )
        .prop_map(|(services, vision, spaces, styles)| Generated {
            services,
            vision,
            spaces,
            styles,
        })
}

/// Writes the generated charter with messy but valid spacing, quoting and key order.
fn messy_toml(g: &Generated) -> String {
    let sp = |i: usize| " ".repeat(g.spaces[i % g.spaces.len()] as usize);
    let q = |s: &str, i: usize| quoted(s, g.styles[i % g.styles.len()]);
    let mut out = format!(
        "mission{}={}{}\nversion = 1\nvision ={}\n\n\n[office]\nname = {}\n[officers.o]\nname = \"ক\"\nphone = \"০১৭১১০০০০০০\"\nemail = \"o@example.gov.bd\"\n",
        sp(0),
        sp(1),
        q("মিশন", 2),
        q(&g.vision, 3),
        q("অফিস", 4)
    );
    for (i, (category, name, methods, documents, translated)) in g.services.iter().enumerate() {
        let category = ["citizen", "institutional", "internal"][*category as usize];
        let name = if *translated {
            format!("{{en = {}, bn = {}}}", q("Name", i), q(name, i + 1))
        } else {
            q(name, i)
        };
        let methods: Vec<String> = methods
            .iter()
            .enumerate()
            .map(|(k, m)| q(m, i + k))
            .collect();
        let documents: Vec<String> = documents
            .iter()
            .map(|d| format!("{{ source = \"উৎস\", name = {} }}", q(d, i)))
            .collect();
        out.push_str(&format!(
            "\n[[services.{category}]]\nofficer = \"o\"\nname{}= {name}\nid = \"s{i}\"\nmethods = [{}]\ndocuments = [ {} ]\nfee=\"বিনামূল্যে\"\ntime_limit = \"৩ কার্যদিবস\"\n",
            sp(i + 5),
            methods.join(&format!(",{}", sp(i + 6))),
            documents.join(", ")
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fmt_keeps_the_charter_and_is_idempotent(g in generated()) {
        let messy = messy_toml(&g);
        let original = charter::charter::load_str(&messy);
        prop_assert!(!original.has_errors(), "the generator writes valid charters: {:?}\n{messy}", original.diagnostics);
        let once = charter::format::format(&messy).unwrap();
        let reread = charter::charter::load_str(&once);
        prop_assert!(!reread.has_errors());
        prop_assert_eq!(&reread.charter, &original.charter);
        let twice = charter::format::format(&once).unwrap();
        prop_assert_eq!(twice, once);
    }
}

#[test]
fn diff_sees_the_format_additions_and_defaults_by_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.toml");
    let original = "tests/fixtures/valid/pourashava.toml";
    let text = fs::read_to_string(original).unwrap();
    fs::write(
        &path,
        text.replace("remarks = \"সরেজমিন তদন্ত সাপেক্ষে\"\n", "")
            .replacen("section = \"প্রশাসন বিভাগ\"", "section = \"সাধারণ শাখা\"", 1)
            .replace(
                "source = \"https://example-pourashava.gov.bd/site/page/citizen-charter\"\n",
                "",
            ),
    )
    .unwrap();
    let out = charter()
        .args(["diff", original])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "~ source: \"https://example-pourashava.gov.bd/site/page/citizen-charter\" → (none)\n\
         ~ services.citizenship-certificate.section: \"প্রশাসন বিভাগ\" → \"সাধারণ শাখা\"\n\
         ~ services.inheritance-certificate.remarks: \"সরেজমিন তদন্ত সাপেক্ষে\" → (none)\n"
    );
    // A title or government left out is the default wording: the same charter.
    let text = fs::read_to_string(KAWKHALI).unwrap();
    fs::write(
        &path,
        text.replace("title = \"সিটিজেন চার্টার\"\n", "")
            .replace("government = \"গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\"\n", ""),
    )
    .unwrap();
    charter()
        .args(["diff", KAWKHALI])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
}

/// Issue 14: the man page pointed to `charter-validate(1)` and others that did not exist. With
/// `--dir`, every page that any page refers to is written.
#[test]
fn every_man_page_referred_to_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = charter()
        .args(["man", "--dir"])
        .arg(dir.path().join("man1"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages: Vec<String> = fs::read_dir(dir.path().join("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for sub in [
        "validate",
        "render",
        "reply",
        "outbox-send",
        "fix",
        "import",
        "bijoy",
    ] {
        assert!(pages.contains(&format!("charter-{sub}.1")), "{pages:?}");
    }
    for page in &pages {
        let text = fs::read_to_string(dir.path().join("man1").join(page)).unwrap();
        for reference in text.split("charter\\-").skip(1) {
            let Some((name, _)) = reference.split_once("(1)") else {
                continue;
            };
            if name.len() > 40 || name.contains(' ') {
                continue;
            }
            let file = format!("charter-{}.1", name.replace("\\-", "-"));
            assert!(
                pages.contains(&file),
                "{page} refers to {file}, not written"
            );
        }
    }
    // Without --dir, the main page goes to stdout as before.
    let out = charter().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(".ie \\n(.g .ds Aq"));
}

/// Issue 14: the repository passes its own checks. The bundled charter, every valid fixture and
/// a fresh `init` (into a folder that does not exist yet) are already in the canonical layout.
#[test]
fn the_repository_and_init_are_fmt_clean() {
    let out = charter()
        .args(["fmt", "--check", "charters/", "tests/fixtures/valid/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("charters").join("office.toml");
    let out = charter().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = charter()
        .args(["fmt", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("docs/charter-format.md"),
        "init cites the format"
    );
    assert!(
        Path::new("docs/charter-format.md").exists(),
        "and it is here"
    );
}

/// Issue 14: a misspelt officer id in `set` created a new officer, then failed with a missing
/// key and no suggestion.
#[test]
fn set_on_a_misspelt_officer_suggests_the_real_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    let before = fs::read(&path).unwrap();
    let out = set(&path, "officers.assistant-programer.phone", "০১৮২৫৭০৬১৩৮");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "no officer with id `assistant-programer`; did you mean `assistant-programmer`?"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

/// Issue 14: `diff --format json` gave `old`/`new` as JSON strings holding quoted TOML. They are
/// JSON values now: a string, a list.
#[test]
fn diff_json_gives_values_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = commented_copy(dir.path());
    for (key, value) in [
        ("services.e-filing.fee", "৫০ টাকা"),
        ("services.e-filing.methods", "[\"অনলাইনে\", \"সরাসরি\"]"),
    ] {
        let out = set(&path, key, value);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let out = charter()
        .args(["diff", "--format", "json", KAWKHALI])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let changes: Value = serde_json::from_slice(&out.stdout).unwrap();
    let change = |path: &str| {
        changes
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["path"] == path)
            .cloned()
            .unwrap()
    };
    let fee = change("services.e-filing.fee");
    assert_eq!(fee["old"], "বিনামূল্যে");
    assert_eq!(fee["new"], "৫০ টাকা");
    assert_eq!(fee["meaning"], "free → 50 taka");
    let methods = change("services.e-filing.methods");
    assert_eq!(methods["new"], serde_json::json!(["অনলাইনে", "সরাসরি"]));
}

/// A charter that already has errors (an import with gaps) is finished one `set` at a time:
/// an edit that fixes or leaves the errors lands and says how many are left; one that adds an
/// error is refused and the file is unchanged.
#[test]
fn set_finishes_a_charter_with_errors_and_refuses_only_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("import.toml");
    let text = fs::read_to_string(KAWKHALI)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("vision = ") && !l.starts_with("mission = "))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&path, &text).unwrap();
    let out = set(&path, "vision", "সবার জন্য সেবা।");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 error(s) still to fix (it had 2)"),
        "{}",
        stderr(&out)
    );
    let before = fs::read(&path).unwrap();
    let out = set(&path, "office.email", "not an address");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not changed: the change would add an error"));
    assert!(stderr(&out).contains("office.email"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("mission"),
        "old errors are not repeated"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    let out = charter().arg("validate").arg(&path).output().unwrap();
    let shown = stderr(&out) + &String::from_utf8_lossy(&out.stdout);
    let how = format!("fill it in: charter set {} mission '…'", path.display());
    assert!(shown.contains(&how), "{shown}");
    let out = set(&path, "mission", "সেবা সহজ করা।");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("still to fix"));
}
