//! Nurturing: how often each relationship wants a touch, and when each contact is due.

pub mod cadence;
pub mod schedule;
pub mod settings;
