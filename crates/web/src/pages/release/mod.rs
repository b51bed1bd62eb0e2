//! The release page (`/releases/:id`): one release with every field, its neighbours in the
//! timeline the reader came from, related releases, and sharing.

mod about_organization;
mod also_in;
mod back_to_timeline;
mod markdown_body;
mod related_releases;
mod release_contact;
mod release_figure;
mod release_gallery;
mod release_header;
mod release_nav;
mod release_not_found;
mod release_page;
mod release_source;
mod release_view;
mod share_buttons;

pub use about_organization::AboutOrganization;
pub use also_in::AlsoIn;
pub use back_to_timeline::BackToTimeline;
pub use markdown_body::MarkdownBody;
pub use related_releases::RelatedReleases;
pub use release_contact::ReleaseContact;
pub use release_figure::ReleaseFigure;
pub use release_gallery::ReleaseGallery;
pub use release_header::ReleaseHeader;
pub use release_nav::ReleaseNav;
pub use release_not_found::ReleaseNotFound;
pub use release_page::{ReleasePage, ReleasePlans};
pub use release_source::ReleaseSource;
pub use release_view::ReleaseView;
pub use share_buttons::ShareButtons;
