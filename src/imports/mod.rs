//! Imports: a network brought in from where it already lives (a CSV export of Google
//! Contacts, Outlook, LinkedIn or HubSpot, or vCards), and the meetings of a calendar
//! logged as interactions, as jobs that run in the background and report what they did,
//! record by record; and emails logged as they are sent (`email`).

pub mod calendar;
pub mod email;
pub mod handlers;
pub mod jobs;
pub mod mapping;
pub mod records;
pub mod runner;
