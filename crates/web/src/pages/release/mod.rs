//! The release page (`/releases/:id`): one release with every field, its neighbours in the
//! timeline the reader came from, related releases, and sharing.

mod markdown_body;
mod related_releases;
mod release_nav;
mod release_not_found;
mod release_page;
mod release_view;
mod share_buttons;

pub use markdown_body::MarkdownBody;
pub use related_releases::RelatedReleases;
pub use release_nav::ReleaseNav;
pub use release_not_found::ReleaseNotFound;
pub use release_page::{ReleasePage, ReleasePlans};
pub use release_view::ReleaseView;
pub use share_buttons::ShareButtons;
