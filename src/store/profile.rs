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

/// The stored profile, if there is a readable one.
pub fn load(storage: &dyn Storage) -> Option<Profile> {
    let raw = storage.read(KEY).ok()??;
    let profile: Profile = decode_entry(&raw).ok()?;
    profile.id.contains(':').then_some(profile)
}

pub fn save(storage: &dyn Storage, profile: &Profile) -> Result<(), StorageError> {
    let raw = encode_entry(profile).map_err(StorageError::WriteFailed)?;
    storage.write(KEY, &raw)
}
