//! The reader's profile: who the tags made in this browser are from when they are exported.
//!
//! One entry, `newsmark.v1.profile`: `{"schema": 1, "id": "urn:uuid:…", "name": "…"}`. The id
//! is made once (it enters from outside, as ids do) and names the reader across exports, so
//! a colleague's copy can tell two readers' tags apart even when both leave the name empty.

use super::tags::{decode_entry, encode_entry, Storage, StorageError};
use crate::annotation::{Creator, CreatorKind};
use serde::{Deserialize, Serialize};

pub const KEY: &str = "newsmark.v1.profile";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

impl Profile {
    /// The creator of the reader's own tags in exports.
    pub fn creator(&self) -> Creator {
        let name = self.name.trim();
        Creator {
            id: Some(self.id.clone()),
            kind: CreatorKind::Person,
            name: (!name.is_empty()).then(|| name.to_string()),
        }
    }
}

/// The stored profile: `Ok(None)` when none is stored, an error when one is stored that
/// cannot be read (it is left as it is).
pub fn read(storage: &dyn Storage) -> Result<Option<Profile>, StorageError> {
    let Some(raw) = storage.read(KEY)? else {
        return Ok(None);
    };
    let unreadable = |reason: String| StorageError::UnreadableEntry {
        key: KEY.to_string(),
        reason,
    };
    let profile: Profile = decode_entry(&raw).map_err(unreadable)?;
    if !profile.id.contains(':') {
        return Err(unreadable(format!("{:?} is not an id", profile.id)));
    }
    Ok(Some(profile))
}

/// The stored profile, if there is a readable one.
pub fn load(storage: &dyn Storage) -> Option<Profile> {
    read(storage).ok().flatten()
}

/// Store the profile, unless an entry is stored that cannot be read: that one is left
/// untouched (a newer version's, or damaged) and the error says so.
pub fn save(storage: &dyn Storage, profile: &Profile) -> Result<(), StorageError> {
    read(storage)?;
    let raw = encode_entry(profile).map_err(StorageError::WriteFailed)?;
    storage.write(KEY, &raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tags::MemoryStorage;

    #[test]
    fn an_unreadable_profile_is_reported_and_never_overwritten() {
        let s = MemoryStorage::default();
        let p = Profile {
            id: "urn:uuid:4f1c2a52-0000-4000-8000-000000000001".into(),
            name: "Desk A".into(),
        };
        assert_eq!(read(&s), Ok(None));
        save(&s, &p).unwrap();
        assert_eq!(load(&s), Some(p.clone()));
        for damaged in [
            "{not json",
            r#"{"schema": 99, "id": "x"}"#,
            r#"{"schema": 1, "id": "no-colon"}"#,
        ] {
            s.write(KEY, damaged).unwrap();
            assert!(
                matches!(read(&s), Err(StorageError::UnreadableEntry { .. })),
                "{damaged}"
            );
            assert_eq!(load(&s), None);
            assert!(save(&s, &p).is_err(), "{damaged}");
            assert_eq!(
                s.read(KEY).unwrap().as_deref(),
                Some(damaged),
                "left as it was"
            );
        }
    }
}
