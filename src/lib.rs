//! newsmark: read several news reports of one event side by side and check them.
//!
//! # Architecture
//!
//! ```text
//! text ← analysis ← report            pure core: builds and tests natively, no web crate
//!                 ← seeds             the bundled seed articles
//!                 ← annotation        portable annotations: W3C export/import, re-anchoring
//!                   ← store           AppState + Action + a pure `apply`
//! cli                                 native only: `newsmark analyze --json FILE...`
//! platform ← ui                       wasm only: browser services, Yew components
//! ```
//!
//! - [`text`] owns spans and the one place where offsets change unit (UTF-8 bytes inside,
//!   code points on export, UTF-16 for the DOM).
//! - [`analysis`] turns article text into layout blocks and claims; it never sees the
//!   browser.
//! - [`report`] is the JSON document the CLI prints.
//! - [`annotation`] is the portable form of tags: W3C Web Annotation export and strict
//!   import, Hypothesis import, re-anchoring in edited texts, the import preview and
//!   schema.org ClaimReview.
//! - [`store`] is the app state and its pure reducer, unit-tested natively.
//! - `platform` and `ui` exist only on `wasm32`: yew, web-sys and gloo are wasm-only
//!   dependencies, so a `use yew` in the core fails the native build and the dependency rule
//!   enforces itself.

pub mod analysis;
pub mod annotation;
pub mod ingest;
pub mod report;
pub mod seeds;
pub mod store;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
