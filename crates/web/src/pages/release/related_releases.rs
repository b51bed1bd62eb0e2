use leptos::prelude::*;

use crate::context::i18n::t;

use crate::pages::shared::{Heading, KindLabel, Link, ReleaseDateTime};
use pressline_core::route::release_path;
use pressline_core::Release;

/// Releases sharing topics, places or people with this one, best matches first.
#[component]
pub fn RelatedReleases(
    /// The related releases, in order.
    releases: Vec<Release>,
) -> impl IntoView {
    (!releases.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-heading">
                <Heading rank=1 class="related__title" id="related-heading">{t().related}</Heading>
                <ul class="related__list">
                    {releases
                        .into_iter()
                        .map(|release| {
                            let path = release_path(&release.id);
                            view! {
                                <li class="related__item" data-related-id=release.id.clone() lang=release.lang dir="auto">
                                    <KindLabel kind=release.kind />
                                    <Link path=path>{release.title}</Link>
                                    <ReleaseDateTime date=release.date />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
