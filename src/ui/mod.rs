//! The browser front end (wasm only): Yew components over the pure [`crate::store`].

mod app;
mod entities;
mod intake;
mod reading;
mod sidebar;

pub use app::App;

/// Mount the app on the page. Panics are reported to the browser console.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
