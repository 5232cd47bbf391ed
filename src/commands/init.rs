//! `charter init`: a commented starter charter that validates, for an office writing its first.

use crate::cli::InitArgs;
use crate::error::Error;
use std::path::Path;

/// The starter; `{office}` is replaced by the office's name. Every placeholder is valid, so the
/// file validates as written, and every section of the format is there to fill in.
const TEMPLATE: &str = r#"#:schema ./charter.schema.json
# সিটিজেন চার্টার: replace each text with your office's published wording, then run
# `charter validate` on this file. The format: docs/charter-format.md in charter's
# repository (version 1).
version = 1
title = "সিটিজেন চার্টার"
# updated = 2025-01-01             # when the charter was last revised (a TOML date)
vision = "দক্ষ, স্বচ্ছ ও জবাবদিহিমূলক সেবা নিশ্চিতকরণ।"
mission = "জনগণের দোরগোড়ায় দ্রুত ও সহজে সেবা পৌঁছে দেওয়া।"
# Section 3, আপনার কাছে আমাদের প্রত্যাশা, in order.
expectations = [
  "নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান",
  "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
]

[office]
name = "{office}"
government = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
unit = "উপজেলা কার্যালয়"
website = "example.gov.bd"
email = "office@example.gov.bd"
phone = "০১৭০০০০০০০০"

# Officers are named by id in services and grievance steps; each needs a name or a designation,
# and a service's officer a phone and an email.
[officers.responsible]
name = "কর্মকর্তার নাম"
designation = "পদবী"
phone = "০১৭০০০০০০০০"
email = "officer@example.gov.bd"

[officers.gro]
designation = "অভিযোগ নিষ্পত্তি কর্মকর্তা (জিআরএস ফোকাল পয়েন্ট)"
phone = "০১৭০০০০০০০০"
email = "gro@example.gov.bd"

# Section 2.1, নাগরিক সেবা; also [[services.institutional]] (2.2) and [[services.internal]] (2.3).
[[services.citizen]]
id = "first-service" # lowercase letters, digits and -; stable: replies and diffs use it
name = "সেবার নাম"
methods = ["সরাসরি আবেদনের মাধ্যমে", "অনলাইনে আবেদনের মাধ্যমে"]
documents = [{ name = "নির্ধারিত আবেদন ফরম", source = "অফিসের অভ্যর্থনা কক্ষ" }]
fee = "বিনামূল্যে" # or ১০০ টাকা, or the rule: সরকার নির্ধারিত মূল্যে
time_limit = "৩ কার্যদিবস"
officer = "responsible"
keywords = ["first service"] # extra words that name this service in an inquiry

# Section 4, অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS): the escalation steps, in order.
[[grievance]]
when = "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে"
officer = "gro"
time_limit = "৩০ কার্যদিবস"
"#;

/// Writes the starter charter, and the schema beside it when there is none.
pub fn run(args: &InitArgs) -> Result<u8, Error> {
    let office = args.office.as_deref().unwrap_or("অফিসের নাম");
    let toml_string = toml::Value::String(office.to_string()).to_string();
    let text = TEMPLATE.replace("\"{office}\"", &toml_string);
    // `charter init charters/x.toml` in a fresh repository: make `charters/` as well.
    if let Some(parent) = args.path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    crate::files::write_new(&args.path, text.as_bytes())?;
    let schema = args
        .path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("charter.schema.json");
    // One schema per folder: a schema already there (or written meanwhile) is kept.
    match crate::files::write_new(&schema, crate::schema::json().as_bytes()) {
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {}
        other => other?,
    }
    eprintln!(
        "charter: wrote {}; edit it, then run `charter validate {}`",
        args.path.display(),
        args.path.display()
    );
    Ok(0)
}
