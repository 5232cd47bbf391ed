//! `render --draft`: a charter that still has errors (an import with gaps, a file half
//! written), rendered all the same so that a clerk can print it and hold it against the wall
//! copy. Every page says it is a draft, and every value the format requires and the charter
//! lacks is printed as a visible gap mark, not left blank.

use crate::charter::{Charter, Document, GrievanceStep, Officer, Service, Text};

/// What a missing value is printed as.
pub const GAP: &str = "[ফাঁকা]";

/// The line every page of a draft carries, in the document's language.
fn banner(lang: super::Lang) -> &'static str {
    match lang {
        super::Lang::Bn => "খসড়া (draft): চূড়ান্ত নয়; [ফাঁকা] চিহ্নিত ঘর পূরণ করতে হবে",
        super::Lang::En => "খসড়া (DRAFT): not final; fill in every cell marked [ফাঁকা]",
    }
}

/// Puts the draft's banner first in a document, in its language.
pub fn mark(blocks: &mut Vec<super::document::Block>, lang: super::Lang) {
    blocks.insert(0, super::document::Block::Draft(banner(lang).to_string()));
}

/// The charter with a gap mark in every required value it lacks: the office's name, the vision
/// and mission, each service's name, methods, papers, fee, time limit and officer, each grievance
/// step's parts, and each officer an entry names but `[officers]` lacks. Returns the charter
/// and how many gaps were marked.
pub fn with_gaps(charter: &Charter) -> (Charter, usize) {
    let mut c = charter.clone();
    let mut gaps = 0;
    let mut mark = |text: &mut Text| {
        if text.bn().trim().is_empty() {
            *text = Text::Plain(GAP.to_string());
            gaps += 1;
        }
    };
    mark(&mut c.office.name);
    mark(&mut c.vision);
    mark(&mut c.mission);
    let mut officers_named: Vec<String> = Vec::new();
    for category in crate::charter::Category::ALL {
        for service in c.services.of_mut(category) {
            service_gaps(service, &mut mark, &mut officers_named);
        }
    }
    for step in &mut c.grievance {
        grievance_gaps(step, &mut mark, &mut officers_named);
    }
    for officer in &mut c.officers.values_mut() {
        if officer
            .designation
            .as_ref()
            .is_none_or(|d| d.bn().trim().is_empty())
        {
            officer.designation = Some(Text::Plain(GAP.to_string()));
            gaps += 1;
        }
    }
    for id in officers_named {
        if !c.officers.contains_key(&id) {
            let officer = Officer {
                designation: Some(Text::Plain(GAP.to_string())),
                ..Officer::default()
            };
            c.officers.insert(id, officer);
            gaps += 1;
        }
    }
    (c, gaps)
}

/// The gaps of one service; the officer ids it names are added to `named`.
fn service_gaps(service: &mut Service, mark: &mut impl FnMut(&mut Text), named: &mut Vec<String>) {
    mark(&mut service.name);
    mark(&mut service.fee);
    mark(&mut service.time_limit);
    if service.methods.is_empty() {
        service.methods.push(Text::default());
    }
    for method in &mut service.methods {
        mark(method);
    }
    if service.documents.is_empty() {
        service.documents.push(Document::Plain(Text::default()));
    }
    for document in &mut service.documents {
        match document {
            Document::Plain(name) | Document::Sourced { name, .. } => mark(name),
        }
    }
    officer_gap(&mut service.officer, named);
}

/// The gaps of one grievance step.
fn grievance_gaps(
    step: &mut GrievanceStep,
    mark: &mut impl FnMut(&mut Text),
    named: &mut Vec<String>,
) {
    mark(&mut step.when);
    mark(&mut step.time_limit);
    officer_gap(&mut step.officer, named);
}

/// An officer reference: an empty one names the gap officer; either is noted in `named`.
fn officer_gap(id: &mut String, named: &mut Vec<String>) {
    if id.trim().is_empty() {
        *id = "draft-gap".to_string();
    }
    if !named.contains(id) {
        named.push(id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_missing_required_value_is_marked() {
        let mut charter = Charter::default();
        charter.services.citizen.push(Service {
            id: "a".into(),
            name: Text::Plain("নাগরিক সনদ".into()),
            officer: "gone".into(),
            ..Service::default()
        });
        let (filled, gaps) = with_gaps(&charter);
        // office name, vision, mission, fee, time limit, one method, one paper, the officer.
        assert_eq!(gaps, 8);
        let service = &filled.services.citizen[0];
        assert_eq!(service.name.bn(), "নাগরিক সনদ");
        assert_eq!(service.fee.bn(), GAP);
        assert_eq!(service.methods[0].bn(), GAP);
        let officer = &filled.officers["gone"];
        assert_eq!(officer.designation.as_ref().map(Text::bn), Some(GAP));
    }
}
