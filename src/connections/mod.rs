//! Connections: who knows whom among the contacts, and which teammates know whom (seed
//! 004: the IT colleague whose mother was the VP's assistant). The network's paths,
//! suggestions and diversity read them (see `network`).

pub mod domain;
pub mod handlers;
pub mod queries;
