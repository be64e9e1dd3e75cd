use std::num::NonZeroU32;

use serde_json::json;

use crate::helpers::{assert_problem, Backend, TestApp, TestDatabase};

async fn limited_app(auth_per_minute: u32, api_per_minute: u32) -> TestApp {
    let backend = Backend::Sqlite;
    TestApp::spawn_with(&backend, TestDatabase::create(&backend), |settings| {
        settings.rate_limit_auth_per_minute = NonZeroU32::new(auth_per_minute).unwrap();
        settings.rate_limit_api_per_minute = NonZeroU32::new(api_per_minute).unwrap();
    })
    .await
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
