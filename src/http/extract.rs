//! Body and query extractors. actix's own report errors as plain text without naming the
//! field; these answer problem+json naming the field (`/emails/0`, `limit`) and the reason.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::{header, StatusCode};
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::objects_only::ObjectsOnly;
use crate::error::ApiError;

pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = is_json(req);
        let bytes = Bytes::from_request(req, payload);
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "the request body must be JSON in UTF-8, sent with `Content-Type: application/json`",
                ));
            }
            let bytes = bytes
                .await
                .map_err(|error| match error.as_error::<PayloadError>() {
                    Some(PayloadError::Overflow) => payload_too_large(),
                    _ => match error.as_response_error().status_code() {
                        StatusCode::PAYLOAD_TOO_LARGE => payload_too_large(),
                        _ => ApiError::bad_request(
                            "unreadable_body",
                            format!("the request body could not be read: {error}"),
                        ),
                    },
                })?;
            parse(&bytes).map(Json)
        })
    }
}

/// Query parameters, deserialized into `T`; a bad value is a 422 naming the parameter.
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    // No text the API stores or searches holds a NUL (PostgreSQL's text cannot).
    if let Some((parameter, _)) =
        form_urlencoded::parse(query.as_bytes()).find(|(_, value)| value.contains('\0'))
    {
        return Err(ApiError::invalid_field(
            parameter.into_owned(),
            "must not contain a NUL character",
        ));
    }
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let parameter = error.path().to_string();
        let detail = error.into_inner().to_string();
        if parameter == "." {
            ApiError::invalid_field("query", detail)
        } else {
            ApiError::invalid_field(parameter, detail)
        }
    })
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim();
    // JSON is UTF-8 (RFC 8259); a charset, if named, must say so.
    let utf8 = parts.all(|parameter| match parameter.split_once('=') {
        Some((name, charset)) if name.trim().eq_ignore_ascii_case("charset") => charset
            .trim()
            .trim_matches('"')
            .eq_ignore_ascii_case("utf-8"),
        _ => true,
    });
    essence.eq_ignore_ascii_case("application/json") && utf8
}

fn payload_too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "the request body is larger than this service accepts",
    )
}

/// The largest body a route that takes a whole file (an import, an email) accepts:
/// `RAPPORT_IMPORT_MAX_BYTES`. JSON bodies keep the smaller `RAPPORT_MAX_BODY_BYTES`.
#[derive(Debug, Clone, Copy)]
pub struct FileBodyLimit(pub usize);

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the body is larger than the {limit} bytes this service accepts (RAPPORT_IMPORT_MAX_BYTES); split it into smaller files"),
    )
}

/// Reads a body of at most `limit` bytes (a file or a message sent whole).
pub async fn body_bytes(
    mut payload: impl futures_util::Stream<Item = Result<Bytes, PayloadError>> + Unpin,
    limit: usize,
) -> Result<Bytes, ApiError> {
    use futures_util::StreamExt;
    let mut body = actix_web::web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|error| match error {
            PayloadError::Overflow => too_large(limit),
            other => ApiError::bad_request(
                "unreadable_body",
                format!("the request body could not be read: {other}"),
            ),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Reads a text body of at most `limit` bytes (a file sent whole: an import), in UTF-8.
pub async fn text_body(payload: actix_web::web::Payload, limit: usize) -> Result<String, ApiError> {
    String::from_utf8(body_bytes(payload, limit).await?.to_vec()).map_err(|error| {
        ApiError::invalid_field(
            "/",
            format!(
                "the file is not UTF-8 text (byte {} is not); save it as UTF-8",
                error.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Parses a request body, a JSON object, into `T`; syntax errors (trailing data included)
/// are 400, a well-formed document that does not fit `T` is 422 with a pointer to the
/// value that did not fit.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // serde would read an array as a struct's fields by position: a body is an object, and
    // so is every struct in it (`ObjectsOnly`).
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|b| *b != b'{')
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
    {
        return Err(ApiError::invalid_field("/", "must be a JSON object"));
    }
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let value =
        serde_path_to_error::deserialize(ObjectsOnly(&mut *deserializer)).map_err(|error| {
            let pointer = json_pointer(error.path());
            let inner = error.into_inner();
            match inner.classify() {
                serde_json::error::Category::Data => {
                    ApiError::invalid_field(pointer, strip_position(&inner.to_string()))
                }
                _ => malformed(inner),
            }
        })?;
    deserializer.end().map_err(malformed)?;
    Ok(value)
}

/// Reads a document already parsed as JSON (an item of a batch) into `T`; what does not
/// fit is a 422 with a pointer into the document.
pub fn parse_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    if !value.is_object() {
        return Err(ApiError::invalid_field("/", "must be a JSON object"));
    }
    serde_path_to_error::deserialize(ObjectsOnly(value)).map_err(|error| {
        let pointer = json_pointer(error.path());
        ApiError::invalid_field(pointer, strip_position(&error.into_inner().to_string()))
    })
}

fn malformed(error: serde_json::Error) -> ApiError {
    ApiError::bad_request(
        "malformed_json",
        format!("the request body is not valid JSON: {error}"),
    )
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => {}
        }
    }
    if pointer.is_empty() {
        pointer.push('/');
    }
    pointer
}

/// serde_json appends "at line 1 column 42", which means nothing to an API client.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        tags: Vec<u8>,
    }

    fn error_of(body: &str) -> (u16, String, String) {
        let err = parse::<Sample>(body.as_bytes()).unwrap_err();
        let response = actix_web::ResponseError::error_response(&err);
        (
            response.status().as_u16(),
            err.code().to_owned(),
            format!("{err}"),
        )
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let (status, code, text) = error_of(r#"{"name": "x", "tags": [1, "two"]}"#);
        assert_eq!((status, code.as_str()), (422, "validation_failed"));
        assert!(text.contains("/tags/1"), "{text}");
        assert!(!text.contains("line 1"), "{text}");
    }

    #[test]
    fn a_missing_field_is_a_422_and_bad_syntax_a_400() {
        assert_eq!(error_of(r#"{"tags": []}"#).0, 422);
        assert_eq!(error_of(r#"{"name": "#).0, 400);
        assert_eq!(error_of("not json").0, 400);
    }

    #[test]
    fn only_one_json_object_is_a_body() {
        assert!(parse::<Sample>(br#"{"name": "x", "tags": []}"#).is_ok());
        let (status, code, _) = error_of(r#"{"name": "x", "tags": []} trailing"#);
        assert_eq!((status, code.as_str()), (400, "malformed_json"));
        assert_eq!(error_of(r#"{"name": "x", "tags": []} {}"#).0, 400);
        let (status, _, text) = error_of(r#"["x", []]"#);
        assert_eq!(status, 422, "fields by position are not an object");
        assert!(text.contains("must be a JSON object"), "{text}");
    }

    #[test]
    fn nested_structs_are_objects_too() {
        #[derive(Debug, Deserialize, PartialEq)]
        struct Person {
            name: String,
            company: Option<String>,
        }
        #[derive(Debug, Deserialize, PartialEq)]
        struct Outer {
            target: Person,
            others: Vec<Person>,
            maybe: Option<Person>,
            amount: crate::values::Money,
        }
        let parsed: Outer = parse(
            br#"{"target": {"name": "Ana", "company": "Fabrikam"}, "others": [{"name": "Ben"}],
                 "maybe": null, "amount": 12.5}"#,
        )
        .unwrap();
        assert_eq!(parsed.target.company.as_deref(), Some("Fabrikam"));
        assert_eq!(parsed.others[0].name, "Ben");
        assert_eq!(parsed.maybe, None);
        for (body, pointer) in [
            (
                r#"{"target": ["Ana", "Fabrikam"], "others": [], "maybe": null, "amount": 1}"#,
                "/target",
            ),
            (
                r#"{"target": {"name": "A"}, "others": [["Ben"]], "maybe": null, "amount": 1}"#,
                "/others/0",
            ),
            (
                r#"{"target": {"name": "A"}, "others": [], "maybe": ["Cy"], "amount": 1}"#,
                "/maybe",
            ),
        ] {
            let error = parse::<Outer>(body.as_bytes()).unwrap_err();
            let text = format!("{error}");
            assert_eq!(error.code(), "validation_failed", "{body}");
            assert!(
                text.contains(pointer) && text.contains("expected struct Person"),
                "{body}: {text}"
            );
        }
        // The same holds for an item read from a document already parsed (a batch's).
        let value =
            serde_json::json!({"target": ["Ana"], "others": [], "maybe": null, "amount": 1});
        assert!(parse_value::<Outer>(value).is_err());
    }

    #[test]
    fn query_text_never_holds_a_nul() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Search {
            q: Option<String>,
        }
        let error = parse_query::<Search>("q=ab%00c").unwrap_err();
        assert!(
            format!("{error}").contains("`q` must not contain a NUL"),
            "{error}"
        );
        assert!(parse_query::<Search>("q=abc").is_ok());
    }
}
