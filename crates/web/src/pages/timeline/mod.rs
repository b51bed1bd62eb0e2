//! The timeline page (`/`): releases newest first, grouped by year and month, with search,
//! facets, a date range and sorting, all kept in the URL.

mod active_filters;
mod date_range;
mod download_links;
mod embed_dialog;
mod empty_state;
mod facet_filter;
mod filter_controls;
mod filters_panel;
mod histogram;
mod histogram_hints;
mod histogram_skeleton;
mod older_releases;
mod pager;
mod release_card;
mod result_count;
mod result_list;
mod search_box;
mod sort_control;
mod timeline_intro;
mod url_notices;

pub use active_filters::ActiveFilters;
pub use date_range::DateRange;
pub use download_links::{DownloadLinks, FileWriter};
pub use embed_dialog::EmbedDialog;
pub use empty_state::EmptyState;
pub use facet_filter::FacetFilter;
pub use filter_controls::FilterControls;
pub use filters_panel::FiltersPanel;
pub use histogram::Histogram;
pub use histogram_hints::HistogramHints;
pub use histogram_skeleton::HistogramSkeleton;
pub use older_releases::OlderReleases;
pub use pager::Pager;
pub use release_card::ReleaseCard;
pub use result_count::ResultCount;
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use sort_control::SortControl;
pub use timeline_intro::TimelineIntro;
pub use url_notices::UrlNotices;
