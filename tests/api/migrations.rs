//! Data migrations, run on rows as the code before them left them.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{history, text, Backend, TestApp};

/// A time as both backends store it.
fn stored(days_ago: i64) -> String {
    (Utc::now() - Duration::days(days_ago))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

#[tokio::test]
async fn requests_catch_up_with_their_introductions() {
    for backend in Backend::all() {
        let app = TestApp::spawn(&backend).await;
        let account = app.signup().await;
        let t = &account.token;
        let referrer = app
            .create_contact(t, json!({"first_name": "Referrer"}))
            .await;
        let prospect = app
            .create_contact(t, json!({"first_name": "Prospect"}))
            .await;
        let mut cases = Vec::new();
        for name in [
            "won",
            "met",
            "no_response",
            "lost_after_meeting",
            "closed_by_hand",
            "connected",
        ] {
            let asked = app
                .post("/v1/referral-requests", t, json!({"referrer_id": referrer["id"], "target": {"name": name}, "business_reason": "r", "ideal_introduction": "i", "status": "asked", "ask_channel": "phone"}))
                .await;
            assert_eq!(asked.status(), 201);
            let request: Value = asked.json().await.unwrap();
            let introduction = app
                .post("/v1/introductions", t, json!({"direction": "received", "referrer_id": referrer["id"], "prospect_id": prospect["id"], "request_id": request["id"]}))
                .await;
            assert_eq!(introduction.status(), 201);
            let introduction: Value = introduction.json().await.unwrap();
            cases.push((name, text(&request["id"]), text(&introduction["id"])));
        }
        let request_path = |name: &str| {
            let (_, id, _) = cases.iter().find(|c| c.0 == name).unwrap();
            format!("/v1/referral-requests/{id}")
        };
        let by_hand = |name: &'static str, status: &'static str| {
            let (app, path) = (&app, request_path(name));
            async move {
                assert_eq!(
                    app.patch(&path, t, json!({"status": status}))
                        .await
                        .status(),
                    200
                )
            }
        };
        by_hand("lost_after_meeting", "meeting_held").await;
        by_hand("closed_by_hand", "lost").await;

        // Before migration 000020 an introduction's status never reached its request: put
        // the introductions where the old code would have left them, the requests as they
        // were (dated three weeks ago, before their introductions moved).
        let (introduced, meeting, closed) = (stored(20), stored(12), stored(5));
        let mut sql = String::new();
        for (name, request_id, introduction_id) in &cases {
            let set = match *name {
                "won" => format!("status = 'won', meeting_at = '{meeting}', closed_at = '{closed}', deal_value_cents = 500000, currency = 'EUR'"),
                "met" => "status = 'met'".to_owned(),
                "no_response" => format!("status = 'no_response', closed_at = '{closed}'"),
                "lost_after_meeting" => format!("status = 'lost', closed_at = '{closed}'"),
                "closed_by_hand" => format!("status = 'won', closed_at = '{closed}'"),
                _ => "status = 'connected'".to_owned(),
            };
            sql += &format!("UPDATE introductions SET {set} WHERE id = '{introduction_id}';\n");
            sql += &format!("UPDATE referral_requests SET introduced_at = '{introduced}' WHERE id = '{request_id}';\n");
            sql += &format!("UPDATE referral_request_events SET at = '{introduced}' WHERE request_id = '{request_id}';\n");
        }
        sql += "DELETE FROM __diesel_schema_migrations WHERE version = '20261202000020';";
        app.database.execute(&sql);
        let before: Value = app.get(&request_path("won"), t).await.json().await.unwrap();
        assert_eq!(before["status"], "introduced", "the old state");

        // The next start applies the migration again.
        let restarted = TestApp::spawn_with(&backend, app.database.shared(), |_| {}).await;
        let get = |name: &'static str| {
            let (app, path) = (&restarted, request_path(name));
            async move { app.get(&path, t).await.json::<Value>().await.unwrap() }
        };
        let asked_and_introduced = ["planned", "asked", "agreed", "introduced"];
        for (name, status, then, version) in [
            ("won", "won", vec!["meeting_held", "won"], 4),
            ("met", "meeting_held", vec!["meeting_held"], 3),
            ("no_response", "lost", vec!["lost"], 3),
            (
                "lost_after_meeting",
                "lost",
                vec!["meeting_held", "lost"],
                4,
            ),
            ("closed_by_hand", "lost", vec!["lost"], 3),
            ("connected", "introduced", vec![], 2),
        ] {
            let request = get(name).await;
            assert_eq!(request["status"], status, "{name}: {request}");
            let expected: Vec<&str> = asked_and_introduced.iter().copied().chain(then).collect();
            assert_eq!(history(&request), expected, "{name}");
            assert_eq!(
                request["version"], version,
                "{name}: the ETag moves with the change"
            );
        }
        // The meeting is dated by the introduction's meeting (between its introduction and
        // its close), the win by its close.
        let won = get("won").await;
        let at = |i: usize| {
            chrono::DateTime::parse_from_rfc3339(won["history"][i]["at"].as_str().unwrap())
                .unwrap()
                .naive_utc()
        };
        let parse =
            |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!((at(4), at(5)), (parse(&meeting), parse(&closed)));

        let funnel: Value = restarted
            .get("/v1/insights/funnel", t)
            .await
            .json()
            .await
            .unwrap();
        let reached: Vec<i64> = funnel["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["reached"].as_i64().unwrap())
            .collect();
        assert_eq!(
            reached,
            [6, 6, 6, 3, 1],
            "won, met, lost after meeting held a meeting; one won: {funnel}"
        );
        assert_eq!(
            funnel["won_value"],
            json!([{"currency": "EUR", "amount": "5000.00"}])
        );
    }
}

#[test]
fn instances_starting_at_once_on_a_fresh_database_take_turns_to_migrate() {
    // On PostgreSQL, 4 of 5 rounds used to end with one instance exiting on
    // "relation already exists" or a duplicate key in pg_type.
    for backend in Backend::all() {
        for round in 0..3 {
            let database = crate::helpers::TestDatabase::create(&backend);
            let start = std::sync::Arc::new(std::sync::Barrier::new(3));
            let instances: Vec<_> = (0..3)
                .map(|_| {
                    let (url, start) = (database.url.clone(), start.clone());
                    std::thread::spawn(move || {
                        let db = rapport::db::Db::connect(&url, 1).expect("connects");
                        start.wait();
                        db.migrate().map(|applied| applied.len())
                    })
                })
                .collect();
            let mut applied: Vec<usize> = instances
                .into_iter()
                .map(|instance| {
                    instance
                        .join()
                        .unwrap()
                        .unwrap_or_else(|e| panic!("{backend:?} round {round}: {e}"))
                })
                .collect();
            applied.sort_unstable();
            assert_eq!(
                applied[..2],
                [0, 0],
                "{backend:?} round {round}: one instance migrated, the others found it done"
            );
            assert!(applied[2] > 0);
        }
    }
}
