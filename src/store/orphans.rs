//! Annotations from imported files that could not be placed on any open article: kept, so
//! that they are listed and exported again, and nothing a colleague sent is lost.
//!
//! One entry, `newsmark.v1.orphans`: `{"schema": 1, "orphans": [{"annotation": {…}, "reason": "…"}]}`
//! with annotations in newsmark's portable model ([`crate::annotation::Annotation`]).

use super::tags::{decode_entry, encode_entry, Storage, StorageError};
use crate::annotation::plan::Orphan;
use serde::{Deserialize, Serialize};

pub const KEY: &str = "newsmark.v1.orphans";

/// The fields of the entry.
#[derive(Serialize, Deserialize)]
struct Stored {
    orphans: Vec<Orphan>,
}

pub fn decode(raw: &str) -> Result<Vec<Orphan>, StorageError> {
    decode_entry::<Stored>(raw)
        .map(|s| s.orphans)
        .map_err(|reason| StorageError::UnreadableEntry {
            key: KEY.to_string(),
            reason,
        })
}

pub fn load(storage: &dyn Storage) -> Result<Vec<Orphan>, StorageError> {
    storage
        .read(KEY)?
        .map_or_else(|| Ok(Vec::new()), |raw| decode(&raw))
}

/// Store the orphans; none leaves no entry behind.
pub fn save(storage: &dyn Storage, orphans: &[Orphan]) -> Result<(), StorageError> {
    if orphans.is_empty() {
        return storage.remove(KEY);
    }
    let raw = encode_entry(&Stored {
        orphans: orphans.to_vec(),
    })
    .map_err(StorageError::WriteFailed)?;
    storage.write(KEY, &raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Annotation, Quote, Source};
    use crate::store::tags::MemoryStorage;

    #[test]
    fn round_trip_and_refusal() {
        let s = MemoryStorage::default();
        let a = Annotation {
            id: "urn:x:1".into(),
            source: Source {
                id: "https://example.org/a".into(),
                sha256: None,
                label: None,
            },
            quote: Quote {
                exact: "It rained.".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            position: None,
            verdict: None,
            note: "check".into(),
            creator: None,
            extensions: Default::default(),
            original: Default::default(),
            via: None,
            created: 1.0,
            modified: 2.0,
        };
        let o = vec![Orphan {
            annotation: a,
            reason: "not found".into(),
        }];
        save(&s, &o).unwrap();
        assert_eq!(load(&s).unwrap(), o);
        save(&s, &[]).unwrap();
        assert_eq!(s.read(KEY).unwrap(), None);
        assert!(decode("{\"schema\": 2, \"orphans\": []}")
            .unwrap_err()
            .to_string()
            .contains(KEY));
    }
}
