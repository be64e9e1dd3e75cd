//! Which contact field each column of a file fills: the presets recognised from the header
//! rows of the exports people actually have (Google Contacts, Outlook, LinkedIn, HubSpot,
//! and Rapport's own), or a mapping the caller gives.

use crate::external_ids::System;
use crate::values::string_enum;

/// The contact field a column fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    FirstName,
    LastName,
    /// A whole name, split at its last space when no first name is given apart.
    Name,
    /// One or more addresses, separated by `;` or `:::`.
    Email,
    Phone,
    Company,
    Title,
    Industry,
    Profession,
    RelationshipKind,
    HowWeMet,
    /// Joined to the other notes of the row, one paragraph each.
    Notes,
    /// Tags separated by `;` or `:::`.
    Tags,
    Birthday,
    /// A yearly date labelled "Anniversary".
    Anniversary,
    Trust,
    CadenceDays,
    /// The id the row has in `system`.
    ExternalId(System),
    /// `system:id` pairs separated by `;` (Rapport's own export).
    ExternalIds,
    /// When a LinkedIn connection was made: kept in `how_we_met`.
    ConnectedOn,
    /// A column known to hold nothing Rapport keeps (a read-only field of Rapport's own
    /// export, say): read by no field, and not reported as unknown.
    Ignore,
}

impl Target {
    /// The name a mapping uses: `first_name`, …, `external_id:hubspot`, `ignore`.
    pub fn parse(name: &str) -> Result<Self, String> {
        Ok(match name {
            "first_name" => Self::FirstName,
            "last_name" => Self::LastName,
            "name" => Self::Name,
            "email" | "emails" => Self::Email,
            "phone" | "phones" => Self::Phone,
            "company" => Self::Company,
            "title" => Self::Title,
            "industry" => Self::Industry,
            "profession" => Self::Profession,
            "relationship_kind" => Self::RelationshipKind,
            "how_we_met" => Self::HowWeMet,
            "notes" => Self::Notes,
            "tags" => Self::Tags,
            "birthday" => Self::Birthday,
            "anniversary" => Self::Anniversary,
            "trust" => Self::Trust,
            "cadence_days" => Self::CadenceDays,
            "external_ids" => Self::ExternalIds,
            "connected_on" => Self::ConnectedOn,
            "ignore" => Self::Ignore,
            other => match other.strip_prefix("external_id:") {
                Some(system) => Self::ExternalId(System::try_from(system.to_owned())?),
                None => {
                    return Err(format!(
                        "`{other}` is not a field an import fills; use one of {TARGET_NAMES}"
                    ))
                }
            },
        })
    }
}

/// What `Target::parse` accepts, as the documentation lists it.
pub const TARGET_NAMES: &str = "first_name, last_name, name, email, phone, company, title, industry, profession, relationship_kind, how_we_met, notes, tags, birthday, anniversary, trust, cadence_days, external_id:<system>, external_ids, connected_on, ignore";

string_enum!(
    /// The column layout an import read: one recognised from the header row, or the
    /// caller's `mapping`.
    Preset {
        Rapport = "rapport",
        GoogleContacts = "google_contacts",
        Outlook = "outlook",
        Linkedin = "linkedin",
        Hubspot = "hubspot",
        Mapping = "mapping",
        Vcard = "vcard",
        Ical = "ical",
    }
);

/// How each column of a header is read.
#[derive(Debug, Clone)]
pub struct Columns {
    pub preset: Preset,
    /// One target per column of the header, `None` for a column nothing reads.
    pub targets: Vec<Option<Target>>,
    /// The header's columns nothing reads, as written.
    pub unknown: Vec<String>,
}

fn system(name: &str) -> Target {
    Target::ExternalId(System::try_from(name.to_owned()).expect("a preset's system is a slug"))
}

/// A preset's columns by header name (compared trimmed and case-insensitively).
fn preset_target(preset: Preset, column: &str) -> Option<Target> {
    let column = column.trim().to_lowercase();
    let column = column.as_str();
    use Target::*;
    match preset {
        Preset::Rapport => match column {
            "first_name" => Some(FirstName),
            "last_name" => Some(LastName),
            "emails" => Some(Email),
            "phones" => Some(Phone),
            "company" => Some(Company),
            "title" => Some(Title),
            "industry" => Some(Industry),
            "profession" => Some(Profession),
            "relationship_kind" => Some(RelationshipKind),
            "how_we_met" => Some(HowWeMet),
            "birthday" => Some(Birthday),
            "tags" => Some(Tags),
            "trust" => Some(Trust),
            "cadence_days" => Some(CadenceDays),
            "notes" => Some(Notes),
            "external_ids" => Some(ExternalIds),
            // Kept by the workspace that exported them, not by the one that imports.
            "id"
            | "owner_id"
            | "created_at"
            | "updated_at"
            | "last_interaction_at"
            | "next_touch_due_at"
            | "nurture_status" => Some(Ignore),
            _ => None,
        },
        Preset::GoogleContacts => match column {
            "first name" | "given name" => Some(FirstName),
            "last name" | "family name" => Some(LastName),
            "name" => Some(Name),
            "birthday" => Some(Birthday),
            "notes" => Some(Notes),
            "labels" | "group membership" => Some(Tags),
            "organization name" | "organization 1 - name" => Some(Company),
            "organization title" | "organization 1 - title" => Some(Title),
            _ if column.starts_with("e-mail ") && column.ends_with(" - value") => Some(Email),
            _ if column.starts_with("phone ") && column.ends_with(" - value") => Some(Phone),
            _ => None,
        },
        Preset::Outlook => match column {
            "first name" => Some(FirstName),
            "last name" => Some(LastName),
            "e-mail address" | "e-mail 2 address" | "e-mail 3 address" => Some(Email),
            "mobile phone" | "business phone" | "primary phone" | "home phone"
            | "business phone 2" | "home phone 2" | "other phone" | "car phone" => Some(Phone),
            "company" => Some(Company),
            "job title" => Some(Title),
            "profession" => Some(Profession),
            "birthday" => Some(Birthday),
            "anniversary" => Some(Anniversary),
            "notes" => Some(Notes),
            "categories" => Some(Tags),
            _ => None,
        },
        Preset::Linkedin => match column {
            "first name" => Some(FirstName),
            "last name" => Some(LastName),
            "url" => Some(system("linkedin")),
            "email address" => Some(Email),
            "company" => Some(Company),
            "position" => Some(Title),
            "connected on" => Some(ConnectedOn),
            _ => None,
        },
        Preset::Hubspot => match column {
            "record id" => Some(system("hubspot")),
            "first name" => Some(FirstName),
            "last name" => Some(LastName),
            "email" => Some(Email),
            "phone number" | "mobile phone number" => Some(Phone),
            "company name" => Some(Company),
            "job title" => Some(Title),
            "industry" => Some(Industry),
            _ => None,
        },
        Preset::Mapping | Preset::Vcard | Preset::Ical => None,
    }
}

/// The preset a header row is written in, if it is one we know.
fn recognise(header: &[String]) -> Option<Preset> {
    let has = |name: &str| header.iter().any(|c| c.trim().eq_ignore_ascii_case(name));
    if has("first_name") && has("emails") {
        Some(Preset::Rapport)
    } else if has("E-mail 1 - Value") {
        Some(Preset::GoogleContacts)
    } else if has("URL") && has("Connected On") {
        Some(Preset::Linkedin)
    } else if has("Record ID") {
        Some(Preset::Hubspot)
    } else if has("E-mail Address") && has("First Name") {
        Some(Preset::Outlook)
    } else {
        None
    }
}

/// How a header row is read: by the caller's mapping when there is one, otherwise by the
/// preset the header is recognised as. `None` when neither applies.
pub fn columns(header: &[String], mapping: Option<&[(String, Target)]>) -> Option<Columns> {
    let (preset, targets): (Preset, Vec<Option<Target>>) = match mapping {
        Some(mapping) => (
            Preset::Mapping,
            header
                .iter()
                .map(|column| {
                    mapping
                        .iter()
                        .find(|(name, _)| name.trim().eq_ignore_ascii_case(column.trim()))
                        .map(|(_, target)| target.clone())
                })
                .collect(),
        ),
        None => {
            let preset = recognise(header)?;
            (
                preset,
                header.iter().map(|c| preset_target(preset, c)).collect(),
            )
        }
    };
    let unknown = header
        .iter()
        .zip(&targets)
        .filter(|(column, target)| target.is_none() && !column.trim().is_empty())
        .map(|(column, _)| column.trim().to_owned())
        .collect();
    Some(Columns {
        preset,
        targets,
        unknown,
    })
}

/// Whether a row could be a header at all: LinkedIn's export opens with a few lines of
/// notes before its header, which are passed over.
pub fn could_be_header(record: &[String], mapping: Option<&[(String, Target)]>) -> bool {
    match mapping {
        Some(mapping) => mapping.iter().any(|(name, _)| {
            record
                .iter()
                .any(|column| column.trim().eq_ignore_ascii_case(name.trim()))
        }),
        None => recognise(record).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(columns: &str) -> Vec<String> {
        columns.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn headers_are_recognised_by_their_columns() {
        let linkedin =
            header("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
        let read = columns(&linkedin, None).unwrap();
        assert_eq!(read.preset, Preset::Linkedin);
        assert!(read.unknown.is_empty());
        assert_eq!(read.targets[6], Some(Target::ConnectedOn));
        let google = header("First Name,Last Name,Birthday,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Nickname");
        let read = columns(&google, None).unwrap();
        assert_eq!(read.preset, Preset::GoogleContacts);
        assert_eq!(read.unknown, ["E-mail 1 - Label", "Nickname"]);
        assert_eq!(read.targets[4], Some(Target::Email));
        let hubspot = header("Record ID,First Name,Last Name,Email");
        assert_eq!(columns(&hubspot, None).unwrap().preset, Preset::Hubspot);
        let outlook = header("First Name,Middle Name,Last Name,E-mail Address,Job Title");
        assert_eq!(columns(&outlook, None).unwrap().preset, Preset::Outlook);
        assert!(columns(&header("Full name,Mail"), None).is_none());
    }

    #[test]
    fn a_mapping_reads_only_the_columns_it_names() {
        let mapping = vec![
            ("full name".to_owned(), Target::Name),
            ("Mail".to_owned(), Target::Email),
        ];
        let read = columns(&header("Full Name,Mail,Shoe size"), Some(&mapping)).unwrap();
        assert_eq!(read.preset, Preset::Mapping);
        assert_eq!(read.targets[0], Some(Target::Name));
        assert_eq!(read.unknown, ["Shoe size"]);
        assert!(could_be_header(&header("x,mail"), Some(&mapping)));
        assert!(!could_be_header(&header("Notes:"), Some(&mapping)));
    }

    #[test]
    fn targets_are_named_as_the_documentation_says() {
        for name in TARGET_NAMES.split(", ") {
            let name = name.replace("<system>", "crm");
            assert!(Target::parse(&name).is_ok(), "{name}");
        }
        assert!(Target::parse("shoe_size")
            .unwrap_err()
            .contains("first_name"));
        assert!(Target::parse("external_id:Not A Slug").is_err());
    }
}
