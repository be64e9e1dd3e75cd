use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text};

on_every_backend! {
    async fn another_workspace_can_neither_read_list_change_nor_delete_contacts(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let contact = app.create_contact(&alice.token, json!({"first_name": "Secret", "company": "Hidden Inc", "tags": ["x"]})).await;
        let path = format!("/v1/contacts/{}", text(&contact["id"]));

        assert_problem(app.get(&path, &mallory.token).await, 404, "not_found").await;
        assert_problem(app.patch(&path, &mallory.token, json!({"first_name": "Pwned"})).await, 404, "not_found").await;
        assert_problem(app.delete(&path, &mallory.token).await, 404, "not_found").await;
        for query in ["", "?q=secret", "?company=hidden%20inc", "?tag=x", "?include_deleted=true"] {
            let page: Value = app.get(&format!("/v1/contacts{query}"), &mallory.token).await.json().await.unwrap();
            assert!(page["data"].as_array().unwrap().is_empty(), "{query} leaked {page}");
        }
        let untouched: Value = app.get(&path, &alice.token).await.json().await.unwrap();
        assert_eq!(untouched["first_name"], "Secret");
        assert_eq!(untouched["version"], 1);
    }

    async fn references_never_cross_workspaces(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let alices_contact = app.create_contact(&alice.token, json!({"first_name": "A"})).await;
        let response = app.post("/v1/contacts", &mallory.token, json!({"first_name": "M", "met_through_id": alices_contact["id"]})).await;
        assert_problem(response, 422, "validation_failed").await;
        let response = app.post("/v1/contacts", &mallory.token, json!({"first_name": "M", "owner_id": alice.member_id})).await;
        assert_problem(response, 422, "validation_failed").await;
        let mallorys = app.create_contact(&mallory.token, json!({"first_name": "M"})).await;
        let response = app.patch(&format!("/v1/contacts/{}", text(&mallorys["id"])), &mallory.token, json!({"met_through_id": alices_contact["id"]})).await;
        assert_problem(response, 422, "validation_failed").await;
    }

    async fn members_of_another_workspace_are_invisible(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        assert_problem(app.get(&format!("/v1/members/{}", alice.member_id), &mallory.token).await, 404, "not_found").await;
        assert_problem(app.patch(&format!("/v1/members/{}", alice.member_id), &mallory.token, json!({"role": "viewer"})).await, 404, "not_found").await;
        assert_problem(app.delete(&format!("/v1/members/{}", alice.member_id), &mallory.token).await, 404, "not_found").await;
        let members: Value = app.get("/v1/members", &mallory.token).await.json().await.unwrap();
        assert_eq!(members["data"].as_array().unwrap().len(), 1);
        let me: Value = app.get("/v1/me", &alice.token).await.json().await.unwrap();
        assert_eq!(me["role"], "owner");
    }

    async fn a_login_cannot_pick_a_workspace_it_does_not_belong_to(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let response = app
            .post_public("/v1/auth/login", json!({"email": mallory.email, "password": mallory.password, "workspace_id": alice.workspace_id}))
            .await;
        assert_problem(response, 401, "unauthorized").await;
    }
}
