use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::Release;
use crate::ui::links::link_builder;
use crate::ui::shared::{KindLabel, ReleaseDateTime};

/// Releases sharing topics, places or people with this one, best matches first.
#[component]
pub fn RelatedReleases(
    /// The related releases, in order.
    releases: Vec<Release>,
) -> impl IntoView {
    let href = link_builder();
    (!releases.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">"Related releases"</h2>
                <ul class="related__list">
                    {releases
                        .into_iter()
                        .map(|release| {
                            let href = href(&format!("/releases/{}", release.id), "");
                            view! {
                                <li class="related__item" data-related-id=release.id.clone() lang=release.lang>
                                    <KindLabel kind=release.kind />
                                    <A href=href>{release.title}</A>
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
