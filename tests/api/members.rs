use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text};

on_every_backend! {
    async fn an_owner_adds_a_member_who_then_acts_in_that_workspace(app) {
        let owner = app.signup().await;
        let sam = app.signup().await;
        let (sam_token, sam_member_id) = app.join(&owner, &sam, "member").await;
        let me: Value = app.get("/v1/me", &sam_token).await.json().await.unwrap();
        assert_eq!(me["workspace"]["id"], owner.workspace_id.as_str());
        assert_eq!(me["role"], "member");
        assert_eq!(me["workspaces"].as_array().unwrap().len(), 2);

        let contact = app.create_contact(&sam_token, json!({"first_name": "Lee"})).await;
        assert_eq!(contact["owner_id"], sam_member_id.as_str());
        let listed: Value = app.get("/v1/contacts", &owner.token).await.json().await.unwrap();
        assert_eq!(listed["data"].as_array().unwrap().len(), 1, "the team shares one network");

        let members: Value = app.get("/v1/members", &owner.token).await.json().await.unwrap();
        assert_eq!(members["data"].as_array().unwrap().len(), 2);
        let again = app.post("/v1/members", &owner.token, json!({"email": sam.email, "role": "viewer"})).await;
        assert_problem(again, 409, "already_member").await;
        let stranger = app.post("/v1/members", &owner.token, json!({"email": "nobody@example.com", "role": "viewer"})).await;
        assert_problem(stranger, 422, "user_not_found").await;
    }

    async fn viewers_read_but_cannot_write(app) {
        let owner = app.signup().await;
        let viewer = app.signup().await;
        let contact = app.create_contact(&owner.token, json!({"first_name": "Lee"})).await;
        let id = text(&contact["id"]);
        let (token, _) = app.join(&owner, &viewer, "viewer").await;

        assert_eq!(app.get(&format!("/v1/contacts/{id}"), &token).await.status(), 200);
        assert_eq!(app.get("/v1/contacts", &token).await.status(), 200);
        assert_problem(app.post("/v1/contacts", &token, json!({"first_name": "X"})).await, 403, "forbidden").await;
        assert_problem(app.patch(&format!("/v1/contacts/{id}"), &token, json!({"first_name": "X"})).await, 403, "forbidden").await;
        assert_problem(app.delete(&format!("/v1/contacts/{id}"), &token).await, 403, "forbidden").await;
        let still: Value = app.get(&format!("/v1/contacts/{id}"), &owner.token).await.json().await.unwrap();
        assert_eq!(still["first_name"], "Lee");
    }

    async fn only_admins_manage_members_and_only_owners_touch_owners(app) {
        let owner = app.signup().await;
        let member = app.signup().await;
        let admin = app.signup().await;
        let (member_token, member_id) = app.join(&owner, &member, "member").await;
        let (admin_token, _) = app.join(&owner, &admin, "admin").await;

        let third = app.signup().await;
        assert_problem(app.post("/v1/members", &member_token, json!({"email": third.email, "role": "viewer"})).await, 403, "forbidden").await;
        assert_problem(app.post("/v1/members", &admin_token, json!({"email": third.email, "role": "owner"})).await, 403, "forbidden").await;
        let owner_me: Value = app.get("/v1/me", &owner.token).await.json().await.unwrap();
        let owner_member_id = text(&owner_me["member_id"]);
        assert_problem(app.patch(&format!("/v1/members/{owner_member_id}"), &admin_token, json!({"role": "viewer"})).await, 403, "forbidden").await;

        let demoted = app.patch(&format!("/v1/members/{member_id}"), &admin_token, json!({"role": "viewer"})).await;
        assert_eq!(demoted.status(), 200);
        // The new role applies to the token already issued.
        assert_problem(app.post("/v1/contacts", &member_token, json!({"first_name": "X"})).await, 403, "forbidden").await;
    }

    async fn the_last_owner_stays(app) {
        let owner = app.signup().await;
        let me: Value = app.get("/v1/me", &owner.token).await.json().await.unwrap();
        let id = text(&me["member_id"]);
        assert_problem(app.patch(&format!("/v1/members/{id}"), &owner.token, json!({"role": "admin"})).await, 409, "last_owner").await;

        let other = app.signup().await;
        let (_, other_id) = app.join(&owner, &other, "owner").await;
        assert_eq!(app.patch(&format!("/v1/members/{id}"), &owner.token, json!({"role": "admin"})).await.status(), 200);
        // Now an admin, the former owner can no longer touch the remaining owner.
        assert_problem(app.delete(&format!("/v1/members/{other_id}"), &owner.token).await, 403, "forbidden").await;
    }

    async fn a_removed_member_loses_access_and_their_contacts_pass_on(app) {
        let owner = app.signup().await;
        let leaver = app.signup().await;
        let (token, leaver_id) = app.join(&owner, &leaver, "member").await;
        let contact = app.create_contact(&token, json!({"first_name": "Kept"})).await;
        let logged = app.post("/v1/interactions", &token, json!({"contact_ids": [contact["id"]], "occurred_at": "2026-01-05T10:00:00Z", "channel": "phone", "kind": "catch_up"})).await;
        assert_eq!(logged.status(), 201);
        let interaction: Value = logged.json().await.unwrap();

        assert_eq!(app.delete(&format!("/v1/members/{leaver_id}"), &owner.token).await.status(), 204);
        assert_problem(app.get("/v1/contacts", &token).await, 401, "unauthorized").await;
        let kept: Value = app.get(&format!("/v1/contacts/{}", text(&contact["id"])), &owner.token).await.json().await.unwrap();
        assert_eq!(kept["owner_id"], owner.member_id.as_str());
        assert_problem(app.get(&format!("/v1/members/{leaver_id}"), &owner.token).await, 404, "not_found").await;
        let history: Value = app.get(&format!("/v1/interactions/{}", text(&interaction["id"])), &owner.token).await.json().await.unwrap();
        assert_eq!(history["member_id"], leaver_id.as_str(), "history keeps who had the interaction");
        let members: Value = app.get("/v1/members", &owner.token).await.json().await.unwrap();
        assert_eq!(members["data"].as_array().unwrap().len(), 1, "{members}");
        // Back in the team, they are the same member again, history and all.
        let (rejoined_token, rejoined_id) = app.join(&owner, &leaver, "member").await;
        assert_eq!(rejoined_id, leaver_id);
        assert_eq!(app.get("/v1/contacts", &rejoined_token).await.status(), 200);
    }
}
