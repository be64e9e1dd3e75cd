//! Referrals: asking for them the right way (seed 000) — whether a contact is ready to
//! be asked, and (next) the requests and introductions that follow.

pub mod attribution;
pub mod domain;
pub mod funnel;
pub mod handlers;
pub mod insights;
pub mod queries;
pub mod readiness;
pub mod requests;
