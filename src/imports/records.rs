//! Reading a file into records (a CSV row, a vCard), and a record into a contact. The
//! record becomes the same JSON document a request would send, so that every value is
//! checked by the one parser of contacts and refused with the same words.

use calcard::vcard::{VCard, VCardProperty, VCardValue};
use calcard::Entry;
use serde_json::{json, Map, Value};

use super::calendar::{self, Meeting};
use super::mapping::{self, Columns, Preset, Target};
use crate::contacts::domain::NewContact;
use crate::error::ApiError;
use crate::http::extract::parse_value;
use crate::values::string_enum;

string_enum!(
    /// The kind of file an import reads.
    Format {
        Csv = "csv",
        Vcard = "vcard",
        /// iCalendar: the meetings that took place, logged as interactions.
        Ical = "ical",
    }
);

impl Format {
    /// The format a `Content-Type` names, if it is one an import reads.
    pub fn of_media_type(media_type: &str) -> Option<Self> {
        match media_type.trim().to_ascii_lowercase().as_str() {
            "text/csv" | "application/csv" => Some(Self::Csv),
            "text/vcard" | "text/x-vcard" | "text/directory" => Some(Self::Vcard),
            "text/calendar" => Some(Self::Ical),
            _ => None,
        }
    }
}

/// One record of a file.
#[derive(Debug, Clone)]
pub struct Record {
    /// From 1, the header not counted.
    pub number: u32,
    /// The line of the file it starts on (CSV).
    pub line: Option<u64>,
    pub item: Item,
}

/// What a record describes.
#[derive(Debug, Clone)]
pub enum Item {
    /// A contact: the values of the record's cells, each with the field it fills.
    Contact(Vec<(Target, String)>),
    /// A meeting that took place.
    Meeting(Meeting),
}

/// A record that could not be read at all.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub number: u32,
    pub line: Option<u64>,
    pub reason: String,
}

/// What the file's header says: how its columns are read.
#[derive(Debug, Clone)]
pub struct Layout {
    pub preset: Preset,
    pub unknown_columns: Vec<String>,
}

/// A file opened for reading: its layout, and its records one at a time.
pub struct Records<'a> {
    pub layout: Layout,
    source: Source<'a>,
    number: u32,
}

enum Source<'a> {
    Csv {
        reader: csv::Reader<&'a [u8]>,
        targets: Vec<Option<Target>>,
        /// The file, to find where a record starts after blank lines.
        text: &'a [u8],
    },
    Vcard(calcard::Parser<'a>),
    Calendar(std::vec::IntoIter<Meeting>),
}

/// Opens `body`, a file received at `received_at`: for CSV, finds the header row (past any
/// lines of notes before it) and how its columns are read; for a calendar, the meetings
/// that took place before it was received, so that reading it again (a resumed job) finds
/// the same records. An error says why the file cannot be imported at all.
pub fn open<'a>(
    format: Format,
    body: &'a str,
    mapping: Option<&[(String, Target)]>,
    received_at: chrono::DateTime<chrono::Utc>,
) -> Result<Records<'a>, String> {
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let source = match format {
        Format::Vcard => {
            return Ok(Records {
                layout: Layout {
                    preset: Preset::Vcard,
                    unknown_columns: Vec::new(),
                },
                source: Source::Vcard(calcard::Parser::new(body)),
                number: 0,
            })
        }
        Format::Ical => {
            let meetings = calendar::meetings(body, received_at)?;
            return Ok(Records {
                layout: Layout {
                    preset: Preset::Ical,
                    unknown_columns: Vec::new(),
                },
                source: Source::Calendar(meetings.into_iter()),
                number: 0,
            });
        }
        Format::Csv => body,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(source.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                if !mapping::could_be_header(&cells, mapping) {
                    continue;
                }
                let Columns {
                    preset,
                    targets,
                    unknown,
                } = mapping::columns(&cells, mapping)
                    .ok_or("the header row is not one an import knows")?;
                return Ok(Records {
                    layout: Layout {
                        preset,
                        unknown_columns: unknown,
                    },
                    source: Source::Csv {
                        reader,
                        targets,
                        text: source.as_bytes(),
                    },
                    number: 0,
                });
            }
            Ok(false) => {
                return Err(match mapping {
                    Some(_) => "no row of the file names a column of the mapping".to_owned(),
                    None => format!(
                        "no header row of a known export (Google Contacts, Outlook, LinkedIn, HubSpot or Rapport) was found; give a `mapping` from your columns to {}",
                        mapping::TARGET_NAMES
                    ),
                })
            }
            Err(error) => return Err(format!("the file is not CSV: {error}")),
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, Unreadable>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::Csv {
                reader,
                targets,
                text,
            } => {
                let mut record = csv::StringRecord::new();
                loop {
                    let read = reader.read_record(&mut record);
                    let line = record.position().map(|p| first_line(text, p));
                    match read {
                        Ok(false) => return None,
                        Ok(true) if record.iter().all(|cell| cell.trim().is_empty()) => {}
                        Ok(true) => {
                            self.number += 1;
                            let cells = targets
                                .iter()
                                .zip(record.iter())
                                .filter_map(|(target, cell)| {
                                    Some((target.clone()?, formula_unguarded(cell.trim())))
                                })
                                .filter(|(_, cell)| !cell.is_empty())
                                .collect();
                            return Some(Ok(Record {
                                number: self.number,
                                line,
                                item: Item::Contact(cells),
                            }));
                        }
                        Err(error) => {
                            self.number += 1;
                            let line = error.position().map(|p| first_line(text, p)).or(line);
                            return Some(Err(Unreadable {
                                number: self.number,
                                line,
                                reason: format!("not a CSV row: {error}"),
                            }));
                        }
                    }
                }
            }
            Source::Calendar(meetings) => {
                let meeting = meetings.next()?;
                self.number += 1;
                Some(Ok(Record {
                    number: self.number,
                    line: None,
                    item: Item::Meeting(meeting),
                }))
            }
            Source::Vcard(parser) => loop {
                match parser.entry() {
                    Entry::Eof => return None,
                    Entry::VCard(card) => {
                        self.number += 1;
                        return Some(Ok(Record {
                            number: self.number,
                            line: None,
                            item: Item::Contact(card_cells(card)),
                        }));
                    }
                    Entry::InvalidLine(_) => {}
                    Entry::ICalendar(_) => {
                        self.number += 1;
                        return Some(Err(Unreadable {
                            number: self.number,
                            line: None,
                            reason: "a calendar, not a vCard".to_owned(),
                        }));
                    }
                    // Unterminated or misnested components, and whatever else the parser
                    // may come to report.
                    _ => {
                        self.number += 1;
                        return Some(Err(Unreadable {
                            number: self.number,
                            line: None,
                            reason: "a vCard without its END:VCARD".to_owned(),
                        }));
                    }
                }
            },
        }
    }
}

/// A cell as written before an export guarded it: exports put a `'` before a value a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`).
fn formula_unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// The line a record starts on: the reader reports where it began to read, which is
/// before any blank lines it passed over.
fn first_line(text: &[u8], position: &csv::Position) -> u64 {
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank = text
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    position.line() + blank as u64
}

fn text(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::PartialDateTime(date) => Some(match (date.year, date.month, date.day) {
            (Some(year), Some(month), Some(day)) => format!("{year:04}-{month:02}-{day:02}"),
            (None, Some(month), Some(day)) => format!("--{month:02}-{day:02}"),
            _ => return None,
        }),
        VCardValue::Component(parts) => Some(parts.join(",")),
        other => other.as_text().map(str::to_owned),
    }
}

/// A vCard's properties as cells, by the fields they fill.
fn card_cells(card: VCard) -> Vec<(Target, String)> {
    let mut cells = Vec::new();
    for entry in card.entries {
        let values: Vec<String> = entry.values.iter().filter_map(text).collect();
        let first = values
            .first()
            .map(|v| v.trim().to_owned())
            .unwrap_or_default();
        let target = match &entry.name {
            VCardProperty::N => {
                // Family; given; additional; prefixes; suffixes.
                let part = |i: usize| values.get(i).map(|v| v.trim()).unwrap_or("");
                let given = [part(1), part(2)]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                cells.push((Target::FirstName, given));
                cells.push((Target::LastName, part(0).to_owned()));
                continue;
            }
            VCardProperty::Fn => Target::Name,
            VCardProperty::Email => Target::Email,
            VCardProperty::Tel => {
                let number = first.strip_prefix("tel:").unwrap_or(&first).to_owned();
                cells.push((Target::Phone, number));
                continue;
            }
            VCardProperty::Org => Target::Company,
            VCardProperty::Title => Target::Title,
            VCardProperty::Role => Target::Profession,
            VCardProperty::Note => Target::Notes,
            VCardProperty::Bday => Target::Birthday,
            VCardProperty::Anniversary => Target::Anniversary,
            VCardProperty::Categories => {
                cells.push((Target::Tags, values.join(";")));
                continue;
            }
            VCardProperty::Uid => Target::ExternalId(
                crate::external_ids::System::try_from("vcard".to_owned()).expect("a slug"),
            ),
            VCardProperty::Other(name) if name.eq_ignore_ascii_case(EXTERNAL_ID_PROPERTY) => {
                Target::ExternalIds
            }
            _ => continue,
        };
        cells.push((target, first));
    }
    cells.retain(|(_, value)| !value.is_empty());
    cells
}

/// The vCard property that carries a contact's external ids (`system:id`), one each.
pub const EXTERNAL_ID_PROPERTY: &str = "X-RAPPORT-EXTERNAL-ID";

/// Values of a list cell: separated by `;` or by Google's ` ::: `.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(":::")
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// A date as exports write it: `1985-03-14`, `--03-14` (no year), `19850314`, `--0314`,
/// or the United States' `3/14/1985`; Outlook's `0/0/00` is no date. Answers month, day
/// and year.
fn yearly_date(raw: &str) -> Result<Option<(u32, u32, Option<i32>)>, String> {
    let raw = raw.split('T').next().unwrap_or(raw).trim();
    let refused = || {
        Err(format!(
            "`{raw}` is not a date (write 1985-03-14, --03-14 without a year, or 3/14/1985)"
        ))
    };
    let number = |s: &str| s.parse::<u32>().ok();
    let (month, day, year) = if let Some(rest) = raw.strip_prefix("--") {
        let (month, day) = match rest.split_once('-') {
            Some(parts) => parts,
            None if rest.len() == 4 => rest.split_at(2),
            None => return refused(),
        };
        (number(month), number(day), None)
    } else if let Some((month, rest)) = raw.split_once('/') {
        let Some((day, year)) = rest.split_once('/') else {
            return refused();
        };
        (number(month), number(day), Some(year))
    } else if raw.len() == 8 && raw.chars().all(|c| c.is_ascii_digit()) {
        let (year, rest) = raw.split_at(4);
        let (month, day) = rest.split_at(2);
        (number(month), number(day), Some(year))
    } else {
        let mut parts = raw.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            return refused();
        };
        (number(month), number(day), Some(year))
    };
    let (Some(month), Some(day)) = (month, day) else {
        return refused();
    };
    if month == 0 && day == 0 {
        return Ok(None);
    }
    let year = match year.map(|y| y.parse::<i32>()) {
        None => None,
        Some(Ok(0)) => None,
        Some(Ok(year)) => Some(year),
        Some(Err(_)) => return refused(),
    };
    Ok(Some((month, day, year)))
}

/// What LinkedIn's "Connected On" (`12 Mar 2021`) tells of how we met.
fn connected_on(raw: &str) -> String {
    match chrono::NaiveDate::parse_from_str(raw.trim(), "%d %b %Y") {
        Ok(date) => format!("Connected on LinkedIn on {}", date.format("%Y-%m-%d")),
        Err(_) => format!("Connected on LinkedIn on {}", raw.trim()),
    }
}

/// A record's cells as the contact they describe, or the field at fault and why.
pub fn contact(cells: &[(Target, String)]) -> Result<NewContact, ApiError> {
    let mut document = Map::new();
    let set_once = |document: &mut Map<String, Value>, key: &str, value: &str| {
        document
            .entry(key.to_owned())
            .or_insert_with(|| Value::String(value.to_owned()));
    };
    let (mut emails, mut phones, mut tags, mut notes) = (vec![], vec![], vec![], vec![]);
    let (mut external_ids, mut how_we_met, mut name) = (vec![], vec![], None);
    let mut dates = vec![];
    for (target, cell) in cells {
        let cell = cell.as_str();
        match target {
            Target::FirstName => set_once(&mut document, "first_name", cell),
            Target::LastName => set_once(&mut document, "last_name", cell),
            Target::Name => {
                name.get_or_insert(cell);
            }
            Target::Email => emails.extend(list(cell)),
            Target::Phone => phones.extend(list(cell)),
            Target::Company => set_once(&mut document, "company", cell),
            Target::Title => set_once(&mut document, "title", cell),
            Target::Industry => set_once(&mut document, "industry", cell),
            Target::Profession => set_once(&mut document, "profession", cell),
            Target::RelationshipKind => {
                set_once(&mut document, "relationship_kind", &cell.to_lowercase())
            }
            Target::HowWeMet => how_we_met.push(cell.to_owned()),
            Target::ConnectedOn => how_we_met.push(connected_on(cell)),
            Target::Notes => notes.push(cell),
            // Google's own labels (`* myContacts`, `* starred`) are not the user's tags.
            Target::Tags => tags.extend(list(cell).filter(|tag| !tag.starts_with("* "))),
            Target::Birthday => {
                let date = yearly_date(cell)
                    .map_err(|reason| ApiError::invalid_field("/birthday", reason))?;
                if let Some((month, day, year)) = date {
                    document
                        .entry("birthday")
                        .or_insert_with(|| json!({"month": month, "day": day, "year": year}));
                }
            }
            Target::Anniversary => {
                let date = yearly_date(cell)
                    .map_err(|reason| ApiError::invalid_field("/important_dates", reason))?;
                if let Some((month, day, year)) = date {
                    dates.push(
                        json!({"label": "Anniversary", "month": month, "day": day, "year": year}),
                    );
                }
            }
            Target::Trust | Target::CadenceDays => {
                let key = if *target == Target::Trust {
                    "trust"
                } else {
                    "cadence_days"
                };
                let value = cell
                    .parse::<i64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::String(cell.to_owned()));
                document.entry(key).or_insert(value);
            }
            Target::ExternalId(system) => {
                external_ids.push(json!({"system": system.as_str(), "id": cell}));
            }
            Target::ExternalIds => {
                for pair in list(cell) {
                    let (system, id) = pair.split_once(':').ok_or_else(|| {
                        ApiError::invalid_field(
                            "/external_ids",
                            format!("`{pair}` is not `system:id`"),
                        )
                    })?;
                    external_ids.push(json!({"system": system, "id": id}));
                }
            }
            Target::Ignore => {}
        }
    }
    if let Some(name) = name {
        if !document.contains_key("first_name") {
            match name.trim().rsplit_once(' ') {
                Some((first, last)) if !document.contains_key("last_name") => {
                    set_once(&mut document, "first_name", first.trim());
                    set_once(&mut document, "last_name", last.trim());
                }
                _ => set_once(&mut document, "first_name", name.trim()),
            }
        }
    }
    if !document.contains_key("first_name") {
        return Err(ApiError::invalid_field(
            "/first_name",
            "the record gives no first name (nor a whole name)",
        ));
    }
    let mut put = |key: &str, values: Vec<Value>| {
        if !values.is_empty() {
            document.insert(key.to_owned(), Value::Array(values));
        }
    };
    put("emails", emails.into_iter().map(Value::from).collect());
    put("phones", phones.into_iter().map(Value::from).collect());
    put("tags", tags.into_iter().map(Value::from).collect());
    put("external_ids", dedup(external_ids));
    put("important_dates", dates);
    if !notes.is_empty() {
        document.insert("notes".to_owned(), Value::from(notes.join("\n\n")));
    }
    if !how_we_met.is_empty() {
        document.insert("how_we_met".to_owned(), Value::from(how_we_met.join(". ")));
    }
    parse_value(Value::Object(document))
}

fn dedup(mut values: Vec<Value>) -> Vec<Value> {
    let mut seen = Vec::with_capacity(values.len());
    values.retain(|value| {
        let fresh = !seen.contains(value);
        if fresh {
            seen.push(value.clone());
        }
        fresh
    });
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Email;

    fn cells(record: &Record) -> &[(Target, String)] {
        match &record.item {
            Item::Contact(cells) => cells,
            Item::Meeting(_) => panic!("a meeting"),
        }
    }

    fn rows(format: Format, body: &str) -> (Layout, Vec<Result<Record, Unreadable>>) {
        let records = open(format, body, None, crate::time::now()).unwrap();
        let layout = records.layout.clone();
        (layout, records.collect())
    }

    #[test]
    fn dates_are_read_as_exports_write_them() {
        assert_eq!(yearly_date("1985-03-14"), Ok(Some((3, 14, Some(1985)))));
        assert_eq!(yearly_date("--03-14"), Ok(Some((3, 14, None))));
        assert_eq!(yearly_date("--0314"), Ok(Some((3, 14, None))));
        assert_eq!(yearly_date("19850314"), Ok(Some((3, 14, Some(1985)))));
        assert_eq!(yearly_date("3/14/1985"), Ok(Some((3, 14, Some(1985)))));
        assert_eq!(yearly_date("0/0/00"), Ok(None));
        assert!(yearly_date("next tuesday").is_err());
    }

    #[test]
    fn linkedin_notes_before_the_header_are_passed_over() {
        let body = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nJosé,Núñez,https://www.linkedin.com/in/jnunez,,Acme,CTO,12 Mar 2021\n";
        let (layout, records) = rows(Format::Csv, body);
        assert_eq!(layout.preset, Preset::Linkedin);
        let record = records.into_iter().next().unwrap().unwrap();
        assert_eq!((record.number, record.line), (1, Some(5)));
        let contact = contact(cells(&record)).unwrap();
        assert_eq!(contact.first_name.as_str(), "José");
        assert_eq!(
            contact.how_we_met.unwrap().as_str(),
            "Connected on LinkedIn on 2021-03-12"
        );
        assert_eq!(contact.external_ids.items()[0].system.as_str(), "linkedin");
    }

    #[test]
    fn google_lists_and_labels_are_split() {
        let body = "First Name,Last Name,Labels,E-mail 1 - Value,E-mail 2 - Value\nAnn,Lee,* myContacts ::: Golf ::: VIP,ann@a.example ::: ann@b.example,ANN@a.example\n";
        let (_, records) = rows(Format::Csv, body);
        let contact = contact(cells(records[0].as_ref().unwrap())).unwrap();
        let emails: Vec<&str> = contact.emails.items().iter().map(Email::as_str).collect();
        assert_eq!(emails, ["ann@a.example", "ann@b.example"]);
        let contact = contact.normalised();
        let tags: Vec<&str> = contact.tags.items().iter().map(|t| t.as_str()).collect();
        assert_eq!(tags, ["golf", "vip"]);
    }

    #[test]
    fn a_bad_value_names_its_field() {
        let body = "first_name,emails,trust\nAnn,not-an-email,3\nBob,,9\n,bob@x.example,\n";
        let (_, records) = rows(Format::Csv, body);
        let problems: Vec<String> = records
            .iter()
            .map(|r| {
                contact(cells(r.as_ref().unwrap()))
                    .unwrap_err()
                    .problem()
                    .errors[0]
                    .pointer
                    .clone()
            })
            .collect();
        assert_eq!(problems, ["/emails/0", "/trust", "/first_name"]);
    }

    #[test]
    fn vcards_are_read_with_folding_and_escapes() {
        let body = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\nEMAIL;TYPE=work:j\r\n urgen@example.com\r\nORG:Acme\\, Inc.;Sales\r\nNOTE:Line one\\nLine two\r\nCATEGORIES:golf,vip\r\nBDAY:--0314\r\nUID:abc-1\r\nEND:VCARD\r\n";
        let (layout, records) = rows(Format::Vcard, body);
        assert_eq!(layout.preset, Preset::Vcard);
        let contact = contact(cells(records[0].as_ref().unwrap())).unwrap();
        assert_eq!(contact.first_name.as_str(), "Jürgen");
        assert_eq!(contact.last_name.unwrap().as_str(), "Müller");
        assert_eq!(contact.emails.items()[0].as_str(), "jurgen@example.com");
        assert_eq!(contact.company.unwrap().as_str(), "Acme, Inc.");
        assert_eq!(contact.notes.unwrap().as_str(), "Line one\nLine two");
        assert_eq!(contact.tags.items().len(), 2);
        assert_eq!(
            contact.birthday.map(|b| (b.month, b.day, b.year)),
            Some((3, 14, None))
        );
        assert_eq!(contact.external_ids.items()[0].id.as_str(), "abc-1");
    }

    #[test]
    fn a_file_no_preset_knows_needs_a_mapping() {
        assert!(open(
            Format::Csv,
            "Full name,Mail\nAnn,a@x.example\n",
            None,
            crate::time::now()
        )
        .err()
        .unwrap()
        .contains("mapping"));
        let mapping = vec![
            ("Full name".to_owned(), Target::Name),
            ("Mail".to_owned(), Target::Email),
        ];
        let records: Vec<_> = open(
            Format::Csv,
            "Full name,Mail\nAnn Lee,a@x.example\n",
            Some(&mapping),
            crate::time::now(),
        )
        .unwrap()
        .collect();
        let contact = contact(cells(records[0].as_ref().unwrap())).unwrap();
        assert_eq!(contact.last_name.unwrap().as_str(), "Lee");
    }
}
