use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::context::site_data::SiteData;
use crate::pages::shared::Heading;
use pressline_core::search::SearchQuery;
use pressline_core::timeline::{group_by_month, months_of, releases_of, YearGroup};

use super::ReleaseCard;
use crate::pages::shared::Fetch;

/// One page of matching releases, grouped by year and month in the order given.
///
/// The years, months and cards are keyed lists: when the page changes (a keystroke, a filter),
/// a release that stays keeps its card and its DOM node, and only its highlights and link
/// follow the new query; cards, months and years that leave or arrive are the only ones built
/// or removed.
#[component]
pub fn ResultList(
    /// Indices of the releases on this page, in display order.
    #[prop(into)]
    page: Signal<Vec<u32>>,
    /// The active search, for highlighting.
    #[prop(into)]
    query: Signal<SearchQuery>,
    /// The timeline's query string, for the cards' links.
    #[prop(into)]
    link_query: Signal<String>,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    // A new site (an archive's shard merged) renumbers releases: the keys start again. Until
    // this list is replaced, its groups and cards read the live site, never a stale one, so
    // an index always names a release of the site it was computed for.
    move || {
        data.site()?;
        let live = data.clone();
        let groups = Memo::new(move |_| {
            let Some(site) = live.site() else {
                return Vec::new();
            };
            let releases = &site.dataset.releases;
            let order: Vec<usize> = page.with(|page| {
                page.iter()
                    .map(|&i| i as usize)
                    .filter(|&i| i < releases.len())
                    .collect()
            });
            group_by_month(releases, &order)
        });
        let data = data.clone();
        Some(view! {
            <For
                each=move || groups.with(|years| years.iter().map(|year| year.year).collect::<Vec<_>>())
                key=|year| *year
                children=move |year| year_section(&data, groups, year, Cards { page, query, link_query })
            />
        }
        .into_any())
    }
}

/// What every card of the list is given.
#[derive(Clone, Copy)]
struct Cards {
    /// The page's releases, in display order.
    page: Signal<Vec<u32>>,
    /// The active search, for highlighting.
    query: Signal<SearchQuery>,
    /// The timeline's query string, for the cards' links.
    link_query: Signal<String>,
}

/// One year's section, its months keyed by month.
fn year_section(data: &SiteData, groups: Memo<Vec<YearGroup>>, year: i32, cards: Cards) -> AnyView {
    let i18n = I18n::current();
    let data = data.clone();
    let year_id = format!("year-{year}");
    let labelled_by = year_id.clone();
    let months = move || groups.with(|years| months_of(years, year));
    view! {
        <section class="timeline-year" aria-labelledby=labelled_by>
            <Heading rank=1 class="timeline-year__heading" id=year_id>
                {i18n.year(year)}
            </Heading>
            <For
                each=months
                key=|month| *month
                children=move |month| month_section(&data, groups, year, month, cards)
            />
        </section>
    }
    .into_any()
}

/// One month's section, its cards keyed by release.
fn month_section(
    data: &SiteData,
    groups: Memo<Vec<YearGroup>>,
    year: i32,
    month: u32,
    cards: Cards,
) -> AnyView {
    let i18n = I18n::current();
    let data = data.clone();
    let heading_id = format!("month-{year}-{month:02}");
    let labelled_by = heading_id.clone();
    let releases = move || groups.with(|years| releases_of(years, year, month));
    view! {
        <section class="timeline-month" aria-labelledby=labelled_by>
            <Heading rank=2 class="timeline-month__heading" id=heading_id>
                {i18n.month_year(year, month)}
            </Heading>
            <div class="timeline-month__releases">
                <For
                    each=releases
                    key=|index| *index
                    children=move |index| {
                        let release = data.site_untracked().and_then(|site| site.dataset.releases.get(index).cloned());
                        // The page's first card may be on the first screen: its picture is
                        // fetched at once, the others' as the reader scrolls to them.
                        let first = cards.page.with_untracked(|page| page.first().map(|&i| i as usize) == Some(index));
                        let fetch = if first { Fetch::AtOnce } else { Fetch::Lazily };
                        release.map(|release| view! {
                            <ReleaseCard release=release query=cards.query link_query=cards.link_query fetch=fetch />
                        })
                    }
                />
            </div>
        </section>
    }
    .into_any()
}
