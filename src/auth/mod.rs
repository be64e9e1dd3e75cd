//! Accounts and sessions: register, login, refresh, logout, `me`; the bearer-token
//! extractor every other handler uses, which also accepts API keys.

pub mod api_key;
pub mod handlers;
pub mod password;
pub mod principal;
pub mod queries;
pub mod tokens;

pub use principal::Principal;
pub use tokens::TokenKeys;
