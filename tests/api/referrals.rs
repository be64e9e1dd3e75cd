//! Referral readiness (R3).

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text, TestApp};

async fn log(app: &TestApp, token: &str, contact: &Value, kind: &str, days_ago: i64) {
    let occurred_at =
        (Utc::now() - Duration::days(days_ago)).to_rfc3339_opts(SecondsFormat::Micros, true);
    let response = app
        .post("/v1/interactions", token, json!({"contact_ids": [contact["id"]], "occurred_at": occurred_at, "channel": "in_person", "kind": kind}))
        .await;
    assert_eq!(response.status(), 201);
}

async fn readiness(app: &TestApp, token: &str, contact: &Value) -> Value {
    let response = app
        .get(
            &format!("/v1/contacts/{}/referral-readiness", text(&contact["id"])),
            token,
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn effect_of(readiness: &Value, factor: &str) -> String {
    let reason = readiness["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["factor"] == factor)
        .unwrap_or_else(|| panic!("{factor} in {readiness}"));
    text(&reason["effect"])
}

on_every_backend! {
    async fn readiness_rewards_nurturing_and_refuses_strangers_and_takers(app) {
        let account = app.signup().await;
        let t = &account.token;

        let stranger = app.create_contact(t, json!({"first_name": "Stranger", "relationship_kind": "client", "trust": 5})).await;
        let judged = readiness(&app, t, &stranger).await;
        assert_eq!(judged["ready"], false, "{judged}");
        assert_eq!(effect_of(&judged, "in_touch"), "blocks");
        assert_eq!(judged["contact_id"], stranger["id"]);

        let nurtured = app.create_contact(t, json!({"first_name": "Nurtured", "relationship_kind": "client", "trust": 4})).await;
        log(&app, t, &nurtured, "shared_content", 20).await;
        log(&app, t, &nurtured, "catch_up", 10).await;
        let judged = readiness(&app, t, &nurtured).await;
        assert_eq!((judged["ready"].clone(), judged["score"].clone()), (json!(true), json!(35 + 25 + 19)), "{judged}");
        assert_eq!(judged["ready_at"], 60);
        let in_touch = &judged["reasons"][0];
        assert_eq!(in_touch["detail"], "last spoke 10 days ago, within your 30-day cadence");
        assert_eq!(effect_of(&judged, "thanked_us"), "against");
        log(&app, t, &nurtured, "thanks_received", 3).await;
        let judged = readiness(&app, t, &nurtured).await;
        assert_eq!(judged["score"], 35 + 25 + 15 + 19);
        assert_eq!(effect_of(&judged, "thanked_us"), "for");

        let taker = app.create_contact(t, json!({"first_name": "Taker", "relationship_kind": "client", "trust": 5})).await;
        log(&app, t, &taker, "gift", 30).await;
        log(&app, t, &taker, "thanks_received", 25).await;
        log(&app, t, &taker, "favor_ask", 20).await;
        log(&app, t, &taker, "referral_ask", 5).await;
        let judged = readiness(&app, t, &taker).await;
        assert_eq!(judged["score"], 100, "every point earned: {judged}");
        assert_eq!(judged["ready"], false, "asks outnumber gives");
        assert_eq!(effect_of(&judged, "reciprocity"), "blocks");

        let lapsed = app.create_contact(t, json!({"first_name": "Lapsed", "relationship_kind": "client", "trust": 4})).await;
        log(&app, t, &lapsed, "shared_content", 250).await;
        let judged = readiness(&app, t, &lapsed).await;
        assert_eq!((judged["ready"].clone(), judged["score"].clone()), (json!(false), json!(19)), "{judged}");
        assert_eq!(effect_of(&judged, "gave_value"), "blocks", "a give over six months ago does not count");
    }

    async fn readiness_of_another_workspace_is_a_404(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let contact = app.create_contact(&alice.token, json!({"first_name": "Private"})).await;
        let path = format!("/v1/contacts/{}/referral-readiness", text(&contact["id"]));
        assert_problem(app.get(&path, &mallory.token).await, 404, "not_found").await;
        assert_problem(app.get(&format!("/v1/contacts/{}/referral-readiness", uuid::Uuid::now_v7()), &alice.token).await, 404, "not_found").await;
        assert_problem(app.get("/v1/contacts/not-an-id/referral-readiness", &alice.token).await, 404, "not_found").await;
    }
}

/// A client nurtured enough to be asked: in touch, given to, trusted.
async fn nurtured_referrer(app: &TestApp, token: &str) -> Value {
    let referrer = app
        .create_contact(
            token,
            json!({"first_name": "Priya", "relationship_kind": "client", "trust": 4}),
        )
        .await;
    log(app, token, &referrer, "shared_content", 20).await;
    referrer
}

fn request_body(referrer: &Value) -> Value {
    json!({
        "referrer_id": referrer["id"],
        "target": {"name": "Ana Costa", "company": "Fabrikam", "title": "CFO"},
        "business_reason": "Fabrikam is consolidating warehouses; we cut a similar client's costs 18%",
        "ideal_introduction": "Ana, who owns the budget, over coffee"
    })
}

async fn create_request(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/referral-requests", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "create request: {body}");
    body
}

async fn move_to(app: &TestApp, token: &str, request: &Value, body: Value) -> reqwest::Response {
    app.patch(
        &format!("/v1/referral-requests/{}", text(&request["id"])),
        token,
        body,
    )
    .await
}

async fn asks_logged(app: &TestApp, token: &str, referrer: &Value) -> Vec<Value> {
    let page: Value = app
        .get(
            &format!(
                "/v1/interactions?contact_id={}&kind=referral_ask",
                text(&referrer["id"])
            ),
            token,
        )
        .await
        .json()
        .await
        .unwrap();
    page["data"].as_array().unwrap().clone()
}

const STATUSES: [&str; 9] = [
    "planned",
    "asked",
    "agreed",
    "introduced",
    "meeting_held",
    "won",
    "lost",
    "declined",
    "withdrawn",
];

/// The legal moves of DESIGN.md §3, written out independently of the code.
fn legal(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        ("planned", "asked" | "withdrawn")
            | ("asked", "agreed" | "declined" | "withdrawn")
            | ("agreed", "introduced" | "declined" | "withdrawn")
            | ("introduced", "meeting_held" | "lost")
            | ("meeting_held", "won" | "lost")
    )
}

/// A path of legal moves from `planned` to `status`.
fn path_to(status: &str) -> Vec<&'static str> {
    match status {
        "planned" => vec![],
        "asked" => vec!["asked"],
        "agreed" => vec!["asked", "agreed"],
        "introduced" => vec!["asked", "agreed", "introduced"],
        "meeting_held" => vec!["asked", "agreed", "introduced", "meeting_held"],
        "won" => vec!["asked", "agreed", "introduced", "meeting_held", "won"],
        "lost" => vec!["asked", "agreed", "introduced", "lost"],
        "declined" => vec!["asked", "declined"],
        "withdrawn" => vec!["withdrawn"],
        other => panic!("{other}"),
    }
}

async fn request_at(app: &TestApp, token: &str, referrer: &Value, status: &str) -> Value {
    let request = create_request(app, token, request_body(referrer)).await;
    for step in path_to(status) {
        let mut body = json!({"status": step});
        if step == "asked" {
            body["ask_channel"] = json!("phone");
        }
        let response = move_to(app, token, &request, body).await;
        assert_eq!(response.status(), 200, "{status} via {step}");
    }
    request
}

on_every_backend! {
    async fn every_legal_move_is_accepted_and_every_other_refused(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = nurtured_referrer(&app, t).await;
        for from in STATUSES {
            for to in STATUSES {
                let request = request_at(&app, t, &referrer, from).await;
                let mut body = json!({"status": to});
                if to == "asked" {
                    body["ask_channel"] = json!("in_person");
                }
                let response = move_to(&app, t, &request, body).await;
                if legal(from, to) {
                    assert_eq!(response.status(), 200, "{from} -> {to}");
                    let moved: Value = response.json().await.unwrap();
                    assert_eq!(moved["status"], to);
                    assert_eq!(moved["history"].as_array().unwrap().last().unwrap()["status"], to);
                } else {
                    let problem = assert_problem(response, 409, "invalid_transition").await;
                    let allowed: Vec<String> = STATUSES.iter().filter(|s| legal(from, s)).map(|s| format!("`{s}`")).collect();
                    for name in &allowed {
                        assert!(text(&problem["detail"]).contains(name.as_str()), "{from} -> {to}: {problem}");
                    }
                }
            }
        }
    }

    async fn asking_is_live_and_needs_a_business_reason(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = nurtured_referrer(&app, t).await;
        let request = create_request(&app, t, request_body(&referrer)).await;
        for channel in ["email", "social", "letter", "text"] {
            let problem = assert_problem(move_to(&app, t, &request, json!({"status": "asked", "ask_channel": channel})).await, 422, "ask_channel_not_personal").await;
            let detail = text(&problem["detail"]);
            assert!(detail.starts_with(&format!("`{channel}` is a written channel")), "names the refused channel: {problem}");
            for live in ["`in_person`", "`phone`", "`video`", "`event`"] {
                assert!(detail.contains(live), "names the accepted channels: {problem}");
            }
            assert_eq!(crate::helpers::pointers(&problem), ["/ask_channel"]);
        }
        assert_problem(move_to(&app, t, &request, json!({"status": "asked"})).await, 422, "ask_channel_required").await;
        assert!(asks_logged(&app, t, &referrer).await.is_empty(), "a refused ask logs nothing");

        let mut bare = request_body(&referrer);
        bare["business_reason"] = Value::Null;
        let unreasoned = create_request(&app, t, bare).await;
        let problem = assert_problem(move_to(&app, t, &unreasoned, json!({"status": "asked", "ask_channel": "phone"})).await, 422, "business_reason_required").await;
        assert_eq!(crate::helpers::pointers(&problem), ["/business_reason"]);
        assert!(asks_logged(&app, t, &referrer).await.is_empty(), "the ask and its interaction go together or not at all");
        let withdrawn = move_to(&app, t, &unreasoned, json!({"status": "withdrawn"})).await;
        assert_eq!(withdrawn.status(), 200, "dropping a plan needs no reason");

        let response = move_to(&app, t, &request, json!({"status": "asked", "ask_channel": "video"})).await;
        assert_eq!(response.status(), 200);
        let asked: Value = response.json().await.unwrap();
        assert_eq!(asked["ask_channel"], "video");
        let logged = asks_logged(&app, t, &referrer).await;
        assert_eq!(logged.len(), 1);
        assert_eq!(asked["ask_interaction_id"], logged[0]["id"]);
        assert_eq!(logged[0]["channel"], "video");
        assert_eq!(logged[0]["contact_ids"], json!([referrer["id"]]));

        // Seed 000's live ask includes one made face to face at an event.
        let at_an_event = create_request(&app, t, request_body(&nurtured_referrer(&app, t).await)).await;
        let response = move_to(&app, t, &at_an_event, json!({"status": "asked", "ask_channel": "event"})).await;
        assert_eq!(response.status(), 200, "an event is face to face");
        assert_eq!(response.json::<Value>().await.unwrap()["ask_channel"], "event");

        // Recording an ask already made, in one call.
        let mut made = request_body(&referrer);
        made["status"] = json!("asked");
        made["ask_channel"] = json!("email");
        assert_problem(app.post("/v1/referral-requests", t, made.clone()).await, 422, "ask_channel_not_personal").await;
        made["ask_channel"] = json!("in_person");
        let recorded = create_request(&app, t, made).await;
        assert_eq!(recorded["status"], "asked");
        assert_eq!(recorded["history"].as_array().unwrap().len(), 2);
        assert_eq!(asks_logged(&app, t, &referrer).await.len(), 2);
    }

    async fn a_request_carries_its_referrers_readiness(app) {
        let account = app.signup().await;
        let t = &account.token;
        let stranger = app.create_contact(t, json!({"first_name": "Stranger"})).await;
        let created = create_request(&app, t, request_body(&stranger)).await;
        assert_eq!(created["referrer_readiness"]["ready"], false, "recorded all the same: {created}");
        assert_eq!(created["referrer_readiness"]["contact_id"], stranger["id"]);

        let referrer = nurtured_referrer(&app, t).await;
        log(&app, t, &referrer, "gift", 15).await;
        log(&app, t, &referrer, "thanks_received", 10).await;
        let first = create_request(&app, t, request_body(&referrer)).await;
        assert_eq!(first["referrer_readiness"]["ready"], true, "{first}");
        let asked: Value = move_to(&app, t, &first, json!({"status": "asked", "ask_channel": "phone"})).await.json().await.unwrap();
        assert_eq!(asked["referrer_readiness"]["ready"], true, "judged before the ask, not counting itself: {asked}");
        let second = create_request(&app, t, request_body(&referrer)).await;
        assert_eq!(second["referrer_readiness"]["ready"], false, "an ask is already waiting on them");
        let judged = readiness(&app, t, &referrer).await;
        assert_eq!(effect_of(&judged, "open_ask"), "blocks");
    }

    async fn requests_are_listed_filtered_and_isolated(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let viewer = app.signup().await;
        let (viewer_token, _) = app.join(&owner, &viewer, "viewer").await;
        let t = &owner.token;
        let referrer = nurtured_referrer(&app, t).await;
        let other = nurtured_referrer(&app, t).await;
        let planned = create_request(&app, t, request_body(&referrer)).await;
        let asked = request_at(&app, t, &other, "asked").await;

        let ids = |page: Value| page["data"].as_array().unwrap().iter().map(|r| text(&r["id"])).collect::<Vec<_>>();
        let all: Value = app.get("/v1/referral-requests", t).await.json().await.unwrap();
        assert_eq!(ids(all), [text(&planned["id"]), text(&asked["id"])]);
        let by_status: Value = app.get("/v1/referral-requests?status=asked", t).await.json().await.unwrap();
        assert_eq!(ids(by_status), [text(&asked["id"])]);
        let by_referrer: Value = app.get(&format!("/v1/referral-requests?referrer_id={}", text(&referrer["id"])), t).await.json().await.unwrap();
        assert_eq!(ids(by_referrer), [text(&planned["id"])]);

        let path = format!("/v1/referral-requests/{}", text(&planned["id"]));
        let fetched = app.get(&path, t).await;
        assert_eq!(fetched.headers()["etag"], "\"1\"");
        assert_problem(app.get(&path, &mallory.token).await, 404, "not_found").await;
        assert_problem(app.patch(&path, &mallory.token, json!({"status": "withdrawn"})).await, 404, "not_found").await;
        assert_problem(app.delete(&path, &mallory.token).await, 404, "not_found").await;
        let theirs: Value = app.get("/v1/referral-requests", &mallory.token).await.json().await.unwrap();
        assert!(theirs["data"].as_array().unwrap().is_empty());
        let problem = assert_problem(app.post("/v1/referral-requests", &mallory.token, request_body(&referrer)).await, 422, "validation_failed").await;
        assert_eq!(crate::helpers::pointers(&problem), ["/referrer_id"]);
        assert_problem(app.post("/v1/referral-requests", &viewer_token, request_body(&referrer)).await, 403, "forbidden").await;

        let stale = app.request(reqwest::Method::PATCH, &path, Some(t)).header("if-match", "\"7\"").json(&json!({"notes": "x"})).send().await.unwrap();
        assert_problem(stale, 412, "precondition_failed").await;
        assert_eq!(app.delete(&path, t).await.status(), 204);
        assert_problem(app.get(&path, t).await, 404, "not_found").await;
        let tombstones: Value = app.get("/v1/referral-requests?include_deleted=true", t).await.json().await.unwrap();
        assert_eq!(tombstones["data"].as_array().unwrap().len(), 2);

        for (body, pointer) in [
            (json!({"referrer_id": referrer["id"], "target": {}}), "/target"),
            (json!({"referrer_id": referrer["id"], "target": {"contact_id": referrer["id"]}}), "/target/contact_id"),
            (json!({"referrer_id": referrer["id"], "target": {"name": "A"}, "status": "won"}), "/status"),
            (json!({"referrer_id": referrer["id"], "target": {"name": "A"}, "ask_channel": "phone"}), "/ask_channel"),
        ] {
            let problem = assert_problem(app.post("/v1/referral-requests", t, body.clone()).await, 422, "validation_failed").await;
            assert!(crate::helpers::pointers(&problem)[0].starts_with(pointer), "{body}: {problem}");
        }
    }
}

on_every_backend! {
    async fn a_request_can_be_closed_after_its_referrer_is_deleted(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = nurtured_referrer(&app, t).await;
        let request = request_at(&app, t, &referrer, "asked").await;
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&referrer["id"])), t).await.status(), 204);
        let response = move_to(&app, t, &request, json!({"status": "withdrawn"})).await;
        assert_eq!(response.status(), 200, "the pipeline stays closable");
    }
}

on_every_backend! {
    async fn the_funnel_counts_a_hand_built_scenario(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let t = &owner.token;
        let partner = app.create_contact(t, json!({"first_name": "Partner", "relationship_kind": "referral_partner"})).await;
        let client = app.create_contact(t, json!({"first_name": "Client", "relationship_kind": "client"})).await;
        let ago = |days: i64| (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Micros, true);
        let asked = |referrer: &Value, days: i64| {
            let mut body = request_body(referrer);
            body["status"] = json!("asked");
            body["ask_channel"] = json!("phone");
            body["asked_at"] = json!(ago(days));
            body
        };
        // R1 (partner): asked 10 days ago, introduced now, meeting held, won 48,000.50 EUR.
        let r1 = create_request(&app, t, asked(&partner, 10)).await;
        let prospect = app.create_contact(t, json!({"first_name": "Prospect"})).await;
        let intro = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": partner["id"], "prospect_id": prospect["id"], "request_id": r1["id"]})).await;
        assert_eq!(intro.status(), 201);
        let intro: Value = intro.json().await.unwrap();
        let intro_path = format!("/v1/introductions/{}", text(&intro["id"]));
        for status in ["connected", "meeting_scheduled", "met"] {
            assert_eq!(app.patch(&intro_path, t, json!({"status": status})).await.status(), 200);
        }
        assert_eq!(app.patch(&intro_path, t, json!({"status": "won", "deal_value": 48000.5, "currency": "EUR"})).await.status(), 200);
        // The request followed its introduction to the win (one funnel).
        let r1_now: Value = app.get(&format!("/v1/referral-requests/{}", text(&r1["id"])), t).await.json().await.unwrap();
        assert_eq!(r1_now["status"], "won", "{r1_now}");
        // R2 (client): asked 6 days ago, agreed, introduced, lost.
        let r2 = create_request(&app, t, asked(&client, 6)).await;
        for status in ["agreed", "introduced", "lost"] {
            assert_eq!(move_to(&app, t, &r2, json!({"status": status})).await.status(), 200);
        }
        // R3: asked 4 days ago, declined. R4: asked 2 days ago, waiting. R5: planned only.
        let r3 = create_request(&app, t, asked(&client, 4)).await;
        assert_eq!(move_to(&app, t, &r3, json!({"status": "declined"})).await.status(), 200);
        create_request(&app, t, asked(&partner, 2)).await;
        create_request(&app, t, request_body(&partner)).await;
        // Outside the period: asked 200 days ago.
        create_request(&app, t, asked(&partner, 200)).await;

        let funnel: Value = app.get("/v1/insights/funnel", t).await.json().await.unwrap();
        let reached: Vec<i64> = funnel["stages"].as_array().unwrap().iter().map(|s| s["reached"].as_i64().unwrap()).collect();
        assert_eq!(reached, [4, 2, 2, 1, 1], "{funnel}");
        let conversions: Vec<Value> = funnel["stages"].as_array().unwrap().iter().map(|s| s["conversion"].clone()).collect();
        assert_eq!(conversions, [Value::Null, json!(0.5), json!(1.0), json!(0.5), json!(1.0)]);
        assert_eq!(funnel["ended_without_win"], json!({"declined": 1, "withdrawn": 0, "lost": 1}));
        // Ask to introduction: 10 and 6 days (introduced moments ago); median 8.
        assert_eq!(funnel["median_days_ask_to_introduction"], 8.0);
        assert_eq!(funnel["median_days_introduction_to_meeting"], 0.0);
        assert_eq!(funnel["won_value"], json!([{"currency": "EUR", "amount": "48000.50"}]));

        let partners: Value = app.get("/v1/insights/funnel?relationship_kind=referral_partner", t).await.json().await.unwrap();
        assert_eq!(partners["stages"][0]["reached"], 2);
        let one: Value = app.get(&format!("/v1/insights/funnel?referrer_id={}", text(&client["id"])), t).await.json().await.unwrap();
        assert_eq!(one["stages"][0]["reached"], 2);
        assert!(one["groups"].is_null(), "groups only on demand: {one}");

        // Per kind: two asks each; the partner's went to a win, the client's to a loss
        // and a refusal. Equal counts are ordered by kind.
        let reached_of = |group: &Value| -> Vec<i64> { group["stages"].as_array().unwrap().iter().map(|s| s["reached"].as_i64().unwrap()).collect() };
        let by_kind: Value = app.get("/v1/insights/funnel?group_by=relationship_kind", t).await.json().await.unwrap();
        let groups = by_kind["groups"].as_array().unwrap();
        assert_eq!(groups.len(), 2, "{by_kind}");
        assert_eq!((groups[0]["relationship_kind"].as_str(), reached_of(&groups[0])), (Some("client"), vec![2, 1, 1, 0, 0]));
        assert_eq!(groups[0]["ended_without_win"], json!({"declined": 1, "withdrawn": 0, "lost": 1}));
        assert_eq!(groups[0]["won_value"], json!([]));
        assert_eq!((groups[1]["relationship_kind"].as_str(), reached_of(&groups[1])), (Some("referral_partner"), vec![2, 1, 1, 1, 1]));
        assert_eq!(groups[1]["won_value"], json!([{"currency": "EUR", "amount": "48000.50"}]));
        assert_eq!(groups[1]["median_days_ask_to_introduction"], 10.0);
        assert_eq!(by_kind["stages"], funnel["stages"], "grouping leaves the totals alone");

        let by_referrer: Value = app.get("/v1/insights/funnel?group_by=referrer&limit=1&relationship_kind=client", t).await.json().await.unwrap();
        let groups = by_referrer["groups"].as_array().unwrap();
        assert_eq!(groups.len(), 1, "{by_referrer}");
        assert_eq!(groups[0]["referrer"], json!({"contact_id": client["id"], "first_name": "Client", "last_name": null}));
        assert_eq!(reached_of(&groups[0]), [2, 1, 1, 0, 0]);
        let by_referrer: Value = app.get("/v1/insights/funnel?group_by=referrer", t).await.json().await.unwrap();
        let partner_group = by_referrer["groups"].as_array().unwrap().iter().find(|g| g["referrer"]["contact_id"] == partner["id"]).unwrap();
        assert_eq!(reached_of(partner_group), [2, 1, 1, 1, 1]);
        assert_eq!(partner_group["relationship_kind"], "referral_partner");
        let long_ago = (Utc::now() - Duration::days(300)).date_naive();
        let all: Value = app.get(&format!("/v1/insights/funnel?from={long_ago}"), t).await.json().await.unwrap();
        assert_eq!(all["stages"][0]["reached"], 5);
        let elsewhere: Value = app.get("/v1/insights/funnel", &mallory.token).await.json().await.unwrap();
        assert_eq!(elsewhere["stages"][0]["reached"], 0);
        for bad in ["?from=2026-05-01&to=2026-04-01", "?from=2000-01-01&to=2026-01-01", "?relationship_kind=enemy", "?group_by=weather", "?group_by=referrer&limit=0"] {
            assert_problem(app.get(&format!("/v1/insights/funnel{bad}"), t).await, 422, "validation_failed").await;
        }
    }
}

on_every_backend! {
    async fn referrers_are_ranked_by_what_their_introductions_brought(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let t = &owner.token;
        let contact = |name: &'static str| {
            let app = &app;
            async move { app.create_contact(t, json!({"first_name": name, "relationship_kind": "referral_partner", "company": "Acme"})).await }
        };
        let (closer, busy, connector, prospect) = (contact("Closer").await, contact("Busy").await, contact("Connector").await, contact("Prospect").await);
        let introduce = |referrer: Value| {
            let app = &app;
            let prospect = prospect["id"].clone();
            async move {
                let response = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect})).await;
                assert_eq!(response.status(), 201);
                format!("/v1/introductions/{}", text(&response.json::<Value>().await.unwrap()["id"]))
            }
        };
        let won = introduce(closer.clone()).await;
        for status in ["connected", "meeting_scheduled", "met"] {
            assert_eq!(app.patch(&won, t, json!({"status": status})).await.status(), 200);
        }
        assert_eq!(app.patch(&won, t, json!({"status": "won", "deal_value": 1000, "currency": "EUR"})).await.status(), 200);
        introduce(closer.clone()).await;
        for _ in 0..3 {
            introduce(busy.clone()).await;
        }
        let planned = introduce(connector.clone()).await;
        assert_eq!(app.patch(&planned, t, json!({"meeting_at": "2026-12-01T10:00:00Z"})).await.status(), 200);

        let ranking: Value = app.get("/v1/insights/referrers", t).await.json().await.unwrap();
        let rows = ranking["data"].as_array().unwrap();
        let order: Vec<String> = rows.iter().map(|r| text(&r["first_name"])).collect();
        assert_eq!(order, ["Closer", "Connector", "Busy"]);
        assert_eq!((rows[0]["introductions"].clone(), rows[0]["meetings"].clone(), rows[0]["won"].clone()), (json!(2), json!(1), json!(1)));
        assert_eq!(rows[0]["won_value"], json!([{"currency": "EUR", "amount": "1000.00"}]));
        assert_eq!(rows[0]["contact_id"], closer["id"]);
        assert_eq!((rows[2]["introductions"].clone(), rows[2]["meetings"].clone()), (json!(3), json!(0)));
        let top: Value = app.get("/v1/insights/referrers?limit=1", t).await.json().await.unwrap();
        assert_eq!(top["data"].as_array().unwrap().len(), 1);
        let elsewhere: Value = app.get("/v1/insights/referrers", &mallory.token).await.json().await.unwrap();
        assert!(elsewhere["data"].as_array().unwrap().is_empty());
        for bad in ["?limit=0", "?from=2026-05-01&to=2026-04-01"] {
            assert_problem(app.get(&format!("/v1/insights/referrers{bad}"), t).await, 422, "validation_failed").await;
        }
    }
}

on_every_backend! {
    async fn unasked_lists_ready_clients_nobody_asked(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let mallory = app.signup().await;
        let (colleague_token, _) = app.join(&owner, &colleague, "member").await;
        let t = &owner.token;
        let nurtured = |token: String, name: &'static str, kind: &'static str| {
            let app = &app;
            async move {
                let contact = app.create_contact(&token, json!({"first_name": name, "relationship_kind": kind, "trust": 4})).await;
                log(app, &token, &contact, "shared_content", 20).await;
                log(app, &token, &contact, "catch_up", 10).await;
                contact
            }
        };
        nurtured(t.clone(), "Ready", "client").await;
        let thankful = nurtured(t.clone(), "Thankful", "former_client").await;
        log(&app, t, &thankful, "thanks_received", 5).await;
        let asked_before = nurtured(t.clone(), "AskedBefore", "client").await;
        log(&app, t, &asked_before, "referral_ask", 400).await;
        let requested = nurtured(t.clone(), "Requested", "client").await;
        let mut body = request_body(&requested);
        body["status"] = json!("asked");
        body["ask_channel"] = json!("phone");
        body["asked_at"] = json!((Utc::now() - Duration::days(300)).to_rfc3339_opts(SecondsFormat::Micros, true));
        create_request(&app, t, body).await;
        nurtured(t.clone(), "Friend", "friend").await;
        app.create_contact(t, json!({"first_name": "Stranger", "relationship_kind": "client", "trust": 5})).await;
        nurtured(colleague_token.clone(), "Theirs", "client").await;

        let names = |page: Value| page["data"].as_array().unwrap().iter().map(|c| text(&c["first_name"])).collect::<Vec<_>>();
        let mine: Value = app.get("/v1/insights/unasked", t).await.json().await.unwrap();
        assert_eq!(names(mine.clone()), ["Thankful", "Ready"], "{mine}");
        assert_eq!(mine["data"][0]["score"], 35 + 25 + 15 + 19);
        assert_eq!(mine["data"][0]["contact_id"], thankful["id"]);
        let team: Value = app.get("/v1/insights/unasked?member_id=all", t).await.json().await.unwrap();
        assert_eq!(names(team), ["Thankful", "Ready", "Theirs"]);
        let elsewhere: Value = app.get("/v1/insights/unasked?member_id=all", &mallory.token).await.json().await.unwrap();
        assert!(elsewhere["data"].as_array().unwrap().is_empty());
        assert_problem(app.get("/v1/insights/unasked?limit=0", t).await, 422, "validation_failed").await;
    }
}

on_every_backend! {
    async fn the_funnel_shows_this_weeks_asks_against_the_goals(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let stranger = app.signup().await;
        let (colleague_token, colleague_id) = app.join(&owner, &colleague, "member").await;
        let t = &owner.token;
        let put = |body: Value| {
            let app = &app;
            async move { app.request(reqwest::Method::PUT, "/v1/workspace/settings", Some(t)).json(&body).send().await.unwrap() }
        };
        let goals = json!({owner.member_id.clone(): 3, colleague_id.clone(): 2});
        let response = put(json!({"cadence_days": {}, "weekly_ask_goals": goals})).await;
        assert_eq!(response.status(), 200);
        let settings: Value = response.json().await.unwrap();
        assert_eq!(settings["weekly_ask_goals"], goals);

        let asked = |token: String, days: i64| {
            let app = &app;
            async move {
                let referrer = app.create_contact(&token, json!({"first_name": "R"})).await;
                let mut body = request_body(&referrer);
                body["status"] = json!("asked");
                body["ask_channel"] = json!("phone");
                body["asked_at"] = json!((Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Micros, true));
                create_request(app, &token, body).await;
            }
        };
        asked(t.clone(), 0).await;
        asked(t.clone(), 0).await;
        asked(t.clone(), 8).await;
        asked(colleague_token.clone(), 0).await;

        let mine: Value = app.get(&format!("/v1/insights/funnel?member_id={}", owner.member_id), t).await.json().await.unwrap();
        assert_eq!((mine["this_week"]["goal"].clone(), mine["this_week"]["asked"].clone()), (json!(3), json!(2)), "{mine}");
        let monday = {
            use chrono::Datelike;
            let today = Utc::now().date_naive();
            today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()))
        };
        assert_eq!(mine["this_week"]["week_start"], json!(monday));
        let team: Value = app.get("/v1/insights/funnel", t).await.json().await.unwrap();
        assert_eq!((team["this_week"]["goal"].clone(), team["this_week"]["asked"].clone()), (json!(5), json!(3)));

        for (body, pointer) in [
            (json!({"cadence_days": {}, "weekly_ask_goals": {owner.member_id.clone(): 0}}), format!("/weekly_ask_goals/{}", owner.member_id)),
            (json!({"cadence_days": {}, "weekly_ask_goals": {stranger.member_id.clone(): 2}}), format!("/weekly_ask_goals/{}", stranger.member_id)),
        ] {
            let problem = assert_problem(put(body).await, 422, "validation_failed").await;
            assert_eq!(crate::helpers::pointers(&problem), [pointer]);
        }
        let cleared: Value = put(json!({"cadence_days": {}})).await.json().await.unwrap();
        assert_eq!(cleared["weekly_ask_goals"], json!({}), "PUT replaces the settings");
        let team: Value = app.get("/v1/insights/funnel", t).await.json().await.unwrap();
        assert!(team["this_week"]["goal"].is_null());
    }
}

on_every_backend! {
    async fn readiness_needs_a_recent_give_whatever_the_score(app) {
        let account = app.signup().await;
        let t = &account.token;
        // Seed 000: nurture, give, then ask. Trust 5 and a meeting last week, and nothing
        // ever given: in touch 35 + trust 25 = 60, the bar, and still not ready.
        let taker = app.create_contact(t, json!({"first_name": "Trusted", "relationship_kind": "client", "trust": 5})).await;
        log(&app, t, &taker, "meeting", 7).await;
        let judged = readiness(&app, t, &taker).await;
        assert_eq!((judged["ready"].clone(), judged["score"].clone()), (json!(false), json!(60)), "{judged}");
        assert_eq!(effect_of(&judged, "gave_value"), "blocks");
        let gave = judged["reasons"].as_array().unwrap().iter().find(|r| r["factor"] == "gave_value").unwrap();
        assert_eq!(gave["detail"], "you have given them nothing in the last six months: give before you ask (share something useful, help, refer them)");
        let unasked: Value = app.get("/v1/insights/unasked", t).await.json().await.unwrap();
        assert!(unasked["data"].as_array().unwrap().is_empty(), "not ready, so not suggested: {unasked}");

        // A give older than six months (182 days) does not open the gate.
        log(&app, t, &taker, "gift", 190).await;
        assert_eq!(readiness(&app, t, &taker).await["ready"], false);
        // A give now does: 35 + 25 + 25.
        log(&app, t, &taker, "offered_help", 1).await;
        let judged = readiness(&app, t, &taker).await;
        assert_eq!((judged["ready"].clone(), judged["score"].clone()), (json!(true), json!(85)), "{judged}");
        assert_eq!(effect_of(&judged, "gave_value"), "for");
        let reciprocity = judged["reasons"].as_array().unwrap().iter().find(|r| r["factor"] == "reciprocity").unwrap();
        assert_eq!(reciprocity["detail"], "you gave 2 times and asked 0 times in twelve months");
        let unasked: Value = app.get("/v1/insights/unasked", t).await.json().await.unwrap();
        assert_eq!(unasked["data"][0]["contact_id"], taker["id"]);
    }

    async fn an_asked_requests_reason_is_reworded_never_cleared(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = nurtured_referrer(&app, t).await;
        let asked = request_at(&app, t, &referrer, "asked").await;
        let agreed = request_at(&app, t, &referrer, "agreed").await;
        for (status, request) in [("asked", &asked), ("agreed", &agreed)] {
            for field in ["business_reason", "ideal_introduction"] {
                let problem = assert_problem(move_to(&app, t, request, json!({field: null})).await, 422, "business_reason_required").await;
                assert_eq!(crate::helpers::pointers(&problem), [format!("/{field}")]);
                let blank = assert_problem(move_to(&app, t, request, json!({field: "   "})).await, 422, "validation_failed").await;
                assert_eq!(crate::helpers::pointers(&blank), [format!("/{field}")]);
            }
            let kept: Value = app.get(&format!("/v1/referral-requests/{}", text(&request["id"])), t).await.json().await.unwrap();
            assert_eq!(kept["business_reason"], request_body(&referrer)["business_reason"], "nothing was erased");
            assert_eq!(kept["ideal_introduction"], request_body(&referrer)["ideal_introduction"]);
            assert_eq!((kept["status"].as_str(), kept["version"].as_i64()), (Some(status), Some(1 + path_to(status).len() as i64)), "the refused PATCHes wrote nothing");
        }
        // Rewording is fine; so is a status move alongside.
        let response = move_to(&app, t, &agreed, json!({"business_reason": "They are opening a second site", "status": "introduced"})).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.json::<Value>().await.unwrap()["business_reason"], "They are opening a second site");
        // Before the ask, a plan may still be cleared.
        let planned = create_request(&app, t, request_body(&referrer)).await;
        let response = move_to(&app, t, &planned, json!({"business_reason": null})).await;
        assert_eq!(response.status(), 200);
        assert!(response.json::<Value>().await.unwrap()["business_reason"].is_null());
    }
}
