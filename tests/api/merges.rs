use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text};

async fn json_of(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "{status}: {body}");
    body
}

fn person(contact: &Value) -> Value {
    json!({"contact_id": contact["id"]})
}

on_every_backend! {
    async fn a_merge_moves_everything_to_the_contact_that_stays(app) {
        let account = app.signup().await;
        let t = &account.token;
        let priya = app.create_contact(t, json!({"first_name": "Priya", "last_name": "Raman", "emails": ["priya@nw.example"], "notes": "Prefers calls."})).await;
        let dup = app.create_contact(t, json!({"first_name": "Priya", "emails": ["p.raman@home.example", "priya@nw.example"], "company": "Northwind", "title": "VP", "notes": "Met at the summit.", "external_ids": [{"system": "hubspot", "id": "77"}]})).await;
        let (p, d) = (text(&priya["id"]), text(&dup["id"]));
        let carla = app.create_contact(t, json!({"first_name": "Carla"})).await;
        let dan = app.create_contact(t, json!({"first_name": "Dan", "met_through_id": dup["id"]})).await;

        let log = |contacts: Value, day: u32| json!({"contact_ids": contacts, "occurred_at": format!("2026-11-{day:02}T10:00:00Z"), "channel": "phone", "kind": "catch_up"});
        let alone = json_of(app.post("/v1/interactions", t, log(json!([d]), 20)).await).await;
        let both = json_of(app.post("/v1/interactions", t, log(json!([p, d]), 10)).await).await;
        let connect = |from: &Value, to: &Value, kind: &str| json!({"from": person(from), "to": person(to), "kind": kind, "strength": 3});
        let joined = json_of(app.post("/v1/connections", t, connect(&priya, &dup, "friend")).await).await;
        json_of(app.post("/v1/connections", t, connect(&priya, &carla, "works_with")).await).await;
        let repeated = json_of(app.post("/v1/connections", t, connect(&dup, &carla, "works_with")).await).await;
        let moved = json_of(app.post("/v1/connections", t, connect(&dup, &carla, "friend")).await).await;
        let request = json_of(app.post("/v1/referral-requests", t, json!({"referrer_id": d, "target": {"name": "Ana Ortiz"}})).await).await;
        // The survivor's own request stays where it is, and is not reported as moved.
        let own = json_of(app.post("/v1/referral-requests", t, json!({"referrer_id": p, "target": {"name": "Bo Berg"}})).await).await;
        let intro = json_of(app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": d, "prospect_id": carla["id"], "introduced_at": "2026-11-21T10:00:00Z"})).await).await;
        let merge_path = format!("/v1/contacts/{p}/merge");
        let before: Value = app.get(&format!("/v1/contacts/{p}"), t).await.json().await.unwrap();
        let since = text(&app.get("/v1/changes", t).await.json::<Value>().await.unwrap()["next_token"]);

        // A dry run answers exactly what would move, and changes nothing.
        let preview = json_of(app.post(&merge_path, t, json!({"duplicate_id": d, "dry_run": true})).await).await;
        assert_eq!(preview["dry_run"], true);
        assert_eq!(preview["moved"]["interactions"].as_array().unwrap().len(), 2);
        assert_eq!(preview["moved"]["connections"], json!([moved["id"]]));
        let mut dropped = vec![text(&joined["id"]), text(&repeated["id"])];
        dropped.sort();
        assert_eq!(preview["moved"]["connections_dropped"], json!(dropped));
        assert_eq!(preview["moved"]["referral_requests"], json!([request["id"]]));
        assert_eq!(preview["moved"]["introductions"], json!([intro["id"]]));
        assert_eq!(preview["moved"]["external_ids"], json!([{"system": "hubspot", "id": "77"}]));
        assert_eq!(preview["moved"]["met_through"], json!([dan["id"]]));
        assert_eq!(preview["filled"], json!(["emails", "company", "title", "notes"]));
        assert_eq!(preview["contact"]["emails"], json!(["priya@nw.example", "p.raman@home.example"]));
        assert_eq!(preview["contact"]["notes"], "Prefers calls.\n\nMet at the summit.");
        let after_preview: Value = app.get(&format!("/v1/contacts/{p}"), t).await.json().await.unwrap();
        assert_eq!(after_preview, before, "a dry run changes nothing");
        assert_eq!(app.get(&format!("/v1/contacts/{d}"), t).await.status(), 200);
        let (nothing, _) = crate::changes::follow(&app, t, &since, "").await;
        assert!(nothing.is_empty(), "{nothing:?}");

        let merged = json_of(app.post(&merge_path, t, json!({"duplicate_id": d})).await).await;
        assert_eq!(merged["dry_run"], false);
        assert_eq!(merged["moved"], preview["moved"]);
        let contact = &merged["contact"];
        assert_eq!(contact["company"], "Northwind");
        assert_eq!(contact["last_name"], "Raman", "never overwritten");
        assert_eq!(contact["last_interaction_at"], "2026-11-20T10:00:00Z");
        assert_eq!(contact["external_ids"], json!([{"system": "hubspot", "id": "77"}]));
        assert!(contact["version"].as_i64() > before["version"].as_i64());

        // The duplicate is a tombstone naming the contact it became.
        assert_eq!(app.get(&format!("/v1/contacts/{d}"), t).await.status(), 404);
        let tombstones: Value = app.get("/v1/contacts?include_deleted=true&external_id=hubspot:77", t).await.json().await.unwrap();
        assert_eq!(tombstones["data"].as_array().unwrap().len(), 1, "the id moved with the contact");
        let listed: Value = app.get("/v1/contacts?include_deleted=true&limit=200", t).await.json().await.unwrap();
        let tombstone = listed["data"].as_array().unwrap().iter().find(|c| c["id"] == dup["id"]).unwrap();
        assert_eq!(tombstone["merged_into"], priya["id"]);
        assert!(tombstone["deleted_at"].is_string());

        // What named the duplicate names the survivor.
        let alone_now: Value = app.get(&format!("/v1/interactions/{}", text(&alone["id"])), t).await.json().await.unwrap();
        assert_eq!(alone_now["contact_ids"], json!([p]));
        let both_now: Value = app.get(&format!("/v1/interactions/{}", text(&both["id"])), t).await.json().await.unwrap();
        assert_eq!(both_now["contact_ids"], json!([p]));
        let request_now: Value = app.get(&format!("/v1/referral-requests/{}", text(&request["id"])), t).await.json().await.unwrap();
        assert_eq!(request_now["referrer_id"], priya["id"]);
        let own_now: Value = app.get(&format!("/v1/referral-requests/{}", text(&own["id"])), t).await.json().await.unwrap();
        assert_eq!((own_now["referrer_id"].clone(), own_now["version"].clone()), (priya["id"].clone(), own["version"].clone()));
        let intro_now: Value = app.get(&format!("/v1/introductions/{}", text(&intro["id"])), t).await.json().await.unwrap();
        assert_eq!(intro_now["referrer_id"], priya["id"]);
        let dan_now: Value = app.get(&format!("/v1/contacts/{}", text(&dan["id"])), t).await.json().await.unwrap();
        assert_eq!(dan_now["met_through_id"], priya["id"]);
        assert_eq!(app.get(&format!("/v1/connections/{}", text(&joined["id"])), t).await.status(), 404);
        let moved_now: Value = app.get(&format!("/v1/connections/{}", text(&moved["id"])), t).await.json().await.unwrap();
        let ends = [&moved_now["from"]["contact_id"], &moved_now["to"]["contact_id"]];
        assert!(ends.contains(&&priya["id"]), "{moved_now}");

        // The feed says `merged` for both, and where the duplicate went.
        let (changes, _) = crate::changes::follow(&app, t, &since, "&types=contact").await;
        let merges: Vec<&Value> = changes.iter().filter(|c| c["op"] == "merged").collect();
        assert_eq!(merges.len(), 2, "{changes:?}");
        let gone = merges.iter().find(|c| c["id"] == dup["id"]).unwrap();
        assert_eq!((gone["data"].clone(), gone["merged_into"].clone()), (Value::Null, priya["id"].clone()));
        let kept = merges.iter().find(|c| c["id"] == priya["id"]).unwrap();
        assert_eq!(kept["data"]["company"], "Northwind");
    }

    async fn a_merge_refuses_itself_another_workspace_and_the_dead(app) {
        let account = app.signup().await;
        let t = &account.token;
        let other = app.signup().await;
        let mine = app.create_contact(t, json!({"first_name": "Mine"})).await;
        let theirs = app.create_contact(&other.token, json!({"first_name": "Theirs"})).await;
        let gone = app.create_contact(t, json!({"first_name": "Gone"})).await;
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&gone["id"])), t).await.status(), 204);
        let path = format!("/v1/contacts/{}/merge", text(&mine["id"]));

        let problem = assert_problem(app.post(&path, t, json!({"duplicate_id": mine["id"]})).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/duplicate_id"]);
        assert_problem(app.post(&path, t, json!({"duplicate_id": theirs["id"]})).await, 404, "not_found").await;
        assert_problem(app.post(&path, t, json!({"duplicate_id": gone["id"], "dry_run": true})).await, 404, "not_found").await;
        let theirs_path = format!("/v1/contacts/{}/merge", text(&theirs["id"]));
        assert_problem(app.post(&theirs_path, t, json!({"duplicate_id": mine["id"]})).await, 404, "not_found").await;
        let problem = assert_problem(app.post(&path, t, json!({"duplicate": mine["id"]})).await, 422, "validation_failed").await;
        assert!(!pointers(&problem).is_empty());
        // Nothing moved: the other workspace's contact is as it was.
        assert_eq!(app.get(&format!("/v1/contacts/{}", text(&theirs["id"])), &other.token).await.status(), 200);
    }

    async fn duplicates_are_found_by_what_they_share(app) {
        let account = app.signup().await;
        let t = &account.token;
        let a = app.create_contact(t, json!({"first_name": "Priya", "last_name": "Raman", "phones": ["+1 415 555 0134"], "company": "Northwind"})).await;
        let b = app.create_contact(t, json!({"first_name": "priya", "last_name": "RAMAN", "phones": ["(415) 555-0134"], "company": "northwind "})).await;
        let c = app.create_contact(t, json!({"first_name": "P", "emails": ["Priya@NW.example"]})).await;
        let d = app.create_contact(t, json!({"first_name": "Pri", "emails": ["priya@nw.example"]})).await;
        app.create_contact(t, json!({"first_name": "Someone", "last_name": "Else", "company": "Northwind"})).await;
        let page: Value = app.get("/v1/contacts/duplicates", t).await.json().await.unwrap();
        let pairs = page["data"].as_array().unwrap();
        assert_eq!(pairs.len(), 2, "{page}");
        assert_eq!(pairs[0]["contact_ids"], json!([a["id"], b["id"]]));
        let kinds: Vec<&str> = pairs[0]["evidence"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["phone", "name_and_company"]);
        assert_eq!(pairs[1]["contact_ids"], json!([c["id"], d["id"]]));
        assert_eq!(pairs[1]["evidence"], json!([{"kind": "email", "value": "priya@nw.example"}]));
        // Paged, and gone once merged.
        let first: Value = app.get("/v1/contacts/duplicates?limit=1", t).await.json().await.unwrap();
        assert_eq!(first["data"].as_array().unwrap().len(), 1);
        assert!(first["next_cursor"].is_string());
        let merge = format!("/v1/contacts/{}/merge", text(&c["id"]));
        json_of(app.post(&merge, t, json!({"duplicate_id": d["id"]})).await).await;
        let page: Value = app.get("/v1/contacts/duplicates", t).await.json().await.unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 1);
    }
}
