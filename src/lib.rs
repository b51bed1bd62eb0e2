//! Pressline: an organization's press releases, reports and statements as a filterable timeline.
//!
//! [`core`] is the pure, native-testable logic; [`ui`] is the Leptos front end, rendered in the
//! browser and, natively, into the prerendered pages; [`publish`] writes a static, prerendered site from the core, natively.

#![warn(missing_docs)]
// Leptos's server-side rendering nests the page's view types deeply.
#![recursion_limit = "256"]

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod publish;

pub mod ui;
