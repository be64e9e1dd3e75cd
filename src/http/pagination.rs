//! Cursor pagination, the same for every list: `?limit=&cursor=` in, `{data, next_cursor}` out.
//!
//! Most lists are ordered by id. Ids are UUIDv7, so this is creation order, and it never
//! changes when a row is edited: a client syncing with `updated_since` pages without gaps or
//! repeats even while others write. Timelines are ordered newest first by (time, id).
//! The cursor carries the position of the last row of the page, as `id` or `micros,id`
//! (or `number:n` for the few lists ordered by a number of their own).
//! Ranked lists (the agenda) are computed whole for each request; their cursor carries how
//! many rows were already seen, as `rank:n`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// `limit` of a short ranked answer (an insight's top N): 1 to `MAX_LIMIT`, `default`
/// when absent.
pub fn top_n(limit: Option<i64>, default: usize) -> Result<usize, ApiError> {
    match limit {
        None => Ok(default),
        Some(limit @ 1..=MAX_LIMIT) => Ok(limit as usize),
        Some(_) => Err(ApiError::invalid_field(
            "limit",
            format!("must be from 1 to {MAX_LIMIT}"),
        )),
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// The query of a list that takes nothing but a page.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

impl PageQuery {
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        PageRequest::parse(self.limit, self.cursor.as_deref())
    }
}

/// A validated page request: `limit` within bounds, `cursor` decoded to the position of
/// the last row seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: i64,
    after: Option<Position>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    Id(String),
    TimeAndId(NaiveDateTime, String),
    Rank(usize),
    /// A numbered row's number (an import's refused records, by their place in the file).
    Number(i64),
}

fn foreign_cursor() -> ApiError {
    ApiError::invalid_field("cursor", "is not a cursor this list returned")
}

impl PageRequest {
    pub fn parse(limit: Option<i64>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = match limit {
            None => DEFAULT_LIMIT,
            Some(limit) if (1..=MAX_LIMIT).contains(&limit) => limit,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "limit",
                    format!("must be from 1 to {MAX_LIMIT}"),
                ))
            }
        };
        let after = cursor.map(decode_cursor).transpose()?;
        Ok(Self { limit, after })
    }

    /// The last id seen, for lists ordered by id.
    pub fn after_id(&self) -> Result<Option<&str>, ApiError> {
        match &self.after {
            None => Ok(None),
            Some(Position::Id(id)) => Ok(Some(id)),
            Some(_) => Err(foreign_cursor()),
        }
    }

    /// The last (time, id) seen, for lists ordered by time.
    pub fn after_time_and_id(&self) -> Result<Option<(NaiveDateTime, &str)>, ApiError> {
        match &self.after {
            None => Ok(None),
            Some(Position::TimeAndId(time, id)) => Ok(Some((*time, id))),
            Some(_) => Err(foreign_cursor()),
        }
    }

    /// The last number seen, for lists ordered by a number.
    pub fn after_number(&self) -> Result<Option<i64>, ApiError> {
        match &self.after {
            None => Ok(None),
            Some(Position::Number(number)) => Ok(Some(*number)),
            Some(_) => Err(foreign_cursor()),
        }
    }

    /// Turns rows fetched with `fetch_limit`, ordered by a number, into a page.
    pub fn page_by_number<T>(&self, rows: Vec<T>, number_of: impl Fn(&T) -> i64) -> Page<T> {
        self.page_at(rows, |row| format!("number:{}", number_of(row)))
    }

    /// The page of a list ranked in memory; only what the page needs is taken from
    /// `ranked`, so it may be produced lazily.
    pub fn page_of_ranked<T>(
        &self,
        ranked: impl IntoIterator<Item = T>,
    ) -> Result<Page<T>, ApiError> {
        let seen = match &self.after {
            None => 0,
            Some(Position::Rank(seen)) => *seen,
            Some(_) => return Err(foreign_cursor()),
        };
        let mut data: Vec<T> = ranked
            .into_iter()
            .skip(seen)
            .take(self.limit as usize + 1)
            .collect();
        let next_cursor = (data.len() > self.limit as usize).then(|| {
            let end = seen.saturating_add(self.limit as usize);
            encode_cursor(&format!("rank:{end}"))
        });
        data.truncate(self.limit as usize);
        Ok(Page { data, next_cursor })
    }

    /// Rows to fetch: one more than the page, to learn whether another page follows.
    pub fn fetch_limit(&self) -> i64 {
        self.limit + 1
    }

    /// Turns the rows fetched with `fetch_limit` into a page.
    pub fn page<T>(&self, rows: Vec<T>, id_of: impl Fn(&T) -> String) -> Page<T> {
        self.page_at(rows, id_of)
    }

    /// Turns rows fetched with `fetch_limit`, ordered by (time, id), into a page.
    pub fn page_by_time<T>(
        &self,
        rows: Vec<T>,
        position_of: impl Fn(&T) -> (NaiveDateTime, String),
    ) -> Page<T> {
        self.page_at(rows, |row| {
            let (time, id) = position_of(row);
            format!("{},{id}", time.and_utc().timestamp_micros())
        })
    }

    fn page_at<T>(&self, mut rows: Vec<T>, position_of: impl Fn(&T) -> String) -> Page<T> {
        let has_more = rows.len() as i64 > self.limit;
        rows.truncate(self.limit as usize);
        let next_cursor = if has_more {
            rows.last().map(|row| encode_cursor(&position_of(row)))
        } else {
            None
        };
        Page {
            data: rows,
            next_cursor,
        }
    }
}

fn encode_cursor(position: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{position}"))
}

fn decode_cursor(cursor: &str) -> Result<Position, ApiError> {
    let text = URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(foreign_cursor)?;
    let position = text.strip_prefix("v1:").ok_or_else(foreign_cursor)?;
    let id_of = |id: &str| {
        uuid::Uuid::parse_str(id)
            .map(|_| id.to_owned())
            .map_err(|_| foreign_cursor())
    };
    if let Some(number) = position.strip_prefix("number:") {
        return number
            .parse()
            .map(Position::Number)
            .map_err(|_| foreign_cursor());
    }
    if let Some(seen) = position.strip_prefix("rank:") {
        return seen
            .parse()
            .map(Position::Rank)
            .map_err(|_| foreign_cursor());
    }
    match position.split_once(',') {
        None => Ok(Position::Id(id_of(position)?)),
        Some((micros, id)) => {
            let time = micros
                .parse::<i64>()
                .ok()
                .and_then(chrono::DateTime::from_timestamp_micros)
                .ok_or_else(foreign_cursor)?;
            Ok(Position::TimeAndId(time.naive_utc(), id_of(id)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_and_is_bounded() {
        assert_eq!(PageRequest::parse(None, None).unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(PageRequest::parse(Some(200), None).unwrap().limit, 200);
        assert!(PageRequest::parse(Some(0), None).is_err());
        assert!(PageRequest::parse(Some(201), None).is_err());
    }

    #[test]
    fn a_numbered_cursor_round_trips_and_is_not_an_id() {
        let first = PageRequest::parse(Some(2), None).unwrap();
        let page = first.page_by_number(vec![4, 9, 12], |row| *row);
        assert_eq!(page.data, [4, 9]);
        let next = PageRequest::parse(None, page.next_cursor.as_deref()).unwrap();
        assert_eq!(next.after_number().unwrap(), Some(9));
        assert!(next.after_id().is_err());
        assert!(PageRequest::parse(None, Some(&encode_cursor("number:x"))).is_err());
    }

    #[test]
    fn a_cursor_round_trips_and_garbage_is_refused() {
        let id = uuid::Uuid::now_v7().to_string();
        let request = PageRequest::parse(None, Some(&encode_cursor(&id))).unwrap();
        assert_eq!(request.after_id().unwrap(), Some(id.as_str()));
        assert!(
            request.after_time_and_id().is_err(),
            "a cursor of another ordering is refused"
        );
        let time = crate::time::db_now();
        let by_time = PageRequest {
            limit: 1,
            after: None,
        }
        .page_by_time(vec![1, 2], |_| (time, id.clone()));
        let request = PageRequest::parse(None, by_time.next_cursor.as_deref()).unwrap();
        assert_eq!(
            request.after_time_and_id().unwrap(),
            Some((time, id.as_str()))
        );
        assert!(PageRequest::parse(None, Some("not-a-cursor")).is_err());
        assert!(
            PageRequest::parse(None, Some(&URL_SAFE_NO_PAD.encode("v1:'; drop table"))).is_err()
        );
    }

    #[test]
    fn a_ranked_list_pages_by_rank() {
        let first = PageRequest::parse(Some(2), None).unwrap();
        let page = first.page_of_ranked(vec![1, 2, 3, 4, 5]).unwrap();
        assert_eq!(page.data, [1, 2]);
        let second = PageRequest::parse(Some(2), page.next_cursor.as_deref()).unwrap();
        assert!(second.after_id().is_err(), "a rank is not an id");
        let page = second.page_of_ranked(vec![1, 2, 3, 4, 5]).unwrap();
        assert_eq!(page.data, [3, 4]);
        let third = PageRequest::parse(Some(2), page.next_cursor.as_deref()).unwrap();
        let page = third.page_of_ranked(vec![1, 2, 3, 4, 5]).unwrap();
        assert_eq!((page.data, page.next_cursor), (vec![5], None));
        let by_id = PageRequest::parse(
            None,
            Some(&encode_cursor(&uuid::Uuid::now_v7().to_string())),
        )
        .unwrap();
        assert!(by_id.page_of_ranked(vec![1]).is_err());
    }

    #[test]
    fn next_cursor_only_when_more_rows_exist() {
        let request = PageRequest {
            limit: 2,
            after: None,
        };
        let full = request.page(
            vec!["a".to_owned(), "b".to_owned(), "c".to_owned()],
            Clone::clone,
        );
        assert_eq!(full.data, vec!["a", "b"]);
        assert_eq!(full.next_cursor, Some(encode_cursor("b")));
        let last = request.page(vec!["a".to_owned()], Clone::clone);
        assert_eq!(last.next_cursor, None);
    }
}
