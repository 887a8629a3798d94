//! Sharing through the browser: downloading a file, copying to the clipboard, reading an
//! opened file's bytes, and making the reader's profile id.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offer `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the file could not be made".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the file could not be made".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "the download could not be started (no page)".to_string())?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "the download could not be started".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has taken the file once the click is handled; free the URL afterwards.
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Put `text` on the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or_else(|| "there is no page to copy from".to_string())?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| {
            js_sys::Error::from(e)
                .message()
                .as_string()
                .unwrap_or_else(|| "the browser refused".into())
        })
}

/// The bytes of an opened or dropped file, refused unread when larger than `limit`.
pub async fn read_bytes(
    file: &web_sys::File,
    limit: usize,
    too_large: impl FnOnce(usize) -> String,
) -> Result<Vec<u8>, String> {
    let size = file.size();
    if size > limit as f64 {
        return Err(too_large(size as usize));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A new random `urn:uuid:` IRI: the browser's `crypto.randomUUID()`, or (outside a
/// secure context, where that is missing) one made from `Math.random`.
pub fn new_uuid() -> String {
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| {
            let f = js_sys::Reflect::get(&c, &"randomUUID".into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            f.call0(&c).ok()?.as_string()
        });
    let uuid = from_crypto.unwrap_or_else(|| {
        let hex: String = (0..32)
            .map(|_| {
                char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0')
            })
            .collect();
        format!(
            "{}-{}-4{}-8{}-{}",
            hex.get(0..8).unwrap_or(""),
            hex.get(8..12).unwrap_or(""),
            hex.get(13..16).unwrap_or(""),
            hex.get(17..20).unwrap_or(""),
            hex.get(20..32).unwrap_or("")
        )
    });
    format!("urn:uuid:{uuid}")
}
