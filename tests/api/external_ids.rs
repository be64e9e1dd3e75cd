use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

async fn ids_listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let page: Value = app
        .get(&format!("/v1/contacts?{query}"), token)
        .await
        .json()
        .await
        .unwrap();
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| text(&c["id"]))
        .collect()
}

async fn put(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.request(reqwest::Method::PUT, path, Some(token))
        .json(&body)
        .send()
        .await
        .unwrap()
}

on_every_backend! {
    async fn an_external_id_names_one_live_contact_and_finds_it(app) {
        let account = app.signup().await;
        let t = &account.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana", "external_ids": [{"system": "hubspot", "id": "1"}, {"system": "salesforce", "id": "003A"}]})).await;
        let ana_id = text(&ana["id"]);
        assert_eq!(ana["external_ids"], json!([{"system": "hubspot", "id": "1"}, {"system": "salesforce", "id": "003A"}]));
        app.create_contact(t, json!({"first_name": "Ben", "external_ids": [{"system": "hubspot", "id": "2"}]})).await;
        assert_eq!(ids_listed(&app, t, "external_id=hubspot:1").await, std::slice::from_ref(&ana_id));
        assert_eq!(ids_listed(&app, t, "external_id=salesforce:003A").await, std::slice::from_ref(&ana_id));
        assert!(ids_listed(&app, t, "external_id=hubspot:3").await.is_empty());

        // Another contact cannot claim Ana's id: the problem names her.
        let clash = assert_problem(app.post("/v1/contacts", t, json!({"first_name": "Cleo", "external_ids": [{"system": "hubspot", "id": "1"}]})).await, 409, "external_id_taken").await;
        assert!(text(&clash["detail"]).contains(&ana_id), "{clash}");
        assert_eq!(ids_listed(&app, t, "").await.len(), 2, "nothing half-written");

        // A PATCH replaces the set.
        let path = format!("/v1/contacts/{ana_id}");
        let patched: Value = app.patch(&path, t, json!({"external_ids": [{"system": "hubspot", "id": "1"}]})).await.json().await.unwrap();
        assert_eq!(patched["external_ids"], json!([{"system": "hubspot", "id": "1"}]));
        assert!(ids_listed(&app, t, "external_id=salesforce:003A").await.is_empty());

        // Deleted, Ana releases her id; her tombstone still names it.
        assert_eq!(app.delete(&path, t).await.status(), 204);
        let cleo = app.create_contact(t, json!({"first_name": "Cleo", "external_ids": [{"system": "hubspot", "id": "1"}]})).await;
        assert_eq!(ids_listed(&app, t, "external_id=hubspot:1").await, [text(&cleo["id"])]);
        let mut synced = ids_listed(&app, t, "external_id=hubspot:1&include_deleted=true").await;
        synced.sort();
        let mut expected = vec![ana_id.clone(), text(&cleo["id"])];
        expected.sort();
        assert_eq!(synced, expected);

        for (body, pointer) in [
            (json!({"first_name": "X", "external_ids": [{"system": "HubSpot", "id": "1"}]}), "/external_ids/0/system"),
            (json!({"first_name": "X", "external_ids": [{"system": "hubspot", "id": " "}]}), "/external_ids/0/id"),
            (json!({"first_name": "X", "external_ids": (0..21).map(|n| json!({"system": "hubspot", "id": n.to_string()})).collect::<Vec<_>>()}), "/external_ids"),
        ] {
            let problem = assert_problem(app.post("/v1/contacts", t, body).await, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), [pointer]);
        }
        for bad in ["hubspot", "HubSpot:1", "hubspot:"] {
            let problem = assert_problem(app.get(&format!("/v1/contacts?external_id={bad}"), t).await, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), ["external_id"]);
        }
    }

    async fn an_upsert_creates_then_changes_only_what_it_sends(app) {
        let account = app.signup().await;
        let t = &account.token;
        let path = "/v1/contacts/by-external-id/hubspot/77";
        let created = put(&app, t, path, json!({"first_name": "Ana", "emails": ["ana@example.com"]})).await;
        assert_eq!(created.status(), 201);
        assert_eq!(created.headers()["etag"], "\"1\"");
        let created: Value = created.json().await.unwrap();
        assert_eq!(created["external_ids"], json!([{"system": "hubspot", "id": "77"}]));
        let id = text(&created["id"]);
        let noted = app.patch(&format!("/v1/contacts/{id}"), t, json!({"notes": "Met at the regatta"})).await;
        assert_eq!(noted.status(), 200);

        let updated = put(&app, t, path, json!({"emails": ["ana@fabrikam.example"], "external_ids": [{"system": "salesforce", "id": "9"}]})).await;
        assert_eq!(updated.status(), 200);
        let updated: Value = updated.json().await.unwrap();
        assert_eq!(updated["id"], created["id"]);
        assert_eq!(updated["version"], 3);
        assert_eq!(updated["first_name"], "Ana");
        assert_eq!(updated["notes"], "Met at the regatta", "what the sync does not send stays");
        assert_eq!(updated["emails"], json!(["ana@fabrikam.example"]));
        assert_eq!(updated["external_ids"], json!([{"system": "hubspot", "id": "77"}, {"system": "salesforce", "id": "9"}]), "the upserted id stays");

        // The same record again changes nothing: no new version for sync to fetch.
        let again = put(&app, t, path, json!({"emails": ["ana@fabrikam.example"], "external_ids": [{"system": "salesforce", "id": "9"}, {"system": "hubspot", "id": "77"}]})).await;
        assert_eq!(again.status(), 200);
        assert_eq!(again.headers()["etag"], "\"3\"");
        let same = app.patch(&format!("/v1/contacts/{id}"), t, json!({"first_name": "Ana", "notes": "Met at the regatta"})).await;
        assert_eq!(same.json::<Value>().await.unwrap()["version"], 3, "nor does a PATCH that sets what is there");

        let nameless = put(&app, t, "/v1/contacts/by-external-id/hubspot/78", json!({"emails": ["x@example.com"]})).await;
        assert_eq!(pointers(&assert_problem(nameless, 422, "validation_failed").await), ["/first_name"]);
        let bad = put(&app, t, "/v1/contacts/by-external-id/Hub%20Spot/78", json!({"first_name": "X"})).await;
        assert_eq!(pointers(&assert_problem(bad, 422, "validation_failed").await), ["system"]);
        assert_eq!(ids_listed(&app, t, "").await, std::slice::from_ref(&id), "nothing half-written");

        // Another workspace's hubspot:77 is another contact.
        let other = app.signup().await;
        let theirs = put(&app, &other.token, path, json!({"first_name": "Someone else"})).await;
        assert_eq!(theirs.status(), 201);
        assert_eq!(ids_listed(&app, t, "").await, [id]);
    }

    async fn parallel_upserts_of_one_new_id_make_one_contact(app) {
        let account = app.signup().await;
        let t = &account.token;
        for round in 0..5 {
            let path = format!("/v1/contacts/by-external-id/hubspot/race-{round}");
            let attempts = (0..8).map(|n| put(&app, t, &path, json!({"first_name": format!("Writer {n}")})));
            let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
            let created = statuses.iter().filter(|s| **s == 201).count();
            let updated = statuses.iter().filter(|s| **s == 200).count();
            assert_eq!((created, updated), (1, 7), "round {round}: {statuses:?}");
            assert_eq!(ids_listed(&app, t, &format!("external_id=hubspot:race-{round}")).await.len(), 1);
        }
        assert_eq!(ids_listed(&app, t, "limit=200").await.len(), 5, "one contact per id");
    }
}

async fn interactions_listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    app.listed(&format!("/v1/interactions?{query}"), token, "id")
        .await
}

on_every_backend! {
    async fn interactions_carry_external_ids_and_upsert_by_them(app) {
        let account = app.signup().await;
        let t = &account.token;
        let contact = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let path = "/v1/interactions/by-external-id/hubspot/call-88";

        // Creating needs what a new interaction needs, each named.
        let problem = assert_problem(put(&app, t, path, json!({"summary": "Call"})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/contact_ids", "/occurred_at", "/channel", "/kind"]);

        let body = json!({"contact_ids": [contact["id"]], "occurred_at": "2026-11-30T10:00:00Z", "channel": "phone", "kind": "catch_up", "summary": "Call"});
        let created = put(&app, t, path, body.clone()).await;
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        assert_eq!(created["external_ids"], json!([{"system": "hubspot", "id": "call-88"}]));
        assert_eq!(interactions_listed(&app, t, "external_id=hubspot:call-88").await, [text(&created["id"])]);

        // The same record again changes nothing: no new version.
        let again = put(&app, t, path, body).await;
        assert_eq!(again.status(), 200);
        let again: Value = again.json().await.unwrap();
        assert_eq!((again["id"].clone(), again["version"].clone()), (created["id"].clone(), json!(1)));

        // A PATCH-shaped change sets what it sends and keeps the rest.
        let changed: Value = put(&app, t, path, json!({"notes": "She is moving to Lisbon"})).await.json().await.unwrap();
        assert_eq!((changed["version"].clone(), changed["summary"].clone()), (json!(2), json!("Call")));

        // Another interaction cannot claim the id while this one lives.
        let clash = app.post("/v1/interactions", t, json!({"contact_ids": [contact["id"]], "occurred_at": "2026-11-29T10:00:00Z", "channel": "phone", "kind": "catch_up", "external_ids": [{"system": "hubspot", "id": "call-88"}]})).await;
        let problem = assert_problem(clash, 409, "external_id_taken").await;
        assert!(text(&problem["detail"]).contains(&text(&created["id"])), "{problem}");

        // Deleted, it releases the id: the tombstone still names it, and an upsert makes a new one.
        let interaction_path = format!("/v1/interactions/{}", text(&created["id"]));
        assert_eq!(app.delete(&interaction_path, t).await.status(), 204);
        let tombstones: Value = app.get("/v1/interactions?include_deleted=true&external_id=hubspot:call-88", t).await.json().await.unwrap();
        assert_eq!(tombstones["data"][0]["external_ids"], json!([{"system": "hubspot", "id": "call-88"}]));
        let reborn = put(&app, t, path, json!({"contact_ids": [contact["id"]], "occurred_at": "2026-11-30T10:00:00Z", "channel": "phone", "kind": "catch_up"})).await;
        assert_eq!(reborn.status(), 201);
        let bad = put(&app, t, "/v1/interactions/by-external-id/HubSpot/1", json!({})).await;
        assert_eq!(pointers(&assert_problem(bad, 422, "validation_failed").await), ["system"]);
    }

    async fn parallel_upserts_of_one_new_id_make_one_interaction(app) {
        let account = app.signup().await;
        let t = &account.token;
        let contact = app.create_contact(t, json!({"first_name": "Ana"})).await;
        for round in 0..3 {
            let path = format!("/v1/interactions/by-external-id/gcal/race-{round}");
            let attempts = (0..6).map(|n| put(&app, t, &path, json!({"contact_ids": [contact["id"]], "occurred_at": "2026-11-30T10:00:00Z", "channel": "phone", "kind": "catch_up", "summary": format!("Writer {n}")})));
            let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
            let created = statuses.iter().filter(|s| **s == 201).count();
            let updated = statuses.iter().filter(|s| **s == 200).count();
            assert_eq!((created, updated), (1, 5), "round {round}: {statuses:?}");
            assert_eq!(interactions_listed(&app, t, &format!("external_id=gcal:race-{round}")).await.len(), 1);
        }
    }

    async fn an_interaction_batch_runs_each_operation_as_its_endpoint_would(app) {
        let account = app.signup().await;
        let t = &account.token;
        let contact = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let at = |day: u32| format!("2026-11-{day:02}T10:00:00Z");
        let new = |day: u32| json!({"contact_ids": [contact["id"]], "occurred_at": at(day), "channel": "phone", "kind": "catch_up"});
        let response = app.post("/v1/interactions/batch", t, json!({"operations": [
            {"op": "create", "interaction": new(1)},
            {"op": "upsert", "external_id": {"system": "gcal", "id": "evt-1"}, "interaction": new(2)},
            {"op": "create", "interaction": {"contact_ids": [contact["id"]]}},
            {"op": "upsert", "external_id": {"system": "gcal", "id": "evt-1"}, "interaction": {"summary": "Coffee"}},
            {"op": "create", "interaction": json!({"contact_ids": [contact["id"]], "occurred_at": at(3), "channel": "email", "kind": "referral_ask"})},
        ]})).await;
        assert_eq!(response.status(), 200);
        let results: Value = response.json().await.unwrap();
        let results = results["results"].as_array().unwrap();
        let statuses: Vec<u64> = results.iter().map(|r| r["status"].as_u64().unwrap()).collect();
        assert_eq!(statuses, [201, 201, 422, 200, 422]);
        assert_eq!(results[3]["id"], results[1]["id"]);
        assert_eq!(results[4]["problem"]["code"], "ask_channel_not_personal");
        assert_eq!(interactions_listed(&app, t, "").await.len(), 2);
        // The contact's clock follows the batch, as it follows each interaction.
        let seen: Value = app.get(&format!("/v1/contacts/{}", text(&contact["id"])), t).await.json().await.unwrap();
        assert_eq!(seen["last_interaction_at"], "2026-11-02T10:00:00Z");

        // Atomic: the failing operation undoes the rest and is named.
        let response = app.post("/v1/interactions/batch", t, json!({"atomic": true, "operations": [
            {"op": "create", "interaction": new(4)},
            {"op": "delete", "id": results[0]["id"], "if_match": 7},
        ]})).await;
        let problem = assert_problem(response, 412, "precondition_failed").await;
        assert!(text(&problem["detail"]).contains("operation 1"), "{problem}");
        assert_eq!(interactions_listed(&app, t, "").await.len(), 2);
    }
}

on_every_backend! {
    async fn referral_requests_and_introductions_carry_external_ids(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "Rita", "relationship_kind": "client"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "Paul"})).await;
        let deal = json!([{"system": "hubspot", "id": "deal-1"}]);

        let request = app.post("/v1/referral-requests", t, json!({"referrer_id": referrer["id"], "target": {"name": "Ana"}, "external_ids": deal})).await;
        assert_eq!(request.status(), 201);
        let request: Value = request.json().await.unwrap();
        assert_eq!(request["external_ids"], deal);
        assert_eq!(app.listed("/v1/referral-requests?external_id=hubspot:deal-1", t, "id").await, [text(&request["id"])]);
        let clash = app.post("/v1/referral-requests", t, json!({"referrer_id": referrer["id"], "target": {"name": "Bo"}, "external_ids": deal})).await;
        let problem = assert_problem(clash, 409, "external_id_taken").await;
        assert!(text(&problem["detail"]).contains("referral request"), "{problem}");
        let path = format!("/v1/referral-requests/{}", text(&request["id"]));
        let changed: Value = app.patch(&path, t, json!({"external_ids": [{"system": "hubspot", "id": "deal-2"}]})).await.json().await.unwrap();
        assert_eq!((changed["external_ids"][0]["id"].clone(), changed["version"].clone()), (json!("deal-2"), json!(2)));

        let intro = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "external_ids": deal})).await;
        assert_eq!(intro.status(), 201);
        let intro: Value = intro.json().await.unwrap();
        assert_eq!(intro["external_ids"], deal, "introductions have their own namespace of ids");
        assert_eq!(app.listed("/v1/introductions?external_id=hubspot:deal-1", t, "id").await, [text(&intro["id"])]);
        let intro_path = format!("/v1/introductions/{}", text(&intro["id"]));
        assert_eq!(app.delete(&intro_path, t).await.status(), 204);
        let again = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "external_ids": deal})).await;
        assert_eq!(again.status(), 201, "a deleted introduction releases its ids");
        let bad = app.get("/v1/introductions?external_id=nope", t).await;
        assert_eq!(pointers(&assert_problem(bad, 422, "validation_failed").await), ["external_id"]);
    }
}
