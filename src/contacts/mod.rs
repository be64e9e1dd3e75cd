//! Contacts: the people in the network, whoever they are to us (seed 004: don't discount
//! anyone).

pub mod batch;
pub mod domain;
pub mod duplicates;
pub mod emails;
pub mod export;
pub mod handlers;
pub mod merge;
pub mod queries;
