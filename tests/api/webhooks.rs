//! Webhooks, black-box: real receivers in this process verify every signature with the
//! secret they were given, as a receiver written from the specification would.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::helpers::{
    assert_problem, on_every_backend, text, Backend, Process, TestApp, TestDatabase,
};

/// One request a receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub id: String,
    pub timestamp: String,
    pub signatures: String,
    pub body: String,
    /// The status the receiver answered.
    pub answered: u16,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    pub fn event(&self) -> String {
        text(&self.json()["type"])
    }

    /// Whether one of the signatures is the one `secret` makes, computed here from the
    /// specification rather than with the server's code.
    pub fn signed_with(&self, secret: &str) -> bool {
        let key = STANDARD
            .decode(secret.strip_prefix("whsec_").expect("whsec_ prefix"))
            .unwrap();
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(format!("{}.{}.{}", self.id, self.timestamp, self.body).as_bytes());
        let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
        self.signatures
            .split(' ')
            .any(|signature| signature == expected)
    }
}

/// Scripted instead of a status: answer nothing for a minute.
pub const HANG: u16 = 0;

#[derive(Default)]
struct Inbox {
    received: Vec<Received>,
    /// Statuses to answer, in turn; 200 once they run out.
    script: VecDeque<u16>,
}

/// An HTTP receiver on a random local port.
pub struct Receiver {
    pub url: String,
    inbox: Arc<Mutex<Inbox>>,
    server: actix_web::dev::ServerHandle,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        drop(self.server.stop(false));
    }
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    inbox: web::Data<Arc<Mutex<Inbox>>>,
) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let answered = {
        let mut inbox = inbox.lock().unwrap();
        let answered = inbox.script.pop_front().unwrap_or(200);
        inbox.received.push(Received {
            id: header("webhook-id"),
            timestamp: header("webhook-timestamp"),
            signatures: header("webhook-signature"),
            body: String::from_utf8(body.to_vec()).unwrap(),
            answered,
        });
        answered
    };
    if answered == HANG {
        tokio::time::sleep(Duration::from_secs(60)).await;
        return HttpResponse::Ok().finish();
    }
    HttpResponse::build(actix_web::http::StatusCode::from_u16(answered).unwrap()).body("noted")
}

impl Receiver {
    pub async fn start() -> Self {
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = web::Data::new(inbox.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .default_service(web::to(receive))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Self {
            url: format!("http://127.0.0.1:{port}/hooks"),
            inbox,
            server: handle,
        }
    }

    /// Answers these statuses to the next requests, then 200 again.
    pub fn answer(&self, statuses: &[u16]) {
        self.inbox.lock().unwrap().script.extend(statuses);
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().received.clone()
    }

    /// Waits until `done` holds for what arrived, or fails after `seconds`.
    pub async fn wait_until(
        &self,
        seconds: u64,
        done: impl Fn(&[Received]) -> bool,
    ) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
        loop {
            let received = self.received();
            if done(&received) {
                return received;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "gave up waiting; received: {:?}",
                received.iter().map(Received::event).collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

pub async fn subscribe(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app.post("/v1/webhooks", token, body).await;
    let status = response.status();
    let created: Value = response.json().await.unwrap();
    assert_eq!(status, 201, "create webhook: {created}");
    created
}

fn events(received: &[Received]) -> Vec<String> {
    received.iter().map(Received::event).collect()
}

async fn deliveries(app: &TestApp, token: &str, webhook: &Value) -> Vec<Value> {
    let path = format!("/v1/webhooks/{}/deliveries", text(&webhook["id"]));
    let page: Value = app.get(&path, token).await.json().await.unwrap();
    page["data"]
        .as_array()
        .unwrap_or_else(|| panic!("{page}"))
        .clone()
}

/// Waits until the webhook's deliveries satisfy `done`.
async fn wait_for_deliveries(
    app: &TestApp,
    token: &str,
    webhook: &Value,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let list = deliveries(app, token, webhook).await;
        if done(&list) {
            return list;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "deliveries: {list:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

on_every_backend! {
    async fn each_endpoint_gets_the_events_it_subscribed_to_signed(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let contacts_only = Receiver::start().await;
        let everything = Receiver::start().await;
        let narrow = subscribe(&app, t, json!({"url": contacts_only.url, "event_types": ["contact.created", "contact.updated"], "description": "CRM"})).await;
        let wide = subscribe(&app, t, json!({"url": everything.url, "event_types": ["*"]})).await;
        assert!(text(&narrow["secret"]).starts_with("whsec_"));
        assert_eq!(narrow["event_types"], json!(["contact.created", "contact.updated"]));
        assert_eq!(narrow["enabled"], true);

        let contact = app.create_contact(t, json!({"first_name": "Dana"})).await;
        let response = app.patch(&format!("/v1/contacts/{}", text(&contact["id"])), t, json!({"company": "Initech"})).await;
        assert_eq!(response.status(), 200);
        let response = app.post("/v1/interactions", t, json!({"kind": "catch_up", "channel": "in_person", "occurred_at": "2026-11-30T09:00:00Z", "contact_ids": [contact["id"]]})).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());

        let wide_got = everything.wait_until(10, |r| events(r).contains(&"interaction.created".to_owned())).await;
        let mut narrow_got = contacts_only.wait_until(10, |r| r.len() >= 3).await;
        // Deliveries are concurrent: the feed position orders them.
        narrow_got.sort_by_key(|r| r.json()["data"]["seq"].as_i64());
        assert_eq!(events(&narrow_got), ["contact.created", "contact.updated", "contact.updated"]);
        for received in &narrow_got {
            assert!(received.signed_with(&text(&narrow["secret"])), "{received:?}");
            assert!(!received.signed_with(&text(&wide["secret"])));
            let body = received.json();
            assert_eq!(body["data"]["id"], contact["id"]);
            assert_eq!(body["data"]["type"], "contact");
            assert_eq!(body["data"]["href"], format!("/v1/contacts/{}", text(&contact["id"])));
            let sent_at: i64 = received.timestamp.parse().unwrap();
            assert!((chrono::Utc::now().timestamp() - sent_at).abs() < 60);
        }
        assert_eq!(narrow_got[1].json()["data"]["data"]["company"], "Initech");
        assert!(wide_got.iter().all(|r| r.signed_with(&text(&wide["secret"]))));
        let ids: std::collections::HashSet<_> = narrow_got.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids.len(), narrow_got.len(), "every event has its own webhook-id");

        // The deliveries say what happened.
        let listed = wait_for_deliveries(&app, t, &narrow, |list| list.len() == 3 && list.iter().all(|d| d["status"] == "succeeded")).await;
        assert_eq!(listed[0]["attempts"], 1);
        assert_eq!(listed[0]["last_status_code"], 200);
        assert_eq!(listed[0]["last_response"], "noted");
        assert_eq!(listed[0]["event_type"], "contact.updated", "newest first");
    }

    async fn a_status_that_moves_is_an_event_of_its_own_and_owners_filter(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let pipeline = Receiver::start().await;
        let mine = Receiver::start().await;
        subscribe(&app, t, json!({"url": pipeline.url, "event_types": ["referral_request.status_changed"]})).await;
        let colleague = app.signup().await;
        let (colleague_token, colleague_member) = app.join(&owner, &colleague, "member").await;
        subscribe(&app, t, json!({"url": mine.url, "event_types": ["contact.*"], "member_id": owner.member_id})).await;

        let referrer = app.create_contact(t, json!({"first_name": "Rita", "relationship_kind": "client"})).await;
        let theirs = app.create_contact(&colleague_token, json!({"first_name": "Theo"})).await;
        assert_eq!(theirs["owner_id"], colleague_member.as_str());
        let response = app.post("/v1/referral-requests", t, json!({"referrer_id": referrer["id"], "target": {"name": "Ana Costa", "company": "Fabrikam"}, "business_reason": "They are consolidating warehouses"})).await;
        let status = response.status();
        let request: Value = response.json().await.unwrap();
        assert_eq!(status, 201, "{request}");
        let path = format!("/v1/referral-requests/{}", text(&request["id"]));
        let response = app.patch(&path, t, json!({"notes": "over coffee"})).await;
        assert_eq!(response.status(), 200, "an edit that keeps the status");
        let response = app.patch(&path, t, json!({"status": "withdrawn"})).await;
        assert_eq!(response.status(), 200);

        let got = pipeline.wait_until(10, |r| !r.is_empty()).await;
        tokio::time::sleep(Duration::from_millis(600)).await;
        let got_all = pipeline.received();
        assert_eq!(events(&got_all), ["referral_request.status_changed"], "{got:?}");
        assert_eq!(got_all[0].json()["data"]["data"]["status"], "withdrawn");

        // Deleting my contact reaches me too, though a deletion shows no owner.
        let response = app.delete(&format!("/v1/contacts/{}", text(&referrer["id"])), t).await;
        assert_eq!(response.status(), 204);
        let response = app.delete(&format!("/v1/contacts/{}", text(&theirs["id"])), &colleague_token).await;
        assert_eq!(response.status(), 204);
        let mine_got = mine.wait_until(10, |r| events(r).contains(&"contact.deleted".to_owned())).await;
        tokio::time::sleep(Duration::from_millis(600)).await;
        let mine_got = mine.received().into_iter().chain(mine_got.into_iter().take(0)).collect::<Vec<_>>();
        assert!(mine_got.iter().all(|r| r.json()["data"]["id"] == referrer["id"]), "only my contact: {:?}", events(&mine_got));
        assert!(events(&mine_got).contains(&"contact.created".to_owned()));
    }

    async fn a_receiver_that_fails_a_while_gets_the_event_once_acknowledged(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        receiver.answer(&[503, 500]);
        let webhook = subscribe(&app, t, json!({"url": receiver.url, "event_types": ["contact.created"]})).await;
        app.create_contact(t, json!({"first_name": "Ezra"})).await;
        let got = receiver.wait_until(15, |r| r.iter().any(|r| r.answered == 200)).await;
        assert_eq!(got.iter().map(|r| r.answered).collect::<Vec<_>>(), [503, 500, 200]);
        assert!(got.iter().all(|r| r.id == got[0].id), "the same webhook-id on every attempt");
        assert!(got.iter().all(|r| r.body == got[0].body), "the same body on every attempt");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(receiver.received().len(), 3, "nothing more once acknowledged");
        let listed = wait_for_deliveries(&app, t, &webhook, |list| list.len() == 1 && list[0]["status"] == "succeeded").await;
        assert_eq!(listed[0]["attempts"], 3);
        assert_eq!(listed[0]["id"], got[0].id.as_str());
    }

    async fn a_refusal_ends_the_delivery_and_gone_disables_the_endpoint(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        receiver.answer(&[400]);
        let webhook = subscribe(&app, t, json!({"url": receiver.url, "event_types": ["contact.created"]})).await;
        app.create_contact(t, json!({"first_name": "Una"})).await;
        let listed = wait_for_deliveries(&app, t, &webhook, |list| list.len() == 1 && list[0]["status"] == "failed").await;
        assert_eq!(listed[0]["attempts"], 1, "a 400 is not retried");
        assert_eq!(listed[0]["last_status_code"], 400);
        assert_eq!(listed[0]["next_attempt_at"], Value::Null);

        receiver.answer(&[410]);
        app.create_contact(t, json!({"first_name": "Gus"})).await;
        receiver.wait_until(10, |r| r.len() == 2).await;
        let path = format!("/v1/webhooks/{}", text(&webhook["id"]));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let disabled = loop {
            let now: Value = app.get(&path, t).await.json().await.unwrap();
            if now["enabled"] == false {
                break now;
            }
            assert!(tokio::time::Instant::now() < deadline, "{now}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert!(text(&disabled["disabled_reason"]).contains("410"), "{disabled}");
        app.create_contact(t, json!({"first_name": "Ivo"})).await;
        tokio::time::sleep(Duration::from_millis(1000)).await;
        assert_eq!(receiver.received().len(), 2, "a disabled endpoint gets nothing");

        // Enabled again, it gets what comes next.
        let response = app.patch(&path, t, json!({"enabled": true})).await;
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["enabled"], true);
        assert_eq!(body["disabled_reason"], Value::Null);
        app.create_contact(t, json!({"first_name": "Jo"})).await;
        let got = receiver.wait_until(10, |r| r.len() == 3).await;
        assert_eq!(got[2].json()["data"]["data"]["first_name"], "Jo");
    }

    async fn rotation_signs_with_both_secrets_until_the_overlap_ends(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        let webhook = subscribe(&app, t, json!({"url": receiver.url, "event_types": ["contact.created"]})).await;
        let old = text(&webhook["secret"]);
        let path = format!("/v1/webhooks/{}/rotate-secret", text(&webhook["id"]));
        let response = app.post(&path, t, json!({})).await;
        assert_eq!(response.status(), 200);
        let rotated: Value = response.json().await.unwrap();
        let new = text(&rotated["secret"]);
        assert_ne!(new, old);
        let until = chrono::DateTime::parse_from_rfc3339(&text(&rotated["previous_secret_valid_until"])).unwrap();
        let hours = (until.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes() as f64 / 60.0;
        assert!((23.9..=24.0).contains(&hours), "{hours}");

        app.create_contact(t, json!({"first_name": "Kai"})).await;
        let got = receiver.wait_until(10, |r| r.len() == 1).await;
        assert_eq!(got[0].signatures.split(' ').count(), 2);
        assert!(got[0].signed_with(&new) && got[0].signed_with(&old));

        // The overlap over, only the new secret signs.
        app.database.execute(&format!(
            "UPDATE webhook_endpoints SET previous_secret_until = created_at WHERE id = '{}'",
            text(&webhook["id"])
        ));
        app.create_contact(t, json!({"first_name": "Lea"})).await;
        let got = receiver.wait_until(10, |r| r.len() == 2).await;
        assert!(got[1].signed_with(&new));
        assert!(!got[1].signed_with(&old));
        assert_eq!(got[1].signatures.split(' ').count(), 1);
    }

    async fn tests_and_retries_on_request_and_nothing_of_another_workspace(app) {
        let owner = app.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        let webhook = subscribe(&app, t, json!({"url": receiver.url, "event_types": ["introduction.created"]})).await;
        let id = text(&webhook["id"]);
        let response = app.post(&format!("/v1/webhooks/{id}/test"), t, json!({})).await;
        assert_eq!(response.status(), 202);
        let delivery: Value = response.json().await.unwrap();
        assert_eq!(delivery["event_type"], "webhook.test");
        let got = receiver.wait_until(10, |r| r.len() == 1).await;
        assert_eq!(got[0].event(), "webhook.test");
        assert_eq!(got[0].json()["data"]["webhook_id"], id.as_str());
        assert_eq!(got[0].id, text(&delivery["id"]));
        assert!(got[0].signed_with(&text(&webhook["secret"])));

        let one = format!("/v1/webhooks/{id}/deliveries/{}", text(&delivery["id"]));
        wait_for_deliveries(&app, t, &webhook, |list| list.len() == 1 && list[0]["status"] == "succeeded").await;
        let response = app.post(&format!("{one}/retry"), t, json!({})).await;
        assert_eq!(response.status(), 202);
        let got = receiver.wait_until(10, |r| r.len() == 2).await;
        assert_eq!(got[1].id, got[0].id);
        let again: Value = app.get(&one, t).await.json().await.unwrap();
        assert!(again["attempts"] == 2 || again["status"] == "pending", "{again}");
        let metrics = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("webhook_attempts_total{outcome=\"delivered\"}"), "{metrics}");
        assert!(metrics.contains("webhook_delivery_lag_seconds"), "{metrics}");

        // Another workspace sees none of it, and members cannot manage webhooks.
        let stranger = app.signup().await;
        for path in [format!("/v1/webhooks/{id}"), format!("/v1/webhooks/{id}/deliveries"), one.clone()] {
            assert_problem(app.get(&path, &stranger.token).await, 404, "not_found").await;
        }
        assert_problem(app.post(&format!("/v1/webhooks/{id}/test"), &stranger.token, json!({})).await, 404, "not_found").await;
        let listed: Value = app.get("/v1/webhooks", &stranger.token).await.json().await.unwrap();
        assert_eq!(listed["data"], json!([]));
        let member = app.signup().await;
        let (member_token, _) = app.join(&owner, &member, "member").await;
        assert_problem(app.get("/v1/webhooks", &member_token).await, 403, "forbidden").await;

        // Bad subscriptions say which field and why.
        for (body, field) in [
            (json!({"url": "ftp://example.com/x", "event_types": ["*"]}), "/url"),
            (json!({"url": "https://user:pw@example.com/x", "event_types": ["*"]}), "/url"),
            (json!({"url": "https://example.com/x", "event_types": []}), "/event_types"),
            (json!({"url": "https://example.com/x", "event_types": ["contact.exploded"]}), "/event_types"),
            (json!({"url": "https://example.com/x", "event_types": ["*"], "member_id": stranger.member_id}), "/member_id"),
        ] {
            let problem = assert_problem(app.post("/v1/webhooks", t, body.clone()).await, 422, "validation_failed").await;
            assert_eq!(crate::helpers::pointers(&problem), [field], "{body}");
        }

        // Deleting the endpoint takes its deliveries with it.
        assert_eq!(app.delete(&format!("/v1/webhooks/{id}"), t).await.status(), 204);
        assert_problem(app.get(&one, t).await, 404, "not_found").await;
    }
}

/// Two instances on one database, every member due: each member's digest goes out once.
#[tokio::test]
async fn the_daily_digest_goes_out_once_a_day_per_member() {
    for backend in Backend::all() {
        let app = TestApp::spawn(&backend).await;
        let other_instance = TestApp::spawn_with(&backend, app.database.shared(), |_| {}).await;
        let owner = app.signup().await;
        let t = &owner.token;
        let colleague = app.signup().await;
        let (colleague_token, colleague_member) = app.join(&owner, &colleague, "viewer").await;
        let everyone = Receiver::start().await;
        let only_mine = Receiver::start().await;
        subscribe(
            &app,
            t,
            json!({"url": everyone.url, "event_types": ["nurture.daily_digest"]}),
        )
        .await;
        subscribe(&app, t, json!({"url": only_mine.url, "event_types": ["nurture.daily_digest"], "member_id": owner.member_id})).await;
        app.create_contact(
            t,
            json!({"first_name": "Ana", "relationship_kind": "client"}),
        )
        .await;

        // Hour 0 has always come: both are due now, wherever the clock stands.
        let mine = format!("/v1/members/{}/digest", owner.member_id);
        let theirs = format!("/v1/members/{colleague_member}/digest");
        let response = app
            .request(reqwest::Method::PUT, &mine, Some(t))
            .json(&json!({"hour": 0, "time_zone": "Europe/Lisbon"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let response = other_instance
            .request(reqwest::Method::PUT, &theirs, Some(&colleague_token))
            .json(&json!({"hour": 0, "time_zone": "Asia/Tokyo"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "a viewer sets their own digest");

        let got = everyone.wait_until(20, |r| r.len() >= 2).await;
        only_mine.wait_until(20, |r| !r.is_empty()).await;
        // Both instances look again within a digest cycle: nothing more goes out today.
        tokio::time::sleep(Duration::from_secs(7)).await;
        let got_all = everyone.received();
        assert_eq!(
            got_all.len(),
            2,
            "{:?}",
            got_all.iter().map(|r| r.body.clone()).collect::<Vec<_>>()
        );
        let mut members: Vec<String> = got
            .iter()
            .map(|r| text(&r.json()["data"]["member_id"]))
            .collect();
        members.sort();
        let mut expected = vec![owner.member_id.clone(), colleague_member.clone()];
        expected.sort();
        assert_eq!(members, expected);
        let mine_got = only_mine.received();
        assert_eq!(mine_got.len(), 1);
        let digest = mine_got[0].json();
        assert_eq!(digest["type"], "nurture.daily_digest");
        assert_eq!(digest["data"]["time_zone"], "Europe/Lisbon");
        let actions = digest["data"]["actions"].as_array().unwrap();
        assert_eq!(actions[0]["contact"]["first_name"], "Ana");
        assert!(!text(&actions[0]["reason"]).is_empty());

        let schedule: Value = app.get(&mine, t).await.json().await.unwrap();
        assert_eq!(schedule["hour"], 0);
        assert_eq!(schedule["last_sent_on"], digest["data"]["date"]);
        let next = chrono::DateTime::parse_from_rfc3339(&text(&schedule["next_at"])).unwrap();
        assert!(
            next > chrono::Utc::now(),
            "the next one is tomorrow: {schedule}"
        );

        // Who may set what, and bad input.
        let stranger = app.signup().await;
        assert_problem(app.get(&mine, &stranger.token).await, 404, "not_found").await;
        assert_problem(app.get(&mine, &colleague_token).await, 403, "forbidden").await;
        for (body, field) in [
            (json!({"hour": 24, "time_zone": "UTC"}), "/hour"),
            (
                json!({"hour": 8, "time_zone": "Mars/Olympus"}),
                "/time_zone",
            ),
        ] {
            let response = app
                .request(reqwest::Method::PUT, &mine, Some(t))
                .json(&body)
                .send()
                .await
                .unwrap();
            let problem = assert_problem(response, 422, "validation_failed").await;
            assert_eq!(crate::helpers::pointers(&problem), [field]);
        }
    }
}

/// An endpoint that keeps failing is disabled and says why (days by default; a second
/// here), and finished deliveries older than 30 days are pruned.
#[tokio::test]
async fn an_endpoint_failing_too_long_is_disabled_and_old_records_go() {
    for backend in Backend::all() {
        let database = TestDatabase::create(&backend);
        let app = TestApp::spawn_with(&backend, database.shared(), |settings| {
            settings.webhook_disable_after_seconds = 1;
        })
        .await;
        let owner = app.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        receiver.answer(&[500; 10]);
        let webhook = subscribe(
            &app,
            t,
            json!({"url": receiver.url, "event_types": ["contact.created"]}),
        )
        .await;
        app.create_contact(t, json!({"first_name": "Ola"})).await;
        let path = format!("/v1/webhooks/{}", text(&webhook["id"]));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        let disabled = loop {
            let now: Value = app.get(&path, t).await.json().await.unwrap();
            if now["enabled"] == false {
                break now;
            }
            assert!(tokio::time::Instant::now() < deadline, "{now}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert!(
            text(&disabled["disabled_reason"]).contains("without one success"),
            "{disabled}"
        );
        let attempts = receiver.received().len();
        assert!((2..=3).contains(&attempts), "{attempts} attempts");

        // A finished record older than 30 days is gone after the next prune (at start).
        let response = app.post(&format!("{path}/test"), t, json!({})).await;
        let delivery: Value = response.json().await.unwrap();
        app.database.execute(
            &format!(
                "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, \
             finished_at = created_at - INTERVAL_31_DAYS WHERE id = '{}'",
                text(&delivery["id"])
            )
            .replace(
                "created_at - INTERVAL_31_DAYS",
                match backend {
                    Backend::Sqlite => "datetime(created_at, '-31 days')",
                    Backend::Postgres(_) => "created_at - INTERVAL '31 days'",
                },
            ),
        );
        drop(app);
        let restarted = TestApp::spawn_with(&backend, database.shared(), |_| {}).await;
        let one = format!("{path}/deliveries/{}", text(&delivery["id"]));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while restarted.get(&one, t).await.status() != 404 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the old record stays"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let left = deliveries(&restarted, t, &webhook).await;
        assert_eq!(left.len(), 1, "the recent record stays: {left:?}");
    }
}

#[tokio::test]
async fn internal_addresses_are_refused_when_subscribing_and_when_connecting() {
    for backend in Backend::all() {
        let app = TestApp::spawn_with(&backend, TestDatabase::create(&backend), |settings| {
            settings.webhook_allow_private = false;
        })
        .await;
        let owner = app.signup().await;
        let t = &owner.token;
        for url in [
            "http://127.0.0.1:9/hooks",
            "http://[::1]/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.8/hooks",
            "http://localhost:8080/hooks",
        ] {
            let problem = assert_problem(
                app.post("/v1/webhooks", t, json!({"url": url, "event_types": ["*"]}))
                    .await,
                422,
                "validation_failed",
            )
            .await;
            assert_eq!(crate::helpers::pointers(&problem), ["/url"], "{url}");
        }
        // Addresses that became internal after subscribing (DNS changed) are not called.
        let receiver = Receiver::start().await;
        let webhook = subscribe(
            &app,
            t,
            json!({"url": "https://hooks.example.com/in", "event_types": ["*"]}),
        )
        .await;
        let named = receiver.url.replace("127.0.0.1", "localhost");
        for url in [receiver.url.as_str(), named.as_str()] {
            app.database.execute(&format!(
                "UPDATE webhook_endpoints SET url = '{url}' WHERE id = '{}'",
                text(&webhook["id"])
            ));
            let response = app
                .post(
                    &format!("/v1/webhooks/{}/test", text(&webhook["id"])),
                    t,
                    json!({}),
                )
                .await;
            assert_eq!(response.status(), 202);
            let delivery: Value = response.json().await.unwrap();
            let path = format!(
                "/v1/webhooks/{}/deliveries/{}",
                text(&webhook["id"]),
                text(&delivery["id"])
            );
            let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
            let tried = loop {
                let now: Value = app.get(&path, t).await.json().await.unwrap();
                if now["attempts"].as_i64() > Some(0) && now["last_response"].is_string() {
                    break now;
                }
                assert!(tokio::time::Instant::now() < deadline, "{now}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            let why = text(&tried["last_response"]);
            assert!(
                why.contains("loopback") || why.contains("this machine"),
                "{url}: {why}"
            );
            assert_eq!(tried["last_status_code"], Value::Null);
        }
        assert!(
            receiver.received().is_empty(),
            "nothing reached the internal address"
        );
    }
}

/// Two instances on one PostgreSQL database deliver every event once.
#[tokio::test]
async fn two_instances_deliver_a_thousand_events_with_no_attempt_made_twice() {
    for backend in Backend::all() {
        if matches!(backend, Backend::Sqlite) {
            continue;
        }
        let first = TestApp::spawn(&backend).await;
        let second = TestApp::spawn_with(&backend, first.database.shared(), |_| {}).await;
        let owner = first.signup().await;
        let t = &owner.token;
        let receiver = Receiver::start().await;
        subscribe(
            &first,
            t,
            json!({"url": receiver.url, "event_types": ["contact.created"]}),
        )
        .await;
        for chunk in 0..10 {
            let operations: Vec<Value> = (0..100)
                .map(|i| json!({"op": "create", "contact": {"first_name": format!("Person {chunk}-{i}")}}))
                .collect();
            let app = if chunk % 2 == 0 { &first } else { &second };
            let response = app
                .post("/v1/contacts/batch", t, json!({"operations": operations}))
                .await;
            assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
        }
        let got = receiver.wait_until(60, |r| r.len() >= 1000).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let got = if receiver.received().len() > got.len() {
            receiver.received()
        } else {
            got
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for received in &got {
            *seen.entry(received.id.clone()).or_default() += 1;
        }
        let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "attempted twice: {twice:?}");
        assert_eq!(got.len(), 1000);
    }
}

/// The change is in the feed the moment it commits, so an instance that starts later
/// delivers what one that stopped (or crashed) had not.
#[tokio::test]
async fn a_change_committed_while_no_worker_ran_is_delivered_after_a_restart() {
    for backend in Backend::all() {
        let database = TestDatabase::create(&backend);
        let receiver = Receiver::start().await;
        let serving = TestApp::spawn_with(&backend, database.shared(), |settings| {
            settings.webhook_worker = false;
        })
        .await;
        let owner = serving.signup().await;
        let t = &owner.token;
        subscribe(
            &serving,
            t,
            json!({"url": receiver.url, "event_types": ["contact.created"]}),
        )
        .await;
        serving.create_contact(t, json!({"first_name": "Mo"})).await;
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert!(receiver.received().is_empty(), "no worker, no delivery yet");
        drop(serving);
        let delivering = TestApp::spawn_with(&backend, database.shared(), |_| {}).await;
        let got = receiver.wait_until(10, |r| r.len() == 1).await;
        assert_eq!(got[0].json()["data"]["data"]["first_name"], "Mo");
        drop(delivering);
    }
}

/// `rapport serve` as a process of its own, on `database_url`.
/// Killed (SIGKILL) while an attempt is in flight, the next process attempts it again once
/// the dead one's lease ends: at least once, nothing lost.
#[tokio::test]
async fn a_delivery_in_flight_when_the_server_is_killed_is_made_after_a_restart() {
    for backend in Backend::all() {
        let database = TestDatabase::create(&backend);
        let webhooks = [
            ("RAPPORT_WEBHOOK_ALLOW_PRIVATE", "true"),
            ("RAPPORT_WEBHOOK_TIMEOUT_SECONDS", "2"),
            ("RAPPORT_WEBHOOK_RETRY_SCHEDULE", "1"),
        ];
        let receiver = Receiver::start().await;
        receiver.answer(&[HANG]);
        let first = Process::start(&database, &webhooks).await;
        let client = reqwest::Client::new();
        let post = |path: &str, token: Option<&str>, body: Value| {
            let mut request = client.post(format!("{}{path}", first.address)).json(&body);
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request.send()
        };
        let session: Value = post("/v1/auth/register", None, json!({"email": "killed@example.com", "password": "correct horse battery staple", "name": "K", "workspace_name": "K"}))
            .await.unwrap().json().await.unwrap();
        let token = text(&session["access_token"]);
        let response = post(
            "/v1/webhooks",
            Some(&token),
            json!({"url": receiver.url, "event_types": ["contact.created"]}),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), 201);
        let response = post("/v1/contacts", Some(&token), json!({"first_name": "Nia"}))
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        receiver.wait_until(10, |r| r.len() == 1).await;
        drop(first); // SIGKILL, mid-attempt: the receiver has not answered.

        let _second = Process::start(&database, &webhooks).await;
        let got = receiver.wait_until(30, |r| r.len() == 2).await;
        assert_eq!(got[1].id, got[0].id, "the same delivery, attempted again");
        assert_eq!(got[1].answered, 200);
        assert_eq!(got[1].json()["data"]["data"]["first_name"], "Nia");
    }
}
