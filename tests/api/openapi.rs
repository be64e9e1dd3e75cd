//! The committed OpenAPI document is what the code generates (a snapshot test in the style
//! of crates.io's): a change to the API shows up as a diff in review, and generated
//! clients never drift. Regenerate with `cargo run -- openapi > openapi/openapi.json`.

use reqwest::Method;
use serde_json::Value;

use crate::helpers::{Backend, TestApp};

#[test]
fn the_committed_document_matches_the_code() {
    let generated = rapport::startup::openapi().to_pretty_json().unwrap();
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap_or_default();
    assert!(
        committed.trim_end() == generated.trim_end(),
        "openapi/openapi.json is out of date: run `cargo run -- openapi > openapi/openapi.json` and commit it"
    );
}

#[tokio::test]
async fn the_served_document_is_the_generated_one() {
    let app = TestApp::spawn(&Backend::Sqlite).await;
    let served: Value = app
        .request(Method::GET, "/openapi.json", None)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let generated: Value =
        serde_json::from_str(&rapport::startup::openapi().to_json().unwrap()).unwrap();
    assert_eq!(served, generated);
    assert_eq!(served["openapi"], "3.1.0");
}

#[test]
fn every_operation_is_named_tagged_and_documents_its_failures() {
    let doc: Value = serde_json::from_str(&rapport::startup::openapi().to_json().unwrap()).unwrap();
    let mut operation_ids = std::collections::HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(
                operation_ids.insert(id.to_owned()),
                "operationId {id} is used twice"
            );
            assert!(
                !operation["tags"].as_array().unwrap().is_empty(),
                "{id} has no tag"
            );
            let responses = operation["responses"].as_object().unwrap();
            assert!(responses.contains_key("500"), "{id} does not document 500");
            if path.starts_with("/v1/") && !path.starts_with("/v1/auth/") {
                assert!(responses.contains_key("401"), "{id} does not document 401");
            }
            if let Some(body) = operation.get("requestBody") {
                // A JSON body is a named schema with an example; a file (an import) shows
                // an example of each format it takes.
                for (media_type, content) in body["content"].as_object().unwrap() {
                    if media_type != "application/json" {
                        assert!(
                            content["example"].is_string(),
                            "{id}: its {media_type} body has no example"
                        );
                        continue;
                    }
                    let schema = content["schema"]["$ref"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{id} body is not a named schema"));
                    let name = schema.rsplit('/').next().unwrap();
                    assert!(
                        doc["components"]["schemas"][name]["example"].is_object(),
                        "{id}: schema {name} has no example"
                    );
                }
                assert!(responses.contains_key("422"), "{id} does not document 422");
            }
        }
    }
}

/// Every `$ref` under `value`, with where it was found.
fn references<'a>(value: &'a Value, at: String, found: &mut Vec<(String, &'a str)>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                match (key.as_str(), field) {
                    ("$ref", Value::String(target)) => found.push((at.clone(), target)),
                    _ => references(field, format!("{at}/{key}"), found),
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                references(item, format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_reference_resolves() {
    let doc: Value = serde_json::from_str(&rapport::startup::openapi().to_json().unwrap()).unwrap();
    let mut found = Vec::new();
    references(&doc, String::new(), &mut found);
    assert!(
        found.len() > 100,
        "the walk found only {} references",
        found.len()
    );
    for (at, target) in found {
        let pointer = target
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{at}: {target} is not a local reference"));
        assert!(
            doc.pointer(pointer).is_some(),
            "{at}: {target} does not resolve (a schema only a parameter uses must be listed in the document's components)"
        );
    }
}

/// A filter that a path already fixes is not offered again as a parameter the operation
/// would ignore: a contact's timeline and connections take the contact from the path.
#[test]
fn no_operation_offers_a_filter_its_path_fixes() {
    let document: Value =
        serde_json::from_str(&rapport::startup::openapi().to_json().unwrap()).unwrap();
    let fixed = [
        ("/v1/contacts/{id}/interactions", ["contact_id"].as_slice()),
        (
            "/v1/contacts/{id}/connections",
            ["contact_id", "member_id"].as_slice(),
        ),
    ];
    for (path, ignored) in fixed {
        let parameters = document["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap();
        for name in ignored {
            assert!(
                !parameters.iter().any(|p| p["name"] == *name),
                "{path} offers `{name}`"
            );
        }
    }
}

/// Each list page refers to its item's schema, so that generated clients have one type per
/// resource; and no schema is a choice of shapes that nothing tells apart.
#[test]
fn pages_refer_to_their_items_and_people_are_one_shape() {
    let document: Value =
        serde_json::from_str(&rapport::startup::openapi().to_json().unwrap()).unwrap();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let pages: Vec<&String> = schemas
        .keys()
        .filter(|name| name.starts_with("Page_"))
        .collect();
    assert!(pages.len() >= 10, "{pages:?}");
    for name in pages {
        let items = &schemas[name]["properties"]["data"]["items"];
        let item = name.trim_start_matches("Page_");
        assert_eq!(
            items["$ref"],
            format!("#/components/schemas/{item}"),
            "{name}"
        );
    }
    // A list of named things refers to them too (no `ExternalIdsItem` beside `ExternalId`).
    assert_eq!(
        schemas["ExternalIds"]["items"]["$ref"],
        "#/components/schemas/ExternalId"
    );
    assert!(schemas["Person"].get("oneOf").is_none());
    assert_eq!(schemas["Person"]["type"], "object");
}
