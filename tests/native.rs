//! Native integration tests, one binary: the command line, quality against the gold labels,
//! and properties that hold for any input.
#![cfg(not(target_arch = "wasm32"))]
// A failed expectation in a test is a test failure, which is what a panic reports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod native {
    pub mod annotations;
    pub mod cli;
    pub mod conformance;
    pub mod gold;
    pub mod interop;
    pub mod ner;
    pub mod properties;
    pub mod quotes_dev;
    pub mod reanchoring;
}
