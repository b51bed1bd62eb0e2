use leptos::prelude::*;

use crate::ui::i18n::t;

use crate::ui::shared::Link;

/// A release next to the current one in the timeline order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// Its app-relative path.
    pub path: String,
    /// The timeline's query string, carried along.
    pub query: String,
    /// Its title.
    pub title: String,
}

/// Back to the timeline (with its filters), and the previous and next releases in its order.
#[component]
pub fn ReleaseNav(
    /// The timeline's query string the reader came from, e.g. `kind=Report`.
    back_query: String,
    /// The release before this one in that order.
    previous: Option<Neighbour>,
    /// The release after this one.
    next: Option<Neighbour>,
    /// True when the timeline had filters, to say so.
    filtered: bool,
) -> impl IntoView {
    let t = t();
    let back_label = if filtered {
        t.back_to_filtered
    } else {
        t.all_releases
    };
    view! {
        <nav class="release-nav" aria-label=t.timeline>
            <p class="release__back">
                <Link path="/" query=back_query attr:data-back="">{back_label}</Link>
            </p>
            <ul class="release-nav__neighbours">
                {previous
                    .map(|n| {
                        view! {
                            <li class="release-nav__previous">
                                <span class="release-nav__label">{t.previous}</span>
                                <Link path=n.path query=n.query attr:rel="prev">{n.title}</Link>
                            </li>
                        }
                    })}
                {next
                    .map(|n| {
                        view! {
                            <li class="release-nav__next">
                                <span class="release-nav__label">{t.next}</span>
                                <Link path=n.path query=n.query attr:rel="next">{n.title}</Link>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}
