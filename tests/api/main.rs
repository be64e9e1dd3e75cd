//! Black-box tests: the real application on a random port, spoken to over HTTP, on a fresh
//! SQLite database and, when `TEST_DATABASE_URL` is set, again on a fresh PostgreSQL one.

mod helpers;

mod agenda;
mod api_keys;
mod auth;
mod batches;
mod changes;
mod cli;
mod connections;
mod contacts;
mod conventions;
mod demo;
mod external_ids;
mod faults;
mod idempotency;
mod imports;
mod interactions;
mod introductions;
mod isolation;
mod members;
mod merges;
mod migrations;
mod network;
mod nurture;
mod openapi;
mod rate_limits;
mod referrals;
mod suggestions;
mod upkeep;
mod webhooks;
