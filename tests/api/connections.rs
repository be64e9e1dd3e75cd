use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

async fn connect(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/connections", token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "create connection: {body}");
    body
}

fn contact(person: &Value) -> Value {
    json!({"contact_id": person["id"]})
}

on_every_backend! {
    async fn a_connection_is_recorded_read_changed_and_deleted(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let ben = app.create_contact(t, json!({"first_name": "Ben"})).await;
        let created = connect(&app, t, json!({"from": contact(&ana), "to": contact(&ben), "kind": "friend", "strength": 4, "note": "Rowing club", "since": "2015-06-01"})).await;
        assert_eq!((&created["kind"], &created["strength"], &created["since"], &created["version"]), (&json!("friend"), &json!(4), &json!("2015-06-01"), &json!(1)));
        let path = format!("/v1/connections/{}", text(&created["id"]));

        let read = app.get(&path, t).await;
        assert_eq!(read.headers()["etag"], "\"1\"");
        let read: Value = read.json().await.unwrap();
        assert_eq!(read, created);

        let changed: Value = app.patch(&path, t, json!({"strength": 5, "note": null})).await.json().await.unwrap();
        assert_eq!((&changed["strength"], &changed["note"], &changed["version"]), (&json!(5), &Value::Null, &json!(2)));
        let problem = assert_problem(app.patch(&path, t, json!({"kind": "family"})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/kind"]);
        let problem = assert_problem(app.patch(&path, t, json!({"strength": 6})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/strength"]);

        // Both ends find it.
        for person in [&ana, &ben] {
            let theirs: Value = app.get(&format!("/v1/contacts/{}/connections", text(&person["id"])), t).await.json().await.unwrap();
            assert_eq!(theirs["data"].as_array().unwrap().len(), 1, "{theirs}");
        }
        let stale = app.request(reqwest::Method::DELETE, &path, Some(t)).header("if-match", "\"1\"").send().await.unwrap();
        assert_problem(stale, 412, "precondition_failed").await;
        assert_eq!(app.delete(&path, t).await.status(), 204);
        assert_problem(app.get(&path, t).await, 404, "not_found").await;
        let list: Value = app.get("/v1/connections", t).await.json().await.unwrap();
        assert!(list["data"].as_array().unwrap().is_empty());
        let sync: Value = app.get("/v1/connections?include_deleted=true", t).await.json().await.unwrap();
        assert!(sync["data"][0]["deleted_at"].is_string(), "{sync}");
    }

    async fn undirected_kinds_are_stored_once_and_duplicates_refused(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let ben = app.create_contact(t, json!({"first_name": "Ben"})).await;
        let first = connect(&app, t, json!({"from": contact(&ana), "to": contact(&ben), "kind": "works_with", "strength": 3})).await;
        let problem = assert_problem(app.post("/v1/connections", t, json!({"from": contact(&ben), "to": contact(&ana), "kind": "works_with", "strength": 5})).await, 409, "duplicate_connection").await;
        assert!(text(&problem["detail"]).contains(&text(&first["id"])), "{problem}");
        // Another kind between the same two people is another connection.
        connect(&app, t, json!({"from": contact(&ben), "to": contact(&ana), "kind": "friend", "strength": 5})).await;
        // A deleted connection no longer counts as a duplicate.
        assert_eq!(app.delete(&format!("/v1/connections/{}", text(&first["id"])), t).await.status(), 204);
        connect(&app, t, json!({"from": contact(&ben), "to": contact(&ana), "kind": "works_with", "strength": 2})).await;
    }

    async fn reports_to_keeps_its_direction(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let vp = app.create_contact(t, json!({"first_name": "Victoria", "title": "VP Operations"})).await;
        let assistant = app.create_contact(t, json!({"first_name": "Martha", "title": "Executive assistant"})).await;
        let up = connect(&app, t, json!({"from": contact(&assistant), "to": contact(&vp), "kind": "reports_to", "strength": 5})).await;
        // Either end shows both ids, one of them null.
        let end = |person: &Value| json!({"contact_id": person["id"], "member_id": null});
        assert_eq!((&up["from"], &up["to"]), (&end(&assistant), &end(&vp)));
        // The other way round is a different fact, not a duplicate; the same way is.
        connect(&app, t, json!({"from": contact(&vp), "to": contact(&assistant), "kind": "reports_to", "strength": 2})).await;
        assert_problem(app.post("/v1/connections", t, json!({"from": contact(&assistant), "to": contact(&vp), "kind": "reports_to", "strength": 1})).await, 409, "duplicate_connection").await;
        let theirs: Value = app.get(&format!("/v1/connections?contact_id={}&kind=reports_to", text(&assistant["id"])), t).await.json().await.unwrap();
        assert_eq!(theirs["data"].as_array().unwrap().len(), 2);
    }

    async fn a_member_can_know_a_contact_but_nobody_knows_themselves(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let (_, colleague_member) = app.join(&owner, &colleague, "member").await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let water_cooler = connect(&app, t, json!({"from": {"member_id": colleague_member}, "to": contact(&ana), "kind": "neighbor", "strength": 4})).await;
        let mine: Value = app.get(&format!("/v1/connections?member_id={colleague_member}"), t).await.json().await.unwrap();
        assert_eq!(mine["data"][0]["id"], water_cooler["id"]);

        let refused = [
            (json!({"from": contact(&ana), "to": contact(&ana), "kind": "friend", "strength": 3}), "/to"),
            (json!({"from": {"member_id": owner.member_id}, "to": {"member_id": colleague_member}, "kind": "works_with", "strength": 3}), "/to"),
            (json!({"from": contact(&ana), "to": {"member_id": owner.member_id}, "kind": "friend", "strength": 0}), "/strength"),
            (json!({"from": contact(&ana), "to": {"member_id": owner.member_id}, "kind": "enemy", "strength": 3}), "/kind"),
            (json!({"from": contact(&ana), "to": {"member_id": owner.member_id}, "kind": "friend", "strength": 3, "since": "2999-01-01"}), "/since"),
            (json!({"from": contact(&ana), "to": {"team_id": owner.member_id}, "kind": "friend", "strength": 3}), "/to/team_id"),
            (json!({"from": contact(&ana), "to": {"contact_id": ana["id"], "member_id": owner.member_id}, "kind": "friend", "strength": 3}), "/to"),
            (json!({"from": contact(&ana), "to": {"contact_id": uuid::Uuid::now_v7()}, "kind": "friend", "strength": 3}), "/to/contact_id"),
            (json!({"from": {"member_id": uuid::Uuid::now_v7()}, "to": contact(&ana), "kind": "friend", "strength": 3}), "/from/member_id"),
        ];
        for (body, pointer) in refused {
            let problem = assert_problem(app.post("/v1/connections", t, body.clone()).await, 422, "validation_failed").await;
            assert_eq!(pointers(&problem), [pointer], "{body}");
        }
        assert_problem(app.get(&format!("/v1/connections?member_id={colleague_member}&contact_id={}", text(&ana["id"])), t).await, 422, "validation_failed").await;
    }

    async fn a_deleted_contact_leaves_every_connection(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let ben = app.create_contact(t, json!({"first_name": "Ben"})).await;
        let link = connect(&app, t, json!({"from": contact(&ana), "to": contact(&ben), "kind": "family", "strength": 5})).await;
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&ana["id"])), t).await.status(), 204);
        let bens: Value = app.get(&format!("/v1/contacts/{}/connections", text(&ben["id"])), t).await.json().await.unwrap();
        assert!(bens["data"].as_array().unwrap().is_empty(), "{bens}");
        assert_problem(app.get(&format!("/v1/contacts/{}/connections", text(&ana["id"])), t).await, 404, "not_found").await;
        let sync: Value = app.get(&format!("/v1/connections?include_deleted=true&updated_since={}", text(&link["created_at"]).replace('+', "%2B")), t).await.json().await.unwrap();
        assert_eq!((&sync["data"][0]["id"], sync["data"][0]["deleted_at"].is_string()), (&link["id"], true), "{sync}");
        // Connecting to the deleted contact is refused.
        let problem = assert_problem(app.post("/v1/connections", t, json!({"from": contact(&ben), "to": contact(&ana), "kind": "friend", "strength": 3})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/to/contact_id"]);
    }

    async fn connections_never_cross_workspaces(app) {
        let alice = app.signup().await;
        let mallory = app.signup().await;
        let ana = app.create_contact(&alice.token, json!({"first_name": "Ana"})).await;
        let ben = app.create_contact(&alice.token, json!({"first_name": "Ben"})).await;
        let mallorys = app.create_contact(&mallory.token, json!({"first_name": "M"})).await;
        let link = connect(&app, &alice.token, json!({"from": contact(&ana), "to": contact(&ben), "kind": "friend", "strength": 3})).await;
        let path = format!("/v1/connections/{}", text(&link["id"]));
        let m = &mallory.token;
        assert_problem(app.get(&path, m).await, 404, "not_found").await;
        assert_problem(app.patch(&path, m, json!({"strength": 1})).await, 404, "not_found").await;
        assert_problem(app.delete(&path, m).await, 404, "not_found").await;
        assert_problem(app.get(&format!("/v1/contacts/{}/connections", text(&ana["id"])), m).await, 404, "not_found").await;
        for query in ["", "?include_deleted=true", &format!("?contact_id={}", text(&ana["id"]))] {
            let page: Value = app.get(&format!("/v1/connections{query}"), m).await.json().await.unwrap();
            assert!(page["data"].as_array().unwrap().is_empty(), "{query} leaked {page}");
        }
        for body in [
            json!({"from": contact(&mallorys), "to": contact(&ana), "kind": "friend", "strength": 3}),
            json!({"from": {"member_id": alice.member_id}, "to": contact(&mallorys), "kind": "friend", "strength": 3}),
        ] {
            assert_problem(app.post("/v1/connections", m, body).await, 422, "validation_failed").await;
        }
        let untouched: Value = app.get(&path, &alice.token).await.json().await.unwrap();
        assert_eq!(untouched["version"], 1);
    }
}
