//! The `newsmark-worker` binary. In the browser it is the analysis Web Worker: each
//! message is a [`newsmark::analysis::job::Request`], answered with progress and the
//! result. Natively it does the same over standard input and output (one request in, one
//! reply per line out), which is how its protocol is tested without a browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let poster = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let raw = e.data().as_string().unwrap_or_default();
            newsmark::analysis::job::run(&raw, &mut |reply| {
                // A failed post means the page has gone; there is no one left to tell.
                let _ = poster.post_message(&JsValue::from_str(&reply));
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages that arrived while the wasm was loading found no handler: the page waits
    // for this before it sends anything.
    let _ = scope.post_message(&JsValue::from_str(
        &newsmark::analysis::job::Reply::Ready.encode(),
    ));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::{Read, Write};
    let mut request = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut request) {
        eprintln!("newsmark-worker: cannot read the request: {e}");
        std::process::exit(1);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut ok = true;
    newsmark::analysis::job::run(&request, &mut |reply| {
        ok &= writeln!(out, "{reply}").is_ok()
    });
    if !ok {
        std::process::exit(1);
    }
}
