//! The reader's language in the UI: its catalogue, and numbers and dates written the way the
//! language writes them (by the browser's `Intl`, see [`crate::platform::intl`]).

use chrono::{Datelike, NaiveDate};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::platform::intl::{format_day, format_number, DayStyle};
use pressline_core::histogram::Granularity;
use pressline_core::i18n::{Language, Messages, Plural};
use pressline_core::view_state::query_param;
use pressline_core::ReleaseDate;

/// An instance's language, from its address's `?lang=`, else the given default (the embed's
/// `data-lang`, else the browser's preferences). Provided as context by the mount.
#[derive(Clone, Copy)]
pub struct I18n {
    language: Signal<Language>,
}

impl I18n {
    /// Follows `?lang=` in `query` (tracked), falling back to `fallback`. A language whose
    /// catalogue is not loaded yet is fetched from `deploy_url` first; until it arrives (or if
    /// it cannot be read) the current language stays.
    pub fn from_query(
        query: Signal<String>,
        fallback: Language,
        deploy_url: String,
        fetch: Option<FetchCatalogue>,
    ) -> Self {
        // A memo: the app rebuilds when the language changes, not on every new query string.
        let requested = Memo::new(move |_| {
            query.with(|query| {
                query_param(query, "lang")
                    .and_then(|tag| Language::from_tag(&tag))
                    .unwrap_or(fallback)
            })
        });
        let start = requested.get_untracked();
        let shown = RwSignal::new(if start.is_available() {
            start
        } else {
            Language::En
        });
        Effect::new(move |_| {
            let wanted = requested.get();
            if wanted == shown.get_untracked() {
                return; // Setting it anyway would rebuild every view (an adopted page's too).
            }
            if wanted.is_available() {
                shown.set(wanted);
                return;
            }
            let deploy_url = deploy_url.clone();
            leptos::task::spawn_local(async move {
                if load_catalogue(wanted, &deploy_url, fetch).await
                    && requested.get_untracked() == wanted
                {
                    shown.set(wanted);
                }
            });
        });
        Self {
            language: shown.into(),
        }
    }

    /// A fixed language (component tests, views outside an instance).
    pub fn fixed(language: Language) -> Self {
        Self {
            language: Signal::stored(language),
        }
    }

    /// The instance's language support, from context (English outside an instance).
    pub fn current() -> Self {
        use_context::<I18n>().unwrap_or_else(|| I18n::fixed(Language::En))
    }

    /// The language (tracked).
    pub fn language(&self) -> Language {
        self.language.get()
    }

    /// The language, without tracking: the app is rebuilt when it changes, so views read it
    /// once when they are set up.
    pub fn language_untracked(&self) -> Language {
        self.language.get_untracked()
    }

    /// The catalogue (untracked, see [`Self::language_untracked`]).
    pub fn t(&self) -> &'static Messages {
        self.language_untracked().messages()
    }

    /// A whole number as the language writes it (`1,234`, `1 234`, `١٬٢٣٤`).
    pub fn number(&self, n: u64) -> String {
        format_number(self.language_untracked(), n)
    }

    /// A counted phrase from the catalogue, the number written as the language writes it.
    pub fn count(&self, plural: &Plural, n: u64, args: &[(&str, &str)]) -> String {
        self.language_untracked()
            .count(plural, n, &self.number(n), args)
    }

    /// A release date, long form ("10 листопада 2022 р.", "10 novembre 2022").
    pub fn long_date(&self, date: &ReleaseDate) -> String {
        self.day(date.calendar_date())
    }

    /// A calendar day, long form.
    pub fn day(&self, day: NaiveDate) -> String {
        format_day(self.language_untracked(), day, DayStyle::Long)
    }

    /// A month heading ("November 2022", "листопад 2022 р.").
    pub fn month_year(&self, year: i32, month: u32) -> String {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|day| format_day(self.language_untracked(), day, DayStyle::MonthYear))
            .unwrap_or_default()
    }

    /// A period's short name for the histogram's axis: "2022", "Nov 2022", or a week by its
    /// first day, "Nov 7".
    pub fn period_tick(&self, granularity: Granularity, start: NaiveDate) -> String {
        let style = match granularity {
            Granularity::Year => return self.year(start.year()),
            Granularity::Month => DayStyle::ShortMonthYear,
            Granularity::Week => DayStyle::ShortDay,
        };
        format_day(self.language_untracked(), start, style)
    }

    /// A year as the language writes it (without grouping: "2022", "٢٠٢٢").
    pub fn year(&self, year: i32) -> String {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .map(|day| format_day(self.language_untracked(), day, DayStyle::Year))
            .unwrap_or_default()
    }
}

/// The catalogue of the current instance (untracked; see [`I18n::t`]).
pub fn t() -> &'static Messages {
    I18n::current().t()
}

/// Fetches and installs a language's catalogue from the deploy (`i18n/<tag>.json`, with
/// `fetch`) unless it is already available. False when it could not be loaded (the UI then
/// stays as it is).
pub async fn load_catalogue(
    language: Language,
    deploy_url: &str,
    fetch: Option<FetchCatalogue>,
) -> bool {
    if language.is_available() {
        return true;
    }
    match fetch {
        Some(fetch) => {
            fetch(
                language,
                format!("{deploy_url}i18n/{}.json", language.tag()),
            )
            .await
        }
        None => false,
    }
}

/// Fetches a catalogue's JSON from the URL given, reads it and installs it; false if it cannot
/// be fetched or is not a catalogue. The app passes its lazily loaded one
/// (`crate::parts::code::FETCH_CATALOGUE`).
pub type FetchCatalogue = fn(Language, String) -> LocalBoxFuture<'static, bool>;
