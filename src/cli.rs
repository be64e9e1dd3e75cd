//! The `rapport` command line.

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::db::Db;
use crate::startup::{openapi, Application};
use crate::telemetry;

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
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
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
        Command::Migrate => {
            telemetry::init(cli.settings.log_format);
            let db = Db::connect(&cli.settings.database_url, 1)?;
            let applied = db.migrate()?;
            tracing::info!(?applied, backend = db.backend(), "database is up to date");
        }
        Command::Openapi => println!("{}", openapi().to_pretty_json()?),
    }
    Ok(())
}
