//! What an import guessed and may have guessed wrong, said in the report with the page text it
//! came from, so that a clerk knows which values to check against the page: a name so long that
//! cells ran together, a name that reads as a heading, an officer with no post, a post that
//! reads as a fee, a section of punctuation, numbered rows that gave no service.

use super::{Note, Report, columns};
use crate::bangla;
use crate::charter::{Category, Charter, Text};

/// A service name longer than this is likely several cells run together.
const LONG_NAME: usize = 150;

/// Looks over an assembled charter; notes each doubt in `report.unsure` and drops a section
/// that is only punctuation (`---` from a Markdown separator row).
pub fn doubts(charter: &mut Charter, report: &mut Report) {
    let mut unsure = Vec::new();
    for category in Category::ALL {
        for service in charter.services.of_mut(category) {
            let name = service.name.bn().to_string();
            let count = name.chars().count();
            if count > LONG_NAME {
                unsure.push(note(
                    &name,
                    format!("a service name of {count} characters: cells of a row run together?"),
                ));
            } else if count <= 30
                && columns::classify(&name)
                    .is_some_and(|c| !matches!(c, columns::Column::Other | columns::Column::Name))
            {
                unsure.push(note(
                    &name,
                    "a service name that reads as a column heading".into(),
                ));
            }
            if let Some(section) = &service.section
                && !section.bn().chars().any(char::is_alphanumeric)
            {
                unsure.push(note(
                    section.bn(),
                    format!("a section of punctuation only, dropped (service `{name}`)"),
                ));
                service.section = None;
            }
        }
    }
    for (id, officer) in &charter.officers {
        let said = officer_text(officer);
        match officer.designation.as_ref().map(Text::bn) {
            None => unsure.push(note(
                &said,
                format!("officer `{id}` has no post title: name and post may be one cell's words"),
            )),
            Some(post) if reads_as_fee(post) => unsure.push(note(
                post,
                format!("officer `{id}`'s post reads as a fee: a column read as the wrong one?"),
            )),
            Some(_) => {}
        }
    }
    let services = charter.services.iter().count();
    if services == 0
        && report
            .unplaced
            .iter()
            .any(|n| n.reason == "a table with no charter headings")
    {
        unsure.push(note(
            "",
            "a table with rows and no service read from it: its layout was not recognised".into(),
        ));
    }
    report.unsure.extend(unsure);
}

fn note(text: &str, reason: String) -> Note {
    Note {
        text: text.to_string(),
        reason,
    }
}

/// An officer as the page gave it, for the report.
fn officer_text(officer: &crate::charter::Officer) -> String {
    [&officer.name, &officer.designation, &officer.office]
        .iter()
        .filter_map(|t| t.as_ref().map(Text::bn))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short text that is a fee (`বিনামূল্যে`, `৫০/-`), not a post.
fn reads_as_fee(text: &str) -> bool {
    text.chars().count() <= 30 && !matches!(bangla::parse_fee(text), bangla::Fee::Unstated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{Officer, Service};

    #[test]
    fn long_names_postless_officers_fee_posts_and_dash_sections_are_doubted() {
        let mut charter = Charter::default();
        charter.services.citizen.push(Service {
            name: Text::Plain("নাগরিক সনদ ".repeat(20)),
            section: Some(Text::Plain("---".into())),
            ..Service::default()
        });
        charter.officers.insert(
            "a".into(),
            Officer {
                name: Some(Text::Plain("মোঃ করিম".into())),
                ..Officer::default()
            },
        );
        charter.officers.insert(
            "b".into(),
            Officer {
                designation: Some(Text::Plain("বিনামূল্যে".into())),
                ..Officer::default()
            },
        );
        let mut report = Report::default();
        doubts(&mut charter, &mut report);
        let reasons: Vec<&str> = report.unsure.iter().map(|n| n.reason.as_str()).collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(reasons[0].starts_with("a service name of 220 characters"));
        assert!(reasons[1].starts_with("a section of punctuation only"));
        assert!(reasons[2].contains("`a` has no post title"));
        assert!(reasons[3].contains("`b`'s post reads as a fee"));
        assert_eq!(charter.services.citizen[0].section, None);
    }
}
