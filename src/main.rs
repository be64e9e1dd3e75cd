#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    // A `.env` file is a convenience for development; real environments set variables.
    let _ = dotenvy::dotenv();
    rapport::cli::run().await
}
