use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use rapport::config::Settings;
use rapport::db::DatabaseUrl;
use rapport::startup::Application;
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};

/// A secret for tests that need to forge tokens; the default app generates its own.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";

/// Runs each test body once per backend: SQLite always, PostgreSQL when configured.
macro_rules! on_every_backend {
    ($(async fn $name:ident($app:ident) $body:block)*) => {$(
        #[tokio::test]
        async fn $name() {
            for backend in $crate::helpers::Backend::all() {
                let $app = $crate::helpers::TestApp::spawn(&backend).await;
                $body
            }
        }
    )*};
}
pub(crate) use on_every_backend;

#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    /// The URL of a PostgreSQL database where the harness may create databases.
    Postgres(String),
}

impl Backend {
    pub fn all() -> Vec<Backend> {
        let mut backends = vec![Backend::Sqlite];
        if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
            if !url.is_empty() {
                backends.push(Backend::Postgres(url));
            }
        }
        backends
    }
}

/// A fresh database that disappears with the test.
pub struct TestDatabase {
    pub url: DatabaseUrl,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    pub fn create(backend: &Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("rapport.db");
                Self {
                    url: DatabaseUrl::Sqlite(path.display().to_string()),
                    _dir: Some(dir),
                    postgres: None,
                }
            }
            Backend::Postgres(admin_url) => {
                let name = format!("rapport_test_{}", uuid::Uuid::now_v7().simple());
                let mut admin =
                    PgConnection::establish(admin_url).expect("TEST_DATABASE_URL reachable");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("create test database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .expect("TEST_DATABASE_URL names a database");
                let url = format!("{base}/{name}");
                Self {
                    url: DatabaseUrl::Postgres(url),
                    _dir: None,
                    postgres: Some((admin_url.clone(), name)),
                }
            }
        }
    }
}

impl TestDatabase {
    /// Runs SQL on the database directly, as an older version of Rapport (or an operator)
    /// would have written it.
    pub fn execute(&self, sql: &str) {
        match &self.url {
            DatabaseUrl::Sqlite(path) => SqliteConnection::establish(path)
                .expect("open the test database")
                .batch_execute(sql),
            DatabaseUrl::Postgres(url) => PgConnection::establish(url)
                .expect("open the test database")
                .batch_execute(sql),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// The same database for a second app; the original still owns its clean-up.
    pub fn shared(&self) -> Self {
        Self {
            url: self.url.clone(),
            _dir: None,
            postgres: None,
        }
    }
}

impl TestDatabase {
    /// The `DATABASE_URL` that names this database to the `rapport` binary.
    pub fn connection_url(&self) -> String {
        match &self.url {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
            DatabaseUrl::Postgres(url) => url.clone(),
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = &self.postgres {
            if let Ok(mut admin) = PgConnection::establish(admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin);
            }
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub backend: Backend,
    server: actix_web::dev::ServerHandle,
    // Dropped after the server is told to stop.
    pub database: TestDatabase,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Sends the stop command now; nobody needs to wait for it to finish.
        drop(self.server.stop(false));
    }
}

/// A registered user with a session in their own new workspace.
#[derive(Debug, Clone)]
pub struct Account {
    pub email: String,
    pub password: String,
    pub token: String,
    pub refresh_token: String,
    pub user_id: String,
    pub member_id: String,
    pub workspace_id: String,
}

impl TestApp {
    pub async fn spawn(backend: &Backend) -> Self {
        Self::spawn_with(backend, TestDatabase::create(backend), |_| {}).await
    }

    /// An app whose `/v1/auth` rate limit lets a test sign up and log in many times.
    pub async fn spawn_for_many_sessions(backend: &Backend) -> Self {
        Self::spawn_with(backend, TestDatabase::create(backend), |settings| {
            settings.rate_limit_auth_per_minute = std::num::NonZeroU32::new(10_000).unwrap();
        })
        .await
    }

    /// Starts an app on `database` with settings adjusted by `configure`.
    pub async fn spawn_with(
        backend: &Backend,
        database: TestDatabase,
        configure: impl FnOnce(&mut Settings),
    ) -> Self {
        let mut settings = Settings::for_tests(database.url.clone());
        configure(&mut settings);
        let app = Application::build(settings).await.expect("app starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let server = app.server_handle();
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            address,
            client,
            backend: backend.clone(),
            server,
            database,
        }
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self
            .client
            .request(method, format!("{}{}", self.address, path));
        match token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token))
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.request(Method::POST, path, Some(token))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Response {
        self.request(Method::PATCH, path, Some(token))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.request(Method::DELETE, path, Some(token))
            .send()
            .await
            .unwrap()
    }

    pub async fn post_public(&self, path: &str, body: Value) -> Response {
        self.request(Method::POST, path, None)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// Registers a new user (and their workspace).
    pub async fn signup(&self) -> Account {
        let email = format!("user-{}@example.com", uuid::Uuid::now_v7().simple());
        let password = "correct horse battery staple".to_owned();
        let response = self
            .post_public("/v1/auth/register", json!({"email": email, "password": password, "name": "Test User", "workspace_name": "Test Workspace"}))
            .await;
        assert_eq!(response.status(), 201, "register failed");
        let session: Value = response.json().await.unwrap();
        Account {
            email,
            password,
            token: text(&session["access_token"]),
            refresh_token: text(&session["refresh_token"]),
            user_id: text(&session["user"]["id"]),
            member_id: text(&session["member_id"]),
            workspace_id: text(&session["workspace"]["id"]),
        }
    }

    /// Sends `account`'s login, whatever the answer.
    pub async fn login_response(&self, account: &Account) -> Response {
        self.post_public(
            "/v1/auth/login",
            json!({"email": account.email, "password": account.password}),
        )
        .await
    }

    /// Logs `account` in to `workspace_id`, returning the session document.
    pub async fn login(&self, account: &Account, workspace_id: Option<&str>) -> Value {
        let response = self
            .post_public("/v1/auth/login", json!({"email": account.email, "password": account.password, "workspace_id": workspace_id}))
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    /// `owner` invites `newcomer` to their workspace with `role`, and the newcomer accepts;
    /// returns the newcomer's token for that workspace and their member id there.
    pub async fn join(&self, owner: &Account, newcomer: &Account, role: &str) -> (String, String) {
        let response = self
            .post(
                "/v1/workspace/invitations",
                &owner.token,
                json!({"email": newcomer.email, "role": role}),
            )
            .await;
        assert_eq!(response.status(), 201);
        let invitation: Value = response.json().await.unwrap();
        let path = format!("/v1/invitations/{}/accept", text(&invitation["id"]));
        let response = self.post(&path, &newcomer.token, json!({})).await;
        assert_eq!(response.status(), 200);
        let joined: Value = response.json().await.unwrap();
        let session = self.login(newcomer, Some(&owner.workspace_id)).await;
        (text(&session["access_token"]), text(&joined["member_id"]))
    }

    /// The `field` of every item of the list page at `path`, as text.
    pub async fn listed(&self, path: &str, token: &str, field: &str) -> Vec<String> {
        let response = self.get(path, token).await;
        assert_eq!(response.status(), 200, "GET {path}");
        let page: Value = response.json().await.unwrap();
        page["data"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: {page}"))
            .iter()
            .map(|item| text(&item[field]))
            .collect()
    }

    /// `token` makes an API key with `scopes`; returns its id and its secret.
    pub async fn create_api_key(&self, token: &str, scopes: &[&str]) -> (String, String) {
        let response = self
            .post(
                "/v1/api-keys",
                token,
                json!({"name": "Sync", "scopes": scopes}),
            )
            .await;
        let status = response.status();
        let key: Value = response.json().await.unwrap();
        assert_eq!(status, 201, "create API key: {key}");
        (text(&key["id"]), text(&key["secret"]))
    }

    pub async fn create_contact(&self, token: &str, body: Value) -> Value {
        let response = self.post("/v1/contacts", token, body).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(status, 201, "create contact: {body}");
        body
    }
}

pub fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected a string, got {value}"))
        .to_owned()
}

/// The statuses of a referral request's history, oldest first.
pub fn history(request: &Value) -> Vec<String> {
    request["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| text(&change["status"]))
        .collect()
}

/// Asserts a problem+json response with `status` and `code`; returns the problem.
pub async fn assert_problem(response: Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status().as_u16(), status, "unexpected status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert!(
        content_type.starts_with("application/problem+json"),
        "content type {content_type}"
    );
    let request_id = response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], code, "{problem}");
    assert_eq!(problem["status"], status, "{problem}");
    assert_eq!(problem["request_id"], request_id, "{problem}");
    problem
}

/// The pointers named in a validation problem.
pub fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| text(&e["pointer"]))
        .collect()
}

/// `rapport serve` as a process of its own, for what a test cannot do to an app inside
/// it: kill it (SIGKILL) when dropped.
pub struct Process {
    child: std::process::Child,
    pub address: String,
}

impl Process {
    /// Starts the server on `database` with rate limits out of the way and `env` added,
    /// and waits until it is ready.
    pub async fn start(database: &TestDatabase, env: &[(&str, &str)]) -> Self {
        Self::start_logging_to(database, env, std::process::Stdio::null()).await
    }

    /// As `start`, with the server's log (stderr) written to `log`.
    pub async fn start_logging_to(
        database: &TestDatabase,
        env: &[(&str, &str)],
        log: impl Into<std::process::Stdio>,
    ) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
            .arg("serve")
            .env("DATABASE_URL", database.connection_url())
            .env("RAPPORT_PORT", port.to_string())
            .env("RATE_LIMIT_AUTH_PER_MINUTE", "1000000")
            .env("RATE_LIMIT_API_PER_MINUTE", "1000000")
            .env("RATE_LIMIT_WORKSPACE_PER_MINUTE", "1000000")
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let process = Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        for _ in 0..100 {
            let ready = client
                .get(format!("{}/readyz", process.address))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200);
            if ready {
                return process;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        drop(process);
        panic!("rapport serve did not become ready");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
