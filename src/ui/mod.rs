//! The browser front end (wasm only): Yew components over the pure [`crate::store`].

mod app;
mod entities;
mod intake;
mod reading;
mod share;
mod sidebar;

pub use app::App;

use yew::prelude::*;

/// A node ref whose element (a text field) takes the keyboard focus when it is mounted.
#[hook]
fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    node
}

/// Mount the app on the page. Panics are reported to the browser console.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
