use chrono::{Duration, SecondsFormat, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Micros, true)
}

async fn log(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/interactions", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "log interaction: {body}");
    body
}

async fn last_interaction(app: &TestApp, token: &str, contact: &Value) -> Value {
    let fetched: Value = app
        .get(&format!("/v1/contacts/{}", text(&contact["id"])), token)
        .await
        .json()
        .await
        .unwrap();
    fetched["last_interaction_at"].clone()
}

fn same_instant(a: &Value, b: &str) -> bool {
    let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    a.as_str().is_some_and(|a| parse(a) == parse(b))
}

on_every_backend! {
    async fn logging_editing_and_deleting_keep_the_clock_true(app) {
        let account = app.signup().await;
        let ann = app.create_contact(&account.token, json!({"first_name": "Ann"})).await;
        let bob = app.create_contact(&account.token, json!({"first_name": "Bob"})).await;
        assert!(last_interaction(&app, &account.token, &ann).await.is_null(), "never contacted");

        let (t_old, t_new) = (ago(10), ago(2));
        let together = log(&app, &account.token, json!({"contact_ids": [ann["id"], bob["id"]], "occurred_at": t_old, "channel": "in_person", "kind": "meeting"})).await;
        assert_eq!(together["group"], "neutral");
        assert!(same_instant(&last_interaction(&app, &account.token, &ann).await, &t_old));
        assert!(same_instant(&last_interaction(&app, &account.token, &bob).await, &t_old));

        let latest = log(&app, &account.token, json!({"contact_ids": [ann["id"]], "occurred_at": t_new, "channel": "email", "kind": "shared_content"})).await;
        assert_eq!(latest["group"], "give");
        assert!(same_instant(&last_interaction(&app, &account.token, &ann).await, &t_new), "any interaction resets the clock");
        assert!(same_instant(&last_interaction(&app, &account.token, &bob).await, &t_old));

        let path = format!("/v1/interactions/{}", text(&latest["id"]));
        assert_eq!(app.delete(&path, &account.token).await.status(), 204);
        assert!(same_instant(&last_interaction(&app, &account.token, &ann).await, &t_old), "deleting the latest restores the previous");
        assert_problem(app.get(&path, &account.token).await, 404, "not_found").await;

        let t_older = ago(30);
        let together_path = format!("/v1/interactions/{}", text(&together["id"]));
        let moved = app.patch(&together_path, &account.token, json!({"occurred_at": t_older, "contact_ids": [bob["id"]]})).await;
        assert_eq!(moved.status(), 200);
        assert!(last_interaction(&app, &account.token, &ann).await.is_null(), "a contact removed from its only interaction is never-contacted again");
        assert!(same_instant(&last_interaction(&app, &account.token, &bob).await, &t_older));
    }

    async fn only_planned_interactions_lie_in_the_future_and_they_do_not_count(app) {
        let account = app.signup().await;
        let ann = app.create_contact(&account.token, json!({"first_name": "Ann"})).await;
        let tomorrow = ago(-1);
        let refused = app.post("/v1/interactions", &account.token, json!({"contact_ids": [ann["id"]], "occurred_at": tomorrow, "channel": "phone", "kind": "catch_up"})).await;
        let problem = assert_problem(refused, 422, "interaction_in_future").await;
        assert_eq!(pointers(&problem), ["/occurred_at"]);
        let planned = log(&app, &account.token, json!({"contact_ids": [ann["id"]], "occurred_at": tomorrow, "channel": "phone", "kind": "catch_up", "planned": true})).await;
        assert_eq!(planned["planned"], true);
        assert!(last_interaction(&app, &account.token, &ann).await.is_null(), "a plan is not contact");
    }

    async fn interactions_refuse_contacts_they_cannot_reach(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let mine = app.create_contact(&mallory.token, json!({"first_name": "Mine"})).await;
        let hers = app.create_contact(&alice.token, json!({"first_name": "Hers"})).await;
        let response = app.post("/v1/interactions", &mallory.token, json!({"contact_ids": [mine["id"], hers["id"]], "occurred_at": ago(1), "channel": "phone", "kind": "catch_up"})).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/contact_ids/1"]);
        assert!(last_interaction(&app, &alice.token, &hers).await.is_null(), "nothing was written");

        let gone = app.create_contact(&mallory.token, json!({"first_name": "Gone"})).await;
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&gone["id"])), &mallory.token).await.status(), 204);
        let response = app.post("/v1/interactions", &mallory.token, json!({"contact_ids": [gone["id"]], "occurred_at": ago(1), "channel": "phone", "kind": "catch_up"})).await;
        assert_problem(response, 422, "validation_failed").await;
        for body in [
            json!({"contact_ids": [], "occurred_at": ago(1), "channel": "phone", "kind": "catch_up"}),
            json!({"contact_ids": [mine["id"]], "occurred_at": ago(1), "channel": "fax", "kind": "catch_up"}),
            json!({"contact_ids": [mine["id"]], "occurred_at": ago(1), "channel": "phone", "kind": "bribe"}),
            json!({"contact_ids": [mine["id"]], "occurred_at": "last tuesday", "channel": "phone", "kind": "catch_up"}),
        ] {
            assert_problem(app.post("/v1/interactions", &mallory.token, body).await, 422, "validation_failed").await;
        }
    }

    async fn another_workspace_never_sees_or_touches_interactions(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let hers = app.create_contact(&alice.token, json!({"first_name": "Hers"})).await;
        let logged = log(&app, &alice.token, json!({"contact_ids": [hers["id"]], "occurred_at": ago(1), "channel": "video", "kind": "catch_up"})).await;
        let path = format!("/v1/interactions/{}", text(&logged["id"]));
        assert_problem(app.get(&path, &mallory.token).await, 404, "not_found").await;
        assert_problem(app.patch(&path, &mallory.token, json!({"summary": "x"})).await, 404, "not_found").await;
        assert_problem(app.delete(&path, &mallory.token).await, 404, "not_found").await;
        let listed: Value = app.get("/v1/interactions?include_deleted=true", &mallory.token).await.json().await.unwrap();
        assert!(listed["data"].as_array().unwrap().is_empty());
        let timeline = app.get(&format!("/v1/contacts/{}/interactions", text(&hers["id"])), &mallory.token).await;
        assert_problem(timeline, 404, "not_found").await;
        let filtered: Value = app.get(&format!("/v1/interactions?contact_id={}", text(&hers["id"])), &mallory.token).await.json().await.unwrap();
        assert!(filtered["data"].as_array().unwrap().is_empty());
    }

    async fn lists_are_newest_first_filtered_and_paged(app) {
        let account = app.signup().await;
        let ann = app.create_contact(&account.token, json!({"first_name": "Ann"})).await;
        let bob = app.create_contact(&account.token, json!({"first_name": "Bob"})).await;
        let kinds = [("shared_content", "email"), ("referral_ask", "phone"), ("thanks_received", "video"), ("handwritten_note", "letter"), ("meeting", "in_person")];
        for (days, (kind, channel)) in kinds.iter().enumerate() {
            let who = if days % 2 == 0 { &ann } else { &bob };
            log(&app, &account.token, json!({"contact_ids": [who["id"]], "occurred_at": ago(days as i64 + 1), "channel": channel, "kind": kind})).await;
        }
        let summary = |page: &Value| page["data"].as_array().unwrap().iter().map(|i| text(&i["kind"])).collect::<Vec<_>>();
        let get = |query: String| {
            let app = &app;
            let token = account.token.clone();
            async move { app.get(&format!("/v1/interactions{query}"), &token).await.json::<Value>().await.unwrap() }
        };
        assert_eq!(summary(&get(String::new()).await), ["shared_content", "referral_ask", "thanks_received", "handwritten_note", "meeting"]);
        assert_eq!(summary(&get("?group=give".into()).await), ["shared_content", "handwritten_note"]);
        assert_eq!(summary(&get("?group=ask".into()).await), ["referral_ask"]);
        assert_eq!(summary(&get("?kind=meeting".into()).await), ["meeting"]);
        assert_eq!(summary(&get("?channel=video".into()).await), ["thanks_received"]);
        assert_eq!(summary(&get(format!("?contact_id={}", text(&ann["id"]))).await), ["shared_content", "thanks_received", "meeting"]);
        let window = format!("?occurred_after={}&occurred_before={}", ago(4).replace('+', "%2B"), ago(2).replace('+', "%2B"));
        assert_eq!(summary(&get(window).await), ["referral_ask", "thanks_received"]);

        let timeline: Value = app.get(&format!("/v1/contacts/{}/interactions?group=give", text(&bob["id"])), &account.token).await.json().await.unwrap();
        assert_eq!(summary(&timeline), ["handwritten_note"]);

        let mut seen = Vec::new();
        let mut query = "?limit=2".to_owned();
        loop {
            let page = get(query.clone()).await;
            seen.extend(summary(&page));
            match page["next_cursor"].as_str() {
                Some(cursor) => query = format!("?limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(seen, ["shared_content", "referral_ask", "thanks_received", "handwritten_note", "meeting"]);
        let contacts_cursor: Value = app.get("/v1/contacts?limit=1", &account.token).await.json().await.unwrap();
        let foreign = app.get(&format!("/v1/interactions?cursor={}", text(&contacts_cursor["next_cursor"])), &account.token).await;
        assert_problem(foreign, 422, "validation_failed").await;
    }

    async fn stale_if_match_and_viewers_are_refused(app) {
        let owner = app.signup().await;
        let viewer = app.signup().await;
        let ann = app.create_contact(&owner.token, json!({"first_name": "Ann"})).await;
        let logged = log(&app, &owner.token, json!({"contact_ids": [ann["id"]], "occurred_at": ago(1), "channel": "phone", "kind": "catch_up"})).await;
        let path = format!("/v1/interactions/{}", text(&logged["id"]));
        let stale = app.request(Method::PATCH, &path, Some(&owner.token)).header("if-match", "\"7\"").json(&json!({"summary": "x"})).send().await.unwrap();
        assert_problem(stale, 412, "precondition_failed").await;
        let (token, _) = app.join(&owner, &viewer, "viewer").await;
        assert_eq!(app.get(&path, &token).await.status(), 200);
        assert_problem(app.post("/v1/interactions", &token, json!({"contact_ids": [ann["id"]], "occurred_at": ago(1), "channel": "phone", "kind": "catch_up"})).await, 403, "forbidden").await;
        assert_problem(app.delete(&path, &token).await, 403, "forbidden").await;
    }
}

on_every_backend! {
    async fn a_referral_ask_is_logged_live_or_not_at_all(app) {
        let account = app.signup().await;
        let t = &account.token;
        let priya = app.create_contact(t, json!({"first_name": "Priya"})).await;
        let ask = |channel: &str| json!({"contact_ids": [priya["id"]], "occurred_at": ago(1), "channel": channel, "kind": "referral_ask"});
        // R1 holds wherever an ask is recorded, not only on referral requests.
        for channel in ["email", "letter", "text", "social"] {
            let problem = assert_problem(app.post("/v1/interactions", t, ask(channel)).await, 422, "ask_channel_not_personal").await;
            assert_eq!(pointers(&problem), ["/channel"]);
            assert!(text(&problem["detail"]).starts_with(&format!("`{channel}` is a written channel")), "{problem}");
        }
        let page: Value = app.get("/v1/interactions", t).await.json().await.unwrap();
        assert!(page["data"].as_array().unwrap().is_empty(), "nothing was logged");
        for channel in ["in_person", "phone", "video", "event"] {
            log(&app, t, ask(channel)).await;
        }
        // Other asks and other kinds may be written.
        log(&app, t, json!({"contact_ids": [priya["id"]], "occurred_at": ago(1), "channel": "email", "kind": "favor_ask"})).await;
        let note = log(&app, t, json!({"contact_ids": [priya["id"]], "occurred_at": ago(1), "channel": "email", "kind": "shared_content"})).await;
        let live_ask = log(&app, t, ask("phone")).await;

        // A PATCH that would make a written ask is refused, and changes nothing.
        for (interaction, patch) in [(&note, json!({"kind": "referral_ask"})), (&live_ask, json!({"channel": "text"}))] {
            let path = format!("/v1/interactions/{}", text(&interaction["id"]));
            let problem = assert_problem(app.patch(&path, t, patch).await, 422, "ask_channel_not_personal").await;
            assert_eq!(pointers(&problem), ["/channel"]);
            let kept: Value = app.get(&path, t).await.json().await.unwrap();
            assert_eq!((&kept["kind"], &kept["channel"], &kept["version"]), (&interaction["kind"], &interaction["channel"], &interaction["version"]));
        }
        let path = format!("/v1/interactions/{}", text(&live_ask["id"]));
        let moved = app.patch(&path, t, json!({"channel": "video"})).await;
        assert_eq!(moved.status(), 200, "from one live channel to another");
    }
}

on_every_backend! {
    async fn the_clock_is_right_whatever_the_interleaving(app) {
        // On PostgreSQL 16 interactions logged at once with one contact left a stale
        // `last_interaction_at` in 14 of 20 bursts.
        let account = app.signup().await;
        let t = &account.token;
        for burst in 0..20 {
            let contact = app.create_contact(t, json!({"first_name": "Busy"})).await;
            let log = |days_ago: i64| {
                app.post("/v1/interactions", t, json!({"contact_ids": [contact["id"]], "occurred_at": ago(days_ago), "channel": "phone", "kind": "catch_up"}))
            };
            // Newest and oldest interleaved, so that a newer one often commits first.
            let order = (1..=8).flat_map(|i| [i, 17 - i]);
            let responses = futures_util::future::join_all(order.map(log)).await;
            let mut newest = None;
            for response in responses {
                assert_eq!(response.status(), 201);
                let logged: Value = response.json().await.unwrap();
                let at = chrono::DateTime::parse_from_rfc3339(logged["occurred_at"].as_str().unwrap()).unwrap();
                newest = newest.max(Some(at));
            }
            let stored = last_interaction(&app, t, &contact).await;
            let stored = chrono::DateTime::parse_from_rfc3339(stored.as_str().unwrap()).unwrap();
            assert_eq!(Some(stored), newest, "burst {burst}: the newest of the 16 (a day ago)");
        }
    }
}
