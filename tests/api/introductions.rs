//! Introductions: received (advancing their request) and given (a give to both).

use serde_json::{json, Value};

use crate::helpers::{assert_problem, history, on_every_backend, pointers, text, TestApp};

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/introductions", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "create introduction: {body}");
    body
}

async fn request(app: &TestApp, token: &str, referrer: &Value, asked: bool) -> Value {
    let mut body = json!({"referrer_id": referrer["id"], "target": {"name": "Ana Costa", "company": "Fabrikam"}, "business_reason": "They are consolidating warehouses", "ideal_introduction": "Ana, over coffee"});
    if asked {
        body["status"] = json!("asked");
        body["ask_channel"] = json!("phone");
    }
    let response = app.post("/v1/referral-requests", token, body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

const STATUSES: [&str; 7] = [
    "pending",
    "connected",
    "meeting_scheduled",
    "met",
    "won",
    "lost",
    "no_response",
];

fn legal(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        ("pending", "connected" | "no_response")
            | ("connected", "meeting_scheduled" | "lost" | "no_response")
            | ("meeting_scheduled", "met" | "lost")
            | ("met", "won" | "lost")
    )
}

fn path_to(status: &str) -> Vec<&'static str> {
    match status {
        "pending" => vec![],
        "connected" => vec!["connected"],
        "meeting_scheduled" => vec!["connected", "meeting_scheduled"],
        "met" => vec!["connected", "meeting_scheduled", "met"],
        "won" => vec!["connected", "meeting_scheduled", "met", "won"],
        "lost" => vec!["connected", "lost"],
        "no_response" => vec!["no_response"],
        other => panic!("{other}"),
    }
}

on_every_backend! {
    async fn a_received_introduction_advances_its_request_and_can_add_the_prospect(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "Priya", "relationship_kind": "client"})).await;
        let asked = request(&app, t, &referrer, true).await;

        let introduction = create(&app, t, json!({
            "direction": "received",
            "referrer_id": referrer["id"],
            "prospect": {"first_name": "Ana", "last_name": "Costa", "company": "Fabrikam", "relationship_kind": "prospect"},
            "request_id": asked["id"],
        })).await;
        assert_eq!(introduction["status"], "pending");
        assert_eq!(introduction["request_id"], asked["id"]);
        let prospect: Value = app.get(&format!("/v1/contacts/{}", text(&introduction["prospect_id"])), t).await.json().await.unwrap();
        assert_eq!(prospect["met_through_id"], referrer["id"], "met through the referrer");
        assert_eq!(prospect["company"], "Fabrikam");
        let advanced: Value = app.get(&format!("/v1/referral-requests/{}", text(&asked["id"])), t).await.json().await.unwrap();
        assert_eq!(advanced["status"], "introduced");
        let history: Vec<String> = advanced["history"].as_array().unwrap().iter().map(|h| text(&h["status"])).collect();
        assert_eq!(history, ["planned", "asked", "agreed", "introduced"]);

        // A request that cannot be introduced refuses, and nothing is written.
        let planned = request(&app, t, &referrer, false).await;
        let refused = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect": {"first_name": "Ghost"}, "request_id": planned["id"]})).await;
        assert_problem(refused, 409, "invalid_transition").await;
        let contacts: Value = app.get("/v1/contacts?q=ghost", t).await.json().await.unwrap();
        assert!(contacts["data"].as_array().unwrap().is_empty(), "the prospect was not added: {contacts}");

        let other = app.create_contact(t, json!({"first_name": "Other"})).await;
        let response = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": other["id"], "prospect_id": introduction["prospect_id"], "request_id": asked["id"]})).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/request_id"]);
        for (body, pointer) in [
            (json!({"direction": "received", "referrer_id": referrer["id"]}), "/prospect_id"),
            (json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": referrer["id"]}), "/prospect_id"),
            (json!({"direction": "received", "referrer_id": referrer["id"], "prospect": {"first_name": ""}}), "/prospect/first_name"),
            (json!({"direction": "sideways"}), ""),
        ] {
            let problem = assert_problem(app.post("/v1/introductions", t, body.clone()).await, 422, "validation_failed").await;
            assert!(pointers(&problem)[0].starts_with(pointer), "{body}: {problem}");
        }
    }

    async fn a_given_introduction_is_a_give_to_both(app) {
        let account = app.signup().await;
        let t = &account.token;
        let a = app.create_contact(t, json!({"first_name": "A"})).await;
        let b = app.create_contact(t, json!({"first_name": "B"})).await;
        let given = create(&app, t, json!({"direction": "given", "contact_ids": [a["id"], b["id"]]})).await;
        assert_eq!(given["contact_ids"], json!([a["id"], b["id"]]));
        for contact in [&a, &b] {
            let fetched: Value = app.get(&format!("/v1/contacts/{}", text(&contact["id"])), t).await.json().await.unwrap();
            assert_eq!(fetched["reciprocity"]["gives_12m"], 1, "{fetched}");
            assert_eq!(fetched["nurture_status"], "ok");
        }
        let logged: Value = app.get(&format!("/v1/interactions/{}", text(&given["interaction_id"])), t).await.json().await.unwrap();
        assert_eq!(logged["kind"], "introduction_made");
        let problem = assert_problem(app.post("/v1/introductions", t, json!({"direction": "given", "contact_ids": [a["id"], a["id"]]})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/contact_ids/1"]);
        assert_problem(app.post("/v1/introductions", t, json!({"direction": "given", "contact_ids": [a["id"]]})).await, 422, "validation_failed").await;
    }

    async fn an_introduction_is_followed_to_money_by_legal_moves(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "R"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "P"})).await;
        for from in STATUSES {
            for to in STATUSES {
                let introduction = create(&app, t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"]})).await;
                let path = format!("/v1/introductions/{}", text(&introduction["id"]));
                for step in path_to(from) {
                    assert_eq!(app.patch(&path, t, json!({"status": step})).await.status(), 200, "{from} via {step}");
                }
                let response = app.patch(&path, t, json!({"status": to})).await;
                if legal(from, to) {
                    assert_eq!(response.status(), 200, "{from} -> {to}");
                    let moved: Value = response.json().await.unwrap();
                    assert_eq!(moved["closed_at"].is_null(), !["won", "lost", "no_response"].contains(&to), "{moved}");
                } else {
                    assert_problem(response, 409, "invalid_transition").await;
                }
            }
        }
        let introduction = create(&app, t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"]})).await;
        let path = format!("/v1/introductions/{}", text(&introduction["id"]));
        let won: Value = app.patch(&path, t, json!({"meeting_at": "2026-11-02T10:00:00Z", "deal_value": "48000.5", "currency": "EUR"})).await.json().await.unwrap();
        assert_eq!((won["deal_value"].clone(), won["currency"].clone()), (json!("48000.50"), json!("EUR")));
        for (body, pointer) in [(json!({"deal_value": 1.234}), "/deal_value"), (json!({"deal_value": "1,000"}), "/deal_value"), (json!({"deal_value": "-5"}), "/deal_value"), (json!({"currency": "euro"}), "/currency"), (json!({"currency": null}), "/currency")] {
            let problem = assert_problem(app.patch(&path, t, body.clone()).await, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), [pointer], "{body}");
        }
    }

    async fn introductions_are_listed_and_isolated(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let t = &owner.token;
        let referrer = app.create_contact(t, json!({"first_name": "R"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "P"})).await;
        let received = create(&app, t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"]})).await;
        let given = create(&app, t, json!({"direction": "given", "contact_ids": [referrer["id"], prospect["id"]]})).await;
        let ids = |page: Value| page["data"].as_array().unwrap().iter().map(|i| text(&i["id"])).collect::<Vec<_>>();
        assert_eq!(ids(app.get("/v1/introductions", t).await.json().await.unwrap()), [text(&received["id"]), text(&given["id"])]);
        assert_eq!(ids(app.get("/v1/introductions?direction=given", t).await.json().await.unwrap()), [text(&given["id"])]);
        assert_eq!(ids(app.get(&format!("/v1/introductions?referrer_id={}", text(&referrer["id"])), t).await.json().await.unwrap()), [text(&received["id"])]);

        let path = format!("/v1/introductions/{}", text(&received["id"]));
        assert_problem(app.get(&path, &mallory.token).await, 404, "not_found").await;
        assert_problem(app.patch(&path, &mallory.token, json!({"status": "connected"})).await, 404, "not_found").await;
        assert_problem(app.delete(&path, &mallory.token).await, 404, "not_found").await;
        assert!(app.get("/v1/introductions", &mallory.token).await.json::<Value>().await.unwrap()["data"].as_array().unwrap().is_empty());
        let problem = assert_problem(app.post("/v1/introductions", &mallory.token, json!({"direction": "given", "contact_ids": [referrer["id"], prospect["id"]]})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/contact_ids/0"]);

        assert_eq!(app.delete(&path, t).await.status(), 204);
        assert_problem(app.get(&path, t).await, 404, "not_found").await;
        assert_eq!(app.get("/v1/introductions?include_deleted=true", t).await.json::<Value>().await.unwrap()["data"].as_array().unwrap().len(), 2);
    }
}

on_every_backend! {
    async fn a_request_follows_its_introduction_forward_to_one_funnel(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "Referrer", "relationship_kind": "referral_partner"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "Prospect"})).await;
        let asked_and_introduced = ["planned", "asked", "agreed", "introduced"];
        for (moves, status, then) in [
            (vec!["connected", "meeting_scheduled"], "introduced", vec![]),
            (vec!["connected", "meeting_scheduled", "met"], "meeting_held", vec!["meeting_held"]),
            (vec!["connected", "meeting_scheduled", "met", "won"], "won", vec!["meeting_held", "won"]),
            (vec!["connected", "lost"], "lost", vec!["lost"]),
            (vec!["connected", "meeting_scheduled", "met", "lost"], "lost", vec!["meeting_held", "lost"]),
            (vec!["no_response"], "lost", vec!["lost"]),
        ] {
            let asked = request(&app, t, &referrer, true).await;
            let introduction = create(&app, t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "request_id": asked["id"]})).await;
            let path = format!("/v1/introductions/{}", text(&introduction["id"]));
            for step in &moves {
                let mut body = json!({"status": step});
                if *step == "won" {
                    body["deal_value"] = json!(5000);
                    body["currency"] = json!("EUR");
                }
                assert_eq!(app.patch(&path, t, body).await.status(), 200, "{moves:?}");
            }
            let followed: Value = app.get(&format!("/v1/referral-requests/{}", text(&asked["id"])), t).await.json().await.unwrap();
            assert_eq!(followed["status"], status, "{moves:?}: {followed}");
            let expected: Vec<&str> = asked_and_introduced.iter().copied().chain(then.iter().copied()).collect();
            assert_eq!(history(&followed), expected, "{moves:?}");
            // Created (1), introduced (2), then one version per move the request followed.
            let followed_moves = moves.iter().filter(|m| ["met", "won", "lost", "no_response"].contains(m)).count() as i64;
            assert_eq!(followed["version"], 2 + followed_moves, "{moves:?}");
        }

        // Six asks, all introduced; three meetings held (met, won, met then lost); one win,
        // beside its won value; three lost (lost, met then lost, no response).
        let funnel: Value = app.get("/v1/insights/funnel", t).await.json().await.unwrap();
        let reached: Vec<i64> = funnel["stages"].as_array().unwrap().iter().map(|s| s["reached"].as_i64().unwrap()).collect();
        assert_eq!(reached, [6, 6, 6, 3, 1], "{funnel}");
        assert_eq!(funnel["ended_without_win"], json!({"declined": 0, "withdrawn": 0, "lost": 3}));
        assert_eq!(funnel["won_value"], json!([{"currency": "EUR", "amount": "5000.00"}]));
    }

    async fn a_request_never_moves_back_nor_out_of_its_own_close(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "Referrer"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "Prospect"})).await;
        let introduce = |request: Value| {
            let app = &app;
            let (referrer, prospect) = (referrer["id"].clone(), prospect["id"].clone());
            async move {
                let introduction = create(app, t, json!({"direction": "received", "referrer_id": referrer, "prospect_id": prospect, "request_id": request["id"]})).await;
                format!("/v1/introductions/{}", text(&introduction["id"]))
            }
        };
        let get = |request: Value| {
            let app = &app;
            async move { app.get(&format!("/v1/referral-requests/{}", text(&request["id"])), t).await.json::<Value>().await.unwrap() }
        };
        let patch_request = |request: Value, status: &'static str| {
            let app = &app;
            async move {
                let response = app.patch(&format!("/v1/referral-requests/{}", text(&request["id"])), t, json!({"status": status})).await;
                assert_eq!(response.status(), 200);
            }
        };

        // The user recorded the meeting on the request first: the introduction catching up
        // moves nothing back, and adds no second `meeting_held`.
        let ahead = request(&app, t, &referrer, true).await;
        let path = introduce(ahead.clone()).await;
        patch_request(ahead.clone(), "meeting_held").await;
        for step in ["connected", "meeting_scheduled", "met"] {
            assert_eq!(app.patch(&path, t, json!({"status": step})).await.status(), 200);
        }
        let now = get(ahead.clone()).await;
        assert_eq!((now["status"].as_str(), now["version"].as_i64()), (Some("meeting_held"), Some(3)));
        assert_eq!(history(&now), ["planned", "asked", "agreed", "introduced", "meeting_held"]);
        assert_eq!(app.patch(&path, t, json!({"status": "won"})).await.status(), 200);
        assert_eq!(get(ahead).await["status"], "won");

        // The user closed the request as lost: a later win of its introduction does not
        // reopen it (lost → won is no legal move).
        let closed = request(&app, t, &referrer, true).await;
        let path = introduce(closed.clone()).await;
        patch_request(closed.clone(), "lost").await;
        for step in ["connected", "meeting_scheduled", "met", "won"] {
            assert_eq!(app.patch(&path, t, json!({"status": step})).await.status(), 200);
        }
        assert_eq!(history(&get(closed).await), ["planned", "asked", "agreed", "introduced", "lost"]);
    }
}

on_every_backend! {
    async fn deleted_requests_introductions_and_connections_keep_no_words(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app.create_contact(t, json!({"first_name": "Referrer"})).await;
        let prospect = app.create_contact(t, json!({"first_name": "Prospect"})).await;
        let asked = request(&app, t, &referrer, false).await;
        let introduction = create(&app, t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "notes": "Her husband is ill"})).await;
        let connection = app.post("/v1/connections", t, json!({"from": {"contact_id": referrer["id"]}, "to": {"contact_id": prospect["id"]}, "kind": "friend", "strength": 4, "note": "Met in rehab"})).await;
        assert_eq!(connection.status(), 201);
        let connection: Value = connection.json().await.unwrap();
        for (path, id) in [("/v1/referral-requests", &asked["id"]), ("/v1/introductions", &introduction["id"]), ("/v1/connections", &connection["id"])] {
            assert_eq!(app.delete(&format!("{path}/{}", text(id)), t).await.status(), 204, "{path}");
        }
        let listed = |path: &'static str| {
            let app = &app;
            async move { app.get(&format!("{path}?include_deleted=true"), t).await.json::<Value>().await.unwrap()["data"][0].clone() }
        };
        let request = listed("/v1/referral-requests").await;
        assert!(request["deleted_at"].is_string());
        assert_eq!((&request["target"]["name"], &request["business_reason"], &request["ideal_introduction"]), (&Value::Null, &Value::Null, &Value::Null), "{request}");
        assert_eq!(request["status"], "planned", "the stages stay for sync");
        let introduction = listed("/v1/introductions").await;
        assert_eq!((introduction["notes"].clone(), introduction["status"].clone()), (Value::Null, json!("pending")), "{introduction}");
        let connection = listed("/v1/connections").await;
        assert_eq!((connection["note"].clone(), connection["strength"].clone()), (Value::Null, json!(4)), "{connection}");
    }
}
