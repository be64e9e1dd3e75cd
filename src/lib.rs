//! Rapport: a REST/JSON API for referral selling.
//!
//! Shared plumbing (`config`, `db`, `error`, `http`, `startup`) sits beside one module per
//! feature (`auth`, `workspaces`, `contacts`, `interactions`, `nurture`, `referrals`,
//! `introductions`), each holding its types, rules, queries and handlers; `demo` seeds a
//! synthetic network.

pub mod api_keys;
pub mod auth;
pub mod changes;
pub mod cli;
pub mod config;
pub mod connections;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod error;
pub mod external_ids;
pub mod http;
pub mod imports;
pub mod interactions;
pub mod introductions;
pub mod invitations;
pub mod network;
pub mod nurture;
pub mod openapi;
pub mod ops;
pub mod referrals;
pub mod startup;
pub mod telemetry;
pub mod time;
pub mod values;
pub mod webhooks;
pub mod words;
pub mod workspaces;
