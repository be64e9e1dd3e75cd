//! The network as a whole: warm paths from the team to anyone (R9), connections implied
//! by what is already known, and how diverse the referral sources are (R8).

pub mod cache;
pub mod diversity;
pub mod graph;
pub mod paths;
pub mod snapshot;
pub mod suggestions;
