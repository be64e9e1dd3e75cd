//! Assembles the application: database, migrations, signing keys, routes, middleware.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Condition};
use actix_web::{web, App, HttpResponse, HttpServer};
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::principal::authenticate;
use crate::auth::{tokens, TokenKeys};
use crate::config::Settings;
use crate::db::Db;
use crate::http::fallback::{self, RouteTable};
use crate::http::idempotency::idempotency;
use crate::http::observe::{observe, HttpMetrics};
use crate::http::rate_limit::{rate_limit, RateLimits};
use crate::http::security::{cors, security_headers};
use crate::network::cache::GraphCache;
use crate::openapi::{add_shared_conventions, ApiDoc};
use crate::{
    api_keys, auth, changes, connections, contacts, imports, interactions, introductions,
    invitations, network, nurture, ops, referrals, webhooks, workspaces,
};

/// Every resource of the versioned API.
fn v1(cfg: &mut ServiceConfig) {
    auth::handlers::routes(cfg);
    workspaces::handlers::routes(cfg);
    invitations::handlers::routes(cfg);
    api_keys::handlers::routes(cfg);
    contacts::handlers::routes(cfg);
    interactions::handlers::routes(cfg);
    nurture::settings::routes(cfg);
    nurture::balance::routes(cfg);
    nurture::calendar::routes(cfg);
    nurture::actions::routes(cfg);
    nurture::snoozes::routes(cfg);
    referrals::handlers::routes(cfg);
    referrals::insights::routes(cfg);
    introductions::handlers::routes(cfg);
    connections::handlers::routes(cfg);
    network::paths::routes(cfg);
    network::diversity::routes(cfg);
    network::suggestions::routes(cfg);
    changes::handlers::routes(cfg);
    webhooks::handlers::routes(cfg);
    imports::handlers::routes(cfg);
}

/// The OpenAPI document, as served at `/openapi.json` and committed in `openapi/`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope::scope("/v1").configure(v1))
        .configure(ops::routes)
        .split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    add_shared_conventions(&mut doc);
    doc
}

pub struct Application {
    port: u16,
    server: Server,
    /// The webhook delivery worker, unless this instance only answers requests.
    worker: Option<webhooks::worker::Worker>,
    /// For the database's upkeep and the import runner.
    db: Db,
    /// Wakes the import runner for a job this instance queued.
    imports_wake: std::sync::Arc<tokio::sync::Notify>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        // The port first: a port in use is said before anything touches the database.
        let address = format!("{}:{}", settings.host, settings.port);
        let listener = TcpListener::bind((settings.host.as_str(), settings.port)).map_err(|e| {
            anyhow::anyhow!(
                "cannot listen on {address}: {e}; set RAPPORT_PORT (or --port) to a free port"
            )
        })?;
        let retention = crate::time::TombstoneRetention {
            days: settings.tombstone_retention_days,
        };
        let db = Db::connect(&settings.database_url, settings.database_pool_size)?.publishing(
            std::sync::Arc::new(move |conn| changes::publish(conn, &retention)),
        );
        let applied = db.migrate()?;
        if !applied.is_empty() {
            tracing::info!(?applied, backend = db.backend(), "migrations applied");
        }
        let backfilled = nurture::schedule::backfill(&mut *db.get()?)?;
        if backfilled > 0 {
            tracing::info!(
                workspaces = backfilled,
                "computed the nurturing schedule of existing contacts"
            );
        }
        let secret = tokens::signing_secret(&mut *db.get()?, settings.jwt_secret.as_deref())?;
        let keys = TokenKeys::new(
            &secret,
            settings.access_token_ttl_seconds,
            settings.refresh_token_ttl_days,
        );
        let port = listener.local_addr()?.port();
        let metrics = HttpMetrics::new();
        let wake = std::sync::Arc::new(tokio::sync::Notify::new());
        let worker = settings
            .webhook_worker
            .then(|| {
                webhooks::worker::Worker::new(
                    db.clone(),
                    &settings,
                    &metrics.registry,
                    wake.clone(),
                )
            })
            .transpose()?;
        let deliveries = webhooks::handlers::Deliveries {
            wake,
            allow_private: settings.webhook_allow_private,
        };
        let imports_wake = std::sync::Arc::new(tokio::sync::Notify::new());
        let imports = imports::handlers::Imports {
            wake: imports_wake.clone(),
        };
        let server = serve(
            listener,
            db.clone(),
            keys,
            metrics,
            deliveries,
            imports,
            &settings,
        )?;
        tracing::info!(port, "listening");
        Ok(Self {
            port,
            server,
            worker,
            db,
            imports_wake,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server from elsewhere (the test harness).
    pub fn server_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until the server stops (SIGTERM, or its handle); the worker stops with it,
    /// and an attempt it had in flight is made again after its lease.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let worker = async {
            match self.worker {
                Some(worker) => worker.run().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            stopped = self.server => stopped,
            () = worker => Ok(()),
            () = crate::db::upkeep::run(self.db.clone()) => Ok(()),
            () = imports::runner::run(self.db, self.imports_wake) => Ok(()),
        }
    }
}

fn serve(
    listener: TcpListener,
    db: Db,
    keys: TokenKeys,
    metrics: HttpMetrics,
    deliveries: webhooks::handlers::Deliveries,
    imports: imports::handlers::Imports,
    settings: &Settings,
) -> anyhow::Result<Server> {
    let doc = openapi();
    let db = web::Data::new(db);
    let keys = web::Data::new(keys);
    let metrics = web::Data::new(metrics);
    let deliveries = web::Data::new(deliveries);
    let imports = web::Data::new(imports);
    let file_limit = web::Data::new(crate::http::extract::FileBodyLimit(
        settings.import_max_bytes,
    ));
    let metrics_token = web::Data::new(ops::MetricsToken(settings.metrics_token.clone()));
    let hashing = web::Data::new(crate::auth::password::HashingGate::for_this_machine());
    let retention = web::Data::new(crate::time::TombstoneRetention {
        days: settings.tombstone_retention_days,
    });
    let graphs = web::Data::new(GraphCache::<network::snapshot::Network>::default());
    let routes = web::Data::new(RouteTable::from_openapi(&doc));
    let max_body_bytes = settings.max_body_bytes;
    let cors_origins = settings.cors_origins.clone();
    let limits = web::Data::new(RateLimits::new(
        settings.rate_limit_auth_per_minute,
        settings.rate_limit_api_per_minute,
        settings.rate_limit_workspace_per_minute,
        settings.trust_proxy,
    ));
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(db.clone())
            .app_data(keys.clone())
            .app_data(metrics.clone())
            .app_data(metrics_token.clone())
            .app_data(hashing.clone())
            .app_data(retention.clone())
            .app_data(routes.clone())
            .app_data(limits.clone())
            .app_data(graphs.clone())
            .app_data(deliveries.clone())
            .app_data(imports.clone())
            .app_data(file_limit.clone())
            .app_data(web::PayloadConfig::new(max_body_bytes))
            .app_data(web::PathConfig::default().error_handler(fallback::path_error))
            .wrap(from_fn(fallback::problem_for_bare_errors))
            .wrap(from_fn(idempotency))
            .wrap(from_fn(rate_limit))
            .wrap(from_fn(authenticate))
            .wrap(from_fn(fallback::normalize_request))
            .wrap(from_fn(observe))
            .wrap(from_fn(security_headers))
            .wrap(Condition::new(
                !cors_origins.is_empty(),
                cors(&cors_origins),
            ))
            .service(web::scope("/v1").configure(|cfg| v1(&mut ServiceConfig::new(cfg))))
            .configure(|cfg| ops::routes(&mut ServiceConfig::new(cfg)))
            .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", doc.clone()))
            .route(
                "/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/docs/"))
                        .finish()
                }),
            )
            .default_service(web::to(fallback::no_route))
    })
    .listen(listener)?
    .shutdown_timeout(30);
    if settings.workers > 0 {
        server = server.workers(settings.workers);
    }
    Ok(server.run())
}
