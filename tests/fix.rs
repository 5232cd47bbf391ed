//! `charter fix` and `charter bijoy`, run as a user runs them.

#[path = "bijoy/encoder.rs"]
mod encoder;

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

const KAWKHALI: &str = "charters/kawkhali-ict.toml";

/// The line (from 1) of the first line of a file holding `needle`.
fn line_of(file: &str, needle: &str) -> usize {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

fn charter() -> Command {
    Command::cargo_bin("charter").unwrap()
}

/// The bundled charter with the strings of these keys typed in Bijoy, as an office that kept
/// its charter in SutonnyMJ would have it.
fn bijoy_copy(dir: &Path) -> (PathBuf, usize) {
    let keys = [
        "vision",
        "mission",
        "name",
        "methods",
        "fee",
        "time_limit",
        "designation",
    ];
    let mut converted = 0;
    let text: String = fs::read_to_string(KAWKHALI)
        .unwrap()
        .lines()
        .map(|line| {
            let key = line.split(" = ").next().unwrap_or("");
            if !keys.contains(&key) {
                return format!("{line}\n");
            }
            let (head, rest) = line.split_once(" = ").unwrap();
            let mut out = format!("{head} = ");
            for (i, piece) in rest.split('"').enumerate() {
                if i > 0 {
                    out.push('"');
                }
                if i % 2 == 1 && !piece.bytes().any(|b| b.is_ascii_alphabetic()) {
                    out.push_str(&encoder::encode(piece));
                    converted += 1;
                } else {
                    out.push_str(piece);
                }
            }
            out + "\n"
        })
        .collect();
    let path = dir.join("office.toml");
    fs::write(&path, text).unwrap();
    (path, converted)
}

#[test]
fn fix_gives_back_the_bundled_charter_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (path, converted) = bijoy_copy(dir.path());
    assert!(converted > 40, "{converted} strings typed in Bijoy");
    let bijoy = fs::read_to_string(&path).unwrap();
    assert!(bijoy.contains("vision = \"RbM‡Yi"), "{bijoy}");

    // --check changes nothing, lists every change and fails.
    let out = charter()
        .arg("fix")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&path).unwrap(), bijoy);
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(report.lines().count(), converted, "{report}");
    let vision = report.lines().next().unwrap();
    assert!(
        vision.starts_with(&format!(
            "{}:{}: vision: RbM‡Yi ",
            path.display(),
            line_of(KAWKHALI, "vision = ")
        )) && vision.ends_with(
            " → জনগণের দোরগোড়ায় ই-সার্ভিসের মাধ্যমে জ্ঞান-ভিত্তিক অর্থনীতি, সুশাসন ও টেকসই উন্নতি নিশ্চিতকরণ।"
        ),
        "{vision}"
    );

    // Fixing writes the bundled charter back, every byte of it.
    charter().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::read(&path).unwrap(), fs::read(KAWKHALI).unwrap());
    charter()
        .arg("fix")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn the_repository_needs_no_fixing() {
    charter()
        .args(["fix", "--check", "charters/", "tests/fixtures/valid/"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fix_keeps_comments_line_endings_and_the_words_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.toml");
    let kawkhali = fs::read_to_string(KAWKHALI).unwrap();
    let broken = kawkhali
        .replace(
            "vision = \"জনগণের",
            "# the vision as printed\nvision = \"\u{200b}জনগণের",
        )
        .replace(
            "name = \"তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর\"",
            "name = \"Z_¨ I ‡hvMv‡hvM cÖhyw³ Awa`ßi\"  # Bijoy",
        )
        .replace("\n", "\r\n");
    fs::write(&path, &broken).unwrap();
    let out = charter().arg("fix").arg(&path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(report.lines().count(), 2, "{report}");
    assert!(
        report.contains(&format!(
            ":{}: office.name: Z_¨ I ‡hvMv‡hvM cÖhyw³ Awa`ßi → তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
            line_of(KAWKHALI, "name = \"তথ্য ও যোগাযোগ") + 1
        )),
        "{report}"
    );
    let expected = kawkhali
        .replace(
            "vision = \"জনগণের",
            "# the vision as printed\nvision = \"জনগণের",
        )
        .replace(
            "name = \"তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর\"",
            "name = \"তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর\"  # Bijoy",
        )
        .replace("\n", "\r\n");
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn fix_leaves_addresses_ids_and_english_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.toml");
    let text = fs::read_to_string(KAWKHALI)
        .unwrap()
        .replace(
            "name = \"আইসিটি অফিস সংক্রান্ত তথ্য প্রদান।\"",
            "name = { bn = \"AvBwmwU Awdm msµvšÍ Z_¨ cÖ`vb|\", en = \"ICT office information (Dc‡Rjv)\" }",
        )
        .replace(
            "keywords = [\"ঠিকানা\", \"যোগাযোগ\", \"ফোন\", \"ইমেইল\", \"address\", \"contact\", \"phone\", \"email\"]",
            "keywords = [\"ICT\", \"Z_¨\"]",
        );
    fs::write(&path, &text).unwrap();
    charter().arg("fix").arg(&path).assert().code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains(
        "name = { bn = \"আইসিটি অফিস সংক্রান্ত তথ্য প্রদান।\", en = \"ICT office information (Dc‡Rjv)\" }"
    ), "{fixed}");
    assert!(fixed.contains("keywords = [\"ICT\", \"তথ্য\"]"), "{fixed}");
    assert!(fixed.contains("email = \"kawkhalidoict@gmail.com\""));
    assert!(fixed.contains("id = \"ict-office-info\""));
}

#[test]
fn validate_names_charter_fix_for_bijoy() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = bijoy_copy(dir.path());
    let out = charter().arg("validate").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("warning[legacy-encoding]"), "{text}");
    assert!(
        text.contains("help: `charter fix` converts it to Unicode Bengali"),
        "{text}"
    );
}

#[test]
fn bijoy_converts_text_and_leaves_the_rest() {
    charter()
        .arg("bijoy")
        .write_stdin("Dc‡Rjv cÖvwY m¤ú` `ßi, www.dls.gov.bd\nICT Division\n")
        .assert()
        .code(0)
        .stdout("উপজেলা প্রাণি সম্পদ দপ্তর, www.dls.gov.bd\nICT Division\n");
    // A Windows-1252 file, as Word saves Bijoy "plain text": ‡ is the byte 0x87.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("notice.txt");
    fs::write(&input, b"\x87Rjv c\xd6kvm\x87Ki Kvh\xa9vjq|\r\n").unwrap();
    let output = dir.path().join("notice-unicode.txt");
    charter()
        .arg("bijoy")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(&output).unwrap(),
        "জেলা প্রশাসকের কার্যালয়।\r\n"
    );
    // --all converts words that could be read either way.
    charter()
        .args(["bijoy", "--all"])
        .write_stdin("Ges")
        .assert()
        .stdout("এবং");
}
