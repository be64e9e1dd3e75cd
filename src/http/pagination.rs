//! Cursor pagination, the same for every list: `?limit=&cursor=` in, `{data, next_cursor}` out.
//!
//! Lists are ordered by id. Ids are UUIDv7, so this is creation order, and it never changes
//! when a row is edited: a client syncing with `updated_since` pages without gaps or repeats
//! even while others write.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// A validated page request: `limit` within bounds, `cursor` decoded to the last id seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: i64,
    pub after: Option<String>,
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

    /// Rows to fetch: one more than the page, to learn whether another page follows.
    pub fn fetch_limit(&self) -> i64 {
        self.limit + 1
    }

    /// Turns the rows fetched with `fetch_limit` into a page.
    pub fn page<T>(&self, mut rows: Vec<T>, id_of: impl Fn(&T) -> String) -> Page<T> {
        let has_more = rows.len() as i64 > self.limit;
        rows.truncate(self.limit as usize);
        let next_cursor = if has_more {
            rows.last().map(|row| encode_cursor(&id_of(row)))
        } else {
            None
        };
        Page {
            data: rows,
            next_cursor,
        }
    }
}

fn encode_cursor(last_id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{last_id}"))
}

fn decode_cursor(cursor: &str) -> Result<String, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("v1:").map(str::to_owned))
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| ApiError::invalid_field("cursor", "is not a cursor this API returned"))
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
    fn a_cursor_round_trips_and_garbage_is_refused() {
        let id = uuid::Uuid::now_v7().to_string();
        assert_eq!(
            PageRequest::parse(None, Some(&encode_cursor(&id)))
                .unwrap()
                .after,
            Some(id)
        );
        assert!(PageRequest::parse(None, Some("not-a-cursor")).is_err());
        assert!(
            PageRequest::parse(None, Some(&URL_SAFE_NO_PAD.encode("v1:'; drop table"))).is_err()
        );
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
