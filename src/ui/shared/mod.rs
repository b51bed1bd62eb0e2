//! Parts shared by several pages.

mod archive_status;
mod fetch_error_view;
mod highlighted_text;
mod kind_label;
mod language_switcher;
mod link;
mod load_error_view;
mod loading_progress;
mod loading_view;
mod not_found_view;
mod people_quoted;
mod photo_credit;
mod press_contact;
mod release_date;
mod site_footer;
mod site_header;
mod skipped_records;
mod tag_links;

pub use archive_status::ArchiveStatus;
pub use fetch_error_view::FetchErrorView;
pub use highlighted_text::HighlightedText;
pub use kind_label::KindLabel;
pub use language_switcher::LanguageSwitcher;
pub use link::Link;
pub use load_error_view::LoadErrorView;
pub use loading_progress::LoadingProgress;
pub use loading_view::LoadingView;
pub use not_found_view::NotFoundView;
pub use people_quoted::PeopleQuoted;
pub use photo_credit::PhotoCredit;
pub use press_contact::PressContact;
pub use release_date::ReleaseDateTime;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skipped_records::SkippedRecords;
pub use tag_links::TagLinks;
