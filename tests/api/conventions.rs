use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text, TestApp};

on_every_backend! {
    async fn unknown_routes_are_404_and_wrong_methods_405_with_allow(app) {
        let response = app.request(Method::GET, "/v1/nothing-here", None).send().await.unwrap();
        assert_problem(response, 404, "not_found").await;
        let response = app.request(Method::PUT, "/v1/contacts", None).send().await.unwrap();
        assert_eq!(response.headers()["allow"], "GET, POST");
        assert_problem(response, 405, "method_not_allowed").await;
        let response = app.request(Method::POST, "/v1/contacts/01a20a98-0000-7000-8000-000000000000", None).send().await.unwrap();
        assert_eq!(response.headers()["allow"], "DELETE, GET, PATCH");
        assert_problem(response, 405, "method_not_allowed").await;
    }

    async fn a_malformed_id_names_nothing(app) {
        let account = app.signup().await;
        assert_problem(app.get("/v1/contacts/not-a-uuid", &account.token).await, 404, "not_found").await;
        // A route written out is no id: its missing methods are 405s, not 404s.
        let response = app.patch("/v1/contacts/batch", &account.token, serde_json::json!({})).await;
        assert_eq!(response.headers()["allow"], "POST");
        assert_problem(response, 405, "method_not_allowed").await;
        let response = app.request(Method::OPTIONS, "/v1/contacts/batch", None).send().await.unwrap();
        assert_eq!(response.headers()["allow"], "POST");
        assert_problem(response, 405, "method_not_allowed").await;
    }

    async fn bodies_must_be_json_of_bounded_size(app) {
        let account = app.signup().await;
        let response = app.request(Method::POST, "/v1/contacts", Some(&account.token)).header("content-type", "application/json").body("{\"first_name\": ").send().await.unwrap();
        assert_problem(response, 400, "malformed_json").await;
        let response = app.request(Method::POST, "/v1/contacts", Some(&account.token)).header("content-type", "text/plain").body("{}").send().await.unwrap();
        assert_problem(response, 415, "unsupported_media_type").await;
        let response = app.request(Method::POST, "/v1/contacts", Some(&account.token)).send().await.unwrap();
        assert_problem(response, 415, "unsupported_media_type").await;
        let huge = json!({"first_name": "A", "notes": "x".repeat(2 * 1024 * 1024)});
        let response = app.post("/v1/contacts", &account.token, huge).await;
        assert_problem(response, 413, "payload_too_large").await;
        let response = app.request(Method::POST, "/v1/contacts", Some(&account.token)).json(&json!([1, 2])).send().await.unwrap();
        assert_problem(response, 422, "validation_failed").await;
    }

    async fn every_response_carries_a_request_id(app) {
        let response = app.request(Method::GET, "/healthz", None).send().await.unwrap();
        let id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 7);
        let response = app.request(Method::GET, "/healthz", None).header("x-request-id", "crm-sync-42").send().await.unwrap();
        assert_eq!(response.headers()["x-request-id"], "crm-sync-42");
        let response = app.request(Method::GET, "/healthz", None).header("x-request-id", "bad id with spaces").send().await.unwrap();
        assert_ne!(response.headers()["x-request-id"], "bad id with spaces");
    }

    async fn operations_endpoints_answer(app) {
        let health: Value = app.request(Method::GET, "/healthz", None).send().await.unwrap().json().await.unwrap();
        assert_eq!(health["status"], "ok");
        let ready: Value = app.request(Method::GET, "/readyz", None).send().await.unwrap().json().await.unwrap();
        assert_eq!(ready["status"], "ready");
        assert_eq!(ready["database"], match app.backend { crate::helpers::Backend::Sqlite => "sqlite", _ => "postgres" });
        let metrics = app.request(Method::GET, "/metrics", None).send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"), "{metrics}");
    }

    async fn the_docs_ui_is_served_without_internet(app) {
        let response = app.request(Method::GET, "/docs", None).send().await.unwrap();
        assert_eq!(response.status(), 308);
        let page = app.request(Method::GET, "/docs/", None).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("swagger-ui"), "{page}");
        assert!(!page.contains("https://"), "the UI must not load assets from the internet");
        let bundle = app.request(Method::GET, "/docs/swagger-ui-bundle.js", None).send().await.unwrap();
        assert_eq!(bundle.status(), 200);
        let config = app.request(Method::GET, "/docs/swagger-initializer.js", None).send().await.unwrap().text().await.unwrap();
        assert!(config.contains("/openapi.json"), "{config}");
    }
}

#[tokio::test]
async fn made_up_methods_and_paths_do_not_grow_the_metrics() {
    let backend = crate::helpers::Backend::Sqlite;
    let app = crate::helpers::TestApp::spawn(&backend).await;
    // Seen before labels were bounded: 3,000 made-up methods grew /metrics to 185 MB.
    for i in 0..300 {
        let method = Method::from_bytes(format!("MADEUP{i}").as_bytes()).unwrap();
        app.request(method, &format!("/nowhere/{i}"), None)
            .send()
            .await
            .unwrap();
    }
    let metrics = app
        .request(Method::GET, "/metrics", None)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!metrics.contains("MADEUP"), "{metrics}");
    assert!(!metrics.contains("/nowhere/"), "{metrics}");
    let made_up = metrics
        .lines()
        .filter(|l| l.starts_with("http_requests_total{method=\"other\""))
        .count();
    assert_eq!(
        made_up, 1,
        "one series for every made-up method on an unmatched route: {metrics}"
    );
    assert!(metrics.len() < 20_000, "{} bytes", metrics.len());
}

#[tokio::test]
async fn an_operator_can_keep_the_metrics_to_themselves() {
    let backend = crate::helpers::Backend::Sqlite;
    let database = crate::helpers::TestDatabase::create(&backend);
    let app = crate::helpers::TestApp::spawn_with(&backend, database, |settings| {
        settings.metrics_token = Some("scrape-me-please".to_owned());
    })
    .await;
    let response = app
        .request(Method::GET, "/metrics", None)
        .send()
        .await
        .unwrap();
    assert_problem(response, 401, "unauthorized").await;
    let response = app
        .request(Method::GET, "/metrics", Some("scrape-me-not"))
        .send()
        .await
        .unwrap();
    assert_problem(response, 401, "unauthorized").await;
    let response = app
        .request(Method::GET, "/metrics", Some("scrape-me-please"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("http_requests_total"));
}

on_every_backend! {
    async fn responses_carry_the_headers_that_keep_browsers_safe(app) {
        for path in ["/healthz", "/v1/contacts", "/docs/", "/nowhere"] {
            let response = app.request(Method::GET, path, None).send().await.unwrap();
            assert_eq!(response.headers()["x-content-type-options"], "nosniff", "{path}");
        }
        let docs = app.request(Method::GET, "/docs/", None).send().await.unwrap();
        assert!(docs.headers()["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
        assert_eq!(docs.headers()["x-frame-options"], "DENY");
        let session = app.post_public("/v1/auth/register", json!({"email": "cache@example.com", "password": "correct horse battery", "name": "C", "workspace_name": "W"})).await;
        assert_eq!(session.status(), 201);
        assert_eq!(session.headers()["cache-control"], "no-store", "tokens are never cached");
        // CORS is off unless the operator allows origins.
        let preflight = app.request(Method::OPTIONS, "/v1/contacts", None)
            .header("origin", "https://app.example.com")
            .header("access-control-request-method", "GET")
            .send().await.unwrap();
        assert!(preflight.headers().get("access-control-allow-origin").is_none());
    }
}

#[tokio::test]
async fn cors_answers_the_origins_the_operator_allows() {
    let backend = crate::helpers::Backend::Sqlite;
    let database = crate::helpers::TestDatabase::create(&backend);
    let app = crate::helpers::TestApp::spawn_with(&backend, database, |settings| {
        settings.cors_origins = vec!["https://app.example.com".to_owned()];
    })
    .await;
    let preflight = |origin: &'static str| {
        app.request(Method::OPTIONS, "/v1/contacts", None)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type, idempotency-key",
            )
            .send()
    };
    let allowed = preflight("https://app.example.com").await.unwrap();
    assert!(allowed.status().is_success(), "{}", allowed.status());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let refused = preflight("https://evil.example.com").await.unwrap();
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let simple = app
        .request(Method::GET, "/healthz", None)
        .header("origin", "https://app.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(
        simple.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    assert!(simple.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase()
        .contains("etag"));
}

on_every_backend! {
    async fn bodies_are_one_json_object_in_utf8(app) {
        let account = app.signup().await;
        let send = |content_type: &'static str, body: &'static str| {
            app.request(Method::POST, "/v1/contacts", Some(&account.token))
                .header("content-type", content_type)
                .body(body)
                .send()
        };
        let json = "application/json";
        assert_problem(send(json, r#"{"first_name": "x"} trailing"#).await.unwrap(), 400, "malformed_json").await;
        assert_problem(send(json, r#"{"first_name": "x"}{"first_name": "y"}"#).await.unwrap(), 400, "malformed_json").await;
        let problem = assert_problem(send(json, r#"["x"]"#).await.unwrap(), 422, "validation_failed").await;
        assert_eq!(crate::helpers::pointers(&problem), ["/"]);
        // Every object in a body is an object, not fields by position.
        let referrer = app.create_contact(&account.token, json!({"first_name": "Rita"})).await;
        let response = app.post("/v1/referral-requests", &account.token, json!({"referrer_id": referrer["id"], "target": ["Ana Costa", "Fabrikam"]})).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(crate::helpers::pointers(&problem), ["/target"]);
        let response = app.post("/v1/contacts/batch", &account.token, json!({"operations": [{"op": "create", "contact": ["Ana"]}]})).await;
        let results: Value = response.json().await.unwrap();
        assert_eq!(results["results"][0]["status"], 422, "{results}");
        for refused in ["application/json; charset=utf-16", "application/merge-patch+json", "application/vnd.api+json"] {
            assert_problem(send(refused, r#"{"first_name": "x"}"#).await.unwrap(), 415, "unsupported_media_type").await;
        }
        assert_eq!(send("application/json; charset=UTF-8", r#"{"first_name": "x"}"#).await.unwrap().status(), 201);
        let listed: Value = app.get("/v1/contacts", &account.token).await.json().await.unwrap();
        assert_eq!(listed["data"].as_array().unwrap().len(), 2, "nothing half-written (Rita and x)");

        // An array of the wrong length is a 422 naming it, not a syntax error.
        let ids: Vec<String> = (0..10_000).map(|_| uuid::Uuid::now_v7().to_string()).collect();
        let response = app.post("/v1/introductions", &account.token, json!({"direction": "given", "contact_ids": ids})).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(crate::helpers::pointers(&problem), ["/contact_ids"]);
        assert!(problem["detail"].as_str().unwrap().contains("exactly two"), "{problem}");

        // NUL never reaches the database (PostgreSQL answered 500).
        for path in ["/v1/contacts?q=%00", "/v1/contacts?company=a%00b", "/v1/contacts?tag=%00"] {
            let problem = assert_problem(app.get(path, &account.token).await, 422, "validation_failed").await;
            assert_eq!(crate::helpers::pointers(&problem).len(), 1, "{path}");
        }
    }

    async fn errors_outside_the_handlers_are_problems_too(app) {
        for path in ["/docs/no-such-file.js", "/docs/../../etc/passwd"] {
            let response = app.request(Method::GET, path, None).send().await.unwrap();
            assert_problem(response, 404, "not_found").await;
        }
    }
}

on_every_backend! {
    async fn dates_outside_the_accepted_years_are_refused_not_crashed_on(app) {
        // PostgreSQL answered 500 for years before 4713 BC, on 14 operations.
        let account = app.signup().await;
        let t = &account.token;
        let contact = app.create_contact(t, json!({"first_name": "Ann"})).await;
        for path in [
            "/v1/contacts?updated_since=-5000-01-01T00:00:00Z",
            "/v1/contacts?due_before=1899-12-31T00:00:00Z",
            "/v1/interactions?occurred_after=%2B10000-01-01T00:00:00Z",
            "/v1/referral-requests?updated_since=-5000-01-01T00:00:00Z",
            "/v1/introductions?updated_since=-5000-01-01T00:00:00Z",
            "/v1/connections?updated_since=-5000-01-01T00:00:00Z",
            "/v1/insights/funnel?from=-5000-01-01",
            "/v1/nurture/occasions?from=0001-01-01",
        ] {
            let problem = assert_problem(app.get(path, t).await, 422, "validation_failed").await;
            assert!(problem["detail"].as_str().unwrap().contains("1900 to 9999"), "{path}: {problem}");
        }
        for (path, body) in [
            ("/v1/interactions", json!({"contact_ids": [contact["id"]], "occurred_at": "-5000-01-01T00:00:00Z", "channel": "phone", "kind": "catch_up"})),
            ("/v1/introductions", json!({"direction": "given", "contact_ids": [contact["id"], contact["id"]], "introduced_at": "-5000-01-01T00:00:00Z"})),
            ("/v1/connections", json!({"from": {"contact_id": contact["id"]}, "to": {"member_id": account.member_id}, "kind": "knows", "strength": 3, "since": "-5000-01-01"})),
        ] {
            let problem = assert_problem(app.post(path, t, body).await, 422, "validation_failed").await;
            assert!(problem["detail"].as_str().unwrap().contains("1900 to 9999"), "{path}: {problem}");
        }
    }
}

on_every_backend! {
    async fn a_trailing_slash_is_the_same_resource_and_head_answers_where_get_does(app) {
        let account = app.signup().await;
        app.create_contact(&account.token, json!({"first_name": "Ann"})).await;
        let slashed: Value = app.get("/v1/contacts/?limit=1", &account.token).await.json().await.unwrap();
        assert_eq!(slashed["data"].as_array().unwrap().len(), 1, "{slashed}");
        for path in ["/healthz", "/readyz", "/openapi.json"] {
            let response = app.request(Method::HEAD, path, None).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            assert!(response.bytes().await.unwrap().is_empty(), "{path}: no body");
        }
        let response = app.request(Method::HEAD, "/v1/contacts", Some(&account.token)).send().await.unwrap();
        assert_eq!(response.status(), 200);
    }
}

/// One window for every resource's tombstones: listed for sync within the retention, then
/// no more.
#[tokio::test]
async fn tombstones_of_requests_introductions_and_connections_leave_sync_after_the_retention() {
    for backend in crate::helpers::Backend::all() {
        let database = crate::helpers::TestDatabase::create(&backend);
        let app = TestApp::spawn_with(&backend, database, |settings| {
            settings.tombstone_retention_days = 7;
        })
        .await;
        let account = app.signup().await;
        let t = &account.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let ben = app.create_contact(t, json!({"first_name": "Ben"})).await;
        let mut made = Vec::new();
        for (list, body) in [
            (
                "referral-requests",
                json!({"referrer_id": ana["id"], "target": {"name": "Cleo"}, "business_reason": "Cleo's firm is growing", "ideal_introduction": "A call"}),
            ),
            (
                "introductions",
                json!({"direction": "given", "contact_ids": [ana["id"], ben["id"]], "notes": "Both sail"}),
            ),
            (
                "connections",
                json!({"from": {"contact_id": ana["id"]}, "to": {"contact_id": ben["id"]}, "kind": "knows", "strength": 3, "note": "Neighbours"}),
            ),
        ] {
            let response = app.post(&format!("/v1/{list}"), t, body).await;
            let status = response.status();
            let created: Value = response.json().await.unwrap();
            assert_eq!(status, 201, "{list}: {created}");
            let id = text(&created["id"]);
            assert_eq!(
                app.delete(&format!("/v1/{list}/{id}"), t).await.status(),
                204
            );
            made.push((list, id));
        }
        for (list, id) in &made {
            let synced = app
                .listed(&format!("/v1/{list}?include_deleted=true"), t, "id")
                .await;
            assert!(
                synced.contains(id),
                "{list}: the tombstone is there for sync"
            );
            let live = app.listed(&format!("/v1/{list}"), t, "id").await;
            assert!(live.is_empty(), "{list}: and gone from the live list");
        }
        let old = (chrono::Utc::now() - chrono::Duration::days(8)).format("%Y-%m-%d %H:%M:%S");
        for (list, id) in &made {
            let table = list.replace('-', "_");
            app.database.execute(&format!(
                "UPDATE {table} SET deleted_at = '{old}' WHERE id = '{id}'"
            ));
            let synced = app
                .listed(&format!("/v1/{list}?include_deleted=true"), t, "id")
                .await;
            assert!(
                !synced.contains(id),
                "{list}: past the retention it leaves sync"
            );
        }
    }
}
