//! Claim tags (verdicts and notes) and how they are stored.
//!
//! Tags are kept per article, keyed by the article's content hash and then by claim id, so
//! that each article is written on its own (no single growing blob) and a tag follows its
//! sentence even when the article is loaded again from elsewhere.
//!
//! Stored form, one entry per article under [`storage_key`]:
//! `{"schema": 1, "tags": {"<claim id>": {"verdict": "confirmed", "note": "", "modified": 1.7e12}}}`.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;

/// The version of the stored form. A reader refuses other versions rather than guess.
pub const SCHEMA: u32 = 1;

pub use crate::annotation::{ArticleTags, Tag, Verdict};

/// Every entry newsmark stores: the schema version beside the entry's own fields.
#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    schema: u32,
    #[serde(flatten)]
    body: T,
}

/// An entry in the stored form: `{"schema": 1, …the body's fields}`.
pub(crate) fn encode_entry<T: Serialize>(body: &T) -> Result<String, String> {
    serde_json::to_string(&Versioned {
        schema: SCHEMA,
        body,
    })
    .map_err(|e| e.to_string())
}

/// Read an entry in the stored form; otherwise the reason it cannot be read (not JSON of the
/// right shape, or another schema).
pub(crate) fn decode_entry<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, String> {
    let stored: Versioned<T> = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if stored.schema != SCHEMA {
        return Err(format!("schema {} is not {SCHEMA}", stored.schema));
    }
    Ok(stored.body)
}

/// The fields of a tags entry.
#[derive(Serialize, Deserialize)]
struct Stored {
    tags: ArticleTags,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("the browser does not allow newsmark to store data here ({0}); tags are kept in memory until the page is closed")]
    Unavailable(String),
    #[error("saving tags failed ({0}); storage may be full. Tags are kept in memory")]
    WriteFailed(String),
    #[error("“{file}” could not be stored ({reason}); storage may be full. It stays open until the page is closed")]
    ArticleNotSaved { file: String, reason: String },
    #[error("stored data under {key} cannot be read ({reason}); it is left untouched")]
    UnreadableEntry { key: String, reason: String },
    #[error("stored tags for article {key} cannot be read ({reason}); they are left untouched and new tags are kept in memory")]
    Unreadable { key: String, reason: String },
}

/// The key under which an article's tags are stored.
pub fn storage_key(article_sha256: &str) -> String {
    format!("newsmark.v{SCHEMA}.tags.{article_sha256}")
}

/// The article hash of a storage key of ours, or `None` for any other key.
pub fn article_of_key(key: &str) -> Option<&str> {
    key.strip_prefix("newsmark.v1.tags.")
        .filter(|sha| crate::text::is_sha256_hex(sha))
}

/// Encode an article's tags in the stored form.
pub fn encode(tags: &ArticleTags) -> String {
    encode_entry(&Stored { tags: tags.clone() }).unwrap_or_else(|_| "{}".into())
}

/// Decode the stored form; any other content is an error that names the problem.
pub fn decode(key: &str, raw: &str) -> Result<ArticleTags, StorageError> {
    decode_entry::<Stored>(raw)
        .map(|s| s.tags)
        .map_err(|reason| StorageError::Unreadable {
            key: key.to_string(),
            reason,
        })
}

/// Where tags live: a small fallible key–value store of strings.
pub trait Storage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Storage in memory: for tests, and the fallback when the browser blocks storage.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    entries: RefCell<HashMap<String, String>>,
}

impl Storage for MemoryStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// Load an article's tags. Nothing stored is an empty set.
pub fn load(storage: &dyn Storage, article_sha256: &str) -> Result<ArticleTags, StorageError> {
    let key = storage_key(article_sha256);
    match storage.read(&key)? {
        Some(raw) => decode(&key, &raw),
        None => Ok(ArticleTags::new()),
    }
}

/// Save an article's tags; an article without tags leaves no entry behind.
pub fn save(
    storage: &dyn Storage,
    article_sha256: &str,
    tags: &ArticleTags,
) -> Result<(), StorageError> {
    let key = storage_key(article_sha256);
    if tags.is_empty() {
        storage.remove(&key)
    } else {
        storage.write(&key, &encode(tags))
    }
}

/// What to store for an article when another tab may have written it since this one last
/// did: the claims this tab changed since `base` (what it last wrote or read) as they are
/// in `ours`, and every other claim as `stored` has it now. Two tabs that tag different
/// claims of one article at the same moment both keep their tag; on one claim, the last
/// writer's stands.
pub fn merge_for_save(
    base: Option<&ArticleTags>,
    ours: &ArticleTags,
    stored: &ArticleTags,
) -> ArticleTags {
    let empty = ArticleTags::new();
    let base = base.unwrap_or(&empty);
    let mut out = stored.clone();
    let claims: std::collections::BTreeSet<&String> = base.keys().chain(ours.keys()).collect();
    for claim in claims {
        match (base.get(claim), ours.get(claim)) {
            (b, o) if b == o => {}
            (_, Some(tag)) => {
                out.insert(claim.clone(), tag.clone());
            }
            (_, None) => {
                out.remove(claim);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_tabs_tagging_different_claims_both_keep_their_tag() {
        let t = |v, at| crate::annotation::Tag::new(Some(v), "", at);
        let mut base = ArticleTags::new();
        base.insert("c1".into(), t(Verdict::Confirmed, 1.0));
        base.insert("c3".into(), t(Verdict::Confirmed, 1.0));
        // This tab disputes c2 and clears c3; meanwhile the other tab confirmed c4.
        let mut ours = base.clone();
        ours.insert("c2".into(), t(Verdict::Disputed, 2.0));
        ours.remove("c3");
        let mut stored = base.clone();
        stored.insert("c4".into(), t(Verdict::Confirmed, 2.5));
        let merged = merge_for_save(Some(&base), &ours, &stored);
        let keys: Vec<&str> = merged.keys().map(String::as_str).collect();
        assert_eq!(keys, ["c1", "c2", "c4"]);
        // On the same claim, this tab's change (the later write) stands.
        let mut theirs = base.clone();
        theirs.insert("c2".into(), t(Verdict::Confirmed, 1.5));
        let merged = merge_for_save(Some(&base), &ours, &theirs);
        assert_eq!(merged["c2"].verdict, Some(Verdict::Disputed));
        // With nothing written before, ours is added to what is stored (nothing says this
        // tab removed c3, so the stored c3 stays).
        let merged = merge_for_save(None, &ours, &stored);
        let keys: Vec<&str> = merged.keys().map(String::as_str).collect();
        assert_eq!(keys, ["c1", "c2", "c3", "c4"]);
    }

    use super::*;

    fn tag(v: Verdict) -> Tag {
        Tag::new(Some(v), "checked", 1.0)
    }

    #[test]
    fn round_trip_through_storage() {
        let s = MemoryStorage::default();
        let mut tags = ArticleTags::new();
        tags.insert("cabc".into(), tag(Verdict::Disputed));
        save(&s, "sha", &tags).unwrap();
        assert_eq!(load(&s, "sha").unwrap(), tags);
        assert_eq!(load(&s, "other").unwrap(), ArticleTags::new());
        save(&s, "sha", &ArticleTags::new()).unwrap();
        assert_eq!(
            s.read(&storage_key("sha")).unwrap(),
            None,
            "empty set leaves no entry"
        );
    }

    #[test]
    fn the_stored_form_is_the_schema_beside_the_tags() {
        let mut tags = ArticleTags::new();
        tags.insert("cabc".into(), tag(Verdict::Confirmed));
        assert_eq!(
            encode(&tags),
            r#"{"schema":1,"tags":{"cabc":{"verdict":"confirmed","note":"checked","modified":1.0,"created":1.0}}}"#
        );
        assert_eq!(decode("k", &encode(&tags)).unwrap(), tags);
    }

    #[test]
    fn keys_name_their_article() {
        let sha = "a".repeat(64);
        assert_eq!(article_of_key(&storage_key(&sha)), Some(sha.as_str()));
        assert_eq!(article_of_key("newsmark.v1.tags.zz"), None);
        assert_eq!(article_of_key("other"), None);
    }

    #[test]
    fn unreadable_and_foreign_data_are_errors_with_the_key() {
        for raw in [
            "{",
            "[]",
            r#"{"schema": 2, "tags": {}}"#,
            r#"{"schema": 1, "tags": {"c": {"verdict": "maybe", "modified": 1}}}"#,
        ] {
            let err = decode("newsmark.v1.tags.x", raw).unwrap_err();
            assert!(err.to_string().contains("newsmark.v1.tags.x"), "{err}");
        }
    }
}
