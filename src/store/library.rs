//! The reader's own articles, kept in storage so that they are there after a reload.
//!
//! One entry per article under `newsmark.v1.article.<sha256>`:
//! `{"schema": 1, "file": "report.html", "added": 1.7e12, "text": "…"}`. The text is the
//! article text as analysed (after any HTML or Markdown was turned into text), so its hash
//! is the key its tags are stored under.

use super::tags::{decode_entry, encode_entry, Storage, StorageError};
use crate::text::sha256_hex;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "newsmark.v1.article.";

/// An article the reader added, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub file: String,
    /// When it was added, in milliseconds since the Unix epoch; the list is in this order.
    pub added: f64,
    pub text: String,
}

pub fn storage_key(sha256: &str) -> String {
    format!("{PREFIX}{sha256}")
}

/// The article hash of a storage key of ours, or `None` for any other key.
pub fn article_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
        .filter(|sha| crate::text::is_sha256_hex(sha))
}

/// Store an added article under its content hash (`sha256`, of `article.text`).
pub fn save(
    storage: &dyn Storage,
    sha256: &str,
    article: &StoredArticle,
) -> Result<(), StorageError> {
    let raw = encode_entry(article).map_err(StorageError::WriteFailed)?;
    storage
        .write(&storage_key(sha256), &raw)
        .map_err(|e| match e {
            StorageError::WriteFailed(why) => StorageError::ArticleNotSaved {
                file: article.file.clone(),
                reason: why,
            },
            other => other,
        })
}

pub fn remove(storage: &dyn Storage, sha256: &str) -> Result<(), StorageError> {
    storage.remove(&storage_key(sha256))
}

/// Read one stored entry. An entry whose text does not match its key's hash is refused:
/// its tags would belong to another text.
pub fn decode(key: &str, raw: &str) -> Result<StoredArticle, StorageError> {
    let unreadable = |reason: String| StorageError::UnreadableEntry {
        key: key.to_string(),
        reason,
    };
    let article: StoredArticle = decode_entry(raw).map_err(unreadable)?;
    if article_of_key(key) != Some(sha256_hex(article.text.as_bytes()).as_str()) {
        return Err(unreadable(
            "the text does not match the hash in its key".into(),
        ));
    }
    Ok(article)
}

/// Every stored article with its content hash, oldest first, and a problem for each entry
/// that could not be read (those entries are left as they are).
pub fn load_all(storage: &dyn Storage) -> (Vec<(String, StoredArticle)>, Vec<StorageError>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let keys = match storage.keys() {
        Ok(k) => k,
        Err(e) => return (found, vec![e]),
    };
    for (key, sha) in keys
        .iter()
        .filter_map(|k| article_of_key(k).map(|sha| (k, sha)))
    {
        match storage.read(key) {
            Ok(Some(raw)) => match decode(key, &raw) {
                Ok(a) => found.push((sha.to_string(), a)),
                Err(e) => problems.push(e),
            },
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    found.sort_by(|(_, a), (_, b)| a.added.total_cmp(&b.added));
    (found, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tags::MemoryStorage;

    fn article(file: &str, added: f64, text: &str) -> StoredArticle {
        StoredArticle {
            file: file.into(),
            added,
            text: text.into(),
        }
    }

    /// Save as the app does, under the text's hash; returns the hash.
    fn save_article(s: &MemoryStorage, a: &StoredArticle) -> String {
        let sha = sha256_hex(a.text.as_bytes());
        save(s, &sha, a).unwrap();
        sha
    }

    #[test]
    fn articles_round_trip_in_the_order_they_were_added() {
        let s = MemoryStorage::default();
        let b = save_article(&s, &article("b.txt", 2.0, "Second\n\nText two."));
        let a = save_article(&s, &article("a.txt", 1.0, "First\n\nText one."));
        s.write("unrelated", "x").unwrap();
        let (found, problems) = load_all(&s);
        assert!(problems.is_empty());
        assert_eq!(
            found
                .iter()
                .map(|(_, a)| a.file.as_str())
                .collect::<Vec<_>>(),
            ["a.txt", "b.txt"]
        );
        assert_eq!(
            found
                .iter()
                .map(|(sha, _)| sha.as_str())
                .collect::<Vec<_>>(),
            [a.as_str(), b.as_str()]
        );
        remove(&s, &b).unwrap();
        assert_eq!(load_all(&s).0.len(), 1);
    }

    #[test]
    fn unreadable_entries_are_reported_and_left_alone() {
        let s = MemoryStorage::default();
        let good = save_article(&s, &article("a.txt", 1.0, "Text"));
        let bad_key = storage_key(&"b".repeat(64));
        s.write(&bad_key, "{not json").unwrap();
        let forged = storage_key(&"c".repeat(64));
        s.write(&forged, &s.read(&storage_key(&good)).unwrap().unwrap())
            .unwrap();
        let (found, problems) = load_all(&s);
        assert_eq!(found.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            s.read(&bad_key).unwrap().as_deref(),
            Some("{not json"),
            "left untouched"
        );
    }
}
