use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::helpers::{
    assert_problem, on_every_backend, pointers, text, Backend, TestApp, TestDatabase,
};

/// Reads the feed from `token` to its end: the changes, and the token to go on from.
pub async fn follow(app: &TestApp, token: &str, since: &str, query: &str) -> (Vec<Value>, String) {
    let mut since = since.to_owned();
    let mut seen = Vec::new();
    loop {
        let response = app
            .get(&format!("/v1/changes?since={since}{query}"), token)
            .await;
        assert_eq!(response.status(), 200);
        let page: Value = response.json().await.unwrap();
        seen.extend(page["data"].as_array().unwrap().iter().cloned());
        since = text(&page["next_token"]);
        if page["has_more"] == false {
            return (seen, since);
        }
    }
}

async fn start(app: &TestApp, token: &str) -> String {
    let page: Value = app.get("/v1/changes", token).await.json().await.unwrap();
    assert_eq!(page["data"], json!([]));
    assert_eq!(page["has_more"], false);
    text(&page["next_token"])
}

fn summary(changes: &[Value]) -> Vec<(String, String, String, Value)> {
    changes
        .iter()
        .map(|c| {
            (
                text(&c["type"]),
                text(&c["id"]),
                text(&c["op"]),
                c["version"].clone(),
            )
        })
        .collect()
}

on_every_backend! {
    async fn the_feed_shows_each_change_once_as_the_resource_was(app) {
        let account = app.signup().await;
        let t = &account.token;
        let since = start(&app, t).await;

        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let ana_id = text(&ana["id"]);
        let path = format!("/v1/contacts/{ana_id}");
        assert_eq!(app.patch(&path, t, json!({"title": "CFO"})).await.status(), 200);
        let logged: Value = app
            .post("/v1/interactions", t, json!({"contact_ids": [ana_id], "kind": "catch_up", "channel": "in_person", "occurred_at": "2026-11-30T10:00:00Z"}))
            .await
            .json()
            .await
            .unwrap();
        let after_coffee: Value = app.get(&path, t).await.json().await.unwrap();
        assert_eq!(app.delete(&path, t).await.status(), 204);

        let (changes, end) = follow(&app, t, &since, "").await;
        let interaction_id = text(&logged["id"]);
        assert_eq!(summary(&changes), [
            ("contact".into(), ana_id.clone(), "created".into(), json!(1)),
            ("contact".into(), ana_id.clone(), "updated".into(), json!(2)),
            // Logging the coffee is a change of the contact too: what it shows moved.
            ("contact".into(), ana_id.clone(), "updated".into(), json!(3)),
            ("interaction".into(), interaction_id.clone(), "created".into(), json!(1)),
            ("contact".into(), ana_id.clone(), "deleted".into(), json!(4)),
        ]);
        let seqs: Vec<i64> = changes.iter().map(|c| c["seq"].as_i64().unwrap()).collect();
        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
        // Each change carries the resource as its GET showed it then.
        assert_eq!(changes[0]["data"], ana);
        assert_eq!(changes[1]["data"]["title"], "CFO");
        assert_eq!(changes[2]["data"], after_coffee);
        assert!(!changes[2]["data"]["last_interaction_at"].is_null());
        assert_eq!(changes[3]["data"], logged);
        assert!(changes[4]["data"].is_null());

        // Nothing new: the token from the end stays where it is.
        let (more, _) = follow(&app, t, &end, "").await;
        assert!(more.is_empty(), "{more:?}");
        let (only, _) = follow(&app, t, &since, "&types=interaction").await;
        assert_eq!(summary(&only), [("interaction".into(), interaction_id, "created".into(), json!(1))]);
        // Small pages lose nothing and repeat nothing.
        let (paged, _) = follow(&app, t, &since, "&limit=2").await;
        assert_eq!(summary(&paged), summary(&changes));
    }

    async fn members_settings_and_snoozes_are_in_the_feed_too(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let since = start(&app, t).await;
        let newcomer = app.signup().await;
        let (_, member_id) = app.join(&owner, &newcomer, "member").await;
        assert_eq!(app.patch(&format!("/v1/members/{member_id}"), t, json!({"role": "admin"})).await.status(), 200);
        let put = app
            .request(reqwest::Method::PUT, "/v1/workspace/settings", Some(t))
            .json(&json!({"cadence_days": {"client": 14}}))
            .send()
            .await
            .unwrap();
        assert_eq!(put.status(), 200);
        let contact = app.create_contact(t, json!({"first_name": "Bo"})).await;
        let snooze: Value = app
            .post("/v1/nurture/snoozes", t, json!({"action_id": format!("touch:{}", text(&contact["id"]))}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(app.delete(&format!("/v1/nurture/snoozes/{}", text(&snooze["id"])), t).await.status(), 204);
        assert_eq!(app.delete(&format!("/v1/members/{member_id}"), t).await.status(), 204);

        let (changes, _) = follow(&app, t, &since, "&types=member,settings,snooze").await;
        let kinds: Vec<(String, String)> = changes.iter().map(|c| (text(&c["type"]), text(&c["op"]))).collect();
        assert_eq!(kinds, [
            ("member".into(), "created".into()),
            ("member".into(), "updated".into()),
            ("settings".into(), "updated".into()),
            ("snooze".into(), "created".into()),
            ("snooze".into(), "deleted".into()),
            ("member".into(), "deleted".into()),
        ]);
        assert_eq!(changes[1]["data"]["role"], "admin");
        assert_eq!(changes[2]["id"], json!(owner.workspace_id));
        assert_eq!(changes[2]["data"]["cadence_days"]["client"], 14);
        assert_eq!(changes[3]["data"], snooze);
        assert!(changes[3]["version"].is_null());
    }

    async fn every_list_says_what_to_send_as_updated_since_next(app) {
        let account = app.signup().await;
        let t = &account.token;
        let contact = app.create_contact(t, json!({"first_name": "Cy"})).await;
        let contact_path = format!("/v1/contacts/{}", text(&contact["id"]));
        for path in ["/v1/contacts", "/v1/interactions", "/v1/referral-requests", "/v1/introductions", "/v1/connections", &format!("{contact_path}/interactions"), &format!("{contact_path}/connections")] {
            let before = chrono::Utc::now();
            let response = app.get(path, t).await;
            assert_eq!(response.status(), 200, "{path}");
            let header = response.headers()["rapport-sync-watermark"].to_str().unwrap().to_owned();
            let watermark = chrono::DateTime::parse_from_rfc3339(&header).unwrap();
            let lag = before.signed_duration_since(watermark).num_seconds();
            assert!((55..=61).contains(&lag), "{path}: {header} trails the read by {lag} s");
        }
        // Sent back, it finds what changed since, including a contact moved by a logged
        // interaction; a watermark from before the change finds it, one after does not.
        let page = app.get("/v1/contacts", t).await;
        let watermark = page.headers()["rapport-sync-watermark"].to_str().unwrap().to_owned();
        let since = |at: &str| format!("/v1/contacts?updated_since={}", at.replace('+', "%2B"));
        assert_eq!(app.listed(&since(&watermark), t, "id").await, [text(&contact["id"])]);
        let later = (chrono::Utc::now() + chrono::Duration::seconds(5)).to_rfc3339();
        assert!(app.listed(&since(&later), t, "id").await.is_empty());
    }

    async fn a_token_that_is_not_the_feeds_is_refused_with_its_reason(app) {
        let account = app.signup().await;
        let t = &account.token;
        let other = app.signup().await;
        let theirs = start(&app, &other.token).await;
        for query in ["since=nonsense", &format!("since={theirs}"), "limit=0", "limit=1001", "types=contact,gossip"] {
            let problem = assert_problem(app.get(&format!("/v1/changes?{query}"), t).await, 422, "validation_failed").await;
            let field = query.split('=').next().unwrap();
            assert_eq!(pointers(&problem), [field], "{query}");
        }
        let problem = assert_problem(app.get("/v1/changes?types=gossip", t).await, 422, "validation_failed").await;
        assert!(text(&problem["errors"][0]["detail"]).contains("referral_request"), "{problem}");
    }
}

#[tokio::test]
async fn a_token_older_than_the_retention_has_expired() {
    for backend in Backend::all() {
        // A retention of zero days: any token a second old is too old.
        let app = TestApp::spawn_with(&backend, TestDatabase::create(&backend), |settings| {
            settings.tombstone_retention_days = 0;
        })
        .await;
        let account = app.signup().await;
        let since = start(&app, &account.token).await;
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let problem = assert_problem(
            app.get(&format!("/v1/changes?since={since}"), &account.token)
                .await,
            410,
            "sync_token_expired",
        )
        .await;
        assert!(text(&problem["detail"]).contains("in full"), "{problem}");
    }
}

/// Eight writers make 500 changes each while a reader follows the feed: the reader sees
/// every change exactly once, and each contact's versions in order. A position taken inside
/// the writing transaction is not enough for this: a reader could pass a position whose
/// transaction commits later, and never see it.
#[tokio::test]
async fn the_feed_never_skips_a_change_under_concurrent_writers() {
    const WRITERS: usize = 8;
    const CHANGES: i64 = 500;
    for backend in Backend::all() {
        let app = TestApp::spawn_with(&backend, TestDatabase::create(&backend), |settings| {
            settings.rate_limit_api_per_minute = std::num::NonZeroU32::new(100_000).unwrap();
            settings.rate_limit_workspace_per_minute = std::num::NonZeroU32::new(100_000).unwrap();
            settings.database_pool_size = 8;
        })
        .await;
        let app = std::sync::Arc::new(app);
        let account = app.signup().await;
        let token = account.token.clone();
        let since = start(&app, &token).await;
        let started = std::time::Instant::now();

        let writers: Vec<_> = (0..WRITERS)
            .map(|writer| {
                let (app, token) = (app.clone(), token.clone());
                tokio::spawn(async move {
                    let mut busy = 0;
                    // A busy database answers 503 and undoes the write: try again, as
                    // clients do after `Retry-After`.
                    let contact: Value = loop {
                        let body = json!({"first_name": format!("Writer {writer}")});
                        let response = app.post("/v1/contacts", &token, body).await;
                        if response.status() != 503 {
                            assert_eq!(response.status(), 201);
                            break response.json().await.unwrap();
                        }
                        busy += 1;
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    };
                    let path = format!("/v1/contacts/{}", text(&contact["id"]));
                    for change in 2..=CHANGES {
                        let body = json!({"title": format!("change {change}")});
                        while app.patch(&path, &token, body.clone()).await.status() == 503 {
                            busy += 1;
                            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        }
                    }
                    (text(&contact["id"]), busy)
                })
            })
            .collect();
        let reader = {
            let (app, token) = (app.clone(), token.clone());
            tokio::spawn(async move {
                let mut since = since;
                let mut seen = Vec::new();
                let mut reads = 0;
                while seen.len() < WRITERS * CHANGES as usize {
                    let (changes, next) = follow(&app, &token, &since, "&limit=50").await;
                    seen.extend(changes);
                    since = next;
                    reads += 1;
                }
                (seen, since, reads)
            })
        };
        let (mut ids, mut busy) = (Vec::new(), 0);
        for writer in writers {
            let (id, retried) = writer.await.unwrap();
            ids.push(id);
            busy += retried;
        }
        let written = started.elapsed();
        let (seen, end, reads) = reader.await.unwrap();
        let (late, _) = follow(&app, &token, &end, "").await;
        assert!(
            late.is_empty(),
            "a change came after the reader had all: {late:?}"
        );

        let mut versions: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for change in &seen {
            versions
                .entry(text(&change["id"]))
                .or_default()
                .push(change["version"].as_i64().unwrap());
        }
        let expected: Vec<i64> = (1..=CHANGES).collect();
        for id in &ids {
            assert_eq!(versions.get(id), Some(&expected), "contact {id}");
        }
        assert_eq!(versions.len(), WRITERS);
        let seqs: Vec<i64> = seen.iter().map(|c| c["seq"].as_i64().unwrap()).collect();
        assert!(
            seqs.windows(2).all(|w| w[1] == w[0] + 1),
            "positions run without gaps"
        );
        println!(
            "{backend:?}: {} changes by {WRITERS} writers in {written:?} ({busy} retried after 503), followed in {reads} reads",
            seen.len()
        );
    }
}
