//! `charter schema`: the committed schema is the one the binary prints, and it describes the
//! format as the validator reads it.

use assert_cmd::Command;
use serde_json::Value;

fn schema() -> Value {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn committed_schema_is_current() {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    let committed = std::fs::read_to_string("charters/charter.schema.json").unwrap();
    assert!(
        committed.as_bytes() == out.stdout.as_slice(),
        "charters/charter.schema.json is stale: run `cargo run -- schema > charters/charter.schema.json`"
    );
}

#[test]
fn schema_is_draft_2020_12_and_closed() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        [
            "version", "vision", "mission", "office", "officers", "services"
        ]
    );
    let service = &schema["$defs"]["Service"];
    assert_eq!(service["additionalProperties"], false);
    assert_eq!(service["properties"]["id"]["pattern"], "^[a-z0-9-]+$");
    let keys: Vec<&String> = service["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "id",
            "name",
            "methods",
            "documents",
            "fee",
            "time_limit",
            "officer",
            "keywords",
            "superior",
            "place",
            "remarks",
            "section"
        ]
    );
    assert!(
        !serde_json::to_string(&schema).unwrap().contains("null"),
        "TOML has no null"
    );
}
