use leptos::prelude::*;

use crate::pages::shared::Heading;

use crate::context::i18n::I18n;

use crate::context::site_data::SiteData;
use pressline_core::search::SearchQuery;
use pressline_core::timeline::group_by_month;

use super::ReleaseCard;

/// One page of matching releases, grouped by year and month in the order given.
#[component]
pub fn ResultList(
    /// Indices of the releases on this page, in display order.
    page: Vec<u32>,
    /// The active search, for highlighting.
    query: SearchQuery,
    /// The timeline's query string, for the cards' links.
    link_query: String,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let i18n = I18n::current();
    let Some(site) = data.site_untracked() else {
        return ().into_any();
    };
    let releases = &site.dataset.releases;
    let order: Vec<usize> = page.iter().map(|&i| i as usize).collect();
    group_by_month(releases, &order)
        .into_iter()
        .map(|year| {
            let year_id = format!("year-{}", year.year);
            let year_labelled_by = year_id.clone();
            view! {
                <section class="timeline-year" aria-labelledby=year_labelled_by>
                    <Heading rank=1 class="timeline-year__heading" id=year_id>
                        {i18n.year(year.year)}
                    </Heading>
                    {year
                        .months
                        .into_iter()
                        .map(|month| {
                            let heading_id = format!("month-{}-{:02}", month.year, month.month);
                            let labelled_by = heading_id.clone();
                            view! {
                                <section class="timeline-month" aria-labelledby=labelled_by>
                                    <Heading rank=2 class="timeline-month__heading" id=heading_id>
                                        {i18n.month_year(month.year, month.month)}
                                    </Heading>
                                    <div class="timeline-month__releases">
                                        {month
                                            .releases
                                            .into_iter()
                                            .map(|index| {
                                                view! {
                                                    <ReleaseCard
                                                        release=releases[index].clone()
                                                        query=query.clone()
                                                        link_query=link_query.clone()
                                                    />
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                </section>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
        .collect_view()
        .into_any()
}
