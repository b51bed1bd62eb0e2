use leptos::prelude::*;

use crate::context::i18n::t;

use crate::pages::shared::Link;
use pressline_core::related::Neighbour;

/// The releases before and after this one in the timeline's order, labelled "Newer" and
/// "Older", after the release's content (the
/// way back to the timeline is above the release, in [`ReleaseView`](super::ReleaseView)).
/// Renders nothing when the release has no neighbours.
#[component]
pub fn ReleaseNav(
    /// The release before this one in that order.
    previous: Option<Neighbour>,
    /// The release after this one.
    next: Option<Neighbour>,
    /// True when that order is newest first, so the release before this one is the newer.
    newest_first: bool,
) -> impl IntoView {
    let t = t();
    // Named by date, not by position: "Previous" on a newest-first timeline is the newer one.
    let (previous_label, next_label) = if newest_first {
        (t.newer, t.older)
    } else {
        (t.older, t.newer)
    };
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="release-nav" aria-label=t.timeline>
                <ul class="release-nav__neighbours">
                    {previous
                        .map(|n| {
                            view! {
                                <li class="release-nav__previous">
                                    <span class="release-nav__label">{previous_label}</span>
                                    <Link path=n.path query=n.query attr:rel="prev">{n.title}</Link>
                                </li>
                            }
                        })}
                    {next
                        .map(|n| {
                            view! {
                                <li class="release-nav__next">
                                    <span class="release-nav__label">{next_label}</span>
                                    <Link path=n.path query=n.query attr:rel="next">{n.title}</Link>
                                </li>
                            }
                        })}
                </ul>
            </nav>
        }
    })
}
