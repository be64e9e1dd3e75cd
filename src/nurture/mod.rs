//! Nurturing: how often each relationship wants a touch, and when each contact is due.

pub mod balance;
pub mod cadence;
pub mod calendar;
pub mod occasions;
pub mod reciprocity;
pub mod schedule;
pub mod settings;
