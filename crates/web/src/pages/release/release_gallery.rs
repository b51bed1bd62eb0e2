use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::{Fetch, Heading};
use pressline_core::Image;

use super::ReleaseFigure;

/// A release's press photos (`images`), each with its caption, credit and a download of the
/// full-size picture; fetched as the reader scrolls to them. Nothing when there are none.
#[component]
pub fn ReleaseGallery(
    /// The pictures, in the data's order.
    images: Vec<Image>,
) -> impl IntoView {
    (!images.is_empty()).then(|| {
        view! {
            <section class="release__gallery" aria-labelledby="release-gallery-title">
                <Heading rank=1 class="release__section-title" id="release-gallery-title">
                    {t().press_photos}
                </Heading>
                <ul class="gallery" role="list">
                    {images
                        .into_iter()
                        .map(|image| view! {
                            <li>
                                <ReleaseFigure image=Some(image) class="gallery__figure" fetch=Fetch::Lazily downloadable=true />
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
