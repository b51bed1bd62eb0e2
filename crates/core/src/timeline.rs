//! The timeline's order: newest first, grouped by year and then by month.

use std::ops::Range;

use super::i18n::Language;
use super::Release;

/// Releases per page of the timeline; this bounds the number of `<article>`s in the document.
pub const PAGE_SIZE: usize = 100;
/// Facet values a filter lists before its "Show all" button.
pub const FACET_VALUES_SHOWN: usize = 8;

/// Which of `total` matches one page of the timeline shows.
///
/// ```
/// use pressline_core::timeline::PageSpan;
/// let span = PageSpan::of(250, 9);
/// assert_eq!((span.page, span.pages, span.first, span.last), (3, 3, 201, 250));
/// assert_eq!(span.range(), 200..250);
/// assert_eq!(PageSpan::of(0, 1).range(), 0..0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpan {
    /// The page shown: the one asked for, within `1..=pages`.
    pub page: usize,
    /// How many pages there are (at least one).
    pub pages: usize,
    /// The first release shown, counting from 1.
    pub first: usize,
    /// The last release shown, counting from 1.
    pub last: usize,
}

impl PageSpan {
    /// The page `requested` of `total` matches.
    pub fn of(total: usize, requested: usize) -> Self {
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = requested.clamp(1, pages);
        Self {
            page,
            pages,
            first: (page - 1) * PAGE_SIZE + 1,
            last: (page * PAGE_SIZE).min(total),
        }
    }

    /// The page's positions in the matches.
    pub fn range(&self) -> Range<usize> {
        (self.first - 1)..self.last
    }
}

/// One calendar month of releases, newest first within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGroup {
    /// The year of the month.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Indices into the dataset's releases, in display order.
    pub releases: Vec<usize>,
}

/// One year of releases, its months newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearGroup {
    /// The year.
    pub year: i32,
    /// The months that have releases, in display order.
    pub months: Vec<MonthGroup>,
}

impl YearGroup {
    /// How many releases the year holds.
    pub fn release_count(&self) -> usize {
        self.months.iter().map(|month| month.releases.len()).sum()
    }
}

/// Indices of `releases` ordered newest first; releases on the same date keep file order, so
/// the result is deterministic.
pub fn newest_first(releases: &[Release]) -> Vec<usize> {
    super::order::sorted_positions(releases.len(), &|a, b| {
        releases[b].date.cmp(&releases[a].date).then(a.cmp(&b))
    })
}

/// Groups releases, given as indices in display order, by year and month. Consecutive releases
/// of the same month share a group, so any display order is kept.
pub fn group_by_month(releases: &[Release], order: &[usize]) -> Vec<YearGroup> {
    let mut years: Vec<YearGroup> = Vec::new();
    for &index in order {
        let date = &releases[index].date;
        let (year, month) = (date.year(), date.month());
        if years.last().is_none_or(|group| group.year != year) {
            years.push(YearGroup {
                year,
                months: Vec::new(),
            });
        }
        let months = &mut years
            .last_mut()
            .expect("a year group was just ensured")
            .months;
        match months.last_mut() {
            Some(group) if group.month == month => group.releases.push(index),
            _ => months.push(MonthGroup {
                year,
                month,
                releases: vec![index],
            }),
        }
    }
    years
}

/// The months of `year` in `years`, in display order (none when the year is not there): the
/// keys of a year's keyed list of months.
///
/// ```
/// use pressline_core::timeline::{group_by_month, months_of, releases_of};
/// let text = include_str!("../../../public/data/releases.json");
/// let releases = pressline_core::parse_dataset(text).unwrap().dataset.releases;
/// let order: Vec<usize> = (0..releases.len()).collect();
/// let years = group_by_month(&releases, &order);
/// let first = &years[0];
/// assert_eq!(months_of(&years, first.year)[0], first.months[0].month);
/// assert_eq!(releases_of(&years, first.year, first.months[0].month), first.months[0].releases);
/// assert!(months_of(&years, 1900).is_empty());
/// assert!(releases_of(&years, first.year, 13).is_empty());
/// ```
pub fn months_of(years: &[YearGroup], year: i32) -> Vec<u32> {
    years
        .iter()
        .find(|group| group.year == year)
        .map(|group| group.months.iter().map(|month| month.month).collect())
        .unwrap_or_default()
}

/// The releases of one month in `years`, in display order (none when it is not there): the
/// keys of a month's keyed list of cards.
pub fn releases_of(years: &[YearGroup], year: i32, month: u32) -> Vec<usize> {
    years
        .iter()
        .find(|group| group.year == year)
        .and_then(|group| group.months.iter().find(|group| group.month == month))
        .map(|group| group.releases.clone())
        .unwrap_or_default()
}

/// Says how many of how many releases are shown, in `language`: "3 of 12 releases", just
/// "12 releases" when nothing is filtered out, "No releases" for none. `number` writes a number
/// the way the reader's language does (the browser's `Intl` in the app).
///
/// ```
/// use pressline_core::i18n::Language;
/// use pressline_core::timeline::count_in_words;
/// let plain = |n: u64| n.to_string();
/// assert_eq!(count_in_words(Language::En, 3, 12, &plain), "3 of 12 releases");
/// assert_eq!(count_in_words(Language::En, 1, 1, &plain), "1 release");
/// ```
pub fn count_in_words(
    language: Language,
    count: usize,
    total: usize,
    number: &dyn Fn(u64) -> String,
) -> String {
    let messages = language.messages();
    match (count == total, total) {
        (true, 0) => messages.no_releases.to_owned(),
        (true, _) => language.count(&messages.releases, total as u64, &number(total as u64), &[]),
        // The phrase agrees with the total: "1 of 21 релізу" is wrong, "1 з 21 релізів" right.
        (false, _) => language.count(
            &messages.releases_of_total,
            total as u64,
            &number(total as u64),
            &[
                ("count", &number(count as u64)),
                ("total", &number(total as u64)),
            ],
        ),
    }
}

/// Text of at most `limit` characters (plus an ellipsis), cut at a word boundary, for meta
/// descriptions and link previews.
///
/// ```
/// use pressline_core::timeline::shorten;
/// assert_eq!(shorten("Russian forces struck the theatre.", 20), "Russian forces…");
/// assert_eq!(shorten("Short.", 20), "Short.");
/// ```
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// One value of a facet as its filter lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRow {
    /// The value, as the dataset writes it.
    pub value: String,
    /// How many releases it would match, given the other filters.
    pub count: usize,
    /// True when the view filters on it.
    pub selected: bool,
}

impl FacetRow {
    /// False for a value that would match nothing and is not selected (a selected one can
    /// always be cleared).
    pub fn is_enabled(&self) -> bool {
        self.count > 0 || self.selected
    }
}

/// The rows of a facet's filter: selected values the dataset lacks (from a pasted address)
/// first, at zero; then every value in display order with its count. Folded (not `expanded`),
/// only the first [`FACET_VALUES_SHOWN`] rows and any selected one beyond them.
pub fn facet_rows(
    values: &[String],
    counts: &[usize],
    selected: &[String],
    expanded: bool,
) -> Vec<FacetRow> {
    shown_facet_values(values, selected, expanded)
        .into_iter()
        .map(|value| FacetRow {
            count: facet_count(values, counts, &value),
            selected: selected.contains(&value),
            value,
        })
        .collect()
}

/// Which values a facet's filter lists, in order, as [`facet_rows`] lists them: the keys of
/// its keyed rows, which change only when the selection or the folding does (never with the
/// counts).
pub fn shown_facet_values(values: &[String], selected: &[String], expanded: bool) -> Vec<String> {
    let unknown = selected.iter().filter(|value| !values.contains(value));
    let limit = if expanded {
        usize::MAX
    } else {
        FACET_VALUES_SHOWN
    };
    unknown
        .chain(values)
        .enumerate()
        .filter(|(i, value)| *i < limit || selected.contains(value))
        .map(|(_, value)| value.clone())
        .collect()
}

/// The count of `value` (zero for a value the dataset lacks), `counts` being in the order of
/// `values`.
pub fn facet_count(values: &[String], counts: &[usize], value: &str) -> usize {
    values
        .iter()
        .position(|known| known == value)
        .and_then(|position| counts.get(position).copied())
        .unwrap_or(0)
}
