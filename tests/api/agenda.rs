//! The daily agenda (`GET /v1/nurture/actions`) and its snoozes.

use chrono::{Datelike, Duration, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

/// The give kinds of DESIGN.md §2: the only touches the agenda may suggest.
const GIVES: [&str; 10] = [
    "shared_content",
    "handwritten_note",
    "gift",
    "birthday_wish",
    "holiday_wish",
    "offered_help",
    "introduction_made",
    "referral_given",
    "thanks_sent",
    "outcome_shared",
];

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn in_seconds(seconds: i64) -> String {
    (Utc::now() + Duration::seconds(seconds)).to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A birthday `days` from today, in 1984 (a leap year, so that Feb 29 works too).
fn birthday_in(days: i64) -> Value {
    let date = (Utc::now() + Duration::days(days)).date_naive();
    json!({"month": date.month(), "day": date.day(), "year": 1984})
}

async fn log(app: &TestApp, token: &str, contact: &Value, kind: &str, days_ago: i64) {
    let response = app
        .post("/v1/interactions", token, json!({"contact_ids": [contact["id"]], "occurred_at": ago(days_ago), "channel": "phone", "kind": kind}))
        .await;
    assert_eq!(response.status(), 201);
}

/// A contact last touched `days_ago` (never, for `None`).
async fn contact(app: &TestApp, token: &str, body: Value, days_ago: Option<i64>) -> Value {
    let contact = app.create_contact(token, body).await;
    if let Some(days) = days_ago {
        log(app, token, &contact, "catch_up", days).await;
    }
    contact
}

async fn actions(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let response = app.get(&format!("/v1/nurture/actions{query}"), token).await;
    assert_eq!(response.status(), 200, "{query}");
    let page: Value = response.json().await.unwrap();
    page["data"].as_array().unwrap().clone()
}

fn summary(actions: &[Value]) -> Vec<(String, String)> {
    actions
        .iter()
        .map(|a| (text(&a["type"]), text(&a["contact"]["first_name"])))
        .collect()
}

fn pair(action_type: &str, name: &str) -> (String, String) {
    (action_type.to_owned(), name.to_owned())
}

async fn snooze(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/nurture/snoozes", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "snooze: {body}");
    body
}

on_every_backend! {
    async fn the_agenda_ranks_what_is_due_and_says_why(app) {
        let account = app.signup().await;
        let t = &account.token;
        contact(&app, t, json!({"first_name": "Late", "relationship_kind": "client", "trust": 3}), Some(94)).await;
        contact(&app, t, json!({"first_name": "Due", "relationship_kind": "client", "trust": 3}), Some(35)).await;
        contact(&app, t, json!({"first_name": "Fresh", "relationship_kind": "client"}), Some(10)).await;
        contact(&app, t, json!({"first_name": "New", "relationship_kind": "prospect"}), None).await;
        contact(&app, t, json!({"first_name": "Cold", "relationship_kind": "former_client", "trust": 4}), Some(800)).await;
        contact(&app, t, json!({"first_name": "Stranger", "relationship_kind": "other", "trust": 1}), Some(800)).await;
        contact(&app, t, json!({"first_name": "Partner", "relationship_kind": "referral_partner", "trust": 5}), Some(94)).await;

        let agenda = actions(&app, t, "").await;
        assert_eq!(summary(&agenda), [
            pair("touch_overdue", "Partner"),
            pair("touch_overdue", "Late"),
            pair("revive", "Cold"),
            pair("touch_due", "Due"),
            pair("first_touch", "New"),
        ], "trust and kind weigh on equal lateness; a dormant relationship not worth reviving and one within its cadence wait");
        let late = &agenda[1];
        assert_eq!(late["reason"], "last spoke 94 days ago; you aim for every 30");
        assert_eq!(late["due_on"], json!((Utc::now() - Duration::days(64)).date_naive()));
        assert_eq!(late["id"], json!(format!("touch:{}", text(&late["contact"]["id"]))));
        assert_eq!(late["contact"]["relationship_kind"], "client");
        assert_eq!(agenda[2]["reason"], "last spoke 800 days ago; a former client worth reviving");
        assert_eq!(agenda[4]["reason"], "added today and never contacted");
        for action in &agenda {
            assert!(GIVES.contains(&action["suggested_touch"].as_str().unwrap()), "{action}");
        }

        let first: Value = app.get("/v1/nurture/actions?limit=2", t).await.json().await.unwrap();
        let next: Value = app.get(&format!("/v1/nurture/actions?limit=2&cursor={}", text(&first["next_cursor"])), t).await.json().await.unwrap();
        assert_eq!(summary(next["data"].as_array().unwrap()), summary(&agenda[2..4]));
        for bad in ["?horizon_days=61", "?horizon_days=-1", "?member_id=someone", "?limit=0", "?cursor=nope"] {
            assert_problem(app.get(&format!("/v1/nurture/actions{bad}"), t).await, 422, "validation_failed").await;
        }
    }

    async fn the_agenda_never_suggests_an_ask(app) {
        let account = app.signup().await;
        let t = &account.token;
        let kinds = ["client", "former_client", "prospect", "colleague", "referral_partner", "friend", "family", "neighbor", "other"];
        for (index, kind) in kinds.iter().enumerate() {
            for days in [None, Some(40), Some(70), Some(500)] {
                let body = json!({"first_name": format!("{kind}-{days:?}"), "relationship_kind": kind, "trust": 5, "birthday": birthday_in(index as i64)});
                let contact = contact(&app, t, body, None).await;
                if let Some(days) = days {
                    // Even a history of asks does not make the agenda suggest another.
                    log(&app, t, &contact, "referral_ask", days).await;
                }
            }
        }
        let page: Value = app.get("/v1/nurture/actions?limit=200&horizon_days=60", t).await.json().await.unwrap();
        let agenda = page["data"].as_array().unwrap();
        let types: std::collections::BTreeSet<String> = agenda.iter().map(|a| text(&a["type"])).collect();
        assert_eq!(types.into_iter().collect::<Vec<_>>(), ["birthday", "first_touch", "revive", "touch_due", "touch_overdue"]);
        for action in agenda {
            assert!(GIVES.contains(&action["suggested_touch"].as_str().unwrap()), "{action}");
        }
    }

    async fn occasions_within_the_horizon_join_the_agenda_until_marked(app) {
        let account = app.signup().await;
        let t = &account.token;
        let soon = contact(&app, t, json!({"first_name": "Soon", "relationship_kind": "friend", "birthday": birthday_in(3)}), Some(5)).await;
        contact(&app, t, json!({"first_name": "Later", "relationship_kind": "friend", "birthday": birthday_in(20)}), Some(5)).await;
        let date = (Utc::now() + Duration::days(1)).date_naive();
        let jubilee = contact(&app, t, json!({"first_name": "Jubilee", "relationship_kind": "client", "important_dates": [{"label": "Work anniversary", "month": date.month(), "day": date.day(), "year": 2016}]}), Some(5)).await;

        let agenda = actions(&app, t, "").await;
        assert_eq!(summary(&agenda), [pair("important_date", "Jubilee"), pair("birthday", "Soon")]);
        assert_eq!(agenda[0]["reason"], format!("Work anniversary tomorrow ({} years)", date.year() - 2016));
        assert_eq!(agenda[0]["suggested_touch"], "handwritten_note");
        let birthday = (Utc::now() + Duration::days(3)).date_naive();
        assert_eq!(agenda[1]["reason"], format!("birthday in 3 days, on {} (turns {})", birthday.format("%B %-d"), birthday.year() - 1984));
        assert_eq!(agenda[1]["suggested_touch"], "birthday_wish");
        assert_eq!(agenda[1]["due_on"], json!(birthday));
        assert_eq!(agenda[1]["id"], json!(format!("occasion:{}:{birthday}", text(&soon["id"]))));
        assert_eq!(summary(&actions(&app, t, "?horizon_days=30").await).len(), 3);
        assert_eq!(summary(&actions(&app, t, "?horizon_days=2").await), [pair("important_date", "Jubilee")]);

        // A note sent (a day early counts) marks the occasion.
        log(&app, t, &jubilee, "handwritten_note", 0).await;
        assert_eq!(summary(&actions(&app, t, "").await), [pair("birthday", "Soon")]);
    }

    async fn snoozed_actions_stay_hidden_until_the_snooze_ends(app) {
        let account = app.signup().await;
        let t = &account.token;
        let late = contact(&app, t, json!({"first_name": "Late", "relationship_kind": "client"}), Some(94)).await;
        contact(&app, t, json!({"first_name": "Other", "relationship_kind": "client"}), Some(50)).await;
        let action_id = format!("touch:{}", text(&late["id"]));

        let snoozed = snooze(&app, t, json!({"action_id": action_id, "until": in_seconds(2)})).await;
        assert_eq!(snoozed["contact_id"], late["id"]);
        assert_eq!(snoozed["created_by"], json!(account.member_id));
        assert_eq!(summary(&actions(&app, t, "").await), [pair("touch_overdue", "Other")]);
        let listed: Value = app.get("/v1/nurture/snoozes", t).await.json().await.unwrap();
        assert_eq!(listed["data"][0]["id"], snoozed["id"]);

        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        assert_eq!(summary(&actions(&app, t, "").await), [pair("touch_overdue", "Late"), pair("touch_overdue", "Other")], "the snooze expired");
        let listed: Value = app.get("/v1/nurture/snoozes", t).await.json().await.unwrap();
        assert!(listed["data"].as_array().unwrap().is_empty(), "expired snoozes are not in force: {listed}");

        // Snoozed again, then woken by hand.
        let snoozed = snooze(&app, t, json!({"action_id": action_id, "until": in_seconds(3600)})).await;
        assert_eq!(actions(&app, t, "").await.len(), 1);
        let path = format!("/v1/nurture/snoozes/{}", text(&snoozed["id"]));
        assert_eq!(app.delete(&path, t).await.status(), 204);
        assert_eq!(actions(&app, t, "").await.len(), 2);
        assert_problem(app.delete(&path, t).await, 404, "not_found").await;
    }

    async fn a_dismissed_action_returns_with_the_next_interaction(app) {
        let account = app.signup().await;
        let t = &account.token;
        let late = contact(&app, t, json!({"first_name": "Late", "relationship_kind": "client"}), Some(94)).await;
        snooze(&app, t, json!({"action_id": format!("touch:{}", text(&late["id"]))})).await;
        assert!(actions(&app, t, "").await.is_empty(), "dismissed");

        // An older interaction logged late does not lift it: the relationship did not move on.
        log(&app, t, &late, "catch_up", 100).await;
        assert!(actions(&app, t, "").await.is_empty());
        // A newer one does; this one still leaves the contact due, so the action is back.
        log(&app, t, &late, "catch_up", 40).await;
        assert_eq!(summary(&actions(&app, t, "").await), [pair("touch_due", "Late")]);
        let listed: Value = app.get("/v1/nurture/snoozes", t).await.json().await.unwrap();
        assert!(listed["data"].as_array().unwrap().is_empty(), "{listed}");
    }

    async fn snoozes_are_validated(app) {
        let account = app.signup().await;
        let t = &account.token;
        let late = contact(&app, t, json!({"first_name": "Late"}), Some(300)).await;
        let touch = format!("touch:{}", text(&late["id"]));
        for (body, pointer) in [
            (json!({"action_id": touch, "until": ago(1)}), "/until"),
            (json!({"action_id": touch, "until": in_seconds(367 * 86_400)}), "/until"),
            (json!({"action_id": "call:someone"}), "/action_id"),
            (json!({"action_id": format!("touch:{}", uuid::Uuid::now_v7())}), "/action_id"),
            (json!({"action_id": touch, "until": in_seconds(60), "forever": true}), ""),
        ] {
            let problem = assert_problem(app.post("/v1/nurture/snoozes", t, body.clone()).await, 422, "validation_failed").await;
            assert!(pointers(&problem).iter().any(|p| p.starts_with(pointer)), "{body}: {problem}");
        }
        assert_problem(app.delete(&format!("/v1/nurture/snoozes/{}", uuid::Uuid::now_v7()), t).await, 404, "not_found").await;
    }

    async fn the_agenda_is_yours_unless_you_ask_for_the_team(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let viewer = app.signup().await;
        let mallory = app.signup().await;
        let (colleague_token, colleague_id) = app.join(&owner, &colleague, "member").await;
        let (viewer_token, _) = app.join(&owner, &viewer, "viewer").await;
        let mine = contact(&app, &owner.token, json!({"first_name": "Mine", "birthday": birthday_in(2)}), None).await;
        contact(&app, &colleague_token, json!({"first_name": "Theirs"}), None).await;
        contact(&app, &mallory.token, json!({"first_name": "Secret", "birthday": birthday_in(2)}), None).await;

        let names = |agenda: Vec<Value>| {
            let mut names: Vec<String> = agenda.iter().map(|a| text(&a["contact"]["first_name"])).collect();
            names.sort();
            names.dedup();
            names
        };
        assert_eq!(names(actions(&app, &owner.token, "").await), ["Mine"]);
        assert_eq!(names(actions(&app, &owner.token, "?member_id=all").await), ["Mine", "Theirs"]);
        assert_eq!(names(actions(&app, &owner.token, &format!("?member_id={colleague_id}")).await), ["Theirs"]);
        assert_eq!(names(actions(&app, &mallory.token, "?member_id=all").await), ["Secret"]);
        assert_eq!(names(actions(&app, &mallory.token, &format!("?member_id={}", owner.member_id)).await), Vec::<String>::new());

        let touch = json!({"action_id": format!("touch:{}", text(&mine["id"]))});
        let problem = assert_problem(app.post("/v1/nurture/snoozes", &mallory.token, touch.clone()).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/action_id"]);
        assert_problem(app.post("/v1/nurture/snoozes", &viewer_token, touch.clone()).await, 403, "forbidden").await;
        let snoozed = snooze(&app, &owner.token, touch).await;
        assert_problem(app.delete(&format!("/v1/nurture/snoozes/{}", text(&snoozed["id"])), &mallory.token).await, 404, "not_found").await;
        let theirs: Value = app.get("/v1/nurture/snoozes", &mallory.token).await.json().await.unwrap();
        assert!(theirs["data"].as_array().unwrap().is_empty());
        assert_eq!(summary(&actions(&app, &owner.token, "").await), [pair("birthday", "Mine")], "the snooze hides the touch, not the birthday");
    }
}

fn of_type<'a>(agenda: &'a [Value], action_type: &str) -> Vec<&'a Value> {
    agenda.iter().filter(|a| a["type"] == action_type).collect()
}

on_every_backend! {
    async fn referrers_are_thanked_and_told_how_it_went(app) {
        let account = app.signup().await;
        let t = &account.token;
        let referrer = contact(&app, t, json!({"first_name": "Priya", "relationship_kind": "referral_partner", "trust": 4}), Some(3)).await;
        let prospect = contact(&app, t, json!({"first_name": "Ana", "last_name": "Costa"}), None).await;
        let response = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "introduced_at": ago(2)})).await;
        assert_eq!(response.status(), 201);
        let introduction: Value = response.json().await.unwrap();

        let agenda = actions(&app, t, "").await;
        let thank = of_type(&agenda, "thank_referrer");
        assert_eq!(thank.len(), 1, "{agenda:?}");
        assert_eq!(thank[0]["contact"]["id"], referrer["id"]);
        assert_eq!(thank[0]["reason"], "introduced you to Ana Costa 2 days ago; thank them within 7 days");
        assert_eq!(thank[0]["suggested_touch"], "thanks_sent");
        assert_eq!(thank[0]["id"], json!(format!("thank:{}", text(&introduction["id"]))));
        assert_eq!(agenda[0]["type"], "thank_referrer", "closing the loop comes first");

        // Logging, editing and deleting the thank-you all move the loop.
        let thanks = json!({"contact_ids": [referrer["id"]], "occurred_at": ago(0), "channel": "phone", "kind": "thanks_sent"});
        let thanks: Value = app.post("/v1/interactions", t, thanks).await.json().await.unwrap();
        let thanks_path = format!("/v1/interactions/{}", text(&thanks["id"]));
        assert!(of_type(&actions(&app, t, "").await, "thank_referrer").is_empty(), "thanked");
        assert_eq!(app.patch(&thanks_path, t, json!({"kind": "catch_up"})).await.status(), 200);
        assert_eq!(of_type(&actions(&app, t, "").await, "thank_referrer").len(), 1, "no longer a thank-you");
        assert_eq!(app.patch(&thanks_path, t, json!({"kind": "thanks_sent"})).await.status(), 200);
        assert!(of_type(&actions(&app, t, "").await, "thank_referrer").is_empty(), "a thank-you again");
        assert_eq!(app.delete(&thanks_path, t).await.status(), 204);
        assert_eq!(of_type(&actions(&app, t, "").await, "thank_referrer").len(), 1, "deleted");
        log(&app, t, &referrer, "thanks_sent", 0).await;
        assert!(of_type(&actions(&app, t, "").await, "thank_referrer").is_empty(), "thanked");

        let path = format!("/v1/introductions/{}", text(&introduction["id"]));
        for status in ["connected", "meeting_scheduled", "met", "won"] {
            assert_eq!(app.patch(&path, t, json!({"status": status})).await.status(), 200);
        }
        let agenda = actions(&app, t, "").await;
        let outcome = of_type(&agenda, "share_outcome");
        assert_eq!(outcome.len(), 1, "{agenda:?}");
        assert_eq!(outcome[0]["reason"], "the introduction to Ana Costa was won today; tell them how it went");
        assert_eq!(outcome[0]["suggested_touch"], "outcome_shared");
        // Snoozing works for it like for any action.
        snooze(&app, t, json!({"action_id": outcome[0]["id"], "until": in_seconds(3600)})).await;
        assert!(of_type(&actions(&app, t, "").await, "share_outcome").is_empty(), "snoozed");
        log(&app, t, &referrer, "outcome_shared", 0).await;
        let listed: Value = app.get("/v1/nurture/snoozes", t).await.json().await.unwrap();
        assert!(listed["data"].as_array().unwrap().is_empty(), "the news lifted the snooze");
        assert!(of_type(&actions(&app, t, "").await, "share_outcome").is_empty(), "told");

        // A referrer deleted since is owed nothing.
        let gone = contact(&app, t, json!({"first_name": "Gus", "relationship_kind": "client"}), None).await;
        let response = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": gone["id"], "prospect_id": prospect["id"]})).await;
        assert_eq!(response.status(), 201);
        assert_eq!(of_type(&actions(&app, t, "").await, "thank_referrer").len(), 1);
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&gone["id"])), t).await.status(), 204);
        assert!(of_type(&actions(&app, t, "").await, "thank_referrer").is_empty(), "a deleted referrer");
    }

    async fn an_unanswered_ask_is_followed_up_after_two_weeks(app) {
        let account = app.signup().await;
        let other = app.signup().await;
        let t = &account.token;
        let referrer = contact(&app, t, json!({"first_name": "Priya", "relationship_kind": "client", "trust": 4}), Some(40)).await;
        log(&app, t, &referrer, "shared_content", 30).await;
        let asked = |days: i64| json!({"referrer_id": referrer["id"], "target": {"name": "Ana Costa"}, "business_reason": "They are growing fast", "ideal_introduction": "Ana, the COO", "status": "asked", "ask_channel": "in_person", "asked_at": ago(days)});
        let response = app.post("/v1/referral-requests", t, asked(20)).await;
        assert_eq!(response.status(), 201);
        let request: Value = response.json().await.unwrap();
        assert_eq!(request["asked_at"].as_str().unwrap()[..10], ago(20)[..10]);

        let agenda = actions(&app, t, "").await;
        let follow_up = of_type(&agenda, "follow_up_ask");
        assert_eq!(follow_up.len(), 1, "{agenda:?}");
        assert_eq!(follow_up[0]["reason"], "asked 20 days ago for an introduction to Ana Costa; no answer yet");
        assert_eq!(follow_up[0]["id"], json!(format!("follow_up:{}", text(&request["id"]))));
        assert!(GIVES.contains(&follow_up[0]["suggested_touch"].as_str().unwrap()), "a follow-up is not another ask");
        assert!(of_type(&actions(&app, &other.token, "?member_id=all").await, "follow_up_ask").is_empty(), "another workspace never sees it");

        // A word with the referrer restarts the two weeks; an answer ends it.
        log(&app, t, &referrer, "catch_up", 1).await;
        assert!(of_type(&actions(&app, t, "").await, "follow_up_ask").is_empty());
        let response = app.post("/v1/referral-requests", t, asked(16)).await;
        assert_eq!(response.status(), 201, "a second ask, recorded after the fact");
        assert!(of_type(&actions(&app, t, "").await, "follow_up_ask").is_empty(), "spoke yesterday");
        let path = format!("/v1/referral-requests/{}", text(&request["id"]));
        assert_eq!(app.patch(&path, t, json!({"status": "declined"})).await.status(), 200);
        let mut future = asked(1);
        future["asked_at"] = json!("2999-01-01T00:00:00Z");
        let problem = assert_problem(app.post("/v1/referral-requests", t, future).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/asked_at"]);
    }
}

on_every_backend! {
    async fn no_client_or_referral_partner_is_left_cold(app) {
        let account = app.signup().await;
        let t = &account.token;
        let cold = |name: &str, kind: &str, trust: i64| json!({"first_name": name, "relationship_kind": kind, "trust": trust});
        // Seed 002: the referrals lost are those of neglected customers, trusted or not.
        contact(&app, t, cold("Trusted", "client", 5), Some(400)).await;
        contact(&app, t, cold("Doubtful", "client", 1), Some(400)).await;
        contact(&app, t, cold("Partner", "referral_partner", 2), Some(400)).await;
        contact(&app, t, cold("Former", "former_client", 2), Some(500)).await;
        // Other kinds as before: only when trusted.
        contact(&app, t, cold("Friend", "friend", 2), Some(400)).await;
        contact(&app, t, cold("Neighbour", "neighbor", 4), Some(400)).await;

        let agenda = actions(&app, t, "").await;
        // Priority = trust weight (0.6 + 0.2 × trust) × kind weight × ½ × ln(1 + 365 ÷ cadence):
        // Trusted 1.6 × 1.3 × ½ × ln(1 + 365/30) = 1.04 × 2.5777 = 2.681, Partner 1.0 × 1.3 ×
        // ½ × 2.5777 = 1.675, Doubtful 0.8 × 1.3 × ½ × 2.5777 = 1.340, Neighbour 1.4 × 0.9 ×
        // ½ × ln(1 + 365/90) = 0.63 × 1.6205 = 1.021, Former 1.0 × 1.2 × ½ × 1.6205 = 0.972.
        assert_eq!(summary(&agenda), [
            pair("revive", "Trusted"),
            pair("revive", "Partner"),
            pair("revive", "Doubtful"),
            pair("revive", "Neighbour"),
            pair("revive", "Former"),
        ]);
        let priorities: Vec<f64> = agenda.iter().map(|a| a["priority"].as_f64().unwrap()).collect();
        assert_eq!(priorities, [2.681, 1.675, 1.34, 1.021, 0.972]);
        assert_eq!(agenda[2]["reason"], "last spoke 400 days ago; a client worth reviving");
    }
}
