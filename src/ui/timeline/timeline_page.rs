use leptos::prelude::*;

use crate::core::date::month_name;
use crate::core::timeline::{group_by_month, newest_first};
use crate::ui::document::set_document_title;
use crate::ui::SiteData;

use super::{ReleaseCard, ResultCount};

/// The timeline: the listing's title and description, the count, then releases by year and month.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let Ok(loaded) = data.0.as_ref() else {
        return ().into_any();
    };
    let dataset = &loaded.dataset;
    set_document_title(&match dataset.organization_name() {
        Some(name) => format!("{} — {name}", dataset.title),
        None => dataset.title.clone(),
    });
    let order = newest_first(&dataset.releases);
    let years = group_by_month(&dataset.releases, &order);
    view! {
        <div class="timeline">
            <header class="timeline__intro">
                <h1>{dataset.title.clone()}</h1>
                {dataset.description.clone().map(|text| view! { <p class="timeline__description">{text}</p> })}
                <ResultCount count=order.len() />
            </header>
            {years
                .into_iter()
                .map(|year| {
                    view! {
                        <section class="timeline-year" aria-labelledby=format!("year-{}", year.year)>
                            <h2 class="timeline-year__heading" id=format!("year-{}", year.year)>
                                {year.year}
                            </h2>
                            {year
                                .months
                                .into_iter()
                                .map(|month| {
                                    let heading_id = format!("month-{}-{:02}", month.year, month.month);
                                    let labelled_by = heading_id.clone();
                                    view! {
                                        <section class="timeline-month" aria-labelledby=labelled_by>
                                            <h3 class="timeline-month__heading" id=heading_id>
                                                {format!("{} {}", month_name(month.month), month.year)}
                                            </h3>
                                            <div class="timeline-month__releases">
                                                {month
                                                    .releases
                                                    .into_iter()
                                                    .map(|index| {
                                                        view! { <ReleaseCard release=dataset.releases[index].clone() /> }
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
                .collect_view()}
        </div>
    }
    .into_any()
}
