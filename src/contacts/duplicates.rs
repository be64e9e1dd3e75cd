//! Likely duplicates: pairs of live contacts that share an email, a phone number (compared
//! by its last nine digits, so `+1 415 555 0134` and `(415) 555-0134` meet) or a name at
//! the same company. A value more than `MAX_SHARED` contacts share (a switchboard, a team
//! inbox) is not taken as evidence.

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::contacts;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::values::string_enum;

/// More contacts than this sharing a value is no evidence that any two are one person.
pub const MAX_SHARED: usize = 20;

/// Digits compared at the end of a phone number: enough to tell numbers apart, few enough
/// that one written with a country code meets the same written without.
const PHONE_DIGITS: usize = 9;

string_enum!(
    /// What two contacts share.
    DuplicateEvidenceKind {
        Email = "email",
        Phone = "phone",
        NameAndCompany = "name_and_company",
    }
);

/// One thing two contacts share.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
pub struct DuplicateEvidence {
    pub kind: DuplicateEvidenceKind,
    /// What they share, as compared: the email; the phone's last nine digits; the name and
    /// company, lower-cased.
    pub value: String,
}

/// Two contacts that are likely one person.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "contact_ids": ["0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57", "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58"],
    "evidence": [{"kind": "email", "value": "priya@northwind.example"}]
}))]
pub struct DuplicatePair {
    /// The older contact first: merging the newer into it keeps the longer history's id.
    pub contact_ids: Vec<uuid::Uuid>,
    pub evidence: Vec<DuplicateEvidence>,
}

/// What a contact is compared by.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub company_key: Option<String>,
}

fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(PHONE_DIGITS)..].to_owned())
}

fn name_key(candidate: &Candidate) -> Option<String> {
    let company = candidate.company_key.as_deref()?;
    let name = [
        Some(candidate.first_name.as_str()),
        candidate.last_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .flat_map(str::split_whitespace)
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase();
    (!name.is_empty()).then(|| format!("{name} @ {company}"))
}

/// The likely duplicate pairs among `candidates`, each pair once with all its evidence, in
/// the order of their ids.
pub fn pairs(candidates: &[Candidate]) -> Vec<(String, String, Vec<DuplicateEvidence>)> {
    let mut holders: BTreeMap<DuplicateEvidence, Vec<usize>> = BTreeMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let mut keys: Vec<DuplicateEvidence> = Vec::new();
        keys.extend(candidate.emails.iter().map(|email| DuplicateEvidence {
            kind: DuplicateEvidenceKind::Email,
            value: email.to_lowercase(),
        }));
        keys.extend(candidate.phones.iter().filter_map(|phone| {
            phone_key(phone).map(|value| DuplicateEvidence {
                kind: DuplicateEvidenceKind::Phone,
                value,
            })
        }));
        keys.extend(name_key(candidate).map(|value| DuplicateEvidence {
            kind: DuplicateEvidenceKind::NameAndCompany,
            value,
        }));
        keys.sort();
        keys.dedup();
        for key in keys {
            holders.entry(key).or_default().push(index);
        }
    }
    let mut found: BTreeMap<(String, String), Vec<DuplicateEvidence>> = BTreeMap::new();
    for (evidence, held) in holders {
        if held.len() < 2 || held.len() > MAX_SHARED {
            continue;
        }
        for (n, &a) in held.iter().enumerate() {
            for &b in &held[n + 1..] {
                let (a, b) = (&candidates[a].id, &candidates[b].id);
                let pair = if a < b { (a, b) } else { (b, a) };
                found
                    .entry((pair.0.clone(), pair.1.clone()))
                    .or_default()
                    .push(evidence.clone());
            }
        }
    }
    found
        .into_iter()
        .map(|((a, b), mut evidence)| {
            evidence.sort();
            (a, b, evidence)
        })
        .collect()
}

/// id, first name, last name, emails and phones (JSON), company key.
type CandidateRow = (
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
);

/// The workspace's likely duplicates, a page at a time.
pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<DuplicatePair>, ApiError> {
    let rows: Vec<CandidateRow> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::emails,
            contacts::phones,
            contacts::company_key,
        ))
        .load(conn)?;
    let list = |text: &str| -> Result<Vec<String>, ApiError> {
        serde_json::from_str(text)
            .map_err(|_| ApiError::internal(anyhow::anyhow!("stored contact has an invalid list")))
    };
    let candidates = rows
        .into_iter()
        .map(|(id, first_name, last_name, emails, phones, company_key)| {
            Ok(Candidate {
                id,
                first_name,
                last_name,
                emails: list(&emails)?,
                phones: list(&phones)?,
                company_key,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let found = pairs(&candidates)
        .into_iter()
        .map(|(a, b, evidence)| {
            Ok(DuplicatePair {
                contact_ids: vec![
                    crate::http::batch::stored_id(&a)?,
                    crate::http::batch::stored_id(&b)?,
                ],
                evidence,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    page.page_of_ranked(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(
        id: &str,
        name: &str,
        emails: &[&str],
        phones: &[&str],
        company: Option<&str>,
    ) -> Candidate {
        let (first, last) = name
            .split_once(' ')
            .map_or((name, None), |(f, l)| (f, Some(l)));
        Candidate {
            id: id.to_owned(),
            first_name: first.to_owned(),
            last_name: last.map(str::to_owned),
            emails: emails.iter().map(|e| e.to_string()).collect(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            company_key: company.map(str::to_owned),
        }
    }

    #[test]
    fn pairs_share_an_email_a_phone_or_a_name_at_a_company() {
        let found = pairs(&[
            candidate(
                "b",
                "Priya Raman",
                &["priya@nw.example"],
                &["+1 415 555 0134"],
                Some("northwind"),
            ),
            candidate(
                "a",
                "priya  raman",
                &[],
                &["(415) 555-0134"],
                Some("northwind"),
            ),
            candidate("c", "P. Raman", &["priya@nw.example"], &[], None),
            candidate("d", "Priya Raman", &[], &["555 0134"], Some("contoso")),
        ]);
        let evidence = |pair: (&str, &str)| {
            found
                .iter()
                .find(|(a, b, _)| (a.as_str(), b.as_str()) == pair)
                .map(|(_, _, e)| {
                    e.iter()
                        .map(|e| (e.kind, e.value.as_str()))
                        .collect::<Vec<_>>()
                })
        };
        assert_eq!(
            evidence(("a", "b")),
            Some(vec![
                (DuplicateEvidenceKind::Phone, "155550134"),
                (
                    DuplicateEvidenceKind::NameAndCompany,
                    "priya raman @ northwind"
                ),
            ])
        );
        assert_eq!(
            evidence(("b", "c")),
            Some(vec![(DuplicateEvidenceKind::Email, "priya@nw.example")])
        );
        // Too few digits to tell a number; the same name at another company.
        assert_eq!(evidence(("a", "d")), None);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_value_shared_by_many_is_no_evidence() {
        let many: Vec<Candidate> = (0..=MAX_SHARED)
            .map(|n| {
                candidate(
                    &format!("{n:03}"),
                    &format!("Person {n}"),
                    &["desk@nw.example"],
                    &[],
                    None,
                )
            })
            .collect();
        assert!(pairs(&many).is_empty());
        assert_eq!(
            pairs(&many[..MAX_SHARED]).len(),
            MAX_SHARED * (MAX_SHARED - 1) / 2
        );
    }
}
