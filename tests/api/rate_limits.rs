use std::num::NonZeroU32;

use reqwest::Response;
use serde_json::json;

use crate::helpers::{assert_problem, Backend, TestApp, TestDatabase};

async fn limited_app(auth_per_minute: u32, api_per_minute: u32) -> TestApp {
    limited_workspaces_app(auth_per_minute, api_per_minute, 100_000).await
}

async fn limited_workspaces_app(
    auth_per_minute: u32,
    api_per_minute: u32,
    workspace_per_minute: u32,
) -> TestApp {
    let backend = Backend::Sqlite;
    TestApp::spawn_with(&backend, TestDatabase::create(&backend), |settings| {
        settings.rate_limit_auth_per_minute = NonZeroU32::new(auth_per_minute).unwrap();
        settings.rate_limit_api_per_minute = NonZeroU32::new(api_per_minute).unwrap();
        settings.rate_limit_workspace_per_minute = NonZeroU32::new(workspace_per_minute).unwrap();
    })
    .await
}

/// The IETF RateLimit fields of a response: limit, remaining, reset.
fn standing(response: &Response) -> (u64, u64, u64) {
    let field = |name: &str| -> u64 {
        response.headers()[name]
            .to_str()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("{name} is a number"))
    };
    (
        field("ratelimit-limit"),
        field("ratelimit-remaining"),
        field("ratelimit-reset"),
    )
}

/// Limits live in the instance's memory, not in the database: one backend suffices.
#[tokio::test]
async fn password_guessing_is_slowed_to_the_session_limit() {
    let app = limited_app(3, 1000).await;
    let account = app.signup().await;
    for _ in 0..2 {
        let guess = app
            .post_public(
                "/v1/auth/login",
                json!({"email": account.email, "password": "guess guess guess"}),
            )
            .await;
        assert_eq!(guess.status(), 401);
    }
    let refused = app
        .post_public(
            "/v1/auth/login",
            json!({"email": account.email, "password": account.password}),
        )
        .await;
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    assert_problem(refused, 429, "rate_limited").await;
}

#[tokio::test]
async fn each_user_has_their_own_api_budget() {
    let app = limited_app(1000, 5).await;
    let greedy = app.signup().await;
    let patient = app.signup().await;
    for _ in 0..5 {
        assert_eq!(app.get("/v1/contacts", &greedy.token).await.status(), 200);
    }
    let refused = app.get("/v1/contacts", &greedy.token).await;
    assert!(refused.headers().contains_key("retry-after"));
    assert_problem(refused, 429, "rate_limited").await;
    assert_eq!(
        app.get("/v1/contacts", &patient.token).await.status(),
        200,
        "another user is not slowed down"
    );
    let health = app
        .request(reqwest::Method::GET, "/healthz", None)
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200, "operations endpoints are not limited");
}

#[tokio::test]
async fn every_response_tells_where_the_caller_stands() {
    // 6 a minute: one comes back every 10 s.
    let app = limited_app(1000, 6).await;
    let account = app.signup().await;
    for spent in 1..=6 {
        let response = app.get("/v1/contacts", &account.token).await;
        assert_eq!(response.status(), 200);
        let (limit, remaining, reset) = standing(&response);
        assert_eq!((limit, remaining), (6, 6 - spent));
        assert!(
            reset > (spent - 1) * 10 && reset <= spent * 10,
            "{spent} spent: whole again in {reset} s"
        );
    }
    let refused = app.get("/v1/contacts", &account.token).await;
    assert_eq!(refused.status(), 429);
    let (limit, remaining, reset) = standing(&refused);
    assert_eq!((limit, remaining), (6, 0));
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&retry_after), "Retry-After {retry_after}");
    assert!((50..=60).contains(&reset), "whole again in {reset} s");

    let anonymous = app
        .request(reqwest::Method::GET, "/v1/contacts", None)
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(
        standing(&anonymous).0,
        6,
        "a request without credentials counts per address"
    );
    let login = app.login_response(&account).await;
    assert_eq!(
        standing(&login).0,
        1000,
        "the session endpoints tell their own limit"
    );
}

#[tokio::test]
async fn an_api_key_has_its_own_budget_and_a_workspace_shares_one() {
    let app = limited_workspaces_app(1000, 3, 8).await;
    let owner = app.signup().await;
    let (_, first) = app.create_api_key(&owner.token, &["read"]).await;
    let (_, second) = app.create_api_key(&owner.token, &["read"]).await;
    assert_eq!(app.get("/v1/contacts", &owner.token).await.status(), 200);
    // The owner has spent 3 of 3, the workspace 3 of 8.
    assert_problem(
        app.get("/v1/contacts", &owner.token).await,
        429,
        "rate_limited",
    )
    .await;

    // A key is not slowed by the person who made it: its own limit binds it most.
    let by_first = app.get("/v1/contacts", &first).await;
    assert_eq!(by_first.status(), 200);
    assert_eq!((standing(&by_first).0, standing(&by_first).1), (3, 2));
    for _ in 0..2 {
        assert_eq!(app.get("/v1/contacts", &first).await.status(), 200);
    }
    // The workspace has spent 6 of 8: the second key, with 3 of its own, meets it first.
    let by_second = app.get("/v1/contacts", &second).await;
    assert_eq!(by_second.status(), 200);
    assert_eq!((standing(&by_second).0, standing(&by_second).1), (8, 1));
    let by_second = app.get("/v1/contacts", &second).await;
    assert_eq!((standing(&by_second).0, standing(&by_second).1), (8, 0));
    let refused = app.get("/v1/contacts", &second).await;
    assert_eq!(standing(&refused).0, 8, "refused by the workspace's limit");
    assert_problem(refused, 429, "rate_limited").await;

    let other = app.signup().await;
    assert_eq!(
        app.get("/v1/contacts", &other.token).await.status(),
        200,
        "another workspace is untouched"
    );
}
