//! The timeline page (`/`): every release, newest first, grouped by year and month.

mod release_card;
mod result_count;
mod timeline_page;

pub use release_card::ReleaseCard;
pub use result_count::ResultCount;
pub use timeline_page::TimelinePage;
