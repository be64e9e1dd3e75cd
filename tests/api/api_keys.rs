use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text};

async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.unwrap()
}

on_every_backend! {
    async fn a_key_is_shown_once_and_acts_as_the_member_who_made_it(app) {
        let owner = app.signup().await;
        let response = app.post("/v1/api-keys", &owner.token, json!({"name": "HubSpot sync", "scopes": ["write", "read", "write"]})).await;
        assert_eq!(response.status(), 201);
        let created = json_of(response).await;
        let secret = text(&created["secret"]);
        assert!(secret.starts_with("rk_") && secret.len() == 46, "{secret}");
        assert_eq!(created["secret_hint"], format!("rk_…{}", &secret[42..]));
        assert_eq!(created["scopes"], json!(["read", "write"]));
        assert_eq!(created["created_by"], owner.member_id.as_str());
        assert_eq!(created["last_used_at"], Value::Null);
        let id = text(&created["id"]);

        let contact = app.create_contact(&secret, json!({"first_name": "Ana"})).await;
        assert_eq!(contact["owner_id"], owner.member_id.as_str(), "the key's writes are its creator's");
        let logged = app.post("/v1/interactions", &secret, json!({"contact_ids": [contact["id"]], "occurred_at": "2026-11-30T10:00:00Z", "channel": "phone", "kind": "catch_up"})).await;
        assert_eq!(logged.status(), 201);
        assert_eq!(json_of(logged).await["member_id"], owner.member_id.as_str());

        let shown = app.get(&format!("/v1/api-keys/{id}"), &owner.token).await;
        assert_eq!(shown.status(), 200);
        let shown = shown.text().await.unwrap();
        assert!(!shown.contains(&secret[3..]), "the secret is never shown again: {shown}");
        let shown: Value = serde_json::from_str(&shown).unwrap();
        assert!(shown["last_used_at"].is_string(), "its use is noted");
        let listed = app.get("/v1/api-keys", &owner.token).await.text().await.unwrap();
        assert!(!listed.contains(&secret[3..]));
        let listed: Value = serde_json::from_str(&listed).unwrap();
        assert_eq!(listed["data"].as_array().unwrap().len(), 1);
        assert_eq!(listed["data"][0]["name"], "HubSpot sync");
        assert!(listed["data"][0].get("secret").is_none());
    }

    async fn a_key_does_what_its_scopes_allow_within_its_creators_role(app) {
        let owner = app.signup().await;
        let (_, reader) = app.create_api_key(&owner.token, &["read"]).await;
        let (_, writer) = app.create_api_key(&owner.token, &["write"]).await;
        let (_, administrator) = app.create_api_key(&owner.token, &["admin"]).await;

        assert_eq!(app.get("/v1/contacts", &reader).await.status(), 200, "every key reads");
        let refused = assert_problem(app.post("/v1/contacts", &reader, json!({"first_name": "Ana"})).await, 403, "insufficient_scope").await;
        assert!(text(&refused["detail"]).contains("`write`"), "{refused}");
        assert_eq!(app.post("/v1/contacts", &writer, json!({"first_name": "Ana"})).await.status(), 201);
        let refused = assert_problem(app.get("/v1/api-keys", &writer).await, 403, "insufficient_scope").await;
        assert!(text(&refused["detail"]).contains("`admin`"), "{refused}");
        assert_problem(app.patch("/v1/workspace", &writer, json!({"name": "Renamed"})).await, 403, "insufficient_scope").await;
        assert_problem(app.post("/v1/contacts", &administrator, json!({"first_name": "Ana"})).await, 403, "insufficient_scope").await;
        assert_eq!(app.patch("/v1/workspace", &administrator, json!({"name": "Renamed"})).await.status(), 200);

        // A key makes keys only with scopes it has itself.
        assert_eq!(app.post("/v1/api-keys", &administrator, json!({"name": "Narrow", "scopes": ["admin"]})).await.status(), 201);
        let escalation = assert_problem(app.post("/v1/api-keys", &administrator, json!({"name": "Wide", "scopes": ["admin", "write"]})).await, 422, "validation_failed").await;
        assert_eq!(escalation["errors"][0]["pointer"], "/scopes");

        // The creator's role bounds the key, as it is at each request.
        let admin = app.signup().await;
        let (admin_token, admin_member) = app.join(&owner, &admin, "admin").await;
        let (_, admins_key) = app.create_api_key(&admin_token, &["read", "write", "admin"]).await;
        assert_eq!(app.get("/v1/api-keys", &admins_key).await.status(), 200);
        let demoted = app.patch(&format!("/v1/members/{admin_member}"), &owner.token, json!({"role": "viewer"})).await;
        assert_eq!(demoted.status(), 200);
        assert_problem(app.get("/v1/api-keys", &admins_key).await, 403, "forbidden").await;
        assert_problem(app.post("/v1/contacts", &admins_key, json!({"first_name": "Ben"})).await, 403, "forbidden").await;
        assert_problem(app.post("/v1/api-keys", &admin_token, json!({"name": "Mine", "scopes": ["read"]})).await, 403, "forbidden").await;

        for bad in [json!({"name": "No scopes", "scopes": []}), json!({"name": "Odd", "scopes": ["delete"]}), json!({"name": " ", "scopes": ["read"]}), json!({"name": "Past", "scopes": ["read"], "expires_at": "2020-01-01T00:00:00Z"})] {
            let refused = assert_problem(app.post("/v1/api-keys", &owner.token, bad.clone()).await, 422, "validation_failed").await;
            assert!(refused["errors"][0]["pointer"].is_string(), "{bad}: {refused}");
        }
    }

    async fn a_deleted_or_expired_key_or_one_whose_creator_left_is_refused_at_once(app) {
        let owner = app.signup().await;
        let (id, secret) = app.create_api_key(&owner.token, &["read"]).await;
        assert_eq!(app.get("/v1/contacts", &secret).await.status(), 200);
        assert_eq!(app.delete(&format!("/v1/api-keys/{id}"), &owner.token).await.status(), 204);
        assert_problem(app.get("/v1/contacts", &secret).await, 401, "unauthorized").await;
        assert_problem(app.get(&format!("/v1/api-keys/{id}"), &owner.token).await, 404, "not_found").await;
        assert_problem(app.delete(&format!("/v1/api-keys/{id}"), &owner.token).await, 404, "not_found").await;

        let response = app.post("/v1/api-keys", &owner.token, json!({"name": "Short", "scopes": ["read"], "expires_at": "2099-01-01T00:00:00Z"})).await;
        let expiring = json_of(response).await;
        assert_eq!(expiring["expires_at"], "2099-01-01T00:00:00Z");
        let secret = text(&expiring["secret"]);
        assert_eq!(app.get("/v1/contacts", &secret).await.status(), 200);
        app.database.execute(&format!("UPDATE api_keys SET expires_at = '2001-01-01 00:00:00' WHERE id = '{}'", text(&expiring["id"])));
        let refused = assert_problem(app.get("/v1/contacts", &secret).await, 401, "unauthorized").await;
        assert!(text(&refused["detail"]).contains("expired"), "{refused}");

        let admin = app.signup().await;
        let (admin_token, admin_member) = app.join(&owner, &admin, "admin").await;
        let (_, admins_key) = app.create_api_key(&admin_token, &["read"]).await;
        assert_eq!(app.get("/v1/contacts", &admins_key).await.status(), 200);
        assert_eq!(app.delete(&format!("/v1/members/{admin_member}"), &owner.token).await.status(), 204);
        assert_problem(app.get("/v1/contacts", &admins_key).await, 401, "unauthorized").await;

        assert_problem(app.get("/v1/contacts", "rk_made_up").await, 401, "unauthorized").await;
    }

    async fn a_key_is_not_a_person(app) {
        let owner = app.signup().await;
        let (_, secret) = app.create_api_key(&owner.token, &["read", "write", "admin"]).await;
        assert_problem(app.get("/v1/me", &secret).await, 403, "session_required").await;
        assert_problem(app.get("/v1/invitations", &secret).await, 403, "session_required").await;
        let refresh = app.post_public("/v1/auth/refresh", json!({"refresh_token": secret})).await;
        assert_eq!(refresh.status(), 401, "a key is no refresh token");
    }

    async fn another_workspaces_keys_are_not_found(app) {
        let ours = app.signup().await;
        let theirs = app.signup().await;
        let (id, _) = app.create_api_key(&ours.token, &["read"]).await;
        assert_problem(app.get(&format!("/v1/api-keys/{id}"), &theirs.token).await, 404, "not_found").await;
        assert_problem(app.delete(&format!("/v1/api-keys/{id}"), &theirs.token).await, 404, "not_found").await;
        let listed = json_of(app.get("/v1/api-keys", &theirs.token).await).await;
        assert_eq!(listed["data"], json!([]));

        let contact = app.create_contact(&theirs.token, json!({"first_name": "Hidden"})).await;
        let (_, key) = app.create_api_key(&ours.token, &["read"]).await;
        assert_problem(app.get(&format!("/v1/contacts/{}", text(&contact["id"])), &key).await, 404, "not_found").await;
    }

    async fn an_idempotency_key_replays_to_the_api_key_that_made_the_request(app) {
        let owner = app.signup().await;
        let (_, first) = app.create_api_key(&owner.token, &["write"]).await;
        let (_, second) = app.create_api_key(&owner.token, &["write"]).await;
        let send = |secret: String| {
            app.request(reqwest::Method::POST, "/v1/contacts", Some(&secret))
                .header("Idempotency-Key", "row-17")
                .json(&json!({"first_name": "Ana"}))
                .send()
        };
        let original = json_of(send(first.clone()).await.unwrap()).await;
        let retried = send(first).await.unwrap();
        assert_eq!(retried.headers()["idempotent-replayed"], "true");
        assert_eq!(json_of(retried).await["id"], original["id"]);
        // Another caller's request under the same key is another request.
        assert_problem(send(second).await.unwrap(), 422, "idempotency_key_reused").await;
    }
}
