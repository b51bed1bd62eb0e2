use leptos::prelude::*;

use pressline_core::picture::{sources, srcset};
use pressline_core::Image;

/// How soon a picture is wanted: the first one a page shows is fetched at once, any other when
/// the reader nears it (`loading="lazy"`), so a phone spends its network on what is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// On the first screen: fetched with the page.
    AtOnce,
    /// Below the fold: fetched as it nears the viewport.
    Lazily,
}

/// A picture at the size the layout gives it: `srcset` from the data's copies, `sizes` from the
/// stylesheet's layout, and `width`/`height` so the browser keeps its space before it arrives
/// (no layout shift). Copies in a newer format (WebP) are offered first in a `<picture>`'s
/// `<source>`, so a browser without it still gets the JPEG. Renders nothing for an image without
/// `src` (a credit alone).
#[component]
pub fn Picture(
    /// The picture.
    image: Image,
    /// Its `sizes` (see [`pressline_core::picture`]).
    sizes: &'static str,
    /// Its class.
    class: &'static str,
    /// When to fetch it.
    fetch: Fetch,
) -> impl IntoView {
    let srcset_value = srcset(&image);
    let modern = sources(&image);
    let src = image.src?.to_string();
    // `sizes` only means something beside `srcset`.
    let img_sizes = srcset_value.as_ref().map(|_| sizes);
    let loading = (fetch == Fetch::Lazily).then_some("lazy");
    let modern = modern
        .into_iter()
        .map(|(kind, srcset)| view! { <source type=kind srcset=srcset sizes=sizes /> })
        .collect_view();
    // Always a <picture>, with or without sources: one shape of view, less code in the wasm.
    Some(view! {
        <picture class="picture">
            {modern}
            // `loading` before any address: an element the app creates starts fetching as soon
            // as it has a `src`, so a `loading` set after that comes too late.
            <img
                loading=loading
                decoding="async"
                class=class
                width=image.width
                height=image.height
                alt=image.alt.unwrap_or_default()
                sizes=img_sizes
                srcset=srcset_value
                src=src
            />
        </picture>
    })
}
