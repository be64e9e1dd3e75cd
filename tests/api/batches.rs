use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

async fn batch(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post("/v1/contacts/batch", token, body).await
}

async fn names(app: &TestApp, token: &str) -> Vec<String> {
    let page: Value = app
        .get("/v1/contacts?limit=200", token)
        .await
        .json()
        .await
        .unwrap();
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| text(&c["first_name"]))
        .collect()
}

on_every_backend! {
    async fn each_operation_of_a_batch_stands_alone(app) {
        let account = app.signup().await;
        let t = &account.token;
        let other = app.signup().await;
        let theirs = app.create_contact(&other.token, json!({"first_name": "Theirs"})).await;
        let kept = app.create_contact(t, json!({"first_name": "Kept", "external_ids": [{"system": "hubspot", "id": "1"}]})).await;
        let response = batch(&app, t, json!({"operations": [
            {"op": "create", "contact": {"first_name": "Ana"}},
            {"op": "create", "contact": {"last_name": "Nameless"}},
            {"op": "upsert", "external_id": {"system": "hubspot", "id": "2"}, "contact": {"first_name": "Ben"}},
            {"op": "update", "id": kept["id"], "if_match": 1, "contact": {"title": "CFO"}},
            {"op": "update", "id": kept["id"], "if_match": 1, "contact": {"title": "CEO"}},
            {"op": "delete", "id": theirs["id"]},
            {"op": "frobnicate"},
            {"op": "create", "contact": {"first_name": "Clash", "external_ids": [{"system": "hubspot", "id": "1"}]}},
            {"op": "upsert", "external_id": {"system": "hubspot", "id": "2"}, "contact": {"title": "Sailor"}},
        ]})).await;
        assert_eq!(response.status(), 200);
        let results: Value = response.json().await.unwrap();
        let results = results["results"].as_array().unwrap();
        let statuses: Vec<u64> = results.iter().map(|r| r["status"].as_u64().unwrap()).collect();
        assert_eq!(statuses, [201, 422, 201, 200, 412, 404, 422, 409, 200]);
        for (index, result) in results.iter().enumerate() {
            assert_eq!(result["index"], index);
        }
        assert_eq!(pointers(&results[1]["problem"]), ["/operations/1/contact"]);
        assert!(text(&results[1]["problem"]["detail"]).contains("first_name"), "{}", results[1]);
        assert_eq!(pointers(&results[6]["problem"]), ["/operations/6/op"]);
        assert_eq!(results[7]["problem"]["code"], "external_id_taken");
        assert!(text(&results[7]["problem"]["detail"]).contains(&text(&kept["id"])));
        assert_eq!(results[3]["version"], 2);
        assert_eq!(results[8]["id"], results[2]["id"], "the second upsert found the first");
        assert_eq!(results[8]["version"], 2);
        assert!(results[1]["id"].is_null() && results[1]["version"].is_null());

        let mut listed = names(&app, t).await;
        listed.sort();
        assert_eq!(listed, ["Ana", "Ben", "Kept"], "the failures left nothing");
        let kept_now: Value = app.get(&format!("/v1/contacts/{}", text(&kept["id"])), t).await.json().await.unwrap();
        assert_eq!(kept_now["title"], "CFO");
        assert_eq!(names(&app, &other.token).await, ["Theirs"], "another workspace's contact is not found");
    }

    async fn an_atomic_batch_is_all_or_nothing(app) {
        let account = app.signup().await;
        let t = &account.token;
        let refused = batch(&app, t, json!({"atomic": true, "operations": [
            {"op": "create", "contact": {"first_name": "Ana"}},
            {"op": "upsert", "external_id": {"system": "hubspot", "id": "7"}, "contact": {"first_name": "Ben"}},
            {"op": "create", "contact": {"first_name": "Cleo", "trust": 9}},
        ]})).await;
        let problem = assert_problem(refused, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/operations/2/contact/trust"]);
        assert!(names(&app, t).await.is_empty(), "nothing was written");

        app.create_contact(t, json!({"first_name": "Holder", "external_ids": [{"system": "hubspot", "id": "8"}]})).await;
        let refused = batch(&app, t, json!({"atomic": true, "operations": [
            {"op": "create", "contact": {"first_name": "Ana"}},
            {"op": "create", "contact": {"first_name": "Ben", "external_ids": [{"system": "hubspot", "id": "8"}]}},
        ]})).await;
        let problem = assert_problem(refused, 409, "external_id_taken").await;
        assert!(text(&problem["detail"]).starts_with("operation 1: "), "{problem}");
        assert_eq!(names(&app, t).await, ["Holder"]);

        let done = batch(&app, t, json!({"atomic": true, "operations": [
            {"op": "create", "contact": {"first_name": "Ana"}},
            {"op": "upsert", "external_id": {"system": "hubspot", "id": "8"}, "contact": {"title": "Owner"}},
        ]})).await;
        assert_eq!(done.status(), 200);
        let results: Value = done.json().await.unwrap();
        assert_eq!(results["results"][1]["status"], 200);
        let mut listed = names(&app, t).await;
        listed.sort();
        assert_eq!(listed, ["Ana", "Holder"]);
    }

    async fn a_batch_is_bounded_and_retried_whole(app) {
        let account = app.signup().await;
        let t = &account.token;
        for size in [0usize, 101] {
            let operations: Vec<Value> = (0..size).map(|n| json!({"op": "create", "contact": {"first_name": format!("C{n}")}})).collect();
            let problem = assert_problem(batch(&app, t, json!({"operations": operations})).await, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), ["/operations"], "{size} operations");
        }
        let body = json!({"operations": (0..100).map(|n| json!({"op": "upsert", "external_id": {"system": "crm", "id": n.to_string()}, "contact": {"first_name": format!("C{n}")}})).collect::<Vec<_>>()});
        let send = || app.request(reqwest::Method::POST, "/v1/contacts/batch", Some(t)).header("Idempotency-Key", "sync-2026-12-02").json(&body).send();
        let first: Value = send().await.unwrap().json().await.unwrap();
        let retried = send().await.unwrap();
        assert_eq!(retried.headers()["idempotent-replayed"], "true");
        assert_eq!(retried.json::<Value>().await.unwrap(), first);
        assert_eq!(names(&app, t).await.len(), 100, "the retry wrote nothing twice");
    }
}
