//! Introductions: made to us by a referrer, or by us for two of our contacts (seed 003:
//! service first), and followed to money (seed 002).

pub mod domain;
pub mod handlers;
pub mod queries;
