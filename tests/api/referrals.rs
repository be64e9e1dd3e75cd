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
        assert_eq!(effect_of(&judged, "gave_value"), "against", "a give over six months ago does not count");
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
