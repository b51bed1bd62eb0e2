use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::{Fetch, PhotoCredit, Picture};
use pressline_core::picture::RELEASE_PAGE_SIZES;
use pressline_core::Image;

/// A release's picture with its caption and credit; the credit alone when the picture is not
/// published. Renders nothing when there is none of them. The lead picture is fetched at once;
/// a gallery's `fetch` lazily.
#[component]
pub fn ReleaseFigure(
    /// The release's image, if it has one.
    image: Option<Image>,
    /// The figure's class.
    #[prop(default = "release__figure")]
    class: &'static str,
    /// When to fetch the picture.
    #[prop(default = Fetch::AtOnce)]
    fetch: Fetch,
    /// True to offer the picture for download under it (the gallery's press photos): its
    /// `original` when the data has one, else `src`.
    #[prop(optional)]
    downloadable: bool,
) -> impl IntoView {
    let image = image?;
    let has_picture = image.src.is_some();
    let download = downloadable
        .then(|| image.original.clone().or_else(|| image.src.clone()))
        .flatten()
        .map(|address| {
            view! {
                <p class="release__download">
                    <a href=address.to_string() download="">{t().download_full_size}</a>
                </p>
            }
        });
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let picture = has_picture.then(|| {
        view! { <Picture image=image sizes=RELEASE_PAGE_SIZES class="release__image" fetch=fetch /> }
    });
    let shown = has_picture || caption.is_some() || credit.is_some();
    shown.then(|| {
        let below = caption.is_some() || credit.is_some() || download.is_some();
        view! {
            <figure class=class>
                {picture}
                {below.then(|| view! {
                    <figcaption>
                        {caption.map(|caption| view! { <p class="release__caption">{caption}</p> })}
                        {credit.map(|credit| view! { <PhotoCredit credit=credit beside_picture=has_picture /> })}
                        {download}
                    </figcaption>
                })}
            </figure>
        }
    })
}
