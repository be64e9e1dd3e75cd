//! Signatures per the Standard Webhooks specification: the secret is `whsec_` and the
//! base64 of the key; a signature is `v1,` and the base64 of HMAC-SHA256 over
//! `{webhook-id}.{webhook-timestamp}.{body}`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::error::ApiError;

const PREFIX: &str = "whsec_";

/// A signing secret, as shown to the endpoint's owner once.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// 32 random bytes: the specification asks for 24 to 64.
    pub fn generate() -> Self {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        Self(format!("{PREFIX}{}", STANDARD.encode(key)))
    }

    /// A secret read back from the database.
    pub fn stored(text: String) -> Self {
        Self(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn key(&self) -> Result<Vec<u8>, ApiError> {
        self.0
            .strip_prefix(PREFIX)
            .and_then(|key| STANDARD.decode(key).ok())
            .ok_or_else(|| {
                ApiError::internal(anyhow::anyhow!("a stored webhook secret is corrupt"))
            })
    }

    /// `v1,<signature>` of one message.
    pub fn sign(&self, id: &str, timestamp: i64, body: &str) -> Result<String, ApiError> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key()?).map_err(ApiError::internal)?;
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body.as_bytes());
        Ok(format!(
            "v1,{}",
            STANDARD.encode(mac.finalize().into_bytes())
        ))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The `webhook-signature` header: one signature per secret in force, space-separated, so
/// that a receiver that already has the new secret and one that still has the old both
/// verify during a rotation.
pub fn signature_header(
    secrets: &[Secret],
    id: &str,
    timestamp: i64,
    body: &str,
) -> Result<String, ApiError> {
    let signatures = secrets
        .iter()
        .map(|secret| secret.sign(id, timestamp, body))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(signatures.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification.
    #[test]
    fn signs_as_the_specification_example() {
        let secret = Secret::stored("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into());
        let signature = secret
            .sign(
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                r#"{"test": 2432232314}"#,
            )
            .unwrap();
        assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn generated_secrets_have_the_prefix_and_32_bytes_of_key() {
        let secret = Secret::generate();
        assert!(secret.as_str().starts_with("whsec_"));
        assert_eq!(secret.key().unwrap().len(), 32);
        assert_ne!(secret.as_str(), Secret::generate().as_str());
    }

    #[test]
    fn a_rotation_sends_one_signature_per_secret() {
        let (new, old) = (Secret::generate(), Secret::generate());
        let header = signature_header(&[new.clone(), old.clone()], "msg_1", 1, "{}").unwrap();
        let parts: Vec<_> = header.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], new.sign("msg_1", 1, "{}").unwrap());
        assert_eq!(parts[1], old.sign("msg_1", 1, "{}").unwrap());
    }
}
