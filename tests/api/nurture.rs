use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text, TestApp};

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// A client contact last touched `days` ago (never, for `None`).
async fn client(app: &TestApp, token: &str, name: &str, days: Option<i64>) -> Value {
    let contact = app
        .create_contact(
            token,
            json!({"first_name": name, "relationship_kind": "client"}),
        )
        .await;
    if let Some(days) = days {
        let response = app.post("/v1/interactions", token, json!({"contact_ids": [contact["id"]], "occurred_at": ago(days), "channel": "phone", "kind": "catch_up"})).await;
        assert_eq!(response.status(), 201);
    }
    app.get(&format!("/v1/contacts/{}", text(&contact["id"])), token)
        .await
        .json()
        .await
        .unwrap()
}

async fn names_with(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let page: Value = app
        .get(&format!("/v1/contacts{query}"), token)
        .await
        .json()
        .await
        .unwrap();
    page["data"]
        .as_array()
        .unwrap_or_else(|| panic!("{query}: {page}"))
        .iter()
        .map(|c| text(&c["first_name"]))
        .collect()
}

on_every_backend! {
    async fn each_contact_knows_when_it_is_due(app) {
        let account = app.signup().await;
        let never = client(&app, &account.token, "Never", None).await;
        let fresh = client(&app, &account.token, "Fresh", Some(10)).await;
        let due = client(&app, &account.token, "Due", Some(35)).await;
        let overdue = client(&app, &account.token, "Overdue", Some(50)).await;
        let dormant = client(&app, &account.token, "Dormant", Some(400)).await;

        assert_eq!(never["nurture_status"], "never_contacted");
        assert_eq!(never["next_touch_due_at"], never["created_at"], "a never-contacted contact is due from the day it was added");
        assert_eq!(fresh["nurture_status"], "ok");
        let expected_due = instant(&fresh["last_interaction_at"]) + Duration::days(30);
        assert_eq!(instant(&fresh["next_touch_due_at"]), expected_due, "clients want a touch every 30 days");
        assert_eq!(due["nurture_status"], "due");
        assert_eq!(overdue["nurture_status"], "overdue");
        assert_eq!(dormant["nurture_status"], "dormant");

        for (status, expected) in [("never_contacted", "Never"), ("ok", "Fresh"), ("due", "Due"), ("overdue", "Overdue"), ("dormant", "Dormant")] {
            assert_eq!(names_with(&app, &account.token, &format!("?nurture_status={status}")).await, [expected], "{status}");
        }
        let in_a_week = (Utc::now() + Duration::days(7)).to_rfc3339_opts(SecondsFormat::Secs, true);
        assert_eq!(names_with(&app, &account.token, &format!("?due_before={in_a_week}")).await, ["Never", "Due", "Overdue", "Dormant"]);
        assert_problem(app.get("/v1/contacts?nurture_status=thriving", &account.token).await, 422, "validation_failed").await;
    }

    async fn a_new_interaction_resets_the_clock(app) {
        let account = app.signup().await;
        let overdue = client(&app, &account.token, "Overdue", Some(50)).await;
        assert_eq!(overdue["nurture_status"], "overdue");
        let response = app.post("/v1/interactions", &account.token, json!({"contact_ids": [overdue["id"]], "occurred_at": ago(0), "channel": "email", "kind": "shared_content"})).await;
        assert_eq!(response.status(), 201);
        let now_ok: Value = app.get(&format!("/v1/contacts/{}", text(&overdue["id"])), &account.token).await.json().await.unwrap();
        assert_eq!(now_ok["nurture_status"], "ok");
    }

    async fn a_contact_cadence_overrides_its_kind(app) {
        let account = app.signup().await;
        let fresh = client(&app, &account.token, "Fresh", Some(10)).await;
        let path = format!("/v1/contacts/{}", text(&fresh["id"]));
        let patched: Value = app.patch(&path, &account.token, json!({"cadence_days": 7})).await.json().await.unwrap();
        assert_eq!(patched["nurture_status"], "due", "10 days since the last touch, wanted every 7");
        let patched: Value = app.patch(&path, &account.token, json!({"cadence_days": null, "relationship_kind": "other"})).await.json().await.unwrap();
        assert_eq!(patched["nurture_status"], "ok");
        assert_eq!(instant(&patched["next_touch_due_at"]), instant(&patched["last_interaction_at"]) + Duration::days(120));
    }

    async fn workspace_defaults_move_every_schedule(app) {
        let owner = app.signup().await;
        let other = app.signup().await;
        let member = app.signup().await;
        let settings: Value = app.get("/v1/workspace/settings", &owner.token).await.json().await.unwrap();
        assert_eq!(settings["cadence_days"]["client"], 30);
        assert_eq!(settings["cadence_days"]["colleague"], 60);
        assert!(settings["updated_at"].is_null());

        let fresh = client(&app, &owner.token, "Fresh", Some(10)).await;
        assert_eq!(fresh["nurture_status"], "ok");
        let response = app.request(reqwest::Method::PUT, "/v1/workspace/settings", Some(&owner.token)).json(&json!({"cadence_days": {"client": 5}})).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let settings: Value = response.json().await.unwrap();
        assert_eq!(settings["cadence_days"]["client"], 5);
        assert_eq!(settings["cadence_days"]["friend"], 90, "kinds left out keep the default");
        let moved: Value = app.get(&format!("/v1/contacts/{}", text(&fresh["id"])), &owner.token).await.json().await.unwrap();
        assert_eq!(moved["nurture_status"], "overdue", "10 days since the last touch, clients now wanted every 5");

        let untouched: Value = app.get("/v1/workspace/settings", &other.token).await.json().await.unwrap();
        assert_eq!(untouched["cadence_days"]["client"], 30, "settings belong to one workspace");

        let (member_token, _) = app.join(&owner, &member, "member").await;
        let refused = app.request(reqwest::Method::PUT, "/v1/workspace/settings", Some(&member_token)).json(&json!({"cadence_days": {}})).send().await.unwrap();
        assert_problem(refused, 403, "forbidden").await;
        for bad in [json!({"cadence_days": {"client": 0}}), json!({"cadence_days": {"enemy": 10}}), json!({})] {
            let response = app.request(reqwest::Method::PUT, "/v1/workspace/settings", Some(&owner.token)).json(&bad).send().await.unwrap();
            assert_problem(response, 422, "validation_failed").await;
        }
    }
}

/// Contacts stored before schedules existed get theirs when the service next starts.
#[tokio::test]
async fn contacts_from_before_schedules_get_one_at_start() {
    use diesel::{Connection, RunQueryDsl, SqliteConnection};
    let backend = crate::helpers::Backend::Sqlite;
    let first = TestApp::spawn(&backend).await;
    let account = first.signup().await;
    let old = client(&first, &account.token, "Old", Some(10)).await;
    let rapport::db::DatabaseUrl::Sqlite(path) = &first.database.url else {
        unreachable!("a SQLite test database")
    };
    let mut conn = SqliteConnection::establish(path).unwrap();
    diesel::sql_query("UPDATE contacts SET next_touch_due_at = NULL, overdue_at = NULL")
        .execute(&mut conn)
        .unwrap();

    let restarted = TestApp::spawn_with(&backend, first.database.shared(), |_| {}).await;
    let fetched: Value = restarted
        .get(
            &format!("/v1/contacts/{}", text(&old["id"])),
            &account.token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fetched["nurture_status"], "ok");
    assert_eq!(
        instant(&fetched["next_touch_due_at"]),
        instant(&fetched["last_interaction_at"]) + Duration::days(30)
    );
}

async fn touch(
    app: &TestApp,
    token: &str,
    contacts: &[&Value],
    kind: &str,
    days_ago: i64,
    planned: bool,
) -> Value {
    let ids: Vec<Value> = contacts.iter().map(|c| c["id"].clone()).collect();
    let response = app
        .post("/v1/interactions", token, json!({"contact_ids": ids, "occurred_at": ago(days_ago), "channel": "in_person", "kind": kind, "planned": planned}))
        .await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

on_every_backend! {
    async fn reciprocity_counts_gives_and_asks_of_the_last_twelve_months(app) {
        let account = app.signup().await;
        let other = app.signup().await;
        let taker = app.create_contact(&account.token, json!({"first_name": "Taken", "company": "Acme"})).await;
        let even = app.create_contact(&account.token, json!({"first_name": "Even"})).await;
        let t = &account.token;
        // Taken: 1 give in the window (shared with Even), 3 asks; an older give and a
        // planned ask and a deleted ask do not count.
        touch(&app, t, &[&taker, &even], "shared_content", 5, false).await;
        for days in [10, 20, 30] {
            touch(&app, t, &[&taker], "referral_ask", days, false).await;
        }
        touch(&app, t, &[&taker], "gift", 400, false).await;
        touch(&app, t, &[&taker], "favor_ask", -3, true).await;
        let deleted = touch(&app, t, &[&taker], "favor_ask", 2, false).await;
        assert_eq!(app.delete(&format!("/v1/interactions/{}", text(&deleted["id"])), t).await.status(), 204);
        // Even: 2 gives (one shared with Taken), 1 ask; a neutral one does not count.
        touch(&app, t, &[&even], "thanks_sent", 7, false).await;
        touch(&app, t, &[&even], "favor_ask", 8, false).await;
        touch(&app, t, &[&even], "meeting", 9, false).await;

        let fetched: Value = app.get(&format!("/v1/contacts/{}", text(&taker["id"])), t).await.json().await.unwrap();
        assert_eq!(fetched["reciprocity"], json!({"gives_12m": 1, "asks_12m": 3, "taker_pattern": true}));
        let listed: Value = app.get("/v1/contacts", t).await.json().await.unwrap();
        assert_eq!(listed["data"][0]["reciprocity"], json!({"gives_12m": 1, "asks_12m": 3, "taker_pattern": true}));
        assert_eq!(listed["data"][1]["reciprocity"], json!({"gives_12m": 2, "asks_12m": 1, "taker_pattern": false}));

        let insight: Value = app.get("/v1/insights/reciprocity", t).await.json().await.unwrap();
        // Interactions, not participants: the shared give counts once. Gives: shared_content,
        // thanks_sent = 2; asks: 3 referral asks + 1 favor ask = 4.
        assert_eq!(insight["overall"], json!({"gives_12m": 2, "asks_12m": 4, "taker_pattern": true}));
        let listed = insight["most_out_of_balance"].as_array().unwrap();
        assert_eq!(listed.len(), 1, "only contacts asked more than given to: {insight}");
        assert_eq!(listed[0]["contact_id"], taker["id"]);
        assert_eq!(listed[0]["company"], "Acme");
        assert_eq!(listed[0]["asks_12m"], 3);

        let elsewhere: Value = app.get("/v1/insights/reciprocity", &other.token).await.json().await.unwrap();
        assert_eq!(elsewhere["overall"], json!({"gives_12m": 0, "asks_12m": 0, "taker_pattern": false}));
        assert!(elsewhere["most_out_of_balance"].as_array().unwrap().is_empty());
        assert_problem(app.get("/v1/insights/reciprocity?limit=0", t).await, 422, "validation_failed").await;
    }
}

on_every_backend! {
    async fn occasions_wrap_the_new_year_and_keep_feb_29(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let other = app.signup().await;
        let (colleague_token, _) = app.join(&owner, &colleague, "member").await;
        let t = &owner.token;
        let ann = app.create_contact(t, json!({"first_name": "Ann", "birthday": {"month": 12, "day": 24, "year": 1990}})).await;
        let ben = app.create_contact(t, json!({"first_name": "Ben", "important_dates": [{"label": "Joined Northwind", "month": 1, "day": 3, "year": 2019}]})).await;
        app.create_contact(t, json!({"first_name": "Cy", "birthday": {"month": 2, "day": 29}})).await;
        app.create_contact(t, json!({"first_name": "Nobody"})).await;
        app.create_contact(&colleague_token, json!({"first_name": "Dee", "birthday": {"month": 12, "day": 26}})).await;

        let winter: Value = app.get("/v1/nurture/occasions?from=2026-12-20&to=2027-01-10", t).await.json().await.unwrap();
        let seen: Vec<(String, String, Value)> = winter["data"].as_array().unwrap().iter().map(|o| (text(&o["date"]), text(&o["first_name"]), o["years"].clone())).collect();
        assert_eq!(seen, [("2026-12-24".into(), "Ann".into(), json!(36)), ("2027-01-03".into(), "Ben".into(), json!(8))], "your contacts only, by default");
        assert_eq!(winter["data"][1]["kind"], "important_date");
        assert_eq!(winter["data"][1]["label"], "Joined Northwind");
        assert_eq!(winter["data"][0]["contact_id"], ann["id"]);
        assert_eq!(winter["data"][1]["contact_id"], ben["id"]);

        let team: Value = app.get("/v1/nurture/occasions?from=2026-12-20&to=2027-01-10&member_id=all", t).await.json().await.unwrap();
        let names: Vec<String> = team["data"].as_array().unwrap().iter().map(|o| text(&o["first_name"])).collect();
        assert_eq!(names, ["Ann", "Dee", "Ben"]);

        let leap: Value = app.get("/v1/nurture/occasions?from=2027-02-01&to=2027-03-01", t).await.json().await.unwrap();
        assert_eq!(leap["data"][0]["date"], "2027-02-28", "Feb 29 is kept on Feb 28 in common years");
        assert!(leap["data"][0]["years"].is_null());

        let elsewhere: Value = app.get("/v1/nurture/occasions?from=2026-12-20&to=2027-01-10&member_id=all", &other.token).await.json().await.unwrap();
        assert!(elsewhere["data"].as_array().unwrap().is_empty());
        for bad in ["?from=2027-01-10&to=2026-12-20", "?from=2026-01-01&to=2027-06-01", "?member_id=someone", "?from=yesterday"] {
            assert_problem(app.get(&format!("/v1/nurture/occasions{bad}"), t).await, 422, "validation_failed").await;
        }
    }

    async fn important_dates_are_validated_and_editable(app) {
        let account = app.signup().await;
        let t = &account.token;
        for (dates, pointer) in [
            (json!([{"label": "", "month": 1, "day": 1}]), "/important_dates/0/label"),
            (json!([{"label": "Start", "month": 2, "day": 30}]), "/important_dates/0"),
            (json!([{"label": "Start", "month": 2, "day": 29, "year": 2027}]), "/important_dates/0"),
        ] {
            let response = app.post("/v1/contacts", t, json!({"first_name": "A", "important_dates": dates})).await;
            let problem = assert_problem(response, 422, "validation_failed").await;
            assert!(crate::helpers::pointers(&problem)[0].starts_with(pointer), "{problem}");
        }
        let contact = app.create_contact(t, json!({"first_name": "A", "important_dates": [{"label": "Start", "month": 2, "day": 29, "year": 2028}]})).await;
        assert_eq!(contact["important_dates"], json!([{"label": "Start", "month": 2, "day": 29, "year": 2028}]));
        let path = format!("/v1/contacts/{}", text(&contact["id"]));
        let app = &app;
        let occasions = |query: &'static str| async move {
            let page: Value = app.get(&format!("/v1/nurture/occasions?{query}"), t).await.json().await.unwrap();
            page["data"].as_array().unwrap().iter().map(|o| text(&o["date"])).collect::<Vec<_>>()
        };
        assert_eq!(occasions("from=2028-02-01&to=2028-03-01").await, ["2028-02-29"]);
        let patched: Value = app.patch(&path, t, json!({"important_dates": []})).await.json().await.unwrap();
        assert_eq!(patched["important_dates"], json!([]));
        assert!(occasions("from=2028-02-01&to=2028-03-01").await.is_empty(), "the edit moved the contact's occasions");
        app.patch(&path, t, json!({"birthday": {"month": 7, "day": 4}})).await;
        assert_eq!(occasions("from=2028-06-20&to=2028-07-10").await, ["2028-07-04"]);
    }
}

on_every_backend! {
    async fn first_writes_racing_each_other_do_not_fail(app) {
        // On PostgreSQL an update-then-insert (settings) or delete-then-insert (snoozes)
        // raced by a twin ran into the unique key: a 500 for one of them.
        for round in 0..5 {
            let account = app.signup().await;
            let t = &account.token;
            let put = |days: i64| {
                app.request(reqwest::Method::PUT, "/v1/workspace/settings", Some(t))
                    .json(&json!({"cadence_days": {"client": days}}))
                    .send()
            };
            let (a, b, c, d) = tokio::join!(put(10), put(20), put(30), put(40));
            for response in [a, b, c, d] {
                assert_eq!(response.unwrap().status(), 200, "round {round}");
            }
            let contact = app.create_contact(t, json!({"first_name": "Ann"})).await;
            let action = format!("touch:{}", contact["id"].as_str().unwrap());
            let snooze = || app.post("/v1/nurture/snoozes", t, json!({"action_id": action}));
            let (a, b, c, d) = tokio::join!(snooze(), snooze(), snooze(), snooze());
            for response in [a, b, c, d] {
                assert_eq!(response.status(), 201, "round {round}");
            }
            let snoozes: Value = app.get("/v1/nurture/snoozes", t).await.json().await.unwrap();
            assert_eq!(snoozes["data"].as_array().unwrap().len(), 1, "round {round}: one snooze per action");
        }
    }
}
