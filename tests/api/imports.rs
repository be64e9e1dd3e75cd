use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, on_every_backend, pointers, text, TestApp};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Sends a file to `POST /v1/imports{query}`; answers the response.
async fn send(
    app: &TestApp,
    token: &str,
    content_type: &str,
    query: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    app.request(Method::POST, &format!("/v1/imports{query}"), Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Queues a file and waits until its job ends; answers the finished job.
async fn import(app: &TestApp, token: &str, content_type: &str, query: &str, body: &str) -> Value {
    let response = send(app, token, content_type, query, body.to_owned()).await;
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let job: Value = response.json().await.unwrap();
    assert_eq!(status, 202, "{job}");
    assert_eq!(location, Some(format!("/v1/imports/{}", text(&job["id"]))));
    finished(app, token, &text(&job["id"])).await
}

async fn finished(app: &TestApp, token: &str, id: &str) -> Value {
    for _ in 0..600 {
        let job: Value = app
            .get(&format!("/v1/imports/{id}"), token)
            .await
            .json()
            .await
            .unwrap();
        if job["finished_at"].is_string() {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("import {id} did not finish");
}

fn counts(job: &Value) -> [i64; 5] {
    ["total", "created", "updated", "skipped", "failed"].map(|k| job[k].as_i64().unwrap())
}

/// Every live contact of the workspace, oldest first.
async fn contacts(app: &TestApp, token: &str) -> Vec<Value> {
    let page: Value = app
        .get("/v1/contacts?limit=200", token)
        .await
        .json()
        .await
        .unwrap();
    page["data"].as_array().unwrap().clone()
}

fn by_first_name<'a>(contacts: &'a [Value], name: &str) -> &'a Value {
    contacts
        .iter()
        .find(|c| c["first_name"] == name)
        .unwrap_or_else(|| panic!("no {name} among {contacts:?}"))
}

on_every_backend! {
    async fn a_linkedin_export_becomes_contacts_and_importing_it_again_adds_nothing(app) {
        let t = &app.signup().await.token;
        let file = fixture("linkedin-connections.csv");
        let job = import(&app, t, "text/csv", "", &file).await;
        assert_eq!(job["status"], "succeeded", "{job}");
        assert_eq!(job["preset"], "linkedin");
        assert_eq!(job["format"], "csv");
        assert_eq!(counts(&job), [3, 3, 0, 0, 0]);
        assert_eq!(job["processed"], 3);
        assert_eq!(job["unknown_columns"], json!([]));

        let all = contacts(&app, t).await;
        let jose = by_first_name(&all, "José");
        assert_eq!(jose["last_name"], "Núñez");
        assert_eq!(jose["company"], "Cobalt Freight, S.A.");
        assert_eq!(jose["title"], "Head of Partnerships");
        assert_eq!(jose["emails"], json!(["jose.nunez@cobalt.example"]));
        assert_eq!(jose["how_we_met"], "Connected on LinkedIn on 2021-03-12");
        assert_eq!(jose["external_ids"], json!([{"system": "linkedin", "id": "https://www.linkedin.com/in/jose-nunez-4a1b2c"}]));
        assert_eq!(by_first_name(&all, "Priya")["emails"], json!([]));

        // The same file again: every record matches its contact by its URL, and has
        // nothing new to give.
        let again = import(&app, t, "text/csv", "", &file).await;
        assert_eq!(counts(&again), [3, 0, 0, 3, 0]);
        assert_eq!(contacts(&app, t).await.len(), 3);
    }

    async fn each_known_export_is_read_by_its_own_columns(app) {
        let t = &app.signup().await.token;
        let google = import(&app, t, "text/csv; charset=utf-8", "", &fixture("google-contacts.csv")).await;
        assert_eq!(google["preset"], "google_contacts");
        assert_eq!(counts(&google), [2, 2, 0, 0, 0], "{google}");
        assert!(google["unknown_columns"].as_array().unwrap().contains(&json!("Nickname")));
        let outlook = import(&app, t, "text/csv", "", &fixture("outlook-contacts.csv")).await;
        assert_eq!(outlook["preset"], "outlook");
        assert_eq!(counts(&outlook), [2, 2, 0, 0, 0], "{outlook}");
        let hubspot = import(&app, t, "text/csv", "", &fixture("hubspot-contacts.csv")).await;
        assert_eq!(hubspot["preset"], "hubspot");
        assert_eq!(counts(&hubspot), [2, 2, 0, 0, 0], "{hubspot}");

        let all = contacts(&app, t).await;
        let ana = by_first_name(&all, "Ana");
        assert_eq!(ana["company"], "Brightline Capital");
        assert_eq!(ana["title"], "Partner");
        assert_eq!(ana["emails"], json!(["ana@brightline.example", "ana.ortiz@home.example"]));
        assert_eq!(ana["phones"], json!(["+1 415-555-0134"]));
        assert_eq!(ana["tags"], json!(["investors", "golf"]), "Google's own labels are not tags");
        assert_eq!(ana["birthday"], json!({"month": 3, "day": 14, "year": 1985}));
        assert_eq!(ana["notes"], "Met at the CFO dinner.\nLikes sailing.");
        let bo = by_first_name(&all, "Bo");
        assert_eq!(bo["emails"], json!(["bo@berg.example", "bo.berg@work.example"]));
        assert_eq!(bo["phones"].as_array().unwrap().len(), 2);
        assert_eq!(bo["birthday"], json!({"month": 7, "day": 4, "year": null}));
        assert_eq!(bo["tags"], json!([]));

        let carla = by_first_name(&all, "Carla");
        assert_eq!(carla["title"], "CFO", "Outlook's `Title` is Ms. or Mr.; `Job Title` is the title");
        assert_eq!(carla["company"], "Harbor Mutual");
        assert_eq!(carla["birthday"], json!({"month": 3, "day": 14, "year": 1985}));
        assert_eq!(carla["tags"], json!(["clients", "vip"]));
        let dan = by_first_name(&all, "Dan");
        assert_eq!(dan["birthday"], Value::Null, "Outlook writes no date as 0/0/00");
        assert_eq!(dan["important_dates"], json!([{"label": "Anniversary", "month": 6, "day": 21, "year": 2012}]));
        assert_eq!(dan["emails"].as_array().unwrap().len(), 2);

        let fatima = by_first_name(&all, "Fatima");
        assert_eq!(fatima["external_ids"], json!([{"system": "hubspot", "id": "5012"}]));
        assert_eq!(fatima["company"], "Haddad Legal");
        assert_eq!(fatima["title"], "Managing Partner");
    }

    async fn vcards_are_read_with_their_folding_escapes_and_versions(app) {
        let t = &app.signup().await.token;
        let job = import(&app, t, "text/vcard", "", &fixture("contacts.vcf")).await;
        assert_eq!(job["preset"], "vcard");
        assert_eq!(counts(&job), [3, 2, 0, 0, 1], "{job}");
        let all = contacts(&app, t).await;
        let ingrid = by_first_name(&all, "Ingrid");
        assert_eq!(ingrid["last_name"], "Løvås");
        assert_eq!(ingrid["company"], "Fjord Analytics, AS");
        assert_eq!(ingrid["emails"], json!(["ingrid@fjord-analytics.example"]));
        assert_eq!(ingrid["notes"], "Introduced by Priya; wants a data partner.\nFollow up in Q1.");
        assert_eq!(ingrid["tags"], json!(["partners", "nordics"]));
        assert_eq!(ingrid["birthday"], json!({"month": 11, "day": 2, "year": 1979}));
        assert_eq!(ingrid["external_ids"], json!([{"system": "vcard", "id": "4f7c1e2a-ingrid"}]));
        let kenji = by_first_name(&all, "Kenji");
        assert_eq!(kenji["important_dates"], json!([{"label": "Anniversary", "month": 9, "day": 18, "year": null}]));
        let errors: Value = app.get(&format!("/v1/imports/{}/errors", text(&job["id"])), t).await.json().await.unwrap();
        assert_eq!(errors["data"], json!([{"row": 3, "line": null, "field": "/first_name", "reason": "the record gives no first name (nor a whole name)"}]));
    }

    async fn a_calendar_logs_each_meeting_once_with_the_contacts_who_attended(app) {
        let me = app.signup().await;
        let t = &me.token;
        let ana = app.create_contact(t, json!({"first_name": "Ana", "emails": ["ana@brightline.example"]})).await;
        let carla = app.create_contact(t, json!({"first_name": "Carla", "emails": ["carla.diaz@harbor.example"]})).await;
        let calendar = fixture("calendar.ics").replace("{me}", &me.email);
        let job = import(&app, t, "text/calendar", "", &calendar).await;
        assert_eq!(job["format"], "ical");
        assert_eq!(job["preset"], "ical");
        // Five meetings took place: three of a weekly series, a lunch, a call with a
        // stranger. The cancelled, whole-day and future events are none.
        assert_eq!(counts(&job), [5, 4, 0, 1, 0], "{job}");
        assert_eq!(job["unmatched_attendees"], json!(["dave@unknown.example"]));

        let timeline: Value = app.get(&format!("/v1/contacts/{}/interactions", text(&ana["id"])), t).await.json().await.unwrap();
        let when: Vec<String> = timeline["data"].as_array().unwrap().iter().map(|i| text(&i["occurred_at"])).collect();
        // 10:00 in New York each week, before and after the clocks went back on Nov 2.
        assert_eq!(when, ["2025-11-03T15:00:00Z", "2025-10-27T14:00:00Z", "2025-10-20T14:00:00Z"]);
        let first = &timeline["data"][2];
        assert_eq!(first["kind"], "meeting");
        assert_eq!(first["channel"], "video");
        assert_eq!(first["summary"], "Pipeline review, weekly");
        assert_eq!(first["external_ids"], json!([{"system": "ical", "id": "5ac1b2c3d4e5@google.com@20251020T140000Z"}]));
        assert_eq!(first["member_id"], json!(me.member_id));
        let ana_now: Value = app.get(&format!("/v1/contacts/{}", text(&ana["id"])), t).await.json().await.unwrap();
        assert_eq!(ana_now["last_interaction_at"], "2025-11-03T15:00:00Z", "the cadence restarts from the last meeting");
        let lunch: Value = app.get(&format!("/v1/contacts/{}/interactions", text(&carla["id"])), t).await.json().await.unwrap();
        assert_eq!(lunch["data"][0]["channel"], "in_person");

        let again = import(&app, t, "text/calendar", "", &calendar).await;
        assert_eq!(counts(&again), [5, 0, 0, 5, 0], "nothing is logged twice: {again}");
        let with_strangers = import(&app, t, "text/calendar", "?create_attendees=true", &calendar).await;
        assert_eq!(counts(&with_strangers), [5, 1, 0, 4, 0], "{with_strangers}");
        assert_eq!(with_strangers["unmatched_attendees"], json!([]));
        let all = contacts(&app, t).await;
        let dave = by_first_name(&all, "Dave");
        assert_eq!(dave["last_name"], "Unknown");
        assert_eq!(dave["relationship_kind"], "prospect");
        assert_eq!(dave["last_interaction_at"], "2025-10-23T14:00:00Z");
        let not_a_calendar = send(&app, t, "text/calendar", "", "BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n").await;
        assert_problem(not_a_calendar, 422, "validation_failed").await;
    }

    async fn an_email_copied_to_rapport_is_logged_once_with_the_contacts_on_it(app) {
        let me = app.signup().await;
        let t = &me.token;
        let (_, key) = app.create_api_key(t, &["write"]).await;
        let priya = app.create_contact(t, json!({"first_name": "Priya", "emails": ["priya@northwind.example"]})).await;
        let zoe = app.create_contact(t, json!({"first_name": "Zoë", "emails": ["zoe@mueller.example"]})).await;
        let message = format!(
            "Message-ID: <CAF42@mail.example>\r\nDate: Tue, 10 Nov 2026 15:04:05 -0500\r\n\
             From: Me <{}>\r\nTo: \"Raman, Priya\" <Priya@Northwind.example>, stranger@else.example\r\n\
             Cc: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@mueller.example>\r\n\
             Subject: =?UTF-8?B?Q2Fmw6kgbmV4dCB3ZWVr?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee you there.\r\n",
            me.email.to_uppercase()
        );
        let post = |body: String| {
            app.request(Method::POST, "/v1/inbound/email", Some(&key))
                .header("content-type", "message/rfc822")
                .body(body)
                .send()
        };
        let response = post(message.clone()).await.unwrap();
        assert_eq!(response.status(), 201);
        let logged: Value = response.json().await.unwrap();
        assert_eq!(logged["outcome"], "logged");
        assert_eq!(logged["unmatched_addresses"], json!(["stranger@else.example"]));
        let interaction = &logged["interaction"];
        assert_eq!(interaction["channel"], "email");
        assert_eq!(interaction["kind"], "other", "an ask is never inferred from an email");
        assert_eq!(interaction["summary"], "Café next week");
        assert_eq!(interaction["occurred_at"], "2026-11-10T20:04:05Z");
        assert_eq!(interaction["contact_ids"], json!([priya["id"], zoe["id"]]));
        assert_eq!(interaction["member_id"], json!(me.member_id));

        let again: Value = post(message).await.unwrap().json().await.unwrap();
        assert_eq!(again["outcome"], "already_logged");
        assert_eq!(again["interaction"]["id"], interaction["id"]);
        let nobody = "Message-ID: <x1@mail.example>\r\nFrom: a@else.example\r\nTo: b@else.example\r\nSubject: Hi\r\n\r\nHi";
        let response = post(nobody.to_owned()).await.unwrap();
        assert_eq!(response.status(), 200);
        let unlogged: Value = response.json().await.unwrap();
        assert_eq!(unlogged["outcome"], "no_contact");
        assert_eq!(unlogged["interaction"], Value::Null);
        let timeline: Value = app.get(&format!("/v1/contacts/{}/interactions", text(&priya["id"])), t).await.json().await.unwrap();
        assert_eq!(timeline["data"].as_array().unwrap().len(), 1);

        let wrong_type = app.request(Method::POST, "/v1/inbound/email", Some(&key)).header("content-type", "text/plain").body("x").send().await.unwrap();
        assert_problem(wrong_type, 415, "unsupported_media_type").await;
        let garbage = post("not an email at all".to_owned()).await.unwrap();
        assert_problem(garbage, 422, "validation_failed").await;
        let (_, reader) = app.create_api_key(t, &["read"]).await;
        let read_only = app.request(Method::POST, "/v1/inbound/email", Some(&reader)).header("content-type", "message/rfc822").body(nobody).send().await.unwrap();
        assert_problem(read_only, 403, "insufficient_scope").await;
    }

    async fn a_workspace_export_holds_every_resource_and_no_secret(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let (_, key_secret) = app.create_api_key(t, &["write"]).await;
        let priya = app.create_contact(t, json!({"first_name": "Priya", "emails": ["priya@nw.example"]})).await;
        let bo = app.create_contact(t, json!({"first_name": "Bo"})).await;
        let gone = app.create_contact(t, json!({"first_name": "Gone"})).await;
        assert_eq!(app.delete(&format!("/v1/contacts/{}", text(&gone["id"])), t).await.status(), 204);
        let ok = |r: reqwest::Response| async move { assert!(r.status().is_success(), "{}", r.text().await.unwrap()); };
        ok(app.post("/v1/interactions", t, json!({"contact_ids": [priya["id"]], "occurred_at": "2026-11-20T10:00:00Z", "channel": "phone", "kind": "catch_up"})).await).await;
        ok(app.post("/v1/connections", t, json!({"from": {"contact_id": priya["id"]}, "to": {"contact_id": bo["id"]}, "kind": "friend", "strength": 3})).await).await;
        ok(app.post("/v1/referral-requests", t, json!({"referrer_id": priya["id"], "target": {"name": "Ana Ortiz"}})).await).await;
        ok(app.post("/v1/introductions", t, json!({"direction": "received", "referrer_id": priya["id"], "prospect_id": bo["id"]})).await).await;
        let webhook: Value = app.post("/v1/webhooks", t, json!({"url": "https://hooks.example.com/rapport", "event_types": ["*"]})).await.json().await.unwrap();
        let signing_secret = text(&webhook["secret"]);
        app.create_contact(&app.signup().await.token, json!({"first_name": "Elsewhere"})).await;

        let response = app.get("/v1/exports/workspace", t).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/x-ndjson");
        let body = response.text().await.unwrap();
        assert!(!body.contains(&key_secret) && !body.contains(&signing_secret), "no secret is exported");
        let lines: Vec<Value> = body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let kinds: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["workspace", "settings", "member", "api_key", "webhook", "contact", "contact", "connection", "interaction", "referral_request", "introduction"]);
        assert_eq!(lines[0]["data"]["id"], json!(owner.workspace_id));
        let names: Vec<&Value> = lines.iter().filter(|l| l["type"] == "contact").map(|l| &l["data"]["first_name"]).collect();
        assert_eq!(names, [&json!("Priya"), &json!("Bo")], "neither deleted nor another workspace's contacts");

        let member = app.signup().await;
        let (member_token, _) = app.join(&owner, &member, "member").await;
        assert_problem(app.get("/v1/exports/workspace", &member_token).await, 403, "forbidden").await;
    }

    async fn a_bad_record_is_refused_alone_and_listed_with_its_reason(app) {
        let t = &app.signup().await.token;
        let file = "first_name,last_name,emails,trust,birthday\n\
                    Ann,Lee,ann@lee.example,4,1990-05-01\n\
                    Bob,Stone,bob@,3,\n\
                    \n\
                    ,Nameless,nameless@x.example,,\n\
                    Cy,Twombly,cy@art.example,9,\n\
                    Di,Prince,di@prince.example,,2/30/1990\n\
                    \"Eve, Jr.\",Adams,\"eve@adams.example; eve@home.example\",5,--12-24\n";
        let job = import(&app, t, "text/csv", "", file).await;
        assert_eq!(job["status"], "succeeded");
        assert_eq!(job["preset"], "rapport");
        assert_eq!(counts(&job), [6, 2, 0, 0, 4], "{job}");
        let names: Vec<Value> = contacts(&app, t).await.iter().map(|c| c["first_name"].clone()).collect();
        assert_eq!(names, [json!("Ann"), json!("Eve, Jr.")]);

        let path = format!("/v1/imports/{}/errors", text(&job["id"]));
        let errors: Value = app.get(&path, t).await.json().await.unwrap();
        let rows: Vec<(i64, i64, String)> = errors["data"].as_array().unwrap().iter()
            .map(|e| (e["row"].as_i64().unwrap(), e["line"].as_i64().unwrap(), text(&e["field"])))
            .collect();
        // Rows count records, not lines: the blank line is no record.
        assert_eq!(rows, [
            (2, 3, "/emails/0".to_owned()),
            (3, 5, "/first_name".to_owned()),
            (4, 6, "/trust".to_owned()),
            (5, 7, "/birthday".to_owned()),
        ]);
        assert!(errors["data"][0]["reason"].as_str().unwrap().contains("`bob@` is not an email address"));
        let paged: Value = app.get(&format!("{path}?limit=3"), t).await.json().await.unwrap();
        assert_eq!(paged["data"].as_array().unwrap().len(), 3);
        let rest: Value = app.get(&format!("{path}?limit=3&cursor={}", text(&paged["next_cursor"])), t).await.json().await.unwrap();
        assert_eq!(rest["data"][0]["row"], 5);
        assert_eq!(rest["next_cursor"], Value::Null);

        let csv = app.request(Method::GET, &path, Some(t)).header("accept", "text/csv").send().await.unwrap();
        assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let csv = csv.text().await.unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "row,line,field,reason");
        assert_eq!(lines.len(), 5);
        assert!(lines[3].starts_with("4,6,/trust,"), "{csv}");
    }

    async fn a_dry_run_counts_what_an_import_would_do_and_writes_nothing(app) {
        let t = &app.signup().await.token;
        app.create_contact(t, json!({"first_name": "Priya", "emails": ["priya@nw.example"]})).await;
        let since: Value = app.get("/v1/changes", t).await.json().await.unwrap();
        let file = "first_name,emails,company\nPriya,priya@nw.example,Northwind\nNew,new@x.example,\nBad,bad@,\n";
        let job = import(&app, t, "text/csv", "?dry_run=true", file).await;
        assert_eq!(job["dry_run"], true);
        assert_eq!(counts(&job), [3, 1, 1, 0, 1], "{job}");
        let all = contacts(&app, t).await;
        assert_eq!(all.len(), 1);
        assert_eq!(all[0]["company"], Value::Null);
        let after: Value = app.get(&format!("/v1/changes?token={}", text(&since["next_token"])), t).await.json().await.unwrap();
        assert_eq!(after["data"], json!([]), "a dry run leaves nothing in the change feed");
        // Its refusals are listed all the same.
        let errors: Value = app.get(&format!("/v1/imports/{}/errors", text(&job["id"])), t).await.json().await.unwrap();
        assert_eq!(pointers_of(&errors), ["/emails/0"]);
    }

    async fn a_record_matching_a_contact_fills_it_skips_it_or_adds_another_as_asked(app) {
        let t = &app.signup().await.token;
        let priya = app.create_contact(t, json!({"first_name": "Priya", "title": "VP", "emails": ["priya@nw.example"], "tags": ["golf"]})).await;
        let held = app.create_contact(t, json!({"first_name": "Held", "external_ids": [{"system": "crm", "id": "9"}]})).await;
        let file = "first_name,emails,title,company,tags,external_ids\n\
                    P.,PRIYA@nw.example,COO,Northwind,vip,crm:1\n\
                    Someone,other@x.example,,,,crm:9\n";
        let update = import(&app, t, "text/csv", "", file).await;
        // Priya matches by email, the second record by the external id Held holds.
        assert_eq!(counts(&update), [2, 0, 2, 0, 0], "{update}");
        let now: Value = app.get(&format!("/v1/contacts/{}", text(&priya["id"])), t).await.json().await.unwrap();
        assert_eq!(now["first_name"], "Priya", "nothing is overwritten");
        assert_eq!(now["title"], "VP");
        assert_eq!(now["company"], "Northwind", "what was empty is filled");
        assert_eq!(now["tags"], json!(["golf", "vip"]));
        assert_eq!(now["external_ids"], json!([{"system": "crm", "id": "1"}]));
        let held_now: Value = app.get(&format!("/v1/contacts/{}", text(&held["id"])), t).await.json().await.unwrap();
        assert_eq!(held_now["emails"], json!(["other@x.example"]));

        let skip = import(&app, t, "text/csv", "?on_match=skip", "first_name,emails,industry\nP,priya@nw.example,Logistics\n").await;
        assert_eq!(counts(&skip), [1, 0, 0, 1, 0]);
        let now: Value = app.get(&format!("/v1/contacts/{}", text(&priya["id"])), t).await.json().await.unwrap();
        assert_eq!(now["industry"], Value::Null);

        let create = import(&app, t, "text/csv", "?on_match=create", "first_name,emails,external_ids\nPriya Two,priya@nw.example,\nTaken,,crm:9\n").await;
        assert_eq!(counts(&create), [2, 1, 0, 0, 1], "an external id still names one contact: {create}");
        assert_eq!(contacts(&app, t).await.len(), 3);
        let errors: Value = app.get(&format!("/v1/imports/{}/errors", text(&create["id"])), t).await.json().await.unwrap();
        assert!(errors["data"][0]["reason"].as_str().unwrap().contains("crm:9"), "{errors}");
    }

    async fn any_header_is_read_through_a_mapping(app) {
        let t = &app.signup().await.token;
        let file = "Full name,E-mail,Firm,Shoe size,CRM\nMarta Kowalska,marta@k.example,Kowalski & Co,38,77\n";
        let unknown = send(&app, t, "text/csv", "", file).await;
        let problem = assert_problem(unknown, 422, "validation_failed").await;
        assert!(text(&problem["detail"]).contains("mapping"), "{problem}");

        let mapping = json!({"Full name": "name", "E-mail": "email", "Firm": "company", "CRM": "external_id:pipedrive"}).to_string();
        let query = format!("?mapping={}", urlencode(&mapping));
        let job = import(&app, t, "text/csv", &query, file).await;
        assert_eq!(job["preset"], "mapping");
        assert_eq!(job["unknown_columns"], json!(["Shoe size"]));
        assert_eq!(counts(&job), [1, 1, 0, 0, 0]);
        let marta = by_first_name(&contacts(&app, t).await, "Marta").clone();
        assert_eq!(marta["last_name"], "Kowalska");
        assert_eq!(marta["company"], "Kowalski & Co");
        assert_eq!(marta["external_ids"], json!([{"system": "pipedrive", "id": "77"}]));

        let bad = json!({"Full name": "shoe_size"}).to_string();
        let refused = send(&app, t, "text/csv", &format!("?mapping={}", urlencode(&bad)), file).await;
        let problem = assert_problem(refused, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["mapping/Full name"]);
        let refused = send(&app, t, "text/csv", "?mapping=%5B1%5D", file).await;
        assert_eq!(pointers(&assert_problem(refused, 422, "validation_failed").await), ["mapping"]);
    }

    async fn a_file_that_cannot_be_imported_is_refused_at_once(app) {
        let t = &app.signup().await.token;
        let wrong_type = send(&app, t, "application/json", "", "{}").await;
        assert_problem(wrong_type, 415, "unsupported_media_type").await;
        let latin1: Vec<u8> = b"first_name,emails\nJos\xe9,jose@x.example\n".to_vec();
        let not_utf8 = send(&app, t, "text/csv", "", latin1).await;
        let problem = assert_problem(not_utf8, 422, "validation_failed").await;
        assert!(text(&problem["detail"]).contains("UTF-8"), "{problem}");
        let header_only = send(&app, t, "text/csv", "", "first_name,emails\n").await;
        assert_problem(header_only, 422, "validation_failed").await;
        let empty = send(&app, t, "text/vcard", "", "").await;
        assert_problem(empty, 422, "validation_failed").await;
        let bad_on_match = send(&app, t, "text/csv", "?on_match=merge", "first_name,emails\nA,\n").await;
        assert_eq!(pointers(&assert_problem(bad_on_match, 422, "validation_failed").await), ["on_match"]);
        let viewer = app.signup().await;
        let owner = app.signup().await;
        let (viewer_token, _) = app.join(&owner, &viewer, "viewer").await;
        let read_only = send(&app, &viewer_token, "text/csv", "", "first_name,emails\nA,\n").await;
        assert_problem(read_only, 403, "forbidden").await;
        let listed: Value = app.get("/v1/imports", t).await.json().await.unwrap();
        assert_eq!(listed["data"], json!([]), "nothing refused was queued");
    }

    async fn imports_and_their_errors_belong_to_their_workspace(app) {
        let mine = app.signup().await;
        let theirs = app.signup().await;
        let job = import(&app, &mine.token, "text/csv", "", "first_name,emails\nA,a@\nB,\n").await;
        let id = text(&job["id"]);
        assert_eq!(app.get(&format!("/v1/imports/{id}"), &theirs.token).await.status(), 404);
        assert_eq!(app.get(&format!("/v1/imports/{id}/errors"), &theirs.token).await.status(), 404);
        let theirs_listed: Value = app.get("/v1/imports", &theirs.token).await.json().await.unwrap();
        assert_eq!(theirs_listed["data"], json!([]));
        let mine_listed: Value = app.get("/v1/imports", &mine.token).await.json().await.unwrap();
        assert_eq!(mine_listed["data"][0]["id"], job["id"]);
        assert_eq!(contacts(&app, &theirs.token).await.len(), 0);
    }

    async fn a_file_of_many_chunks_imports_whole_and_exports_whole(app) {
        let t = &app.signup().await.token;
        let mut file = String::from("first_name,last_name,emails,tags,notes\n");
        for i in 0..1234 {
            let tag = if i % 2 == 0 { "even" } else { "odd" };
            file.push_str(&format!("Person{i},Zur-{i},p{i}@bulk.example,{tag},=1+{i}\n"));
        }
        // One refused record in the second chunk.
        file.push_str("Broken,,broken@,,\n");
        let job = import(&app, t, "text/csv", "", &file).await;
        assert_eq!(counts(&job), [1235, 1234, 0, 0, 1], "{job}");

        let csv = app.request(Method::GET, "/v1/exports/contacts?tag=even", Some(t)).header("accept", "text/csv").send().await.unwrap();
        assert_eq!(csv.status(), 200);
        assert!(csv.headers()["content-disposition"].to_str().unwrap().contains("contacts.csv"));
        let csv = csv.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(&header[..4], ["id", "first_name", "last_name", "emails"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 617, "every contact tagged `even`, across pages");
        assert_eq!(&rows[0][1], "Person0");
        assert_eq!(&rows[616][1], "Person1232");
        let notes = header.iter().position(|h| h == "notes").unwrap();
        assert_eq!(&rows[0][notes], "'=1+0", "a formula is written inert");

        let ndjson = app.get("/v1/exports/contacts?format=ndjson", t).await;
        assert_eq!(ndjson.headers()["content-type"], "application/x-ndjson");
        let text_body = ndjson.text().await.unwrap();
        let lines: Vec<Value> = text_body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 1234);
        assert_eq!(lines[1233]["first_name"], "Person1233");

        // The CSV export is read back by an import (its `rapport` preset), formulas and all.
        let other = app.signup().await;
        let all_csv = app.get("/v1/exports/contacts", t).await.text().await.unwrap();
        let back = import(&app, &other.token, "text/csv", "", &all_csv).await;
        assert_eq!(back["preset"], "rapport");
        assert_eq!(counts(&back), [1234, 1234, 0, 0, 0], "{back}");
        let first = &contacts(&app, &other.token).await[0];
        assert_eq!(first["notes"], "=1+0");
        assert_eq!(first["tags"], json!(["even"]));
    }

    async fn a_vcard_export_imported_elsewhere_gives_the_same_contacts(app) {
        let source = app.signup().await;
        let t = &source.token;
        app.create_contact(t, json!({
            "first_name": "Ingrid", "last_name": "Løvås", "emails": ["ingrid@fjord.example", "i@home.example"],
            "phones": ["+47 912 34 567"], "company": "Fjord, AS; Research", "title": "Chief Scientist",
            "profession": "Data scientist", "birthday": {"month": 2, "day": 29},
            "important_dates": [{"label": "Anniversary", "month": 9, "day": 18, "year": 2015}],
            "tags": ["partners", "nordics"], "notes": "Line one;\nline two, with a comma\\ and a backslash.",
            "external_ids": [{"system": "hubspot", "id": "5012"}]
        })).await;
        app.create_contact(t, json!({"first_name": "Kenji", "birthday": {"month": 11, "day": 2, "year": 1979}})).await;
        let response = app.request(Method::GET, "/v1/exports/contacts", Some(t)).header("accept", "text/vcard").send().await.unwrap();
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/vcard"));
        let cards = response.text().await.unwrap();
        assert!(cards.contains("VERSION:4.0\r\n"), "{cards}");
        assert!(cards.lines().all(|line| line.len() <= 76), "lines are folded: {cards}");

        let destination = app.signup().await;
        let job = import(&app, &destination.token, "text/vcard", "", &cards).await;
        assert_eq!(counts(&job), [2, 2, 0, 0, 0], "{job}");
        let fields = ["first_name", "last_name", "emails", "phones", "company", "title", "profession", "birthday", "important_dates", "tags", "notes"];
        let before = contacts(&app, t).await;
        let after = contacts(&app, &destination.token).await;
        for (was, is) in before.iter().zip(&after) {
            for field in fields {
                assert_eq!(was[field], is[field], "{field}");
            }
            let ids = is["external_ids"].as_array().unwrap();
            for id in was["external_ids"].as_array().unwrap() {
                assert!(ids.contains(id), "{id} kept");
            }
            assert!(ids.contains(&json!({"system": "vcard", "id": format!("urn:uuid:{}", text(&was["id"]))})));
        }
        // Importing the same cards again finds every contact by its card's UID.
        let again = import(&app, &destination.token, "text/vcard", "", &cards).await;
        assert_eq!(counts(&again), [2, 0, 0, 2, 0]);
    }

    async fn an_export_answers_a_bad_filter_with_a_problem(app) {
        let t = &app.signup().await.token;
        let bad = app.get("/v1/exports/contacts?kind=stranger", t).await;
        assert_eq!(pointers(&assert_problem(bad, 422, "validation_failed").await), ["kind"]);
        let bad = app.get("/v1/exports/contacts?format=xlsx", t).await;
        assert_eq!(pointers(&assert_problem(bad, 422, "validation_failed").await), ["format"]);
        let empty = app.get("/v1/exports/contacts", t).await.text().await.unwrap();
        assert_eq!(empty.lines().count(), 1, "a header and nothing else: {empty}");
        let other = app.signup().await;
        app.create_contact(&other.token, json!({"first_name": "Theirs"})).await;
        let ndjson = app.get("/v1/exports/contacts?format=ndjson", t).await.text().await.unwrap();
        assert_eq!(ndjson, "", "another workspace's contacts are not exported");
    }
}

/// A file larger than a JSON body may be, sent with an `Idempotency-Key`: the key's
/// fingerprint reads the whole file, and the import gets it whole; past the file limit,
/// with or without a key, the answer is 413.
#[tokio::test]
async fn a_file_sent_with_an_idempotency_key_arrives_whole_or_is_refused_whole() {
    for backend in crate::helpers::Backend::all() {
        let app = TestApp::spawn_with(
            &backend,
            crate::helpers::TestDatabase::create(&backend),
            |settings| {
                settings.import_max_bytes = 2_000_000;
            },
        )
        .await;
        let t = &app.signup().await.token;
        let mut file = String::from("first_name,emails,notes\n");
        for i in 0..12_000 {
            file.push_str(&format!("P{i},p{i}@big.example,{}\n", "n".repeat(90)));
        }
        assert!(
            file.len() > 1_048_576 && file.len() < 2_000_000,
            "{}",
            file.len()
        );
        let send_keyed = |body: String| {
            app.request(Method::POST, "/v1/imports", Some(t))
                .header("content-type", "text/csv")
                .header("idempotency-key", "big-file-1")
                .body(body)
                .send()
        };
        let response = send_keyed(file.clone()).await.unwrap();
        assert_eq!(response.status(), 202);
        let job: Value = response.json().await.unwrap();
        assert_eq!(job["total"], 12_000);
        let replay = send_keyed(file).await.unwrap();
        assert_eq!(replay.headers()["idempotent-replayed"], "true");
        assert_eq!(replay.json::<Value>().await.unwrap()["id"], job["id"]);
        let done = finished(&app, t, &text(&job["id"])).await;
        assert_eq!(counts(&done), [12_000, 12_000, 0, 0, 0]);

        let too_big = "x".repeat(2_000_001);
        let keyed = app
            .request(Method::POST, "/v1/imports", Some(t))
            .header("content-type", "text/csv")
            .header("idempotency-key", "big-file-2")
            .body(too_big.clone())
            .send()
            .await
            .unwrap();
        assert_problem(keyed, 413, "payload_too_large").await;
        let plain = send(&app, t, "text/csv", "", too_big).await;
        assert_problem(plain, 413, "payload_too_large").await;
        // A JSON body keeps its own, smaller limit behind the key's fingerprint.
        let notes = "n".repeat(1_100_000);
        let json_too_big = app
            .request(Method::POST, "/v1/contacts", Some(t))
            .header("idempotency-key", "big-json-1")
            .json(&json!({"first_name": "Big", "notes": notes}))
            .send()
            .await
            .unwrap();
        assert_problem(json_too_big, 413, "payload_too_large").await;
    }
}

fn pointers_of(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| text(&e["field"]))
        .collect()
}

fn urlencode(raw: &str) -> String {
    form_urlencoded::byte_serialize(raw.as_bytes()).collect()
}

/// A server killed in the middle of an import: the job resumes after its lease where its
/// last committed chunk ended, and every record is written exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_interrupted_by_a_crash_resumes_and_writes_each_record_once() {
    let runs: Vec<_> = crate::helpers::Backend::all()
        .into_iter()
        .map(|backend| tokio::spawn(crash_and_resume(backend)))
        .collect();
    for run in runs {
        run.await.unwrap();
    }
}

async fn crash_and_resume(backend: crate::helpers::Backend) {
    {
        let database = crate::helpers::TestDatabase::create(&backend);
        let server = crate::helpers::Process::start(&database, &[]).await;
        let client = reqwest::Client::new();
        let session: Value = client
            .post(format!("{}/v1/auth/register", server.address))
            .json(&json!({"email": "crash@example.com", "password": "a long enough password", "name": "C", "workspace_name": "W"}))
            .send().await.unwrap().json().await.unwrap();
        let token = text(&session["access_token"]);
        let records = 30_000;
        let mut file = String::from("first_name,emails\n");
        for i in 0..records {
            file.push_str(&format!("P{i},p{i}@crash.example\n"));
        }
        let job: Value = client
            .post(format!("{}/v1/imports", server.address))
            .bearer_auth(&token)
            .header("content-type", "text/csv")
            .body(file)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let path = format!("/v1/imports/{}", text(&job["id"]));
        let progress = |address: String| {
            let (client, token, path) = (client.clone(), token.clone(), path.clone());
            async move {
                let job: Value = client
                    .get(format!("{address}{path}"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                job
            }
        };
        let mut seen = json!(null);
        for _ in 0..600 {
            seen = progress(server.address.clone()).await;
            if seen["processed"].as_i64().unwrap() > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        drop(server);
        let done_before = seen["processed"].as_i64().unwrap();
        assert!(
            done_before > 0 && done_before < records,
            "killed mid-import: {seen}"
        );

        let server = crate::helpers::Process::start(&database, &[]).await;
        let mut job = json!(null);
        for _ in 0..900 {
            job = progress(server.address.clone()).await;
            if job["finished_at"].is_string() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(job["status"], "succeeded", "{job}");
        assert_eq!(job["created"], records, "{job}");
        assert_eq!(job["processed"], records);
        let exported = client
            .get(format!(
                "{}/v1/exports/contacts?format=ndjson",
                server.address
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let mut emails: Vec<String> = exported
            .lines()
            .map(|line| text(&serde_json::from_str::<Value>(line).unwrap()["emails"][0]))
            .collect();
        assert_eq!(emails.len(), records as usize, "each record once");
        emails.sort();
        emails.dedup();
        assert_eq!(emails.len(), records as usize, "no record twice");
    }
}
