//! What every annotation file format shares when it is read: the error that says which
//! annotation, which property and what is wrong ([`ImportError`], with [`Loc`] for the
//! "where"), readers of JSON values that check the type the model gives them, the passage
//! and date readers both formats use, and the [`Document`] a file becomes.

use super::timestamps::parse_rfc3339;
use super::{Annotation, Position, Quote};
use serde_json::{Map, Value};

/// The largest file read. An export of a whole desk's work with its texts is a few MB; the
/// limit only keeps a wrong file (a video, a database dump) from stalling the page.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// The deepest nesting read: an annotation file is at most about eight levels deep, and
/// serde_json refuses more than 128 to protect the stack; this says so in words.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {} and annotation files may be at most {}", megabytes(*.bytes), megabytes(*.limit))]
    TooLarge { bytes: usize, limit: usize },
    #[error("the file is not valid JSON: {reason} at line {line}, column {column}")]
    NotJson {
        reason: String,
        line: usize,
        column: usize,
    },
    #[error("the file nests more than {MAX_DEPTH} levels deep (line {line}, column {column}); annotation files are never that deep")]
    TooDeep { line: usize, column: usize },
    #[error("the file is not UTF-8 text (byte {0} is not valid); annotation files are JSON")]
    NotText(usize),
    #[error("the file is JSON but not annotations: {0}")]
    NotAnnotations(String),
    #[error("{at}: {problem}")]
    Invalid { at: String, problem: String },
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Check a file's size before reading it.
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes,
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// An article text carried in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbeddedText {
    pub sha256: String,
    pub label: Option<String>,
    pub text: String,
}

/// Everything an import file holds, checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub annotations: Vec<Annotation>,
    pub texts: Vec<EmbeddedText>,
    /// Entries that are valid but not about a passage (page notes, replies, bare highlights),
    /// each with the reason, so that the preview can say what was left out.
    pub skipped: Vec<String>,
    /// Parts of imported annotations that newsmark passed over (a body that is only a link,
    /// a second target), each with the annotation it belongs to.
    pub ignored: Vec<String>,
    /// "W3C Web Annotation" or "Hypothesis".
    pub format: &'static str,
}

/// Where in the file a value is, for messages: "annotation 3 (urn:…), target.selector[1].end".
#[derive(Debug, Clone)]
pub(crate) struct Loc {
    what: String,
    path: String,
}

impl Loc {
    pub(crate) fn new(what: impl Into<String>) -> Loc {
        Loc {
            what: what.into(),
            path: String::new(),
        }
    }

    pub(crate) fn field(&self, name: &str) -> Loc {
        let path = if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        };
        Loc {
            what: self.what.clone(),
            path,
        }
    }

    pub(crate) fn index(&self, i: usize) -> Loc {
        Loc {
            what: self.what.clone(),
            path: format!("{}[{i}]", self.path),
        }
    }

    pub(crate) fn fail<T>(&self, problem: impl Into<String>) -> Result<T, ImportError> {
        let at = if self.path.is_empty() {
            self.what.clone()
        } else {
            format!("{}, {}", self.what, self.path)
        };
        Err(ImportError::Invalid {
            at,
            problem: problem.into(),
        })
    }
}

/// How a JSON value's type reads in a message.
pub(crate) fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {:?}", shorten(s)),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// How much of a long value a message quotes.
const QUOTED_CHARS: usize = 40;

pub(crate) fn shorten(s: &str) -> String {
    crate::text::shorten(s, QUOTED_CHARS)
}

pub(crate) fn expect_str<'v>(v: &'v Value, loc: &Loc) -> Result<&'v str, ImportError> {
    v.as_str()
        .map_or_else(|| loc.fail(format!("expected text, found {}", kind(v))), Ok)
}

pub(crate) fn expect_obj<'v>(
    v: &'v Value,
    loc: &Loc,
) -> Result<&'v Map<String, Value>, ImportError> {
    v.as_object().map_or_else(
        || loc.fail(format!("expected an object, found {}", kind(v))),
        Ok,
    )
}

pub(crate) fn opt_str<'v>(
    m: &'v Map<String, Value>,
    key: &str,
    loc: &Loc,
) -> Result<Option<&'v str>, ImportError> {
    m.get(key)
        .map(|v| expect_str(v, &loc.field(key)))
        .transpose()
}

/// A property that the model allows to be one value or a list of them.
pub(crate) fn one_or_many(v: &Value) -> Vec<(Option<usize>, &Value)> {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| (Some(i), x))
            .collect(),
        other => vec![(None, other)],
    }
}

pub(crate) fn at(loc: &Loc, i: Option<usize>) -> Loc {
    i.map_or_else(|| loc.clone(), |i| loc.index(i))
}

pub(crate) fn json_error(e: &serde_json::Error) -> ImportError {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    if text.contains("recursion limit") {
        return ImportError::TooDeep { line, column };
    }
    // serde_json ends its messages with " at line L column C"; the position is given apart.
    let reason = text.split(" at line ").next().unwrap_or(&text).to_string();
    let reason = if e.is_eof() {
        format!("the file ends too soon ({reason}); it may be cut off")
    } else {
        reason
    };
    ImportError::NotJson {
        reason,
        line,
        column,
    }
}

pub(crate) fn not_a_date(s: &str) -> String {
    format!(
        "{:?} is not a date-time (RFC 3339, such as 2026-11-21T09:30:00Z)",
        shorten(s)
    )
}

/// The passage of a `TextQuoteSelector` (the `exact` text may be blank; callers decide).
pub(crate) fn read_quote(sm: &Map<String, Value>, sloc: &Loc) -> Result<Quote, ImportError> {
    let exact = match sm.get("exact") {
        Some(v) => expect_str(v, &sloc.field("exact"))?,
        None => return sloc.fail("the TextQuoteSelector has no \"exact\""),
    };
    let prefix = opt_str(sm, "prefix", sloc)?.unwrap_or("").to_string();
    let suffix = opt_str(sm, "suffix", sloc)?.unwrap_or("").to_string();
    Ok(Quote {
        exact: exact.to_string(),
        prefix,
        suffix,
    })
}

/// The range of a `TextPositionSelector`: whole numbers, start not after end.
pub(crate) fn read_position(sm: &Map<String, Value>, sloc: &Loc) -> Result<Position, ImportError> {
    let number = |key: &str| -> Result<usize, ImportError> {
        match sm.get(key) {
            // On wasm32 a usize is 32 bits: a position beyond it is refused, never cut
            // down to a small one (2^32 + 5 is not 5).
            Some(v) if v.as_u64().is_some_and(|n| usize::try_from(n).is_err()) => {
                sloc.field(key).fail(format!(
                    "{} characters is more than any article this browser can hold",
                    kind(v).trim_start_matches("the number ")
                ))
            }
            Some(v) => v
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map_or_else(
                    || {
                        sloc.field(key).fail(format!(
                            "expected a whole number of characters (0 or more), found {}",
                            kind(v)
                        ))
                    },
                    Ok,
                ),
            None => sloc.fail(format!("the TextPositionSelector has no \"{key}\"")),
        }
    };
    let (start, end) = (number("start")?, number("end")?);
    if start > end {
        return sloc.fail(format!(
            "TextPositionSelector start {start} is after its end {end}"
        ));
    }
    Ok(Position { start, end })
}

pub(crate) fn read_time(
    m: &Map<String, Value>,
    key: &str,
    loc: &Loc,
) -> Result<Option<f64>, ImportError> {
    let Some(s) = opt_str(m, key, loc)? else {
        return Ok(None);
    };
    parse_rfc3339(s).map_or_else(|| loc.field(key).fail(not_a_date(s)), |t| Ok(Some(t)))
}
