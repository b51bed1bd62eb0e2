use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::context::navigation::Navigation;
use crate::context::site_data::SiteData;
use pressline_core::related::ReleasePlan;
use pressline_core::view_state::SortOrder;

use super::{ReleaseNotFound, ReleaseView};

/// The release page: shows the release `id` with its neighbours in the order of the timeline
/// the reader came from (the filters and sort in the address's query string, one version of
/// each story in the reader's language).
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
        let timeline = navigation.view_state().with(|(state, _)| state.clone());
        let link_query = timeline.to_query();
        // Worked out once for all pages when they are prerendered; here otherwise.
        let plan = use_context::<ReleasePlans>()
            .and_then(|plans| plans.0.get(index).cloned())
            .filter(|_| timeline.is_unfiltered())
            .unwrap_or_else(|| {
                ReleasePlan::for_view(&site, index, &timeline, I18n::current().language())
            });
        let (previous, next) = plan.neighbour_links(releases, &link_query);
        view! {
            <ReleaseView
                release=releases[index].clone()
                previous=previous
                next=next
                back_query=link_query.clone()
                filtered=!timeline.is_unfiltered()
                oldest_first=timeline.sort == SortOrder::Oldest
                related=plan.related.iter().map(|&i| releases[i].clone()).collect()
            />
        }
        .into_any()
    }
}

/// Every release's plan in the unfiltered timeline, by release index: provided as context when
/// thousands of pages are prerendered at once, so each page does not work it out again from
/// every release.
#[derive(Debug, Clone)]
pub struct ReleasePlans(pub std::sync::Arc<[ReleasePlan]>);
