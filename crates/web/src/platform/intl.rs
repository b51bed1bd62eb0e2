//! Numbers and dates written by the browser's `Intl` (which costs the download nothing), and
//! the reader's preferred languages. Natively (prerendering) they are written as English
//! writes them.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use wasm_bindgen::JsValue;

use crate::platform::surface::in_browser;
use pressline_core::date::{long_english_day, month_name};
use pressline_core::i18n::{english_number, Language};

/// Which parts of a day to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayStyle {
    /// "10 November 2022".
    Long,
    /// "November 2022".
    MonthYear,
    /// "Nov 2022", for the histogram's axis.
    ShortMonthYear,
    /// "Nov 7", for the histogram's axis in weeks.
    ShortDay,
    /// "2022".
    Year,
}

thread_local! {
    // Building an Intl formatter is slow; a page writes hundreds of dates.
    static NUMBERS: RefCell<HashMap<Language, js_sys::Function>> = RefCell::new(HashMap::new());
    static DAYS: RefCell<HashMap<(Language, DayStyle), js_sys::Function>> =
        RefCell::new(HashMap::new());
}

fn locales(language: Language) -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(language.tag()))
}

/// Intl options from pairs, always with Latin digits: engines disagree on the default for
/// Arabic (WebKit writes ٢٠٢٢, Chromium and Firefox 2022), and the app, its prerendered pages
/// and its tests must read the same everywhere. A component test pins it in every engine.
fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"numberingSystem".into(), &"latn".into());
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// Formats a whole number with `Intl.NumberFormat` (natively, for a prerendered page, as
/// English writes it).
pub fn format_number(language: Language, n: u64) -> String {
    if !in_browser() {
        return english_number(n);
    }
    let format = NUMBERS.with(|cache| {
        cache
            .borrow_mut()
            .entry(language)
            .or_insert_with(|| {
                js_sys::Intl::NumberFormat::new(&locales(language), &options(&[])).format()
            })
            .clone()
    });
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// A month's English abbreviation as `Intl` writes it for `en` ("Sep", not "Sept"), so a
/// prerendered axis matches the browser's.
fn short_month(month: u32) -> &'static str {
    month_name(month).get(..3).unwrap_or("")
}

/// Formats a calendar day with `Intl.DateTimeFormat`, in UTC so the day never shifts
/// (natively, for a prerendered page, as English writes it).
pub fn format_day(language: Language, day: NaiveDate, style: DayStyle) -> String {
    if !in_browser() {
        return match style {
            DayStyle::Long => long_english_day(day),
            DayStyle::MonthYear => format!("{} {}", month_name(day.month()), day.year()),
            DayStyle::ShortMonthYear => format!("{} {}", short_month(day.month()), day.year()),
            DayStyle::ShortDay => format!("{} {}", short_month(day.month()), day.day()),
            DayStyle::Year => day.year().to_string(),
        };
    }
    let format = DAYS.with(|cache| {
        cache
            .borrow_mut()
            .entry((language, style))
            .or_insert_with(|| {
                let pairs: &[(&str, &str)] = match style {
                    DayStyle::Long => &[("dateStyle", "long"), ("timeZone", "UTC")],
                    DayStyle::MonthYear => {
                        &[("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]
                    }
                    DayStyle::ShortMonthYear => {
                        &[("month", "short"), ("year", "numeric"), ("timeZone", "UTC")]
                    }
                    DayStyle::ShortDay => {
                        &[("month", "short"), ("day", "numeric"), ("timeZone", "UTC")]
                    }
                    DayStyle::Year => &[("year", "numeric"), ("timeZone", "UTC")],
                };
                js_sys::Intl::DateTimeFormat::new(&locales(language), &options(pairs)).format()
            })
            .clone()
    });
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    let millis = (day - epoch).num_days() as f64 * 86_400_000.0;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    format
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| format!("{}-{:02}-{:02}", day.year(), day.month(), day.day()))
}

/// The browser's preferred languages (`navigator.languages`), best first.
pub fn browser_languages() -> Vec<String> {
    if !in_browser() {
        return Vec::new();
    }
    web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .collect()
        })
        .unwrap_or_default()
}
