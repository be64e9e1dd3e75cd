//! The feed's position, handed to clients as an opaque token: the workspace, the position of
//! the last change read, and when the token was issued (a token older than the retention
//! has expired, as Google People's sync tokens do after seven days).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};

use crate::error::ApiError;
use crate::time::TombstoneRetention;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncToken {
    workspace_id: String,
    pub seq: i64,
    issued_at: i64,
}

fn foreign() -> ApiError {
    ApiError::invalid_field("since", "is not a token this feed returned")
}

impl SyncToken {
    pub fn new(workspace_id: &str, seq: i64, issued: DateTime<Utc>) -> Self {
        Self {
            workspace_id: workspace_id.to_owned(),
            seq,
            issued_at: issued.timestamp(),
        }
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "{}.{}.{}",
            self.workspace_id, self.seq, self.issued_at
        ))
    }

    pub fn parse(text: &str) -> Result<Self, ApiError> {
        let decoded = URL_SAFE_NO_PAD.decode(text).map_err(|_| foreign())?;
        let decoded = String::from_utf8(decoded).map_err(|_| foreign())?;
        let mut parts = decoded.split('.');
        let (Some(workspace_id), Some(seq), Some(issued_at), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(foreign());
        };
        let token = Self {
            workspace_id: workspace_id.to_owned(),
            seq: seq.parse().map_err(|_| foreign())?,
            issued_at: issued_at.parse().map_err(|_| foreign())?,
        };
        if token.seq < 0 {
            return Err(foreign());
        }
        Ok(token)
    }

    /// Whether the token can be followed in this workspace's feed, whose last change is at
    /// `head` and whose changes up to `pruned_through` are gone.
    pub fn check(
        &self,
        workspace_id: &str,
        head: i64,
        pruned_through: i64,
        now: DateTime<Utc>,
        retention: &TombstoneRetention,
    ) -> Result<(), ApiError> {
        if self.workspace_id != workspace_id || self.seq > head {
            return Err(foreign());
        }
        let age = now.timestamp() - self.issued_at;
        if age > retention.days * 86_400 || self.seq < pruned_through {
            return Err(ApiError::new(
                actix_web::http::StatusCode::GONE,
                "sync_token_expired",
                format!(
                    "this token is older than the feed keeps changes ({} days): read the lists again in full, then follow the feed from a new token (GET /v1/changes without `since`)",
                    retention.days
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WS: &str = "0193a5c1-0000-7000-8000-000000000001";

    #[test]
    fn round_trips() {
        let token = SyncToken::new(WS, 42, Utc::now());
        assert_eq!(SyncToken::parse(&token.encode()).unwrap(), token);
    }

    #[test]
    fn refuses_what_it_did_not_make() {
        for text in [
            "",
            "42",
            "!!!",
            &URL_SAFE_NO_PAD.encode("a.b.c"),
            &URL_SAFE_NO_PAD.encode(format!("{WS}.-1.0")),
            &URL_SAFE_NO_PAD.encode(format!("{WS}.1.2.3")),
        ] {
            assert_eq!(
                SyncToken::parse(text).unwrap_err().code(),
                "validation_failed",
                "{text}"
            );
        }
    }

    #[test]
    fn expires_with_the_retention_or_when_its_changes_are_pruned() {
        let retention = TombstoneRetention { days: 30 };
        let now = Utc::now();
        let fresh = SyncToken::new(WS, 10, now - chrono::Duration::days(29));
        assert!(fresh.check(WS, 12, 0, now, &retention).is_ok());
        let old = SyncToken::new(WS, 10, now - chrono::Duration::days(31));
        assert_eq!(
            old.check(WS, 12, 0, now, &retention).unwrap_err().code(),
            "sync_token_expired"
        );
        assert_eq!(
            fresh.check(WS, 12, 11, now, &retention).unwrap_err().code(),
            "sync_token_expired"
        );
        // At the pruned position itself nothing after it is missing.
        assert!(fresh.check(WS, 12, 10, now, &retention).is_ok());
    }

    #[test]
    fn belongs_to_one_workspace_and_cannot_run_ahead() {
        let retention = TombstoneRetention { days: 30 };
        let now = Utc::now();
        let token = SyncToken::new(WS, 10, now);
        assert!(token.check("another", 12, 0, now, &retention).is_err());
        assert!(token.check(WS, 9, 0, now, &retention).is_err());
    }
}
