//! Which live contact an email address belongs to: one row per address, written by the
//! contacts' own write path (`queries`) and nothing else, so that an import finds the
//! contacts its rows name without reading every contact.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::schema::{contact_emails, contacts};
use crate::db::{insert_rows, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::values::Email;

#[derive(Insertable)]
#[diesel(table_name = contact_emails)]
struct ContactEmail<'a> {
    workspace_id: &'a str,
    email: &'a str,
    contact_id: &'a str,
}

/// Records the addresses of contacts just written: `(contact id, its emails)`.
pub(super) fn index<'a>(
    conn: &mut DbConn,
    workspace_id: &str,
    contacts: impl IntoIterator<Item = (&'a str, &'a [Email])>,
) -> Result<(), ApiError> {
    let rows: Vec<ContactEmail> = contacts
        .into_iter()
        .flat_map(|(contact_id, emails)| {
            emails.iter().map(move |email| ContactEmail {
                workspace_id,
                email: email.as_str(),
                contact_id,
            })
        })
        .collect();
    for chunk in rows.chunks(BATCH_ROWS) {
        insert_rows!(conn, contact_emails::table, chunk)?;
    }
    Ok(())
}

/// Forgets a contact's addresses (it was deleted, merged away or erased).
pub(super) fn forget(conn: &mut DbConn, contact_id: &str) -> Result<(), ApiError> {
    diesel::delete(contact_emails::table.filter(contact_emails::contact_id.eq(contact_id)))
        .execute(conn)?;
    Ok(())
}

/// Replaces a contact's addresses with `emails`.
pub(super) fn reindex(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
    emails: &[Email],
) -> Result<(), ApiError> {
    forget(conn, contact_id)?;
    index(conn, workspace_id, [(contact_id, emails)])
}

/// The live contact each address belongs to; where several share one, the oldest.
pub fn holders(
    conn: &mut DbConn,
    workspace_id: &str,
    emails: &[&str],
) -> Result<HashMap<String, String>, ApiError> {
    let mut holders = HashMap::new();
    for chunk in emails.chunks(BATCH_ROWS) {
        let found: Vec<(String, String)> = contact_emails::table
            .inner_join(contacts::table.on(contacts::id.eq(contact_emails::contact_id)))
            .filter(contact_emails::workspace_id.eq(workspace_id))
            .filter(contact_emails::email.eq_any(chunk))
            .order((contacts::created_at.desc(), contacts::id.desc()))
            .select((contact_emails::email, contact_emails::contact_id))
            .load(conn)?;
        // Newest first, so that the oldest holder is the one left in the map.
        holders.extend(found);
    }
    Ok(holders)
}
