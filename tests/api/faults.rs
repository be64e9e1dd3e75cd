//! When the database fails: PostgreSQL made unreachable through a proxy of the test's own
//! (never by stopping the machine's server), then reachable again.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinSet;

use crate::helpers::{assert_problem, Backend, TestApp, TestDatabase};
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
