//! `charter match`: how an inquiry's text matches a charter's services, for people tuning
//! keywords and for anyone who wants to know why a reply said what it said.

use crate::error::Error;
use crate::mail::matcher;
use std::path::Path;

/// Prints the services ranked by score, and which one an inquiry with this text would get.
pub fn run(charter: &Path, text: &str) -> Result<u8, Error> {
    let charters = match super::load_charters(charter)? {
        Ok(charters) => charters,
        Err(code) => return Ok(code),
    };
    let ranked = matcher::rank(&charters, text);
    let width = ranked
        .iter()
        .map(|r| r.service.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!("{:>6}  {:width$}  name\n", "score", "id");
    for r in &ranked {
        let matched = if r.matched.is_empty() {
            String::new()
        } else {
            format!("  [{}]", r.matched.join(", "))
        };
        out.push_str(&format!(
            "{:>6.2}  {:width$}  {}{matched}\n",
            r.score,
            r.service.id,
            r.service.name.bn()
        ));
    }
    match matcher::confident(&ranked) {
        Some(best) => out.push_str(&format!("match: {}\n", best.service.id)),
        None => out.push_str(&format!(
            "no confident match (needs a score of at least {} and {}x the next): the reply lists every service\n",
            matcher::CONFIDENT_SCORE,
            matcher::CONFIDENT_LEAD
        )),
    }
    super::print(&crate::bangla::visible_controls(&out))?;
    Ok(0)
}
