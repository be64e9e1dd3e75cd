use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, TestApp};

async fn create_with_key(app: &TestApp, token: &str, key: &str, body: Value) -> reqwest::Response {
    app.request(Method::POST, "/v1/contacts", Some(token))
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

on_every_backend! {
    async fn a_retry_gets_the_first_response_and_writes_nothing(app) {
        let account = app.signup().await;
        let first = create_with_key(&app, &account.token, "retry-1", json!({"first_name": "Once"})).await;
        assert_eq!(first.status(), 201);
        let etag = first.headers()["etag"].clone();
        let first_body: Value = first.json().await.unwrap();

        let retry = create_with_key(&app, &account.token, "retry-1", json!({"first_name": "Once"})).await;
        assert_eq!(retry.status(), 201);
        assert_eq!(retry.headers()["idempotent-replayed"], "true");
        assert_eq!(retry.headers()["etag"], etag);
        assert!(retry.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
        let retry_body: Value = retry.json().await.unwrap();
        assert_eq!(retry_body, first_body);

        let page: Value = app.get("/v1/contacts", &account.token).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 1);
    }

    async fn the_same_key_for_another_request_is_refused(app) {
        let account = app.signup().await;
        assert_eq!(create_with_key(&app, &account.token, "k", json!({"first_name": "A"})).await.status(), 201);
        let other = create_with_key(&app, &account.token, "k", json!({"first_name": "B"})).await;
        assert_problem(other, 422, "idempotency_key_reused").await;
        let page: Value = app.get("/v1/contacts", &account.token).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 1);
    }

    async fn keys_belong_to_one_workspace(app) {
        let alice = app.signup().await;
        let bob = app.signup().await;
        assert_eq!(create_with_key(&app, &alice.token, "shared", json!({"first_name": "A"})).await.status(), 201);
        let bobs = create_with_key(&app, &bob.token, "shared", json!({"first_name": "A"})).await;
        assert_eq!(bobs.status(), 201);
        assert!(bobs.headers().get("idempotent-replayed").is_none(), "another workspace's response must never be replayed");
    }

    async fn errors_replay_too_and_bad_keys_are_refused(app) {
        let account = app.signup().await;
        let invalid = create_with_key(&app, &account.token, "bad-body", json!({"first_name": ""})).await;
        assert_problem(invalid, 422, "validation_failed").await;
        let again = create_with_key(&app, &account.token, "bad-body", json!({"first_name": ""})).await;
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.status(), 422);
        // The replay is the first response, down to the request id it names.
        let replayed: Value = again.json().await.unwrap();
        assert_eq!(replayed["code"], "validation_failed");

        for key in ["has space", &"k".repeat(256)] {
            let response = create_with_key(&app, &account.token, key, json!({"first_name": "A"})).await;
            assert_problem(response, 400, "invalid_idempotency_key").await;
        }
    }
}

on_every_backend! {
    async fn sessions_are_never_stored_nor_replayed(app) {
        let account = app.signup().await;
        let key = "login-once";
        let login = || {
            app.request(reqwest::Method::POST, "/v1/auth/login", Some(&account.token))
                .header("idempotency-key", key)
                .json(&json!({"email": account.email, "password": account.password}))
                .send()
        };
        let (first, second) = (login().await.unwrap(), login().await.unwrap());
        assert!(second.headers().get("idempotent-replayed").is_none());
        let (first, second): (Value, Value) = (first.json().await.unwrap(), second.json().await.unwrap());
        assert_ne!(first["refresh_token"], second["refresh_token"], "each login opens its own session");
        // A refresh retried with the same key is a replay of the token, not of the response.
        let refresh = || {
            app.request(reqwest::Method::POST, "/v1/auth/refresh", Some(&account.token))
                .header("idempotency-key", "refresh-once")
                .json(&json!({"refresh_token": first["refresh_token"]}))
                .send()
        };
        assert_eq!(refresh().await.unwrap().status(), 200);
        assert_problem(refresh().await.unwrap(), 401, "unauthorized").await;
    }

    async fn a_removed_member_gets_no_stored_response(app) {
        let owner = app.signup().await;
        let sam = app.signup().await;
        let (sam_token, sam_member) = app.join(&owner, &sam, "member").await;
        let body = json!({"first_name": "Kept"});
        assert_eq!(create_with_key(&app, &sam_token, "sam-1", body.clone()).await.status(), 201);
        assert_eq!(app.delete(&format!("/v1/members/{sam_member}"), &owner.token).await.status(), 204);
        // Sam's access token has not expired yet; the stored 201 is still not theirs to see.
        let replay = create_with_key(&app, &sam_token, "sam-1", body).await;
        assert!(replay.headers().get("idempotent-replayed").is_none());
        assert_problem(replay, 401, "unauthorized").await;
    }
}

/// As if the process had died between the write's commit and the storing of its response,
/// and the claim were old enough to count as abandoned.
fn lose_the_response(app: &TestApp, key: &str) {
    let older = match app.backend {
        crate::helpers::Backend::Sqlite => "datetime(created_at, '-10 minutes')",
        crate::helpers::Backend::Postgres(_) => "created_at - INTERVAL '10 minutes'",
    };
    app.database.execute(&format!(
        "UPDATE idempotency_keys SET status_code = NULL, response_headers = NULL, \
         response_body = NULL, created_at = {older} WHERE idempotency_key = '{key}'"
    ));
}

on_every_backend! {
    async fn a_write_whose_response_was_lost_is_never_done_twice(app) {
        let account = app.signup().await;
        let first = create_with_key(&app, &account.token, "crash-1", json!({"first_name": "Once"})).await;
        assert_eq!(first.status(), 201);
        lose_the_response(&app, "crash-1");
        let retry = create_with_key(&app, &account.token, "crash-1", json!({"first_name": "Once"})).await;
        let problem = assert_problem(retry, 409, "idempotency_response_lost").await;
        assert!(problem["detail"].as_str().unwrap().contains("carried out"), "{problem}");
        let page: Value = app.get("/v1/contacts", &account.token).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 1, "written once");

        // A claim whose request wrote nothing (refused before any write) is free again
        // once abandoned: the retry runs, rather than being told it was carried out.
        let refused = create_with_key(&app, &account.token, "crash-2", json!({"last_name": "Nameless"})).await;
        assert_eq!(refused.status(), 422);
        lose_the_response(&app, "crash-2");
        let retry = create_with_key(&app, &account.token, "crash-2", json!({"last_name": "Nameless"})).await;
        assert_eq!(retry.status(), 422);
        assert!(retry.headers().get("idempotent-replayed").is_none(), "run again, not replayed");
    }
}

on_every_backend! {
    async fn a_request_whose_key_a_retry_took_over_commits_nothing(app) {
        use diesel::prelude::*;
        use rapport::db::schema::{idempotency_keys, workspaces};
        use rapport::db::{Db, IdempotencyClaim, IDEMPOTENT_REQUEST};

        // The first holder of a key, still alive after a retry took the key over because
        // the claim looked abandoned: the retry holds the claim now, so the first holder's
        // write must not commit, or it would be done twice.
        let account = app.signup().await;
        let db = Db::connect(&app.database.url, 1).unwrap();
        let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let retry = first + chrono::Duration::minutes(1);
        let (ws, retry_at) = (account.workspace_id.clone(), retry);
        db.run(move |conn| {
            diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::workspace_id.eq(&ws),
                    idempotency_keys::idempotency_key.eq("slow-1"),
                    idempotency_keys::fingerprint.eq("the same request"),
                    idempotency_keys::created_at.eq(retry_at),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
        let rename = |name: &'static str, claimed_at| {
            let claim = IdempotencyClaim {
                workspace_id: account.workspace_id.clone(),
                key: "slow-1".into(),
                claimed_at,
            };
            let ws = account.workspace_id.clone();
            IDEMPOTENT_REQUEST.scope(
                claim,
                db.transaction(move |conn| {
                    diesel::update(workspaces::table.find(&ws))
                        .set(workspaces::name.eq(name))
                        .execute(conn)?;
                    Ok(())
                }),
            )
        };
        let superseded = rename("Written by the first holder", first).await;
        assert_eq!(superseded.unwrap_err().code(), "idempotency_key_superseded");
        rename("Written by the retry", retry).await.unwrap();

        let ws = account.workspace_id.clone();
        let name: String = db
            .run(move |conn| Ok(workspaces::table.find(&ws).select(workspaces::name).first(conn)?))
            .await
            .unwrap();
        assert_eq!(name, "Written by the retry");
    }
}
