//! Interactions: every touch with one or more contacts. Logging, editing or deleting one
//! keeps each contact's `last_interaction_at` true in the same transaction.

pub mod batch;
pub mod domain;
pub mod handlers;
pub mod queries;
