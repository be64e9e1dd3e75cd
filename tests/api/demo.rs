use serde_json::{json, Value};

use crate::helpers::{on_every_backend, text};

on_every_backend! {
    async fn the_demo_network_has_an_agenda_from_the_first_login(app) {
        let db = rapport::db::Db::connect(&app.database.url, 1).unwrap();
        let options = rapport::demo::DemoOptions { contacts: 120, interactions: 900, requests: 60, introductions: 40, connections: 300, seed: Some(5) };
        let seeded = rapport::demo::seed(&db, options).await.unwrap();
        assert_eq!((seeded.contacts, seeded.requests, seeded.introductions, seeded.connections), (120, 60, 40, 300));
        assert!(seeded.interactions > 900, "the pipeline's asks, thanks and news join the history");

        let response = app.post_public("/v1/auth/login", json!({"email": seeded.email, "password": seeded.password})).await;
        assert_eq!(response.status(), 200);
        let session: Value = response.json().await.unwrap();
        assert_eq!(session["workspace"]["id"], json!(seeded.workspace_id));
        let token = text(&session["access_token"]);

        let members: Value = app.get("/v1/members", &token).await.json().await.unwrap();
        assert_eq!(members["data"].as_array().unwrap().len(), 2, "you and a colleague");
        let contacts: Value = app.get("/v1/contacts?limit=200", &token).await.json().await.unwrap();
        assert_eq!(contacts["data"].as_array().unwrap().len(), 120);
        let interactions: Value = app.get("/v1/interactions?limit=200", &token).await.json().await.unwrap();
        assert_eq!(interactions["data"].as_array().unwrap().len(), 200);
        assert!(interactions["next_cursor"].is_string());

        // The pipeline reads back through the API as if it had been built through it.
        let requests: Value = app.get("/v1/referral-requests?limit=200", &token).await.json().await.unwrap();
        let requests = requests["data"].as_array().unwrap();
        assert_eq!(requests.len(), 60);
        let asked: Vec<&Value> = requests.iter().filter(|r| !r["asked_at"].is_null()).collect();
        assert!(!asked.is_empty());
        for request in &asked {
            let ask: Value = app.get(&format!("/v1/interactions/{}", text(&request["ask_interaction_id"])), &token).await.json().await.unwrap();
            assert_eq!((&ask["kind"], &ask["occurred_at"], &ask["contact_ids"]), (&json!("referral_ask"), &request["asked_at"], &json!([request["referrer_id"]])));
            let history: Vec<&str> = request["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
            assert_eq!((history[0], history[1], history.last().copied()), ("planned", "asked", request["status"].as_str()));
        }
        let introductions: Value = app.get("/v1/introductions?limit=200", &token).await.json().await.unwrap();
        assert_eq!(introductions["data"].as_array().unwrap().len(), 40);
        let three_years_ago = (chrono::Utc::now() - chrono::Duration::days(3 * 365 + 1)).date_naive();
        let funnel: Value = app.get(&format!("/v1/insights/funnel?from={three_years_ago}"), &token).await.json().await.unwrap();
        assert_eq!(funnel["stages"][0]["reached"], json!(asked.len()), "{funnel}");

        // Who knows whom: the connections read back, and the team reaches a company.
        let mut connections = 0;
        let mut cursor = String::new();
        loop {
            let page: Value = app.get(&format!("/v1/connections?limit=200{cursor}"), &token).await.json().await.unwrap();
            connections += page["data"].as_array().unwrap().len();
            match page["next_cursor"].as_str() {
                Some(next) => cursor = format!("&cursor={next}"),
                None => break,
            }
        }
        assert_eq!(connections, 300);
        let paths: Value = app.get("/v1/network/paths?to_company=Northwind%20Traders&max_hops=4", &token).await.json().await.unwrap();
        assert!(!paths["data"].as_array().unwrap().is_empty(), "{paths}");

        let mine: Value = app.get("/v1/nurture/actions?limit=200", &token).await.json().await.unwrap();
        let team: Value = app.get("/v1/nurture/actions?limit=200&member_id=all", &token).await.json().await.unwrap();
        let (mine, team) = (mine["data"].as_array().unwrap(), team["data"].as_array().unwrap());
        assert!(!mine.is_empty() && team.len() > mine.len(), "the colleague's relationships join the team view");
        let types: std::collections::BTreeSet<String> = team.iter().map(|a| text(&a["type"])).collect();
        for expected in ["touch_overdue", "revive"] {
            assert!(types.contains(expected), "{expected} in {types:?}");
        }
        // The stored schedules agree with the history: an overdue contact's last touch
        // is older than its cadence and a half.
        let overdue: Value = app.get("/v1/contacts?nurture_status=overdue&limit=5", &token).await.json().await.unwrap();
        assert!(!overdue["data"].as_array().unwrap().is_empty());
        for contact in overdue["data"].as_array().unwrap() {
            let path = format!("/v1/contacts/{}/interactions?limit=1", text(&contact["id"]));
            let latest: Value = app.get(&path, &token).await.json().await.unwrap();
            assert_eq!(latest["data"][0]["occurred_at"], contact["last_interaction_at"]);
        }
    }
}

/// A workspace with more contacts than SQLite takes bound parameters in one statement
/// (32,766): no query may bind a list whose length grows with the data. (PostgreSQL binds
/// such a list as one array.)
#[tokio::test]
async fn a_workspace_past_sqlites_bind_limit_takes_a_history_of_every_contact() {
    use diesel::prelude::*;
    use rapport::db::schema::{contacts, members};

    let app = crate::helpers::TestApp::spawn(&crate::helpers::Backend::Sqlite).await;
    let db = rapport::db::Db::connect(&app.database.url, 1).unwrap();
    let options = rapport::demo::DemoOptions {
        contacts: 33_000,
        interactions: 0,
        requests: 300,
        introductions: 200,
        connections: 2_000,
        seed: Some(7),
    };
    let seeded = rapport::demo::seed(&db, options).await.unwrap();
    let workspace_id = seeded.workspace_id.clone();
    let (member_id, contact_ids) = db
        .run(move |conn| {
            let member_id: String = members::table
                .filter(members::workspace_id.eq(&workspace_id))
                .select(members::id)
                .first(conn)?;
            let contact_ids: Vec<String> = contacts::table
                .filter(contacts::workspace_id.eq(&workspace_id))
                .select(contacts::id)
                .load(conn)?;
            Ok((member_id, contact_ids))
        })
        .await
        .unwrap();
    // One touch with every contact, written in one go, as a history is loaded: every
    // contact's clock and schedule follow it.
    let history: Vec<rapport::interactions::domain::NewInteraction> = contact_ids
        .iter()
        .map(|id| {
            serde_json::from_value(json!({"contact_ids": [id], "occurred_at": "2026-11-02T10:00:00Z", "channel": "phone", "kind": "catch_up"}))
                .unwrap()
        })
        .collect();
    let workspace_id = seeded.workspace_id.clone();
    let written = db
        .transaction(move |conn| {
            rapport::interactions::queries::insert_history(conn, &workspace_id, &member_id, history)
        })
        .await
        .unwrap();
    assert_eq!(written.len(), 33_000);

    let response = app
        .post_public(
            "/v1/auth/login",
            json!({"email": seeded.email, "password": seeded.password}),
        )
        .await;
    let token = text(&response.json::<Value>().await.unwrap()["access_token"]);
    let prospect: Value = app
        .get("/v1/contacts?kind=prospect&limit=1", &token)
        .await
        .json()
        .await
        .unwrap();
    let prospect = text(&prospect["data"][0]["id"]);
    for path in [
        "/v1/nurture/actions?horizon_days=60",
        "/v1/nurture/actions?member_id=all&horizon_days=60",
        "/v1/contacts?nurture_status=overdue&limit=200",
        "/v1/insights/unasked?member_id=all&limit=200",
        "/v1/insights/reciprocity?limit=200",
        "/v1/insights/referrers",
        "/v1/insights/funnel?group_by=relationship_kind",
        "/v1/network/suggestions",
        &format!("/v1/network/paths?to_contact_id={prospect}&max_hops=4"),
    ] {
        let response = app.get(path, &token).await;
        let status = response.status();
        assert_eq!(status, 200, "{path}: {}", response.text().await.unwrap());
    }
}
