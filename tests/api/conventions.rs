use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend};

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
