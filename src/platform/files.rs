//! Files the reader opens or drops, read into articles.

use crate::ingest::{self, Format, IngestError, Ingested};
use wasm_bindgen_futures::JsFuture;

/// Read one file and turn it into an article. The message of an error names the file.
pub async fn read_article(file: web_sys::File) -> Result<Ingested, String> {
    let name = file.name();
    let size = file.size();
    if size > ingest::MAX_BYTES as f64 {
        return Err(IngestError::TooLarge {
            name,
            size: size as usize,
        }
        .to_string());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{name} could not be read"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.is_empty() {
        return Err(IngestError::Empty { name }.to_string());
    }
    let format = Format::detect(&name, &bytes);
    let raw = ingest::decode(&name, &bytes).map_err(|e| e.to_string())?;
    to_article(&name, format, &raw)
}

/// The article in a text of a known format: web pages through the browser's inert
/// parser, text and Markdown directly. The message of an error names `name`.
pub fn to_article(name: &str, format: Format, raw: &str) -> Result<Ingested, String> {
    match format {
        Format::Html => {
            let tree = super::html::parse(raw).map_err(|e| format!("{name}: {e}"))?;
            ingest::from_html(name, &tree).map_err(|e| e.to_string())
        }
        other => ingest::from_text(name, other, raw).map_err(|e| e.to_string()),
    }
}
