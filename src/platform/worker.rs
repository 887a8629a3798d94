//! The analysis worker seen from the page: start it, send it a job, hear its replies.
//! When the browser cannot run it (no worker support, the script cannot be loaded), the
//! caller is told and analyses on the page's own thread instead.

use crate::analysis::job::{Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The loader Trunk writes for the `newsmark-worker` binary (`data-loader-shim`).
const SCRIPT: &str = "./newsmark-worker_loader.js";

pub struct Analyser {
    worker: web_sys::Worker,
    /// `None` once the worker has said it is ready; until then, the latest request waits
    /// here (an older one is obsolete: each request carries the whole set).
    waiting: Rc<RefCell<Option<Option<String>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

fn describe(e: &JsValue) -> String {
    js_sys::Error::from(e.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| "unknown error".into())
}

impl Analyser {
    /// Start the worker. `on_reply` hears every reply; a worker that fails (its script
    /// cannot load, say) is reported as a `Failed` reply without a job.
    pub fn spawn(on_reply: impl Fn(Reply) + Clone + 'static) -> Result<Analyser, String> {
        let worker = web_sys::Worker::new(SCRIPT).map_err(|e| describe(&e))?;
        let hear = on_reply.clone();
        let waiting: Rc<RefCell<Option<Option<String>>>> = Rc::new(RefCell::new(Some(None)));
        let (queue, target) = (waiting.clone(), worker.clone());
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let raw = e.data().as_string().unwrap_or_default();
                match Reply::decode(&raw) {
                    Ok(Reply::Ready) => {
                        if let Some(Some(request)) = queue.borrow_mut().take() {
                            if let Err(e) = target.post_message(&JsValue::from_str(&request)) {
                                hear(Reply::Failed {
                                    job: None,
                                    message: describe(&e),
                                });
                            }
                        }
                    }
                    Ok(reply) => hear(reply),
                    Err(message) => hear(Reply::Failed { job: None, message }),
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let message = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the analysis worker could not be started".into());
            on_reply(Reply::Failed { job: None, message });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Analyser {
            worker,
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Send a request now, or as soon as the worker is ready.
    pub fn send(&self, request: &Request) -> Result<(), String> {
        let raw = serde_json::to_string(request).map_err(|e| e.to_string())?;
        if let Some(slot) = self.waiting.borrow_mut().as_mut() {
            *slot = Some(raw);
            return Ok(());
        }
        self.worker
            .post_message(&JsValue::from_str(&raw))
            .map_err(|e| describe(&e))
    }
}

impl Drop for Analyser {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
