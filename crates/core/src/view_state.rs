//! What the timeline shows — search, facets, dates, sort, page — and its query-string form.
//! The URL is the one source of truth: the app parses this from `location.search` and writes it
//! back on every change.

use super::i18n::{fill, kind_name, Language, Messages};
use super::translation::language_name;
use std::fmt;

use chrono::NaiveDate;

/// The filterable dimensions of a release, each a repeatable URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// The release's kind ("Press Release", "Report"...): `kind=`.
    Kind,
    /// A topic: `topic=`.
    Topic,
    /// A place: `place=`.
    Place,
    /// A person quoted: `person=`.
    Person,
    /// The publication year: `year=`.
    Year,
    /// The language a release is written in (its `lang`, else the dataset's): `content_lang=`.
    /// With none selected, the timeline shows one version of each story (see
    /// [`crate::translation::Folding`]); with some, every release in them.
    Language,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 6] = [
        Facet::Kind,
        Facet::Topic,
        Facet::Place,
        Facet::Person,
        Facet::Year,
        Facet::Language,
    ];

    /// The URL parameter name.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Topic => "topic",
            Facet::Place => "place",
            Facet::Person => "person",
            Facet::Year => "year",
            Facet::Language => "content_lang",
        }
    }

    /// The heading shown above the facet's values, in a catalogue's language.
    pub fn label(self, messages: &Messages) -> &'static str {
        match self {
            Facet::Kind => messages.facet_kind,
            Facet::Topic => messages.facet_topic,
            Facet::Place => messages.facet_place,
            Facet::Person => messages.facet_person,
            Facet::Year => messages.facet_year,
            Facet::Language => messages.facet_language,
        }
    }

    /// How a filter's checkbox names a value of this facet for a reader of `language`: a
    /// common kind in the reader's language (see [`kind_name`]), else as
    /// [`Facet::value_label`] names it.
    ///
    /// ```
    /// use pressline_core::i18n::Language;
    /// use pressline_core::view_state::Facet;
    /// assert_eq!(Facet::Language.value_name("uk", Language::En), "Українська");
    /// assert_eq!(Facet::Kind.value_name("Report", Language::Fr), "Rapport");
    /// assert_eq!(Facet::Topic.value_name("Energy", Language::Fr), "Energy");
    /// ```
    pub fn value_name(self, value: &str, language: Language) -> &str {
        match self {
            Facet::Kind => kind_name(value, language),
            _ => self.value_label(value),
        }
    }

    /// How a chip and a suggestion name a value of this facet: a language by its own name
    /// (`uk` is "Українська", see [`language_name`]), any other value as the dataset writes it.
    ///
    /// ```
    /// use pressline_core::view_state::Facet;
    /// assert_eq!(Facet::Language.value_label("ru"), "Русский");
    /// assert_eq!(Facet::Kind.value_label("Report"), "Report");
    /// ```
    pub fn value_label(self, value: &str) -> &str {
        match self {
            Facet::Language => language_name(value),
            _ => value,
        }
    }

    /// The language a value's name (see [`Facet::value_label`]) is written in, for its `lang`
    /// attribute: a language's own name is in that language; other values have none.
    ///
    /// ```
    /// use pressline_core::view_state::Facet;
    /// assert_eq!(Facet::Language.value_language("uk"), Some("uk"));
    /// assert_eq!(Facet::Topic.value_language("Energy"), None);
    /// ```
    pub fn value_language(self, value: &str) -> Option<&str> {
        (self == Facet::Language).then_some(value)
    }

    /// True when this facet's filter is worth showing for a dataset whose releases have
    /// `values` distinct values: any value at all, but the language only when there are two
    /// or more to choose between (a dataset in one language has nothing to filter by it).
    ///
    /// ```
    /// use pressline_core::view_state::Facet;
    /// assert!(Facet::Topic.is_shown_with(1));
    /// assert!(!Facet::Topic.is_shown_with(0));
    /// assert!(!Facet::Language.is_shown_with(1));
    /// assert!(Facet::Language.is_shown_with(2));
    /// ```
    pub fn is_shown_with(self, values: usize) -> bool {
        match self {
            Facet::Language => values >= 2,
            _ => values >= 1,
        }
    }

    /// Position in [`Facet::ALL`].
    pub fn position(self) -> usize {
        self as usize
    }
}

/// Newest or oldest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Newest first (the default, left out of URLs).
    #[default]
    Newest,
    /// Oldest first: `sort=oldest`.
    Oldest,
}

/// The most text a `q` parameter may carry; longer is cut, with a notice.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most values one facet parameter may select; more are dropped, with a notice.
pub const MAX_VALUES_PER_FACET: usize = 100;

/// Everything that decides which releases the timeline shows, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search text as typed (`q`).
    pub query: String,
    /// Selected values per facet, indexed by [`Facet::position`], in the order chosen.
    pub selected: [Vec<String>; Facet::ALL.len()],
    /// First day included (`from`).
    pub from: Option<NaiveDate>,
    /// Last day included (`to`).
    pub to: Option<NaiveDate>,
    /// The order (`sort`).
    pub sort: SortOrder,
    /// The page of results, from 1 (`page`).
    pub page: usize,
}

/// One filter of a view that could be removed: what it is, what removing it says, and the state
/// it leads to. The timeline shows them as chips; a view that matches nothing as suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loosening {
    /// Which filter it is.
    pub part: FilterPart,
    /// What the link says, e.g. "Remove Kind: Report".
    pub label: String,
    /// The view without that filter.
    pub state: ViewState,
}

/// A filter of a view, as a chip names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterPart {
    /// The search text, trimmed.
    Search(String),
    /// One selected value of a facet.
    Facet(Facet, String),
    /// The date range (either end may be open).
    Dates(Option<NaiveDate>, Option<NaiveDate>),
}

/// A URL parameter that was ignored or changed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlNotice {
    /// The parameter's name.
    pub param: String,
    /// What happened.
    pub kind: NoticeKind,
}

/// What happened to a URL parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeKind {
    /// The search was cut to this many characters.
    QueryCut(usize),
    /// This value is not a date.
    NotADate(String),
    /// This value is not `newest` or `oldest`.
    NotASort(String),
    /// This value is not a page number.
    NotAPage(String),
    /// Only this many values of a facet are used.
    TooManyValues(usize),
}

impl UrlNotice {
    /// What happened, for the reader, in a catalogue's language.
    pub fn message(&self, messages: &Messages) -> String {
        match &self.kind {
            NoticeKind::QueryCut(max) => {
                fill(messages.notice_query_cut, &[("max", &max.to_string())])
            }
            NoticeKind::NotADate(value) => fill(messages.notice_not_a_date, &[("value", value)]),
            NoticeKind::NotASort(value) => fill(messages.notice_not_a_sort, &[("value", value)]),
            NoticeKind::NotAPage(value) => fill(messages.notice_not_a_page, &[("value", value)]),
            NoticeKind::TooManyValues(max) => fill(
                messages.notice_too_many_values,
                &[("max", &max.to_string())],
            ),
        }
    }
}

impl fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.param,
            self.message(Language::En.messages())
        )
    }
}

impl ViewState {
    /// The values selected for one facet.
    pub fn selected(&self, facet: Facet) -> &[String] {
        &self.selected[facet.position()]
    }

    /// True when `value` is selected for `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected(facet)
            .iter()
            .any(|selected| selected == value)
    }

    /// True when nothing narrows the list (sort and page aside).
    pub fn is_unfiltered(&self) -> bool {
        self.query.trim().is_empty()
            && self.selected.iter().all(Vec::is_empty)
            && self.from.is_none()
            && self.to.is_none()
    }

    /// The state with `value` added to or removed from `facet`, back on page 1.
    pub fn toggled(&self, facet: Facet, value: &str) -> Self {
        let mut next = self.clone();
        let values = &mut next.selected[facet.position()];
        match values.iter().position(|selected| selected == value) {
            Some(at) => {
                values.remove(at);
            }
            None => values.push(value.to_owned()),
        }
        next.page = 1;
        next
    }

    /// The same sort with every filter cleared.
    pub fn cleared(&self) -> Self {
        Self {
            sort: self.sort,
            page: 1,
            ..Self::default()
        }
    }

    /// The view searching for `text` instead, back on page 1.
    pub fn with_query(&self, text: &str) -> Self {
        Self {
            query: text.to_owned(),
            page: 1,
            ..self.clone()
        }
    }

    /// The view in another order, back on page 1.
    pub fn with_sort(&self, sort: SortOrder) -> Self {
        Self {
            sort,
            page: 1,
            ..self.clone()
        }
    }

    /// The view limited to the days from `from` to `to` (either open), back on page 1.
    pub fn with_dates(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        Self {
            from,
            to,
            page: 1,
            ..self.clone()
        }
    }

    /// The same view on another page.
    pub fn with_page(&self, page: usize) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Every single filter that could be removed, one suggestion each, in the order they
    /// appear on screen: the search, each facet value, the date range.
    pub fn loosenings(&self, messages: &Messages) -> Vec<Loosening> {
        let mut options = Vec::new();
        if !self.query.trim().is_empty() {
            options.push(Loosening {
                part: FilterPart::Search(self.query.trim().to_owned()),
                label: fill(messages.remove_search, &[("query", self.query.trim())]),
                state: Self {
                    query: String::new(),
                    page: 1,
                    ..self.clone()
                },
            });
        }
        for facet in Facet::ALL {
            for value in self.selected(facet) {
                options.push(Loosening {
                    part: FilterPart::Facet(facet, value.clone()),
                    label: fill(
                        messages.remove_facet_value,
                        &[
                            ("facet", facet.label(messages)),
                            ("value", facet.value_label(value)),
                        ],
                    ),
                    state: self.toggled(facet, value),
                });
            }
        }
        if self.from.is_some() || self.to.is_some() {
            options.push(Loosening {
                part: FilterPart::Dates(self.from, self.to),
                label: messages.remove_dates.to_owned(),
                state: Self {
                    from: None,
                    to: None,
                    page: 1,
                    ..self.clone()
                },
            });
        }
        options
    }

    /// Reads a query string (with or without the leading `?`). Never fails: unknown parameters
    /// are ignored, malformed ones are dropped with a [`UrlNotice`] saying why.
    ///
    /// ```
    /// use pressline_core::view_state::{Facet, ViewState};
    /// let (state, notices) = ViewState::from_query("?q=war&kind=Report&kind=Statement&from=soon");
    /// assert_eq!(state.query, "war");
    /// assert_eq!(state.selected(Facet::Kind), ["Report", "Statement"]);
    /// assert_eq!(notices[0].param, "from");
    /// ```
    pub fn from_query(query: &str) -> (Self, Vec<UrlNotice>) {
        let mut state = Self {
            page: 1,
            ..Self::default()
        };
        let mut notices = Vec::new();
        let mut notice = |param: &str, kind: NoticeKind| {
            if !notices.iter().any(|n: &UrlNotice| n.param == param) {
                notices.push(UrlNotice {
                    param: param.to_owned(),
                    kind,
                });
            }
        };
        for pair in query.trim_start_matches('?').split('&') {
            if pair.is_empty() {
                continue;
            }
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode_component(raw_key);
            let value = decode_component(raw_value);
            match key.as_str() {
                "q" => {
                    state.query = if value.chars().count() > MAX_QUERY_CHARS {
                        notice("q", NoticeKind::QueryCut(MAX_QUERY_CHARS));
                        value.chars().take(MAX_QUERY_CHARS).collect()
                    } else {
                        value
                    };
                }
                "from" | "to" => {
                    let date = (!value.is_empty())
                        .then(|| super::date::parse_iso_day(&value))
                        .flatten()
                        .filter(|_| is_iso_day(&value));
                    if date.is_none() && !value.is_empty() {
                        notice(&key, NoticeKind::NotADate(value.clone()));
                    }
                    if key == "from" {
                        state.from = date;
                    } else {
                        state.to = date;
                    }
                }
                "sort" => match value.as_str() {
                    "newest" | "" => state.sort = SortOrder::Newest,
                    "oldest" => state.sort = SortOrder::Oldest,
                    other => notice("sort", NoticeKind::NotASort(other.to_owned())),
                },
                "page" => match value.parse::<usize>() {
                    Ok(page) if page >= 1 => state.page = page,
                    _ => notice("page", NoticeKind::NotAPage(value.clone())),
                },
                _ => {
                    let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == key) else {
                        continue; // Unknown parameters (utm_source...) are none of our business.
                    };
                    let values = &mut state.selected[facet.position()];
                    if value.is_empty() || values.contains(&value) {
                        continue;
                    }
                    if values.len() >= MAX_VALUES_PER_FACET {
                        notice(&key, NoticeKind::TooManyValues(MAX_VALUES_PER_FACET));
                        continue;
                    }
                    values.push(value);
                }
            }
        }
        (state, notices)
    }

    /// The query string for this state, without the leading `?`; empty for the default view.
    /// Parameters come in a fixed order, so equal states give equal URLs.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.query.is_empty() {
            pairs.push(("q", self.query.clone()));
        }
        for facet in Facet::ALL {
            for value in self.selected(facet) {
                pairs.push((facet.param(), value.clone()));
            }
        }
        if let Some(from) = self.from {
            pairs.push(("from", super::date::iso_day(from)));
        }
        if let Some(to) = self.to {
            pairs.push(("to", super::date::iso_day(to)));
        }
        if self.sort == SortOrder::Oldest {
            pairs.push(("sort", "oldest".to_owned()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", encode_component(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The first value of the parameter `name` in a query string (with or without the `?`),
/// decoded; `None` when it is absent.
///
/// ```
/// use pressline_core::view_state::query_param;
/// assert_eq!(query_param("?kind=Report&src=data%2Fa.json", "src").as_deref(), Some("data/a.json"));
/// assert_eq!(query_param("kind=Report", "src"), None);
/// ```
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| decode_component(key) == name)
        .map(|(_, value)| decode_component(value))
}

/// An internal link: `path`, then `query` and `carried` (parameters every link keeps, such as an
/// accepted `src=`), joined with `?` and `&` as needed.
///
/// ```
/// use pressline_core::view_state::link;
/// assert_eq!(link("/", "", ""), "/");
/// assert_eq!(link("/", "kind=Report", "src=x.json"), "/?kind=Report&src=x.json");
/// assert_eq!(link("/releases/a", "", "src=x.json"), "/releases/a?src=x.json");
/// ```
pub fn link(path: &str, query: &str, carried: &str) -> String {
    match (query.is_empty(), carried.is_empty()) {
        (true, true) => path.to_owned(),
        (false, true) => format!("{path}?{query}"),
        (true, false) => format!("{path}?{carried}"),
        (false, false) => format!("{path}?{query}&{carried}"),
    }
}

fn is_iso_day(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Percent-encodes everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space in query strings). Malformed escapes stay as typed;
/// bytes that are not UTF-8 become U+FFFD.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex digits are ASCII");
                out.push(u8::from_str_radix(hex, 16).expect("two hex digits"));
                i += 3;
                continue;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
