//! HTTP plumbing shared by every resource.

pub mod batch;
pub mod extract;
pub mod fallback;
pub mod idempotency;
mod objects_only;
pub mod observe;
pub mod pagination;
pub mod precondition;
pub mod rate_limit;
pub mod resource;
pub mod security;
