use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

async fn suggestions(app: &TestApp, token: &str, query: &str) -> Value {
    let response = app
        .get(&format!("/v1/network/suggestions?{query}"), token)
        .await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "suggestions: {body}");
    body
}

/// Each suggestion as its two people's names and its evidence sources.
fn summary(page: &Value) -> Vec<(String, String, Vec<String>)> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let sources = s["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| text(&e["source"]))
                .collect();
            (
                text(&s["people"][0]["name"]),
                text(&s["people"][1]["name"]),
                sources,
            )
        })
        .collect()
}

fn pair(one: &str, other: &str, sources: &[&str]) -> (String, String, Vec<String>) {
    (
        one.to_owned(),
        other.to_owned(),
        sources.iter().map(|s| s.to_string()).collect(),
    )
}

async fn introduce(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/introductions", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "introduction: {body}");
    body
}

on_every_backend! {
    async fn what_is_known_implies_connections_until_they_are_recorded(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let person = |first: &str, company: Option<&str>| {
            json!({"first_name": first, "last_name": "Doe", "relationship_kind": "client", "company": company})
        };
        let ana = app.create_contact(t, person("Ana", Some("Contoso"))).await;
        let ben = app.create_contact(t, person("Ben", Some("  contoso "))).await;
        let fay = app.create_contact(t, person("Fay", Some("CONTOSO"))).await;
        let gus = app.create_contact(t, person("Gus", Some("Fabrikam"))).await;
        let hal = app.create_contact(t, person("Hal", Some("Fabrikam"))).await;
        let cy = app.create_contact(t, person("Cy", None)).await;
        let di = app.create_contact(t, person("Di", None)).await;
        let mut ed = person("Ed", None);
        ed["met_through_id"] = gus["id"].clone();
        app.create_contact(t, ed).await;

        let received = introduce(&app, t, json!({"direction": "received", "referrer_id": ana["id"], "prospect_id": ben["id"]})).await;
        let given = introduce(&app, t, json!({"direction": "given", "contact_ids": [cy["id"], di["id"]]})).await;

        let all = suggestions(&app, t, "").await;
        assert_eq!(summary(&all), [
            pair("Cy Doe", "Di Doe", &["introduction_given"]),
            pair("Ana Doe", "Ben Doe", &["introduction_received", "same_company"]),
            pair("Ed Doe", "Gus Doe", &["met_through"]),
            pair("Ana Doe", "Fay Doe", &["same_company"]),
            pair("Ben Doe", "Fay Doe", &["same_company"]),
            pair("Gus Doe", "Hal Doe", &["same_company"]),
        ]);
        assert_eq!(all["next_cursor"], Value::Null);
        let introduced = &all["data"][1];
        let on = &text(&received["introduced_at"])[..10];
        assert_eq!(introduced["evidence"][0]["reason"], format!("Ana Doe introduced you to Ben Doe on {on}"));
        assert_eq!(introduced["evidence"][0]["introduction_id"], received["id"]);
        assert_eq!(introduced["evidence"][1]["reason"], "Ana Doe and Ben Doe both work at Contoso");
        assert_eq!(all["data"][0]["evidence"][0]["introduction_id"], given["id"]);
        assert_eq!(all["data"][2]["evidence"][0]["reason"], "You met Ed Doe through Gus Doe");
        assert_eq!(introduced["connection"], json!({
            "from": {"contact_id": ana["id"], "member_id": null},
            "to": {"contact_id": ben["id"], "member_id": null},
            "kind": "introduced_by",
            "strength": 3,
            "note": format!("Ana Doe introduced you to Ben Doe on {on}"),
            "since": null,
        }));
        assert_eq!(all["data"][0]["connection"]["kind"], "knows");
        assert_eq!(all["data"][3]["connection"]["kind"], "works_with");

        // Pages of two walk the same list.
        let mut walked = Vec::new();
        let mut query = "limit=2".to_owned();
        loop {
            let page = suggestions(&app, t, &query).await;
            walked.extend(summary(&page));
            match page["next_cursor"].as_str() {
                Some(cursor) => query = format!("limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(walked, summary(&all));

        // One contact's, one source's.
        let bens = suggestions(&app, t, &format!("contact_id={}", text(&ben["id"]))).await;
        assert_eq!(summary(&bens), [
            pair("Ana Doe", "Ben Doe", &["introduction_received", "same_company"]),
            pair("Ben Doe", "Fay Doe", &["same_company"]),
        ]);
        let met = suggestions(&app, t, "source=met_through").await;
        assert_eq!(summary(&met), [pair("Ed Doe", "Gus Doe", &["met_through"])]);

        // Recording the suggested body as is confirms it; any kind between the same two
        // people settles a pair too; a deleted contact leaves with its pairs.
        let confirmed = app.post("/v1/connections", t, introduced["connection"].clone()).await;
        assert_eq!(confirmed.status(), 201);
        let friends = json!({"from": {"contact_id": fay["id"]}, "to": {"contact_id": ben["id"]}, "kind": "friend", "strength": 4});
        assert_eq!(app.post("/v1/connections", t, friends).await.status(), 201);
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&hal["id"])), t).await.status(), 204);
        assert_eq!(summary(&suggestions(&app, t, "").await), [
            pair("Cy Doe", "Di Doe", &["introduction_given"]),
            pair("Ed Doe", "Gus Doe", &["met_through"]),
            pair("Ana Doe", "Fay Doe", &["same_company"]),
        ]);
    }

    async fn suggestions_stay_in_their_workspace_and_refuse_bad_queries(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let t = &alice.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana", "company": "Contoso"})).await;
        app.create_contact(t, json!({"first_name": "Ben", "company": "Contoso"})).await;
        assert_eq!(suggestions(&app, t, "").await["data"].as_array().unwrap().len(), 1);

        // Mallory's colleague at the same company is no colleague of Alice's contacts.
        app.create_contact(&mallory.token, json!({"first_name": "Mal", "company": "Contoso"})).await;
        assert_eq!(suggestions(&app, &mallory.token, "").await["data"], json!([]));
        let theirs = suggestions(&app, &mallory.token, &format!("contact_id={}", text(&ana["id"]))).await;
        assert_eq!(theirs["data"], json!([]));
        assert_eq!(suggestions(&app, t, "").await["data"].as_array().unwrap().len(), 1);

        for (query, pointer) in [
            ("source=gossip", "source"),
            ("limit=0", "limit"),
            ("cursor=bm9wZQ", "cursor"),
            ("contact_id=ana", "contact_id"),
        ] {
            let response = app.get(&format!("/v1/network/suggestions?{query}"), t).await;
            let problem = assert_problem(response, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), [pointer], "{query}");
        }
    }
}
