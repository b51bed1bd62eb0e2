//! The pure core of Pressline: the dataset model, its validation and the timeline's ordering.
//!
//! Nothing here depends on the browser, so it compiles, tests and benchmarks natively and can be
//! reused by any native tool. It never imports the UI.

pub mod archive;
pub mod contact_line;
pub mod content;
pub mod dataset;
pub mod date;
pub mod embargo;
pub mod embed;
pub mod export;
pub mod formats;
pub mod histogram;
pub mod i18n;
pub mod json_scan;
pub mod markdown;
pub mod order;
pub mod packed;
pub mod picture;
pub mod problem;
pub mod quote;
pub mod related;
pub mod renditions;
pub mod route;
pub mod safe_url;
pub mod search;
pub mod shards;
pub mod site;
pub mod source;
pub mod stream;
pub mod timeline;
pub mod translation;
pub mod validate;
pub mod vcard;
pub mod view_state;

pub use dataset::{
    Contact, Dataset, Image, ImageSize, LoadedDataset, Organization, Person, Release,
};
pub use date::ReleaseDate;
pub use problem::{FormatError, FormatErrorKind, Problem, ProblemKind, RecordRef};
pub use safe_url::SafeUrl;
pub use validate::parse_dataset;
