//! When the database fails: PostgreSQL made unreachable through a proxy of the test's own
//! (never by stopping the machine's server), then reachable again; and when the server
//! process is killed in the middle of writes.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinSet;

use crate::helpers::{assert_problem, Backend, Process, TestApp, TestDatabase};
use rapport::db::DatabaseUrl;

/// Forwards TCP connections from a local port to PostgreSQL until it is dropped, which
/// cuts every connection at once.
struct Proxy {
    tasks: JoinSet<()>,
}

impl Proxy {
    async fn start(port: u16, upstream: SocketAddr) -> Self {
        let socket = TcpSocket::new_v4().unwrap();
        socket.set_reuseaddr(true).unwrap();
        socket
            .bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .unwrap();
        let listener: TcpListener = socket.listen(64).unwrap();
        let mut tasks = JoinSet::new();
        tasks.spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                connections.spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        Self { tasks }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

// The app's start-up blocks its thread while it connects: the proxy runs on another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_gone_is_a_quick_503_and_its_return_heals_the_service() {
    let Some(backend @ Backend::Postgres(_)) = Backend::all()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let real = TestDatabase::create(&backend);
    let DatabaseUrl::Postgres(url) = &real.url else {
        unreachable!()
    };
    let port = free_port();
    let proxied = url.replacen("127.0.0.1:5432", &format!("127.0.0.1:{port}"), 1);
    assert_ne!(&proxied, url, "the test database is on 127.0.0.1:5432");
    let mut proxy = Proxy::start(port, "127.0.0.1:5432".parse().unwrap()).await;
    let mut through_proxy = real.shared();
    through_proxy.url = DatabaseUrl::Postgres(proxied);
    let app = TestApp::spawn_with(&backend, through_proxy, |_| {}).await;
    let account = app.signup().await;
    assert_eq!(app.get("/v1/contacts", &account.token).await.status(), 200);

    // Gone: every connection cut, nothing listening.
    proxy.tasks.abort_all();
    while proxy.tasks.join_next().await.is_some() {}
    for path in ["/v1/contacts", "/readyz"] {
        let started = Instant::now();
        let response = app.get(path, &account.token).await;
        let waited = started.elapsed();
        assert_eq!(response.headers()["retry-after"], "1", "{path}");
        assert_problem(response, 503, "database_unavailable").await;
        assert!(
            waited < Duration::from_secs(5),
            "{path} answered after {waited:?}"
        );
    }

    // Back: the service heals without a restart.
    let _proxy = Proxy::start(port, "127.0.0.1:5432".parse().unwrap()).await;
    let started = Instant::now();
    loop {
        let status = app.get("/v1/contacts", &account.token).await.status();
        if status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still {status} after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let created = app
        .post(
            "/v1/contacts",
            &account.token,
            json!({"first_name": "Back"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    drop(app);
    drop(real);
}

/// One client's write: a contact named after its `Idempotency-Key`.
async fn create(
    client: &reqwest::Client,
    address: &str,
    token: &str,
    key: &str,
) -> reqwest::Result<reqwest::Response> {
    client
        .post(format!("{address}/v1/contacts"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"first_name": "Killed", "last_name": key}))
        .send()
        .await
}

/// What one client's write came to before the kill.
struct Write {
    key: String,
    /// The id the server answered with; `None` when no answer came.
    acknowledged: Option<String>,
}

/// kill -9 while eight clients write: every write the server acknowledged is there after a
/// restart, and retrying the unanswered ones with their `Idempotency-Key`s (once the
/// claims count as abandoned) leaves each write done exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_under_writes_keeps_every_acknowledged_write_and_retries_write_once() {
    let runs: Vec<_> = Backend::all()
        .into_iter()
        .map(|backend| tokio::spawn(killed_under_writes(backend)))
        .collect();
    for run in runs {
        run.await.unwrap();
    }
}

async fn killed_under_writes(backend: Backend) {
    let database = TestDatabase::create(&backend);
    let server = Process::start(&database, &[]).await;
    let client = reqwest::Client::new();
    let session: Value = client
        .post(format!("{}/v1/auth/register", server.address))
        .json(&json!({"email": "kill@example.com", "password": "correct horse battery staple", "name": "K", "workspace_name": "K"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = session["access_token"].as_str().unwrap().to_owned();

    let mut writers = JoinSet::new();
    for writer in 0..8 {
        let (client, address, token) = (client.clone(), server.address.clone(), token.clone());
        writers.spawn(async move {
            let mut writes = Vec::new();
            for n in 0.. {
                let key = format!("w{writer}-{n}");
                let answer = create(&client, &address, &token, &key).await;
                let Ok(response) = answer else {
                    writes.push(Write {
                        key,
                        acknowledged: None,
                    });
                    return writes;
                };
                let status = response.status();
                let body: Value = response.json().await.unwrap_or_default();
                assert_eq!(status, 201, "before the kill: {body}");
                let id = body["id"].as_str().unwrap().to_owned();
                writes.push(Write {
                    key,
                    acknowledged: Some(id),
                });
            }
            unreachable!()
        });
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    drop(server); // SIGKILL
    let mut writes = Vec::new();
    while let Some(done) = writers.join_next().await {
        writes.extend(done.unwrap());
    }
    let acknowledged: Vec<_> = writes.iter().filter(|w| w.acknowledged.is_some()).collect();
    assert!(
        acknowledged.len() >= 8,
        "{backend:?}: only {} writes before the kill",
        acknowledged.len()
    );

    let server = Process::start(&database, &[]).await;
    for write in &acknowledged {
        let id = write.acknowledged.as_deref().unwrap();
        let response = client
            .get(format!("{}/v1/contacts/{id}", server.address))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            200,
            "{backend:?}: acknowledged {} lost",
            write.key
        );
        let contact: Value = response.json().await.unwrap();
        assert_eq!(contact["last_name"], write.key.as_str());
    }

    // The claims of the unanswered requests count as abandoned after 30 seconds.
    tokio::time::sleep(Duration::from_secs(31)).await;
    for write in writes.iter().filter(|w| w.acknowledged.is_none()) {
        let retry = create(&client, &server.address, &token, &write.key)
            .await
            .unwrap();
        let status = retry.status().as_u16();
        let body: Value = retry.json().await.unwrap();
        // Run now, or carried out before the kill and said so; never done twice.
        let expected =
            status == 201 || (status == 409 && body["code"] == "idempotency_response_lost");
        assert!(
            expected,
            "{backend:?}: retry of {}: {status} {body}",
            write.key
        );
    }

    let mut times_written = std::collections::HashMap::<String, usize>::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_url = match &cursor {
            Some(cursor) => format!("{}/v1/contacts?limit=200&cursor={cursor}", server.address),
            None => format!("{}/v1/contacts?limit=200", server.address),
        };
        let page: Value = client
            .get(page_url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for contact in page["data"].as_array().unwrap() {
            *times_written
                .entry(contact["last_name"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    for write in &writes {
        assert_eq!(
            times_written.get(&write.key),
            Some(&1),
            "{backend:?}: {} written once",
            write.key
        );
    }
    drop(server);
}

/// A transaction whose connection dies says why it died: the rollback that fails after it
/// (the connection is gone) is secondary and must not hide the cause.
#[tokio::test]
async fn a_connection_killed_mid_transaction_is_logged_with_its_cause() {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, PgConnection};

    let Some(backend @ Backend::Postgres(_)) = Backend::all()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let database = TestDatabase::create(&backend);
    let url = database.connection_url();
    let log_path = tempfile::NamedTempFile::new().unwrap();
    let server = Process::start_logging_to(&database, &[], log_path.reopen().unwrap()).await;
    let client = reqwest::Client::new();
    let session: Value = client
        .post(format!("{}/v1/auth/register", server.address))
        .json(&json!({"email": "cut@example.com", "password": "correct horse battery staple", "name": "C", "workspace_name": "C"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = session["access_token"].as_str().unwrap().to_owned();
    let contact: Value = client
        .post(format!("{}/v1/contacts", server.address))
        .bearer_auth(&token)
        .json(&json!({"first_name": "Held"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = contact["id"].as_str().unwrap().to_owned();

    // The contact's row held from outside: the edit waits inside its transaction.
    let mut holder = PgConnection::establish(&url).unwrap();
    holder
        .batch_execute(&format!(
            "BEGIN; SELECT 1 FROM contacts WHERE id = '{id}' FOR UPDATE"
        ))
        .unwrap();
    let edit = tokio::spawn({
        let (client, address, token) = (client.clone(), server.address.clone(), token.clone());
        async move {
            client
                .patch(format!("{address}/v1/contacts/{id}"))
                .bearer_auth(&token)
                .json(&json!({"title": "Never"}))
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut admin = PgConnection::establish(&url).unwrap();
    admin
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() \
               AND state <> 'idle in transaction'",
        )
        .unwrap();
    assert_eq!(edit.await.unwrap(), 503);
    holder.batch_execute("ROLLBACK").unwrap();
    drop(server);

    // The failure is reported with its cause; the failed rollback only as a warning of its
    // own ("rollback failed after an error").
    let log = std::fs::read_to_string(log_path.path()).unwrap();
    let reported: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("the database is unavailable"))
        .collect();
    assert!(!reported.is_empty(), "{log}");
    for line in reported {
        assert!(line.contains("terminating connection"), "{log}");
    }
}
