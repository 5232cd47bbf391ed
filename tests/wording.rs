//! Fees, time limits and phone numbers as real charters write them: each value is put into the
//! bundled charter, the real binary validates them all, and the findings on that field are
//! checked. Real wording must draw no `fee`, `time-limit` or `phone` finding; wording that
//! commits to nothing must still draw one.
//!
//! Besides the values below (written here in the ways offices write them), the hand-keyed fees,
//! time limits and phones of `../shared/import-samples/corpus/*.gold.json` and of the samples'
//! `*.expect.json` are checked when that folder is there (CI has it); the test says so when it is
//! not.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const KAWKHALI: &str = "charters/kawkhali-ict.toml";
const CORPUS: &str = "../shared/import-samples/corpus";

/// A field the test fills, with the line of the bundled charter it replaces and the key
/// findings name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Fee,
    TimeLimit,
    Phone,
}

impl Field {
    fn line_prefix(self) -> &'static str {
        match self {
            Field::Fee => "fee = ",
            Field::TimeLimit => "time_limit = ",
            Field::Phone => "phone = ",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Field::Fee => "services.citizen[0].fee",
            Field::TimeLimit => "services.citizen[0].time_limit",
            Field::Phone => "officers.assistant-programmer.phone",
        }
    }

    fn code(self) -> &'static str {
        match self {
            Field::Fee => "fee",
            Field::TimeLimit => "time-limit",
            Field::Phone => "phone",
        }
    }
}

/// Fees as offices write them: bare amounts, `/-` and `/=`, free in its spellings, rules.
const REAL_FEES: &[&str] = &[
    "৩০০",
    "৫.০০",
    "৫/",
    "৫৭৫/=",
    "২০০/=",
    "২৫০/ টাকা",
    "৫/- ২৫০/ টাকা",
    "১০০/-(একশত) টাকা",
    "৩০০/-+ ১৫% ভ্যাট",
    "৭.৫০",
    "২৪৫.০০",
    "২৫ পয়সা (কপি সরবরাহ)",
    "সেলামী ১ টা",
    "ফি ৫০",
    "Tk. 500",
    "৳৫০০",
    "বিনা মুল্যে",
    "বিনা মূল্য",
    "বিনামূল্য",
    "ফ্রী",
    "কোন ফি লাগবে না",
    "সরকারী মূল্য।",
    "গেজেট অনুযায়ী",
    "Taka 100",
    "Government fee",
    "কিউসেক ভেদে ভাড়া ৩০০০/- থেকে ২০,০০০/-",
    "প্রতি বছরের জন্য ৫ টাকা হারে",
];

/// Fees that commit to nothing.
const EMPTY_FEES: &[&str] = &["যোগাযোগ করুন", "-", "--", "ঐ", "৩ কপি ছবি"];

/// Time limits as offices write them: spans, moments, office hours, dates and schedules.
const REAL_TIME_LIMITS: &[&str] = &[
    "চাহিবা মাত্র",
    "চাহিবামাত্র (অফিস চলাকালীন সময়ে)",
    "অফিস সময়ে",
    "যখনই প্রয়োজন তখনই",
    "সকাল ৯ টা থেকে বিকাল ৫টা",
    "সকাল ১০:০০ হইতে ১২: ০০ পর্যন্ত খোলা",
    "From 09.00am to 05.00pm",
    "১ জানুয়ারি",
    "প্রতি বছর মার্চ মাসের মধ্যে",
    "প্রতিমাসের ৩ তারিখ থেকে ১৫ তারিখ পর্যন্ত",
    "জানুয়ারী-জুন প্রথম কিস্তি",
    "প্রতি অর্থ বছরে শুরু থেকে শেষ পর্যন্ত",
    "সারা বছর",
    "তিনমাস",
    "সাত দিনের মধ্যে",
    "৪৫(পয়ঁতাল্লিশ ) কার্য দিবস।",
    "১৫কর্মদিবসেরমধ্যে",
    "০১ হইতে ০৭ দিন",
    "নরমাল-১৫-২১ দিন জরুরী-৭ দিন",
    "তাতক্ষনিক",
    "সেবা কেন্দ্রে যাবার পরপরই",
    "শহরের অভ্যন্তরে পরের দিন",
    "Within 3 (three) days after receipt.",
    "তৎক্ষণাৎ",
    "আধা ঘন্টা",
    "১০ মিঃ",
    "বছরে একবার",
    "During office hours",
];

/// Time limits that commit to nothing, or only to a condition.
const EMPTY_TIME_LIMITS: &[&str] = &[
    "যথাসময়ে",
    "প্রয়োজন অনুযায়ী",
    "As soon as possible",
    "শুনানী সাপেক্ষে",
    "বরাদ্দ প্রাপ্তি সাপেক্ষে",
    "নীতিমালা অনুযায়ী",
    "আইনানুসারে",
    "নির্ধারিত সময়ের মধ্যে",
    "যথাশীঘ্র সম্ভব",
    "The time fixed by the government.",
    "ঐ",
    "-",
];

/// Phone numbers as offices write them: Dhaka's 8 and 9 digits, hotlines, IP telephony, labels.
const REAL_PHONES: &[&str] = &[
    "02-223382861",
    "০২-২২৩৩৮২৮৬১",
    "+880-2-223382861",
    "+৮৮০ ২ ২২৩৩৮২৮৬১",
    "(02) 223382861",
    "02-55667788",
    "০২৩৩৩৩০২০২৭",
    "১৬২৬৩",
    "৩৩৩",
    "৯৯৯",
    "৩৩৩ (জাতীয় কল সেন্টার)",
    "হটলাইন: ১০৯",
    "০৯৬১২-৩৪৫৬৭৮",
    "ফোন-০৭৮১-৫২২৫৭",
    "ফোনঃ(০৫৮১)৬১৩৪৩",
    "০৩১-৬৫৯১৬৯",
    "0431-2176455",
    "মোবাইল নং- ০১৭৫১-২২৪৮০৫",
    "অফিস: ০২-৯৫১৪১৪১ মোবাইল: ০১৭১১-২৮৮২৮৪",
    "০১৭১১২৮৮২৮৪ ও ০২-৯৫১৪১৪১",
    "Tel: +880-2-9514141",
    "জেনারেল ম্যানেজার টেলিফোন-০৫৮১-৬১৮৮৮",
    "মোবাইল (ডিজিএম) ০১৯৭৪১০০০৩১",
    "০২-৯৫১৪১৪১-২",
    "০০৮৮০১৭১১১২৩৪৫৬",
    "Phone: +88-02-9556677, Fax: +88-02-9556678",
];

/// Phone fields that hold no number, or one that cannot be dialled.
const NOT_PHONES: &[&str] = &[
    "যোগাযোগ করুন",
    "০১৭১১-২৮৮২৮",
    "০২-৯৫১",
    "০১৭১১-xxxxxx",
    "01825706138x",
    "ঢাকা-১২০৭",
    "উপজেলা কোড-৮৫৭৩",
];

/// The hand-keyed values of the corpus that commit to nothing: the answer key keeps what the
/// page says, and these say no time.
const CORPUS_EMPTY_TIME_LIMITS: &[&str] = &[
    "ঐ",
    "নির্ধারিত সময়ের মধ্যে",
    "তদমত্ম সাপেক্ষে",
    "বরাদ্দ প্রাপ্তি ও নীতিমালা মোতাবেক",
    "কাজের গুরুত্ব অনুযায়ী সময়সীমা নির্ধারণ করা হয়ে থাকে।",
    "মন্ত্রণালয়ের নিদের্শনা ও অর্থ বরাদ্দ অনুযায়ী",
];

/// The fees, time limits and phones of the corpus's answer keys, or none when the corpus is
/// not beside the repository.
fn corpus_values() -> Option<BTreeSet<(Field, String)>> {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        return None;
    }
    let mut values = BTreeSet::new();
    let samples = dir.parent().unwrap();
    let files = fs::read_dir(dir)
        .unwrap()
        .chain(fs::read_dir(samples).unwrap());
    for entry in files {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy();
        if !name.ends_with(".gold.json") && !name.ends_with(".expect.json") {
            continue;
        }
        let keyed: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        // The answer keys list every service; the samples' keys give their first one.
        let services = keyed["services"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![keyed["first_service"].clone()]);
        for service in &services {
            for (key, field) in [
                ("fee", Field::Fee),
                ("time_limit", Field::TimeLimit),
                ("officer_phone", Field::Phone),
            ] {
                let alts = service["alts"][key].as_array().cloned().unwrap_or_default();
                for v in std::iter::once(&service[key]).chain(alts.iter()) {
                    if let Some(v) = v.as_str() {
                        values.insert((field, v.split_whitespace().collect::<Vec<_>>().join(" ")));
                    }
                }
            }
        }
    }
    Some(values)
}

/// Writes one copy of the bundled charter per value, validates them all in one run, and returns
/// for each value the codes of the findings on its field.
fn findings_on(values: &[(Field, String)]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let bundled = fs::read_to_string(KAWKHALI).unwrap();
    for (i, (field, value)) in values.iter().enumerate() {
        let mut done = false;
        let text: Vec<String> = bundled
            .lines()
            .map(|line| {
                if !done && line.starts_with(field.line_prefix()) {
                    done = true;
                    format!("{}{}", field.line_prefix(), toml_string(value))
                } else {
                    line.to_string()
                }
            })
            .collect();
        fs::write(dir.path().join(format!("{i:04}.toml")), text.join("\n")).unwrap();
    }
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    values
        .iter()
        .enumerate()
        .map(|(i, (field, _))| {
            let file = format!("{i:04}.toml");
            findings
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["file"].as_str().unwrap().ends_with(&file) && f["key"] == field.key())
                .map(|f| f["code"].as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// A TOML basic string holding `value`.
fn toml_string(value: &str) -> String {
    serde_json::to_string(value).unwrap()
}

/// Checks that every real value draws no finding of its field's code and every empty one draws
/// one; returns the values that broke the rule, for one message listing them all.
fn check(real: &[(Field, String)], empty: &[(Field, String)]) -> Vec<String> {
    let all: Vec<(Field, String)> = real.iter().chain(empty).cloned().collect();
    let found = findings_on(&all);
    let mut wrong = Vec::new();
    for (i, (field, value)) in all.iter().enumerate() {
        let flagged = found[i].iter().any(|c| c == field.code());
        let is_real = i < real.len();
        if flagged == is_real {
            let what = if is_real { "flagged" } else { "not caught" };
            wrong.push(format!("{what}: {field:?} `{value}` ({:?})", found[i]));
        }
    }
    wrong
}

fn values(field: Field, list: &[&str]) -> Vec<(Field, String)> {
    list.iter().map(|v| (field, v.to_string())).collect()
}

#[test]
fn real_fees_time_limits_and_phones_draw_no_finding_and_empty_ones_still_do() {
    let real: Vec<_> = [
        values(Field::Fee, REAL_FEES),
        values(Field::TimeLimit, REAL_TIME_LIMITS),
        values(Field::Phone, REAL_PHONES),
    ]
    .concat();
    let empty: Vec<_> = [
        values(Field::Fee, EMPTY_FEES),
        values(Field::TimeLimit, EMPTY_TIME_LIMITS),
        values(Field::Phone, NOT_PHONES),
    ]
    .concat();
    let wrong = check(&real, &empty);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_corpus_answer_keys_fees_time_limits_and_phones() {
    let Some(corpus) = corpus_values() else {
        eprintln!("skipped: {CORPUS} is not here (CI has it)");
        return;
    };
    let (empty, real): (Vec<_>, Vec<_>) = corpus.into_iter().partition(|(f, v)| {
        *f == Field::TimeLimit && CORPUS_EMPTY_TIME_LIMITS.contains(&v.as_str())
    });
    assert!(
        real.len() > 100 && empty.len() == CORPUS_EMPTY_TIME_LIMITS.len(),
        "the corpus gave {} real values and {} empty ones",
        real.len(),
        empty.len()
    );
    let wrong = check(&real, &empty);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_misspelt_unit_draws_a_spelling_note_not_a_missing_duration() {
    let found = findings_on(&[(Field::TimeLimit, "৪৫কায্যদিবস".to_string())]);
    assert_eq!(found[0], ["spelling"]);
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["validate"])
        .arg(write_with(Field::TimeLimit, "৪৫কায্যদিবস", dir.path()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("`কায্যদিবস` in the time limit looks like a misspelling of `কার্যদিবস`"),
        "{stdout}"
    );
}

#[test]
fn a_condition_alone_and_a_ditto_mark_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_with(Field::TimeLimit, "শুনানী সাপেক্ষে", dir.path());
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["validate", "--strict"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "--strict fails on the warning");
    assert!(
        stdout.contains(
            "the time limit `শুনানী সাপেক্ষে` gives only a condition, no span, date or moment"
        ),
        "{stdout}"
    );
    let file = write_with(Field::Fee, "ঐ", dir.path());
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["validate"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("`ঐ` (ditto) repeats the row above"),
        "{stdout}"
    );
}

/// The bundled charter with one value replaced, written into `dir`.
fn write_with(field: Field, value: &str, dir: &Path) -> std::path::PathBuf {
    let bundled = fs::read_to_string(KAWKHALI).unwrap();
    let prefix = field.line_prefix();
    let at = bundled.lines().position(|l| l.starts_with(prefix)).unwrap();
    let text: Vec<String> = bundled
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == at {
                format!("{prefix}{}", toml_string(value))
            } else {
                l.to_string()
            }
        })
        .collect();
    let path = dir.join(format!("{}.toml", field.code()));
    fs::write(&path, text.join("\n")).unwrap();
    path
}

#[test]
fn set_writes_every_kind_of_number_and_refuses_what_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k.toml");
    fs::copy(KAWKHALI, &file).unwrap();
    for number in ["02-223382861", "১৬২৬৩", "০৯৬১২-৩৪৫৬৭৮", "হটলাইন: ৩৩৩"]
    {
        Command::cargo_bin("charter")
            .unwrap()
            .args(["set"])
            .arg(&file)
            .args(["officers.assistant-programmer.phone", number])
            .assert()
            .code(0);
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.contains(&format!("phone = \"{number}\"")),
            "{number} was written: {text}"
        );
    }
    let before = fs::read(&file).unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["set"])
        .arg(&file)
        .args(["officers.assistant-programmer.phone", "০১৭১১-২৮৮২৮"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a mobile number is 01, then 3–9, then 8 digits"),
        "{stderr}"
    );
    assert_eq!(fs::read(&file).unwrap(), before, "nothing was written");
}

#[test]
fn json_keeps_each_kind_beside_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = fs::read_to_string(KAWKHALI).unwrap();
    let text = bundled
        .replacen(
            "time_limit = \"তাৎক্ষণিক/৩ কার্যদিবস ( প্রযোজ্য ক্ষেত্রে)\"",
            "time_limit = \"চাহিবা মাত্র\"",
            1,
        )
        .replacen("fee = \"বিনামূল্যে\"", "fee = \"৫৭৫/=\"", 1)
        .replacen(
            "phone = \"০১৮২৫৭০৬১৩৮\"",
            "phone = \"০১৮২৫৭০৬১৩৮, ১৬২৬৩\"",
            1,
        );
    let file = dir.path().join("k.toml");
    fs::write(&file, text).unwrap();
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["render", "-f", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let service = &json["services"][0];
    assert_eq!(service["time_limit"]["kind"], "immediate");
    assert_eq!(service["time_limit"]["immediate"], true);
    assert_eq!(service["fee"]["kind"], "amount");
    assert_eq!(service["fee"]["taka"], 575);
    let numbers = &service["officer"]["phone"]["numbers"];
    assert_eq!(numbers[0]["kind"], "mobile");
    assert_eq!(numbers[0]["international"], "+8801825706138");
    assert_eq!(numbers[1]["kind"], "short_code");
    assert_eq!(numbers[1]["national"], "16263");
    assert!(numbers[1].get("international").is_none());
    assert_eq!(json["services"][1]["time_limit"]["kind"], "span");
}
