use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::core::related::{neighbours, related};
use crate::core::view_state::ViewState;
use crate::ui::links::link_builder;
use crate::ui::SiteData;

use super::{Neighbour, ReleaseNotFound, ReleaseView};

/// How many related releases the page lists.
const RELATED_COUNT: usize = 4;

/// The route: reads `:id` and the timeline's query string (the filters and sort the reader
/// came from) from the URL, and shows that release with its neighbours in that order.
#[component]
pub fn ReleasePage() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let params = use_params_map();
    let location = use_location();
    let href = link_builder();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(site) = data.site() else {
            return view! { <ReleaseNotFound id=id /> }.into_any();
        };
        let releases = &site.dataset.releases;
        let Some(index) = releases.iter().position(|release| release.id == id) else {
            return view! { <ReleaseNotFound id=id /> }.into_any();
        };
        // The page number is kept so "back" returns to the same page of results.
        let (timeline, _) = ViewState::from_query(&location.search.get());
        let link_query = timeline.to_query();
        // Neighbours in the reader's filtered order; in the full timeline if the release is
        // not part of it (a deep link with unrelated filters).
        let order = site.index.run(releases, &timeline).matches;
        let (before, after) = neighbours(&order, index)
            .or_else(|| {
                neighbours(
                    &site.index.run(releases, &ViewState::default()).matches,
                    index,
                )
            })
            .unwrap_or((None, None));
        let neighbour = |i: Option<usize>| {
            i.map(|i| Neighbour {
                href: href(&format!("/releases/{}", releases[i].id), &link_query),
                title: releases[i].title.clone(),
            })
        };
        let back_href = href("/", &link_query);
        view! {
            <ReleaseView
                release=releases[index].clone()
                previous=neighbour(before)
                next=neighbour(after)
                back_href=back_href
                filtered=!timeline.is_unfiltered()
                related=related(releases, index, RELATED_COUNT).into_iter().map(|i| releases[i].clone()).collect()
            />
        }
        .into_any()
    }
}
