//! The browser, below everything else: fetching, slicing long work, the mechanism of lazily
//! loaded code, the document outside the app, `navigator` features, and `Intl` numbers and dates. Imports no other layer.

pub mod document;
pub mod fetch;
pub mod intl;
pub mod lazy;
pub mod navigator;
pub mod slices;
pub mod surface;
