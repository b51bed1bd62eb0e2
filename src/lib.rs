//! Pressline: an organization's press releases, reports and statements as a filterable timeline.
//!
//! [`core`] is the pure, native-testable logic; [`ui`] is the Leptos front end, compiled only for
//! the browser (`wasm32`); [`publish`] writes a static, prerendered site from the core, natively.

#![warn(missing_docs)]

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod publish;

#[cfg(target_arch = "wasm32")]
pub mod ui;
