//! The `rapport` command line.

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::db::Db;
use crate::startup::{openapi, Application};
use crate::telemetry;
use crate::words::count;

#[derive(Parser)]
#[command(name = "rapport", version, about = "Referral-selling API server")]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default): migrate the database, then listen.
    Serve,
    /// Deliver webhooks without serving the API, for deployments that scale delivery apart
    /// (then set RAPPORT_WEBHOOK_WORKER=false on the instances that serve). Any number may
    /// run against one PostgreSQL database; on SQLite, run one.
    Worker,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Create a demo account whose workspace holds a synthetic network with three years of
    /// history, and print how to log in.
    SeedDemo(crate::demo::DemoOptions),
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            telemetry::init(cli.settings.log_format);
            Application::build(cli.settings)
                .await?
                .run_until_stopped()
                .await?;
        }
        Command::Worker => {
            telemetry::init(cli.settings.log_format);
            let settings = cli.settings;
            let db = Db::connect(&settings.database_url, settings.database_pool_size)?;
            db.migrate()?;
            let worker = crate::webhooks::worker::Worker::new(
                db,
                &settings,
                &prometheus::Registry::new(),
                std::sync::Arc::new(tokio::sync::Notify::new()),
            )?;
            tracing::info!(
                backend = settings.database_url.backend_name(),
                "delivering webhooks"
            );
            tokio::select! {
                () = worker.run() => {}
                () = stop_signal() => tracing::info!("stopping; attempts in flight are made again after their lease"),
            }
        }
        Command::Migrate => {
            telemetry::init(cli.settings.log_format);
            let db = Db::connect(&cli.settings.database_url, 1)?;
            let applied = db.migrate()?;
            tracing::info!(?applied, backend = db.backend(), "database is up to date");
        }
        Command::Openapi => say(format_args!("{}", openapi().to_pretty_json()?))?,
        Command::SeedDemo(options) => {
            telemetry::init(cli.settings.log_format);
            let db = Db::connect(&cli.settings.database_url, 1)?;
            db.migrate()?;
            let seeded = crate::demo::seed(&db, options).await?;
            // Statistics for the tables just filled, before anyone queries them.
            db.run(crate::db::upkeep::tend).await?;
            let base = format!("http://{}:{}", cli.settings.host, cli.settings.port);
            say(format_args!(
                "Seeded workspace {} with {}, {}, {}, {} and {} in {:.1} s.\n\
                 Log in as {} with password {}:\n\n  \
                 curl -s {base}/v1/auth/login -H 'content-type: application/json' \\\n    \
                 -d '{{\"email\": \"{}\", \"password\": \"{}\"}}'\n\n\
                 then send the access_token as `Authorization: Bearer <token>`, e.g. to\n  \
                 {base}/v1/nurture/actions (your agenda for today).",
                seeded.workspace_id,
                count(seeded.contacts as i64, "contact"),
                count(seeded.interactions as i64, "interaction"),
                count(seeded.requests as i64, "referral request"),
                count(seeded.introductions as i64, "introduction"),
                count(seeded.connections as i64, "connection"),
                seeded.seconds,
                seeded.email,
                seeded.password,
                seeded.email,
                seeded.password,
            ))?;
        }
    }
    Ok(())
}

/// Prints a line of output. A reader that stopped early (`rapport openapi | head`) has
/// taken what it wanted, so a closed pipe is not an error.
fn say(text: std::fmt::Arguments) -> std::io::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written,
    }
}

/// SIGINT or SIGTERM.
async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(terminate) => terminate,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
