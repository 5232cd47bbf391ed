//! The JSON Schema (draft 2020-12) of the charter format, generated from the model types so that
//! the two cannot drift apart.

use crate::charter::Charter;
use schemars::Schema;
use schemars::transform::{RecursiveTransform, Transform};
use serde_json::Value;

/// The schema as pretty-printed JSON, ending in a newline.
pub fn json() -> String {
    let mut schema = schemars::schema_for!(Charter);
    RecursiveTransform(drop_null).transform(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null: an optional key is absent, never `null`, so `anyOf: [T, null]` becomes `T`
/// and `type: [string, null]` becomes `type: string`.
fn drop_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            object.insert("type".into(), only);
        }
    }
    let Some(Value::Array(any)) = object.get_mut("anyOf") else {
        return;
    };
    any.retain(|v| v.get("type").and_then(Value::as_str) != Some("null"));
    if any.len() == 1
        && let Some(Value::Object(only)) = any.pop()
    {
        object.remove("anyOf");
        for (key, value) in only {
            object.entry(key).or_insert(value);
        }
    }
}
