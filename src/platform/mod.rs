//! Browser services (wasm only): storage, the clock, files, HTML parsing, the analysis
//! worker. Everything here can fail, and every
//! failure comes back as a value, never a panic.

pub mod files;
pub mod html;
pub mod share;
pub mod worker;

use crate::store::tags::{Storage, StorageError};

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The browser's `localStorage`.
pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// `localStorage`, or why it cannot be used (blocked by settings, a sandbox, or absent).
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorage { storage }),
            Ok(None) => Err(StorageError::Unavailable(
                "localStorage is not available".into(),
            )),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(e.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| "access denied".into())
}

impl Storage for LocalStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::Unavailable(describe(&e)))
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| StorageError::WriteFailed(describe(&e)))
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::WriteFailed(describe(&e)))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self
            .storage
            .length()
            .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        Ok((0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}
