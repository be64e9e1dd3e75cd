//! Inbound email: a message the user copied to Rapport ("BCC your CRM") logged as an
//! `email` interaction with the contacts among its From, To and Cc, once per Message-ID.
//! An ask is never inferred from an email: asks are made live.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::auth::Principal;
use crate::db::{Db, DbConn};
use crate::error::{ApiError, Problem};
use crate::external_ids::{self, ExternalId, Kind};
use crate::http::extract::{body_bytes, parse_value, FileBodyLimit};
use crate::interactions::domain::NewInteraction;
use crate::interactions::queries::{self as interactions, Interaction};
use crate::values::string_enum;

/// The system of the external ids of logged emails: their Message-ID.
const EMAIL_SYSTEM: &str = "email";
/// Contacts an interaction names at most.
const MAX_CONTACTS: usize = 50;
/// A message dated later than this after its arrival is taken to have arrived now.
const CLOCK_SKEW: chrono::Duration = chrono::Duration::minutes(5);

/// What a message says, as far as logging it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The Message-ID (without its angle brackets), or when it has none, a digest of its
    /// sender, date and subject: what a second delivery of it is found by.
    pub key: String,
    /// From, To and Cc, lower-cased, each once.
    pub addresses: Vec<String>,
    pub subject: Option<String>,
    /// When it was sent, if it says so.
    pub sent_at: Option<DateTime<Utc>>,
}

/// Reads a raw RFC 5322 message; `None` if it is not one.
pub fn read(raw: &[u8]) -> Option<Email> {
    use sha2::Digest;
    let message = mail_parser::MessageParser::default().parse(raw)?;
    let mut addresses: Vec<String> = Vec::new();
    for list in [message.from(), message.to(), message.cc()]
        .into_iter()
        .flatten()
    {
        for address in list.iter().filter_map(|a| a.address()) {
            let address = address.trim().to_lowercase();
            if address.contains('@') && !addresses.contains(&address) {
                addresses.push(address);
            }
        }
    }
    let sent_at = message
        .date()
        .and_then(|date| DateTime::from_timestamp(date.to_timestamp(), 0));
    let subject = message
        .subject()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    let key = match message.message_id() {
        Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => {
            let seed = format!(
                "{}|{}|{}",
                addresses.first().map(String::as_str).unwrap_or(""),
                sent_at.map(|t| t.timestamp()).unwrap_or_default(),
                subject.as_deref().unwrap_or("")
            );
            format!("sha256:{:x}", sha2::Sha256::digest(seed.as_bytes()))
        }
    };
    if addresses.is_empty() {
        return None;
    }
    Some(Email {
        key,
        addresses,
        subject,
        sent_at,
    })
}

string_enum!(
    /// What became of an inbound email.
    EmailOutcome {
        /// Logged as an interaction (201).
        Logged = "logged",
        /// The same message was logged before; this is that interaction (200).
        AlreadyLogged = "already_logged",
        /// None of its addresses is a contact's: nothing was logged (200).
        NoContact = "no_contact",
    }
);

/// What an inbound email did.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboundEmail {
    pub outcome: EmailOutcome,
    /// The interaction the email is logged as; null when no contact was among its
    /// addresses.
    pub interaction: Option<Interaction>,
    /// Its addresses that are no contact's (yours left out).
    pub unmatched_addresses: Vec<String>,
}

fn log(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    email: Email,
) -> Result<InboundEmail, ApiError> {
    let id = ExternalId::derived(EMAIL_SYSTEM, &email.key)?;
    let own = crate::workspaces::queries::find(conn, workspace_id, member_id)?
        .email
        .to_lowercase();
    let addresses: Vec<&str> = email
        .addresses
        .iter()
        .map(String::as_str)
        .filter(|address| *address != own)
        .collect();
    let holders: HashMap<String, String> =
        crate::contacts::emails::holders(conn, workspace_id, &addresses)?;
    let unmatched_addresses: Vec<String> = addresses
        .iter()
        .filter(|address| !holders.contains_key(**address))
        .map(|address| (*address).to_owned())
        .collect();
    if let Some(logged) = external_ids::holder(conn, workspace_id, Kind::Interaction, &id)? {
        return Ok(InboundEmail {
            outcome: EmailOutcome::AlreadyLogged,
            interaction: Some(interactions::get(conn, workspace_id, &logged)?),
            unmatched_addresses,
        });
    }
    let mut contacts: Vec<&String> = Vec::new();
    for address in &addresses {
        if let Some(contact) = holders.get(*address) {
            if !contacts.contains(&contact) {
                contacts.push(contact);
            }
        }
    }
    if contacts.is_empty() {
        return Ok(InboundEmail {
            outcome: EmailOutcome::NoContact,
            interaction: None,
            unmatched_addresses,
        });
    }
    contacts.truncate(MAX_CONTACTS);
    let now = crate::time::now();
    let occurred_at = email
        .sent_at
        .filter(|sent| *sent <= now + CLOCK_SKEW)
        .map_or(now, |sent| sent.min(now));
    let summary = email
        .subject
        .map(|subject| subject.chars().take(500).collect::<String>());
    let fields: NewInteraction = parse_value(json!({
        "contact_ids": contacts,
        "occurred_at": occurred_at,
        "channel": "email",
        "kind": "other",
        "summary": summary,
        "external_ids": [id],
    }))?;
    Ok(InboundEmail {
        outcome: EmailOutcome::Logged,
        interaction: Some(interactions::create(conn, workspace_id, member_id, fields)?),
        unmatched_addresses,
    })
}

/// Log an email you sent or received ("BCC your CRM"): send the raw message
/// (`message/rfc822`), for instance from a mail rule or a forwarding service with an API
/// key. It is logged as an `email` interaction with the contacts among its From, To and
/// Cc (your own address left out), summarised by its subject, at the time it was sent, by
/// you. The same message sent again (the same Message-ID) is not logged twice. An ask is
/// never inferred from an email: asks are made live.
#[utoipa::path(
    tag = "interactions", operation_id = "logInboundEmail",
    request_body(
        description = "The message as sent (RFC 5322), headers and body",
        content((String = "message/rfc822", example = "Message-ID: <CAF42@mail.example>\r\nDate: Tue, 10 Nov 2026 15:04:05 -0500\r\nFrom: Sam Seller <sam@rapport.example>\r\nTo: Priya Raman <priya@northwind.example>\r\nSubject: The article on cold-chain pricing\r\n\r\nPriya, this made me think of your Q1 plans.\r\n"))
    ),
    responses(
        (status = 201, body = InboundEmail, description = "Logged"),
        (status = 200, body = InboundEmail, description = "Logged before, or no contact among its addresses: nothing new logged"),
        (status = 413, description = "Larger than `RAPPORT_IMPORT_MAX_BYTES`", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not `message/rfc822`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/inbound/email")]
pub(super) async fn log_inbound_email(
    principal: Principal,
    db: web::Data<Db>,
    limit: web::Data<FileBodyLimit>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let rfc822 = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("message/rfc822"));
    if !rfc822 {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the raw message as `Content-Type: message/rfc822`",
        ));
    }
    let raw = body_bytes(payload, limit.0).await?;
    let email = read(&raw).ok_or_else(|| {
        ApiError::invalid_field(
            "/",
            "is not an email message with a From, To or Cc address (RFC 5322)",
        )
    })?;
    let logged = db
        .transaction(move |conn| log(conn, &principal.workspace_id, &principal.member_id, email))
        .await?;
    let status = match logged.outcome {
        EmailOutcome::Logged => StatusCode::CREATED,
        _ => StatusCode::OK,
    };
    Ok(HttpResponse::build(status).json(logged))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_read_for_its_addresses_subject_date_and_id() {
        let raw = "Message-ID: <CAF42@mail.example>\r\nDate: Tue, 10 Nov 2026 15:04:05 -0500\r\nFrom: Sam <Sam@Rapport.example>\r\nTo: \"Raman, Priya\" <priya@northwind.example>, bo@berg.example\r\nCc: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@mueller.example>, priya@northwind.example\r\nSubject: =?UTF-8?B?Q2Fmw6kgbmV4dCB3ZWVr?=\r\n\r\nHello\r\n";
        let email = read(raw.as_bytes()).unwrap();
        assert_eq!(email.key, "CAF42@mail.example");
        assert_eq!(
            email.addresses,
            [
                "sam@rapport.example",
                "priya@northwind.example",
                "bo@berg.example",
                "zoe@mueller.example"
            ]
        );
        assert_eq!(email.subject.as_deref(), Some("Café next week"));
        assert_eq!(
            email.sent_at.unwrap().to_rfc3339(),
            "2026-11-10T20:04:05+00:00"
        );
    }

    #[test]
    fn a_message_without_an_id_is_known_by_its_sender_date_and_subject() {
        let raw = "From: a@x.example\r\nTo: b@y.example\r\nSubject: Hi\r\nDate: Tue, 10 Nov 2026 15:04:05 +0000\r\n\r\nBody";
        let first = read(raw.as_bytes()).unwrap();
        assert!(first.key.starts_with("sha256:"));
        assert_eq!(read(raw.as_bytes()).unwrap().key, first.key);
        assert!(read(b"just some text").is_none());
    }
}
