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

/// The previous and next releases in the timeline's order, after the release's content (the
/// way back to the timeline is above the release, in [`ReleaseView`](super::ReleaseView)).
/// Renders nothing when the release has no neighbours.
#[component]
pub fn ReleaseNav(
    /// The release before this one in that order.
    previous: Option<Neighbour>,
    /// The release after this one.
    next: Option<Neighbour>,
) -> impl IntoView {
    let t = t();
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="release-nav" aria-label=t.timeline>
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
    })
}
