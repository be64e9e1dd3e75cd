//! Access tokens (HS256 JWTs, short-lived, scoped to one workspace) and refresh tokens
//! (random, stored only as a SHA-256 hash, revocable).

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::schema::service_secrets;
use crate::db::{is_unique_violation, DbConn};
use crate::error::ApiError;
use crate::time::db_now;

const ISSUER: &str = "rapport";
const AUDIENCE: &str = "rapport-api";
const SECRET_NAME: &str = "jwt_hs256";
pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user.
    pub sub: String,
    /// The workspace this token acts in.
    pub wid: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], access_ttl_seconds: i64, refresh_ttl_days: i64) -> Self {
        // Only HS256 is accepted: a token that names another algorithm (or `none`) fails.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl: Duration::seconds(access_ttl_seconds),
            refresh_ttl: Duration::days(refresh_ttl_days),
        }
    }

    pub fn issue_access_token(
        &self,
        user_id: &str,
        workspace_id: &str,
        now: DateTime<Utc>,
    ) -> Result<String, ApiError> {
        let claims = Claims {
            sub: user_id.to_owned(),
            wid: workspace_id.to_owned(),
            iat: now.timestamp(),
            exp: (now + self.access_ttl).timestamp(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(ApiError::internal)
    }

    pub fn verify_access_token(&self, token: &str) -> Result<Claims, ApiError> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|error| {
                use jsonwebtoken::errors::ErrorKind;
                let reason = match error.kind() {
                    ErrorKind::ExpiredSignature => {
                        // Its own code, so that a client knows to refresh without parsing
                        // the words.
                        return ApiError::new(
                            actix_web::http::StatusCode::UNAUTHORIZED,
                            "token_expired",
                            "the access token has expired; refresh it",
                        );
                    }
                    ErrorKind::InvalidSignature => "the access token's signature is invalid",
                    ErrorKind::InvalidAlgorithm => "the access token must be signed with HS256",
                    _ => "the access token is malformed or not for this service",
                };
                ApiError::unauthorized(reason)
            })
    }
}

/// A new refresh token and the hash under which it is stored.
pub fn new_refresh_token() -> (String, String) {
    new_secret("rt_")
}

/// A random secret (32 bytes, URL-safe base64) after a `prefix` that says what it is (and
/// lets secret scanners find it), with the hash to store in its place.
pub fn new_secret(prefix: &str) -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes));
    let hash = hash_secret(&secret);
    (secret, hash)
}

/// The stored form of a random secret. 256 random bits need no slow hash: SHA-256 alone
/// cannot be reversed, and the hash can be looked up directly.
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signing secret: the configured one, or the one this deployment generated on its
/// first start. Concurrent first starts agree: the first insert wins, the others read it.
pub fn signing_secret(conn: &mut DbConn, configured: Option<&str>) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = configured {
        anyhow::ensure!(
            secret.len() >= MIN_SECRET_BYTES,
            "JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long"
        );
        return Ok(secret.as_bytes().to_vec());
    }
    fn stored(conn: &mut DbConn) -> anyhow::Result<Option<String>> {
        Ok(service_secrets::table
            .find(SECRET_NAME)
            .select(service_secrets::value)
            .first::<String>(conn)
            .optional()?)
    }
    let encoded = match stored(conn)? {
        Some(value) => value,
        None => {
            let mut bytes = [0u8; 64];
            rand::rng().fill_bytes(&mut bytes);
            let value = STANDARD.encode(bytes);
            let inserted = diesel::insert_into(service_secrets::table)
                .values((
                    service_secrets::name.eq(SECRET_NAME),
                    service_secrets::value.eq(&value),
                    service_secrets::created_at.eq(db_now()),
                ))
                .execute(conn);
            match inserted {
                Ok(_) => value,
                Err(e) if is_unique_violation(&e) => {
                    stored(conn)?.ok_or_else(|| anyhow::anyhow!("signing secret vanished"))?
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    Ok(STANDARD.decode(encoded)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(&[7u8; 32], 900, 30)
    }

    #[test]
    fn a_token_round_trips() {
        let token = keys().issue_access_token("u1", "w1", Utc::now()).unwrap();
        let claims = keys().verify_access_token(&token).unwrap();
        assert_eq!((claims.sub.as_str(), claims.wid.as_str()), ("u1", "w1"));
    }

    #[test]
    fn expired_tampered_and_foreign_tokens_fail() {
        let expired = keys()
            .issue_access_token("u1", "w1", Utc::now() - Duration::hours(1))
            .unwrap();
        assert!(keys().verify_access_token(&expired).is_err());
        let other = TokenKeys::new(&[8u8; 32], 900, 30)
            .issue_access_token("u1", "w1", Utc::now())
            .unwrap();
        assert!(keys().verify_access_token(&other).is_err());
        let mut tampered = keys().issue_access_token("u1", "w1", Utc::now()).unwrap();
        tampered.insert(tampered.find('.').unwrap() + 2, 'x');
        assert!(keys().verify_access_token(&tampered).is_err());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let (a, hash_a) = new_refresh_token();
        let (b, _) = new_refresh_token();
        assert_ne!(a, b);
        assert_eq!(hash_secret(&a), hash_a);
        assert_eq!(hash_a.len(), 64);
    }
}
