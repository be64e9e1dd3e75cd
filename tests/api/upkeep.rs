//! The service keeps its own planner statistics: nothing here may depend on an autovacuum
//! that someone else configures (off on this machine's PostgreSQL).

use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::{Backend, TestApp};
use rapport::db::{upkeep, Db};

#[tokio::test]
async fn a_table_filled_in_bulk_is_analysed_by_the_service_itself() {
    let Some(backend @ Backend::Postgres(_)) = Backend::all()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let app = TestApp::spawn(&backend).await;
    // Whatever the server's autovacuum does, it leaves this table to the service.
    app.database
        .execute("ALTER TABLE contacts SET (autovacuum_enabled = false)");
    let account = app.signup().await;
    for batch in 0..3 {
        let operations: Vec<_> = (0..100)
            .map(
                |n| json!({"op": "create", "contact": {"first_name": format!("Bulk {batch}-{n}")}}),
            )
            .collect();
        let response = app
            .post(
                "/v1/contacts/batch",
                &account.token,
                json!({"operations": operations}),
            )
            .await;
        assert_eq!(response.status(), 200);
    }

    // PostgreSQL counts a transaction's changes within a few seconds of its end.
    let db = Db::connect(&app.database.url, 1).unwrap();
    let started = Instant::now();
    loop {
        let tended = db.run(upkeep::tend).await.unwrap();
        if tended.iter().any(|table| table == "contacts") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "contacts never analysed: {tended:?}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let analysed = db
        .run(|conn| {
            use diesel::prelude::*;
            let rapport::db::DbConn::Postgres(pg) = conn else {
                unreachable!()
            };
            #[derive(QueryableByName)]
            struct Stats {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                rows: i64,
            }
            Ok(diesel::sql_query(
                "SELECT reltuples::bigint AS rows FROM pg_class WHERE relname = 'contacts'",
            )
            .get_result::<Stats>(pg)?
            .rows)
        })
        .await
        .unwrap();
    assert_eq!(
        analysed, 300,
        "the planner's row count comes from the analysis"
    );
    // Tended once: nothing to do until the table changes again.
    let again = db.run(upkeep::tend).await.unwrap();
    assert!(!again.iter().any(|table| table == "contacts"), "{again:?}");
}
