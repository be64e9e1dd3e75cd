//! Accounts and sessions: register, login, refresh, logout, `me`; the bearer-token
//! extractor every other handler uses.

pub mod handlers;
pub mod password;
pub mod principal;
pub mod queries;
pub mod tokens;

pub use principal::Principal;
pub use tokens::TokenKeys;
