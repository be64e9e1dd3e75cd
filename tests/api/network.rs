use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, text, TestApp};

async fn connect(
    app: &TestApp,
    token: &str,
    from: Value,
    to: &Value,
    kind: &str,
    strength: i64,
) -> Value {
    let response = app.post("/v1/connections", token, json!({"from": from, "to": {"contact_id": to["id"]}, "kind": kind, "strength": strength})).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "connect: {body}");
    body
}

fn contact(person: &Value) -> Value {
    json!({"contact_id": person["id"]})
}

async fn paths(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let response = app.get(&format!("/v1/network/paths?{query}"), token).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "paths: {body}");
    body["data"].as_array().unwrap().clone()
}

fn names(path: &Value) -> Vec<String> {
    path["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text(&p["name"]))
        .collect()
}

on_every_backend! {
    async fn the_vp_is_found_through_a_colleagues_mother_at_three_hops_not_two(app) {
        // Seed 004: the IT colleague whose mother was the executive assistant of exactly
        // the VP the author could not reach.
        let owner = app.signup().await;
        let t = &owner.token;
        let raj = app.create_contact(t, json!({"first_name": "Raj", "last_name": "Patel", "relationship_kind": "colleague", "title": "IT manager"})).await;
        let martha = app.create_contact(t, json!({"first_name": "Martha", "last_name": "Patel", "relationship_kind": "other"})).await;
        let vp = app.create_contact(t, json!({"first_name": "Victoria", "last_name": "Hale", "relationship_kind": "prospect", "company": "Fabrikam", "title": "VP Operations"})).await;
        connect(&app, t, json!({"member_id": owner.member_id}), &raj, "works_with", 5).await;
        connect(&app, t, contact(&raj), &martha, "family", 5).await;
        let assists = connect(&app, t, contact(&martha), &vp, "reports_to", 4).await;

        let found = paths(&app, t, &format!("to_contact_id={}", text(&vp["id"]))).await;
        assert_eq!(found.len(), 1, "{found:?}");
        let path = &found[0];
        assert_eq!(path["hops"], 3);
        assert_eq!(path["people"][0]["member_id"], json!(owner.member_id));
        assert_eq!(names(path)[1..], ["Raj Patel", "Martha Patel", "Victoria Hale"]);
        let kinds: Vec<&Value> = path["links"].as_array().unwrap().iter().map(|l| &l["kind"]).collect();
        assert_eq!(kinds, [&json!("works_with"), &json!("family"), &json!("reports_to")]);
        assert_eq!(path["links"][2]["connection_id"], assists["id"]);
        assert_eq!(path["links"][2]["earlier_reports_to_later"], true, "Martha reports to the VP");
        // 1.0 × 1.0 × 0.8
        assert_eq!(path["strength"], 0.8);
        assert_eq!(path["ask_first"]["contact_id"], raj["id"]);
        assert_eq!(path["ask_first"]["readiness"]["contact_id"], raj["id"]);
        assert_eq!(path["ask_first"]["readiness"]["ready"], false, "Raj was never contacted: not ready");

        assert!(paths(&app, t, &format!("to_contact_id={}&max_hops=2", text(&vp["id"]))).await.is_empty());
        // A deleted contact leaves every path.
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&martha["id"])), t).await.status(), 204);
        assert!(paths(&app, t, &format!("to_contact_id={}", text(&vp["id"]))).await.is_empty());
    }

    async fn stronger_paths_rank_first_and_the_team_counts(app) {
        let owner = app.signup().await;
        let colleague = app.signup().await;
        let (_, colleague_member) = app.join(&owner, &colleague, "member").await;
        let t = &owner.token;
        let vp = app.create_contact(t, json!({"first_name": "Victoria", "relationship_kind": "prospect", "company": "Fabrikam"})).await;
        // Mine: Carl, a client I hold and have talked to (trust 2), works with the VP.
        let carl = app.create_contact(t, json!({"first_name": "Carl", "relationship_kind": "client", "trust": 2})).await;
        let call = json!({"contact_ids": [carl["id"]], "occurred_at": "2026-01-05T10:00:00Z", "channel": "phone", "kind": "catch_up"});
        assert_eq!(app.post("/v1/interactions", t, call).await.status(), 201);
        connect(&app, t, contact(&carl), &vp, "works_with", 5).await;
        // The colleague's: a neighbour (4) whose friend (5) is the VP.
        let nina = app.create_contact(t, json!({"first_name": "Nina"})).await;
        connect(&app, t, json!({"member_id": colleague_member}), &nina, "neighbor", 4).await;
        connect(&app, t, contact(&nina), &vp, "friend", 5).await;
        // And a weak tie of mine to Nina.
        connect(&app, t, json!({"member_id": owner.member_id}), &nina, "knows", 1).await;

        let found = paths(&app, t, &format!("to_contact_id={}", text(&vp["id"]))).await;
        let ranked: Vec<(Vec<String>, f64)> = found.iter().map(|p| (names(p)[1..].to_vec(), p["strength"].as_f64().unwrap())).collect();
        assert_eq!(ranked, [
            (vec!["Nina".to_owned(), "Victoria".to_owned()], 0.8),
            (vec!["Carl".to_owned(), "Victoria".to_owned()], 0.4),
            (vec!["Nina".to_owned(), "Victoria".to_owned()], 0.2),
        ]);
        assert_eq!(found[0]["people"][0]["member_id"], json!(colleague_member), "the water cooler: a teammate's path");
        assert_eq!(found[1]["links"][0]["connection_id"], Value::Null, "Carl is in my own network");
        assert_eq!(found[1]["links"][0]["strength"], 2);
        assert_eq!(paths(&app, t, &format!("to_contact_id={}&limit=1", text(&vp["id"]))).await.len(), 1);
    }

    async fn a_company_is_reached_through_anyone_who_works_there(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let buyer = app.create_contact(t, json!({"first_name": "Bo", "company": "Fabrikam Health"})).await;
        let cfo = app.create_contact(t, json!({"first_name": "Cy", "company": " fabrikam health "})).await;
        connect(&app, t, json!({"member_id": owner.member_id}), &ana, "friend", 5).await;
        connect(&app, t, contact(&ana), &buyer, "family", 5).await;
        connect(&app, t, contact(&ana), &cfo, "knows", 2).await;
        // Bo's boss is Cy: the path to the company stops at Bo, the first one reached.
        connect(&app, t, contact(&buyer), &cfo, "reports_to", 5).await;

        let found = paths(&app, t, "to_company=FABRIKAM%20HEALTH").await;
        let ends: Vec<Vec<String>> = found.iter().map(|p| names(p)[1..].to_vec()).collect();
        assert_eq!(ends, [vec!["Ana", "Bo"], vec!["Ana", "Cy"]]);
        assert!(paths(&app, t, "to_company=Contoso").await.is_empty(), "no such company: no path, no error");

        // Mallory has her own Fabrikam contact and ties; neither side sees the other's.
        let mine = app.create_contact(&mallory.token, json!({"first_name": "Mo", "company": "Fabrikam Health"})).await;
        connect(&app, &mallory.token, json!({"member_id": mallory.member_id}), &mine, "friend", 5).await;
        let found = paths(&app, t, "to_company=fabrikam%20health").await;
        assert!(found.iter().all(|p| !names(p).contains(&"Mo".to_owned())), "{found:?}");
        let theirs = paths(&app, &mallory.token, "to_company=fabrikam%20health").await;
        assert_eq!(theirs.iter().map(|p| names(p)[1..].to_vec()).collect::<Vec<_>>(), [vec!["Mo"]]);
        assert_problem(app.get(&format!("/v1/network/paths?to_contact_id={}", text(&buyer["id"])), &mallory.token).await, 404, "not_found").await;
    }

    async fn paths_follow_every_change_to_the_network_at_once(app) {
        // Each step reads paths first, so that a graph kept from the previous read would
        // answer with what no longer holds.
        let owner = app.signup().await;
        let t = &owner.token;
        let vp = app.create_contact(t, json!({"first_name": "Victoria"})).await;
        let dan = app.create_contact(t, json!({"first_name": "Dan", "trust": 5})).await;
        let to_vp = format!("to_contact_id={}", text(&vp["id"]));
        let link = connect(&app, t, contact(&dan), &vp, "friend", 5).await;
        assert!(paths(&app, t, &to_vp).await.is_empty(), "Dan was never contacted: not a link of mine yet");

        let call = json!({"contact_ids": [dan["id"]], "occurred_at": "2026-01-05T10:00:00Z", "channel": "phone", "kind": "catch_up"});
        assert_eq!(app.post("/v1/interactions", t, call).await.status(), 201);
        let found = paths(&app, t, &to_vp).await;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0]["strength"], 1.0);

        assert_eq!(app.patch(&format!("/v1/contacts/{}", text(&dan["id"])), t, json!({"trust": 2})).await.status(), 200);
        assert_eq!(paths(&app, t, &to_vp).await[0]["strength"], 0.4);

        assert_eq!(app.patch(&format!("/v1/connections/{}", text(&link["id"])), t, json!({"strength": 1})).await.status(), 200);
        assert_eq!(paths(&app, t, &to_vp).await[0]["strength"], 0.08);

        assert_eq!(app.delete(&format!("/v1/connections/{}", text(&link["id"])), t).await.status(), 204);
        assert!(paths(&app, t, &to_vp).await.is_empty());

        let colleague = app.signup().await;
        let (_, colleague_member) = app.join(&owner, &colleague, "member").await;
        connect(&app, t, json!({"member_id": colleague_member}), &vp, "neighbor", 3).await;
        assert_eq!(paths(&app, t, &to_vp).await.len(), 1);
        assert_eq!(app.delete(&format!("/v1/members/{colleague_member}"), t).await.status(), 204);
        assert!(paths(&app, t, &to_vp).await.is_empty(), "a removed member starts no path");
    }

    async fn paths_need_one_target_and_sane_bounds(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana"})).await;
        let id = text(&ana["id"]);
        for bad in [
            String::new(),
            format!("to_contact_id={id}&to_company=Fabrikam"),
            format!("to_contact_id={id}&max_hops=5"),
            format!("to_contact_id={id}&max_hops=0"),
            format!("to_contact_id={id}&limit=51"),
            "to_company=".to_owned(),
            "to_contact_id=not-a-uuid".to_owned(),
        ] {
            assert_problem(app.get(&format!("/v1/network/paths?{bad}"), t).await, 422, "validation_failed").await;
        }
        assert_problem(app.get(&format!("/v1/network/paths?to_contact_id={}", uuid::Uuid::now_v7()), t).await, 404, "not_found").await;
    }
}

on_every_backend! {
    async fn diversity_is_worked_out_by_hand(app) {
        let owner = app.signup().await;
        let mallory = app.signup().await;
        let t = &owner.token;
        let partner = |name: &str, profession: &str, industry: &str| json!({"first_name": name, "relationship_kind": "referral_partner", "profession": profession, "industry": industry});
        let a = app.create_contact(t, partner("A", "Florist", "Weddings")).await;
        let b = app.create_contact(t, partner("B", "Florist", "Weddings")).await;
        let c = app.create_contact(t, partner("C", "Florist", "Events")).await;
        app.create_contact(t, partner("D", "Accountant", "Finance")).await;
        // E, a client, introduced us to P: a source. F, a client never asked: not one.
        let e = app.create_contact(t, json!({"first_name": "E", "relationship_kind": "client", "industry": "Finance"})).await;
        app.create_contact(t, json!({"first_name": "F", "relationship_kind": "client", "profession": "Florist"})).await;
        let p = app.create_contact(t, json!({"first_name": "P", "relationship_kind": "prospect"})).await;
        let intro = app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": e["id"], "prospect_id": p["id"]})).await;
        assert_eq!(intro.status(), 201);
        connect(&app, t, contact(&a), &b, "friend", 3).await;

        let diversity: Value = app.get("/v1/network/diversity", t).await.json().await.unwrap();
        assert_eq!(diversity["sources"], 5, "{diversity}");
        // Professions known for 4 of 5: Florist 3/4, Accountant 1/4; HHI .5625 + .0625.
        assert_eq!(diversity["by_profession"], json!({"shares": [{"group": "Florist", "count": 3, "share": 0.75}, {"group": "Accountant", "count": 1, "share": 0.25}], "unknown": 1, "hhi": 0.625}));
        // Industries: Weddings 2, Finance 2, Events 1 of 5; HHI .16 + .16 + .04.
        assert_eq!(diversity["by_industry"], json!({"shares": [{"group": "Finance", "count": 2, "share": 0.4}, {"group": "Weddings", "count": 2, "share": 0.4}, {"group": "Events", "count": 1, "share": 0.2}], "unknown": 0, "hhi": 0.36}));
        // Kinds: 4 partners, 1 client; HHI .64 + .04.
        assert_eq!(diversity["by_relationship_kind"]["hhi"], 0.68);
        assert_eq!(diversity["warnings"], json!(["3 of your 5 referral sources are florists", "4 of your 5 referral sources are referral partners"]));
        // Seven contacts, A and B connected; the one member in none.
        assert_eq!(diversity["unconnected"], json!({"members": 1, "contacts": 5}));

        // The owner holds C and has been in touch (a link of strength 3 for paths); a weaker
        // recorded connection between them still takes both out of the unconnected.
        let call = json!({"contact_ids": [c["id"]], "occurred_at": "2026-01-05T10:00:00Z", "kind": "catch_up", "channel": "phone"});
        assert_eq!(app.post("/v1/interactions", t, call).await.status(), 201);
        let diversity: Value = app.get("/v1/network/diversity", t).await.json().await.unwrap();
        assert_eq!(diversity["unconnected"], json!({"members": 1, "contacts": 5}), "holding is not a connection");
        connect(&app, t, json!({"member_id": owner.member_id}), &c, "knows", 1).await;
        let diversity: Value = app.get("/v1/network/diversity", t).await.json().await.unwrap();
        assert_eq!(diversity["unconnected"], json!({"members": 0, "contacts": 4}));

        let elsewhere: Value = app.get("/v1/network/diversity", &mallory.token).await.json().await.unwrap();
        assert_eq!((&elsewhere["sources"], &elsewhere["warnings"], &elsewhere["unconnected"]), (&json!(0), &json!([]), &json!({"members": 1, "contacts": 0})));
    }
}

on_every_backend! {
    async fn diversity_counts_spellings_of_one_profession_as_one(app) {
        let account = app.signup().await;
        let t = &account.token;
        let partner = |profession: &str, industry: &str| json!({"first_name": "P", "relationship_kind": "referral_partner", "profession": profession, "industry": industry});
        for (profession, industry) in [("Florist", "Weddings"), ("florist", "weddings"), (" FLORIST ", "Events"), ("Accountant", "Finance")] {
            app.create_contact(t, partner(profession, industry)).await;
        }
        let diversity: Value = app.get("/v1/network/diversity", t).await.json().await.unwrap();
        // One group of 3 florists ("Florist" as typed, "florist", " FLORIST " trimmed) and one
        // accountant: HHI (3/4)² + (1/4)² = 0.625. The group carries the most frequent
        // spelling; on a tie, the one written as a name ("Florist").
        assert_eq!(diversity["by_profession"], json!({"shares": [{"group": "Florist", "count": 3, "share": 0.75}, {"group": "Accountant", "count": 1, "share": 0.25}], "unknown": 0, "hhi": 0.625}));
        assert_eq!(diversity["by_industry"]["shares"][0], json!({"group": "Weddings", "count": 2, "share": 0.5}));
        assert_eq!(diversity["warnings"], json!(["3 of your 4 referral sources are florists", "4 of your 4 referral sources are referral partners"]));
    }
}
