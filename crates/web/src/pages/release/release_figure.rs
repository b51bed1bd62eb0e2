use leptos::prelude::*;

use crate::pages::shared::PhotoCredit;
use pressline_core::Image;

/// A release's picture and its credit; the credit alone when the picture is not published.
/// Renders nothing when there is neither.
#[component]
pub fn ReleaseFigure(
    /// The release's image, if it has one.
    image: Option<Image>,
) -> impl IntoView {
    let picture = image.as_ref().and_then(|image| {
        let src = image.src.as_ref()?.to_string();
        let alt = image.alt.clone().unwrap_or_default();
        Some(view! { <img class="release__image" src=src alt=alt /> })
    });
    let has_picture = picture.is_some();
    let credit = image.and_then(|image| image.credit);
    (picture.is_some() || credit.is_some()).then(|| {
        view! {
            <figure class="release__figure">
                {picture}
                {credit.map(|credit| view! { <figcaption><PhotoCredit credit=credit beside_picture=has_picture /></figcaption> })}
            </figure>
        }
    })
}
