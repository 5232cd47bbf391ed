//! The JSON Schema (draft 2020-12) of the charter format, generated from the model types so that
//! the two cannot drift apart.

use crate::charter::Charter;

/// The schema as pretty-printed JSON, ending in a newline.
pub fn json() -> String {
    let schema = schemars::schema_for!(Charter);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
