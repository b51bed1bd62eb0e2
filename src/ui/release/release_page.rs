use leptos::prelude::*;

use crate::core::related::{neighbours, related, RELATED_COUNT};
use crate::core::route::release_path;
use crate::core::view_state::ViewState;
use crate::ui::navigation::Navigation;
use crate::ui::site_data::Site;
use crate::ui::SiteData;

use super::{Neighbour, ReleaseNotFound, ReleaseView};

/// The release page: shows the release `id` with its neighbours in the order of the timeline
/// the reader came from (the filters and sort in the address's query string).
#[component]
pub fn ReleasePage(
    /// The release's id, from the address.
    id: String,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let navigation = Navigation::current();
    move || {
        let id = id.clone();
        let Some(site) = data.site() else {
            return view! { <ReleaseNotFound id=id /> }.into_any();
        };
        let releases = &site.dataset.releases;
        let Some(index) = releases.iter().position(|release| release.id == id) else {
            return view! { <ReleaseNotFound id=id /> }.into_any();
        };
        // The page number is kept so "back" returns to the same page of results.
        let (timeline, _) = ViewState::from_query(&navigation.query());
        let link_query = timeline.to_query();
        // Worked out once for all pages when they are prerendered; here otherwise.
        let plan = use_context::<ReleasePlans>()
            .and_then(|plans| plans.0.get(index).cloned())
            .filter(|_| timeline.is_unfiltered())
            .unwrap_or_else(|| ReleasePlan::for_view(&site, index, &timeline));
        let (before, after) = (plan.previous, plan.next);
        let neighbour = |i: Option<usize>| {
            i.map(|i| Neighbour {
                path: release_path(&releases[i].id),
                query: link_query.clone(),
                title: releases[i].title.clone(),
            })
        };
        view! {
            <ReleaseView
                release=releases[index].clone()
                previous=neighbour(before)
                next=neighbour(after)
                back_query=link_query.clone()
                filtered=!timeline.is_unfiltered()
                related=plan.related.iter().map(|&i| releases[i].clone()).collect()
            />
        }
        .into_any()
    }
}

/// What a release page shows around the release: its neighbours in a timeline order and its
/// related releases (indices into the dataset's releases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleasePlan {
    /// The release before it (newer, in the default order).
    pub previous: Option<usize>,
    /// The release after it.
    pub next: Option<usize>,
    /// Related releases, best first.
    pub related: Vec<usize>,
}

impl ReleasePlan {
    /// The plan for release `index` seen from the timeline `view`: neighbours in the reader's
    /// filtered order, or in the full timeline if the release is not part of it (a deep link
    /// with unrelated filters).
    pub fn for_view(site: &Site, index: usize, view: &ViewState) -> Self {
        let releases = &site.dataset.releases;
        let order = site.index.run(releases, view).matches;
        let (previous, next) = neighbours(&order, index)
            .or_else(|| {
                neighbours(
                    &site.index.run(releases, &ViewState::default()).matches,
                    index,
                )
            })
            .unwrap_or((None, None));
        Self {
            previous,
            next,
            related: related(releases, index, RELATED_COUNT),
        }
    }
}

/// Every release's plan in the unfiltered timeline, by release index: provided as context when
/// thousands of pages are prerendered at once, so each page does not work it out again from
/// every release.
#[derive(Debug, Clone)]
pub struct ReleasePlans(pub std::sync::Arc<[ReleasePlan]>);
