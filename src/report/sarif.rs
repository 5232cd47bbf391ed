//! Findings as SARIF 2.1.0, the format GitHub code scanning and other tools upload.

use super::Finding;
use crate::charter::{Code, Severity};
use serde_json::{Value, json};

/// The log around its results, split where they go: the text up to the results array's `[`, and
/// from its `]` on. Streaming a run's results between the two keeps only one file's findings in
/// memory at a time.
pub fn frame() -> (String, String) {
    const HOLE: &str = "\u{1}results\u{1}";
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.description() },
                "defaultConfiguration": { "level": level(code.severity()) },
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "charter",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": HOLE,
        }]
    });
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    let hole = serde_json::to_string(HOLE).unwrap_or_default();
    let (head, tail) = text.split_once(&hole).unwrap_or((&text, ""));
    (format!("{head}["), format!("]{tail}\n"))
}

/// One finding as a SARIF result, pretty-printed at the depth of the results array.
pub fn result(f: &Finding) -> String {
    let text = f.one_line();
    let value = json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|c| *c == f.code),
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.file) },
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                }
            }
        }],
        "properties": { "key": f.key },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: `/` separators, everything else outside the unreserved
/// set percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            super::uri("charters/my office.toml"),
            "charters/my%20office.toml"
        );
        assert_eq!(super::uri("a\\b.toml"), "a/b.toml");
    }
}
