//! The components, one per file, grouped by page: the timeline's, a release's, and those both
//! (and the loading and error views) share.

pub mod release;
pub mod shared;
pub mod timeline;
