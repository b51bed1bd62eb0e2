//! The browser, below everything else: fetching, slicing long work, the mechanism of lazily
//! loaded code, the document outside the app, and `navigator` features. Imports no other layer.

pub mod document;
pub mod fetch;
pub mod lazy;
pub mod navigator;
pub mod slices;
pub mod surface;
