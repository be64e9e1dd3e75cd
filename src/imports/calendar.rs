//! A calendar (iCalendar, RFC 5545) read as the meetings that took place: every past
//! occurrence of an event with attendees, recurring events expanded in their own time
//! zones (a weekly 10:00 in New York stays 10:00 across a change of daylight saving time).

use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarProperty,
};
use chrono::{DateTime, Utc};

use crate::interactions::domain::Channel;

/// The most occurrences read from one calendar: a daily meeting for forty years.
const MAX_OCCURRENCES: usize = 15_000;

/// Hosts of video meetings: an event whose location or description links to one was held
/// on video.
const CONFERENCING: &[&str] = &[
    "zoom.us/",
    "meet.google.com/",
    "teams.microsoft.com/",
    "teams.live.com/",
    "webex.com/",
    "whereby.com/",
    "gotomeeting.com/",
    "meet.jit.si/",
    "chime.aws/",
];

/// Someone invited to a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// Lower-cased.
    pub email: String,
    /// The `CN` the calendar gives, if any.
    pub name: Option<String>,
}

/// One meeting that took place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The event's UID and this occurrence's start: what a second import of the same
    /// calendar finds it by.
    pub key: String,
    pub start: DateTime<Utc>,
    pub summary: Option<String>,
    pub channel: Channel,
    /// Who was invited and did not decline, the organizer included.
    pub attendees: Vec<Attendee>,
}

fn text(entry: &ICalendarEntry) -> Option<&str> {
    entry.values.first().and_then(|value| value.as_text())
}

fn property<'a>(event: &'a ICalendarComponent, name: &ICalendarProperty) -> Option<&'a str> {
    event
        .entries
        .iter()
        .find(|entry| &entry.name == name)
        .and_then(text)
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

fn parameter<'a>(entry: &'a ICalendarEntry, name: &ICalendarParameterName) -> Option<&'a str> {
    entry
        .params
        .iter()
        .find(|param| &param.name == name)
        .and_then(|param| param.value.as_text())
}

/// A `mailto:` address, lower-cased.
fn address(entry: &ICalendarEntry) -> Option<String> {
    let value = text(entry)?.trim();
    let email = value
        .get(..7)
        .filter(|scheme| scheme.eq_ignore_ascii_case("mailto:"))
        .map_or(value, |_| &value[7..]);
    email.contains('@').then(|| email.trim().to_lowercase())
}

fn attendees(event: &ICalendarComponent) -> Vec<Attendee> {
    let mut found: Vec<Attendee> = Vec::new();
    for entry in &event.entries {
        let invited = matches!(
            entry.name,
            ICalendarProperty::Attendee | ICalendarProperty::Organizer
        );
        let declined = parameter(entry, &ICalendarParameterName::Partstat)
            .is_some_and(|status| status.eq_ignore_ascii_case("DECLINED"));
        if !invited || declined {
            continue;
        }
        let Some(email) = address(entry) else {
            continue;
        };
        if found.iter().all(|a| a.email != email) {
            found.push(Attendee {
                email,
                name: parameter(entry, &ICalendarParameterName::Cn)
                    .map(|name| name.trim().to_owned())
                    .filter(|name| !name.is_empty()),
            });
        }
    }
    found
}

fn channel(event: &ICalendarComponent) -> Channel {
    let conference_property = event.entries.iter().any(|entry| match &entry.name {
        ICalendarProperty::Conference => true,
        ICalendarProperty::Other(name) => {
            let name = name.to_ascii_uppercase();
            name == "X-GOOGLE-CONFERENCE"
                || name.starts_with("X-MICROSOFT-") && name.contains("URL")
        }
        _ => false,
    });
    let linked = [
        ICalendarProperty::Location,
        ICalendarProperty::Description,
        ICalendarProperty::Url,
    ]
    .iter()
    .filter_map(|name| property(event, name))
    .any(|text| {
        let text = text.to_lowercase();
        CONFERENCING.iter().any(|host| text.contains(host))
    });
    if conference_property || linked {
        Channel::Video
    } else {
        Channel::InPerson
    }
}

/// The meetings of a calendar that took place before `now`, oldest first. An error says
/// why the file is not a calendar.
pub fn meetings(body: &str, now: DateTime<Utc>) -> Result<Vec<Meeting>, String> {
    let calendar = ICalendar::parse(body)
        .map_err(|_| "the file is not an iCalendar (BEGIN:VCALENDAR … END:VCALENDAR)".to_owned())?;
    let expanded = calendar.expand_dates(chrono_tz::UTC, MAX_OCCURRENCES);
    let mut meetings = Vec::new();
    for occurrence in expanded.events {
        let Some(event) = calendar.components.get(occurrence.comp_id as usize) else {
            continue;
        };
        let start = occurrence.start.with_timezone(&Utc);
        if event.component_type != ICalendarComponentType::VEvent || start > now {
            continue;
        }
        let cancelled = property(event, &ICalendarProperty::Status)
            .is_some_and(|status| status.eq_ignore_ascii_case("CANCELLED"));
        // A whole day (a holiday, time off) is no meeting.
        let all_day = event.entries.iter().any(|entry| {
            entry.name == ICalendarProperty::Dtstart
                && parameter(entry, &ICalendarParameterName::Value)
                    .is_some_and(|value| value.eq_ignore_ascii_case("DATE"))
        });
        let attendees = attendees(event);
        if cancelled || all_day || attendees.is_empty() {
            continue;
        }
        let uid = property(event, &ICalendarProperty::Uid).unwrap_or("no-uid");
        meetings.push(Meeting {
            key: format!("{uid}@{}", start.format("%Y%m%dT%H%M%SZ")),
            start,
            summary: property(event, &ICalendarProperty::Summary).map(str::to_owned),
            channel: channel(event),
            attendees,
        });
    }
    meetings.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    Ok(meetings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const WEEKLY_ACROSS_DST: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:weekly-1@example.com\r\nDTSTART;TZID=America/New_York:20251020T100000\r\nDTEND;TZID=America/New_York:20251020T103000\r\n\
RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=America/New_York:20251103T100000\r\nSUMMARY:Pipeline review\r\n\
LOCATION:https://zoom.us/j/123\r\nORGANIZER;CN=Sam Seller:mailto:sam@rapport.example\r\n\
ATTENDEE;CN=Ana Ortiz;PARTSTAT=ACCEPTED:mailto:Ana@Brightline.example\r\nATTENDEE;PARTSTAT=DECLINED:mailto:bo@berg.example\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:offsite\r\nDTSTART;VALUE=DATE:20251021\r\nATTENDEE:mailto:ana@brightline.example\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:lunch\r\nDTSTART:20251022T120000Z\r\nSUMMARY:Lunch\r\nLOCATION:Café Rouge\\, 3rd St\r\nATTENDEE:mailto:carla@harbor.example\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:future\r\nDTSTART:20301022T120000Z\r\nATTENDEE:mailto:carla@harbor.example\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    #[test]
    fn a_weekly_meeting_keeps_its_local_hour_across_daylight_saving_time() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let meetings = meetings(WEEKLY_ACROSS_DST, now).unwrap();
        let starts: Vec<String> = meetings.iter().map(|m| m.start.to_rfc3339()).collect();
        assert_eq!(
            starts,
            [
                "2025-10-20T14:00:00+00:00",
                "2025-10-22T12:00:00+00:00",
                "2025-10-27T14:00:00+00:00",
                // 10:00 in New York after the clocks went back; Nov 3 was cancelled.
                "2025-11-10T15:00:00+00:00",
            ]
        );
        let review = &meetings[0];
        assert_eq!(review.key, "weekly-1@example.com@20251020T140000Z");
        assert_eq!(review.channel, Channel::Video);
        assert_eq!(review.summary.as_deref(), Some("Pipeline review"));
        let emails: Vec<&str> = review.attendees.iter().map(|a| a.email.as_str()).collect();
        assert_eq!(emails, ["sam@rapport.example", "ana@brightline.example"]);
        assert_eq!(review.attendees[1].name.as_deref(), Some("Ana Ortiz"));
        assert_eq!(meetings[1].channel, Channel::InPerson);
    }

    #[test]
    fn what_is_not_a_calendar_is_refused() {
        assert!(meetings("BEGIN:VCARD\r\nEND:VCARD\r\n", Utc::now()).is_err());
    }
}
