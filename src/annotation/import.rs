//! Reading any annotation file newsmark understands: the format is told from the file's
//! shape (a Hypothesis export or search result, else W3C Web Annotation JSON-LD), and the
//! file is read by that format's reader. Nothing is returned unless all of it is valid.

use super::hypothesis;
use super::json::{check_size, json_error, kind, Document, ImportError};
use serde_json::Value;

/// Read an annotation file from its bytes: UTF-8 (with or without a byte-order mark).
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, ImportError> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText(e.valid_up_to()))?;
    parse(text)
}

/// Read an annotation file: W3C Web Annotation (a collection, a page, one annotation or a
/// list of them) or a Hypothesis JSON export. Nothing is returned unless all of it is valid.
pub fn parse(input: &str) -> Result<Document, ImportError> {
    check_size(input.len())?;
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(input).map_err(|e| json_error(&e))?;
    match &value {
        Value::Object(m) if m.contains_key("annotations") || m.contains_key("rows") => {
            hypothesis::parse(m)
        }
        Value::Object(_) => super::w3c::read(&value),
        Value::Array(items) if items.iter().any(|i| i.get("uri").is_some()) => {
            hypothesis::parse_rows(items, None)
        }
        Value::Array(_) => super::w3c::read(&value),
        other => Err(ImportError::NotAnnotations(format!(
            "the file holds {}, not an object or a list",
            kind(other)
        ))),
    }
}
