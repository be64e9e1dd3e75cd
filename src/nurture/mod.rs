//! Nurturing: how often each relationship wants a touch, when each contact is due, and
//! the daily agenda built from both.

pub mod actions;
pub mod agenda;
pub mod balance;
pub mod cadence;
pub mod calendar;
pub mod loops;
pub mod occasions;
pub mod reciprocity;
pub mod schedule;
pub mod settings;
pub mod snoozes;
