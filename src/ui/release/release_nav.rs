use leptos::prelude::*;
use leptos_router::components::A;

/// A release next to the current one in the timeline order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// Its link (carrying the timeline's filters).
    pub href: String,
    /// Its title.
    pub title: String,
}

/// Back to the timeline (with its filters), and the previous and next releases in its order.
#[component]
pub fn ReleaseNav(
    /// The timeline the reader came from, e.g. `/?kind=Report`.
    back_href: String,
    /// The release before this one in that order.
    previous: Option<Neighbour>,
    /// The release after this one.
    next: Option<Neighbour>,
    /// True when the timeline had filters, to say so.
    filtered: bool,
) -> impl IntoView {
    let back_label = if filtered {
        "← Back to the filtered timeline"
    } else {
        "← All releases"
    };
    view! {
        <nav class="release-nav" aria-label="Timeline">
            <p class="release__back">
                <A href=back_href attr:data-back="">{back_label}</A>
            </p>
            <ul class="release-nav__neighbours">
                {previous
                    .map(|n| {
                        view! {
                            <li class="release-nav__previous">
                                <span class="release-nav__label">"Previous"</span>
                                <A href=n.href attr:rel="prev">{n.title}</A>
                            </li>
                        }
                    })}
                {next
                    .map(|n| {
                        view! {
                            <li class="release-nav__next">
                                <span class="release-nav__label">"Next"</span>
                                <A href=n.href attr:rel="next">{n.title}</A>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}
