//! The release page (`/releases/:id`): one release with every field.

mod release_not_found;
mod release_page;
mod release_view;

pub use release_not_found::ReleaseNotFound;
pub use release_page::ReleasePage;
pub use release_view::ReleaseView;
