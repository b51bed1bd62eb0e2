//! The UI's languages: which one a reader gets, plural rules, and one message catalogue per
//! language (`en.rs`, `uk.rs`, …), checked for completeness by the native tests.
//!
//! Numbers and dates are formatted by the browser's `Intl` (it costs no wasm); the core only
//! chooses the words around them, so templates take already-formatted numbers.
//!
//! In the browser only English is compiled in: the other catalogues are JSON files
//! (`public/i18n/<tag>.json`, written from these sources by `cargo run --bin write_catalogues`
//! and checked against them by the tests) that the app fetches when a reader needs one, and
//! [`install`]s. Five languages nobody on the page reads would otherwise weigh 20 KB of every
//! first load.

use std::sync::OnceLock;

#[cfg(feature = "all-languages")]
mod ar;
mod en;
#[cfg(feature = "all-languages")]
mod es;
#[cfg(feature = "all-languages")]
mod fr;
mod messages;
#[cfg(feature = "all-languages")]
mod ru;
#[cfg(feature = "all-languages")]
mod uk;

pub use messages::{CatalogueJson, Messages, Plural};

/// A language the UI is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Arabic (right to left).
    Ar,
}

/// CLDR plural categories, as used for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// Arabic 0.
    Zero,
    /// 1 (and 21, 31… in Ukrainian and Russian; 0 and 1 in French).
    One,
    /// Arabic 2.
    Two,
    /// 2–4, 22–24… in Ukrainian and Russian; 3–10 (mod 100) in Arabic.
    Few,
    /// 5–20, 25–30… in Ukrainian and Russian; 11–99 (mod 100) in Arabic; millions in French and
    /// Spanish.
    Many,
    /// Everything else.
    Other,
}

impl Language {
    /// Every language, in the switcher's order.
    pub const ALL: [Language; 6] = [
        Language::En,
        Language::Uk,
        Language::Ru,
        Language::Es,
        Language::Fr,
        Language::Ar,
    ];

    /// The BCP 47 tag, e.g. `uk`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Uk => "uk",
            Language::Ru => "ru",
            Language::Es => "es",
            Language::Fr => "fr",
            Language::Ar => "ar",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Uk => "Українська",
            Language::Ru => "Русский",
            Language::Es => "Español",
            Language::Fr => "Français",
            Language::Ar => "العربية",
        }
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self == Language::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language a tag asks for, by its primary subtag (`uk-UA` → Ukrainian).
    ///
    /// ```
    /// use pressline_core::i18n::Language;
    /// assert_eq!(Language::from_tag("uk-UA"), Some(Language::Uk));
    /// assert_eq!(Language::from_tag(" AR "), Some(Language::Ar));
    /// assert_eq!(Language::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language to show: the address's `?lang=`, else the embed's `data-lang`, else the
    /// first of the browser's preferred languages that Pressline speaks, else English.
    ///
    /// ```
    /// use pressline_core::i18n::Language;
    /// let browser = ["de-DE".to_owned(), "fr-CH".to_owned()];
    /// assert_eq!(Language::choose(Some("ar"), Some("uk"), &browser), Language::Ar);
    /// assert_eq!(Language::choose(Some("xx"), Some("uk"), &browser), Language::Uk);
    /// assert_eq!(Language::choose(None, None, &browser), Language::Fr);
    /// assert_eq!(Language::choose(None, None, &[]), Language::En);
    /// ```
    pub fn choose(url: Option<&str>, embed: Option<&str>, browser: &[String]) -> Language {
        url.and_then(Language::from_tag)
            .or_else(|| embed.and_then(Language::from_tag))
            .or_else(|| browser.iter().find_map(|tag| Language::from_tag(tag)))
            .unwrap_or_default()
    }

    /// The plural category of a whole number, by CLDR's rules for this language.
    ///
    /// ```
    /// use pressline_core::i18n::{Language, PluralCategory::*};
    /// assert_eq!(Language::Uk.plural(21), One);
    /// assert_eq!(Language::Uk.plural(23), Few);
    /// assert_eq!(Language::Uk.plural(11), Many);
    /// assert_eq!(Language::Ar.plural(102), Other);
    /// ```
    pub fn plural(self, n: u64) -> PluralCategory {
        use PluralCategory::*;
        let (n10, n100) = (n % 10, n % 100);
        match self {
            Language::En => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            Language::Es | Language::Fr => {
                let one = if self == Language::Fr { n <= 1 } else { n == 1 };
                if one {
                    One
                } else if n != 0 && n.is_multiple_of(1_000_000) {
                    Many
                } else {
                    Other
                }
            }
            Language::Uk | Language::Ru => {
                if n10 == 1 && n100 != 11 {
                    One
                } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                    Few
                } else {
                    Many
                }
            }
            Language::Ar => match n {
                0 => Zero,
                1 => One,
                2 => Two,
                _ if (3..=10).contains(&n100) => Few,
                _ if (11..=99).contains(&n100) => Many,
                _ => Other,
            },
        }
    }

    /// The plural categories this language uses for whole numbers.
    pub fn plural_categories(self) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match self {
            Language::En => &[One, Other],
            Language::Es | Language::Fr => &[One, Many, Other],
            Language::Uk | Language::Ru => &[One, Few, Many],
            Language::Ar => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// This language's message catalogue.
    /// In the browser, a language whose catalogue is not [`install`]ed yet reads in English.
    pub fn messages(self) -> &'static Messages {
        if let Some(installed) = INSTALLED[self as usize].get() {
            return installed;
        }
        self.compiled().unwrap_or(&en::MESSAGES)
    }

    /// The catalogue compiled into this build: every language natively, English in the browser.
    pub fn compiled(self) -> Option<&'static Messages> {
        match self {
            Language::En => Some(&en::MESSAGES),
            #[cfg(feature = "all-languages")]
            Language::Uk => Some(&uk::MESSAGES),
            #[cfg(feature = "all-languages")]
            Language::Ru => Some(&ru::MESSAGES),
            #[cfg(feature = "all-languages")]
            Language::Es => Some(&es::MESSAGES),
            #[cfg(feature = "all-languages")]
            Language::Fr => Some(&fr::MESSAGES),
            #[cfg(feature = "all-languages")]
            Language::Ar => Some(&ar::MESSAGES),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// True when this language's own catalogue is available (compiled in or installed).
    pub fn is_available(self) -> bool {
        INSTALLED[self as usize].get().is_some() || self.compiled().is_some()
    }

    /// A counted phrase: the plural form for `n`, with `{count}` replaced by `formatted` (the
    /// number as the reader's language writes it) unless `args` sets it, and the other
    /// `{name}`s by `args`.
    ///
    /// ```
    /// use pressline_core::i18n::Language;
    /// let m = Language::En.messages();
    /// assert_eq!(Language::En.count(&m.releases, 1, "1", &[]), "1 release");
    /// assert_eq!(Language::Uk.count(&Language::Uk.messages().releases, 3, "3", &[]), "3 релізи");
    /// ```
    pub fn count(self, plural: &Plural, n: u64, formatted: &str, args: &[(&str, &str)]) -> String {
        // Explicit arguments come first, so one may override `{count}` (as "{count} of {total}"
        // does, whose form follows the total).
        let mut all = args.to_vec();
        all.push(("count", formatted));
        fill(plural.pick(self.plural(n)), &all)
    }
}

/// Catalogues read from JSON at run time, one slot per language.
static INSTALLED: [OnceLock<Messages>; 6] = [const { OnceLock::new() }; 6];

/// Installs a catalogue read at run time (see [`Messages::from_json`]); the first one installed
/// for a language stays.
pub fn install(language: Language, messages: Messages) {
    let _ = INSTALLED[language as usize].set(messages);
}

/// Replaces each `{name}` in `template` by its value in `args`; unknown names stay as written.
///
/// ```
/// use pressline_core::i18n::fill;
/// assert_eq!(fill("{a} of {b}, {c}", &[("a", "1"), ("b", "{a}")]), "1 of {a}, {c}");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(k, _)| *k == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a template at one `{name}`, for views that put an element (a `<code>`, a link)
/// there: `("No release has the id “", "”.")`.
pub fn split_at_placeholder<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    match template.find(&placeholder) {
        Some(at) => (&template[..at], &template[at + placeholder.len()..]),
        None => (template, ""),
    }
}

/// A whole number as `Intl.NumberFormat("en")` writes it (`12`, `1,234`): the prerendered
/// pages' numbers, which the browser's own formatting must match.
///
/// ```
/// use pressline_core::i18n::english_number;
/// assert_eq!(english_number(7), "7");
/// assert_eq!(english_number(1234567), "1,234,567");
/// ```
pub fn english_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A release kind in the reader's language when it is one of the common ones (press release,
/// report, statement, news, in any case or plural); any other kind, and every kind in English
/// (the datasets' own language so far), as the dataset writes it. Only the words shown change:
/// filters and addresses keep the dataset's value.
///
/// ```
/// use pressline_core::i18n::{kind_name, Language};
/// assert_eq!(kind_name("Press Release", Language::Uk), "Пресреліз");
/// assert_eq!(kind_name("press-releases", Language::Fr), "Communiqué de presse");
/// assert_eq!(kind_name("Press Release", Language::En), "Press Release");
/// assert_eq!(kind_name("Op-ed", Language::Uk), "Op-ed");
/// ```
pub fn kind_name(kind: &str, language: Language) -> &str {
    if language == Language::En {
        return kind;
    }
    let messages = language.messages();
    let folded: String = kind
        .trim()
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase();
    match folded.trim_end_matches('s') {
        "press release" | "news release" => messages.kind_press_release,
        "report" => messages.kind_report,
        "statement" | "public statement" => messages.kind_statement,
        "new" | "news item" => messages.kind_news,
        _ => kind,
    }
}

/// The alphabets search tells apart, to explain a search that cannot match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (English, Spanish, French…).
    Latin,
    /// Cyrillic (Ukrainian, Russian…).
    Cyrillic,
    /// Arabic.
    Arabic,
}

impl Script {
    /// The alphabet a language is written in, for the app's languages.
    pub fn of_language(language: Language) -> Self {
        match language {
            Language::En | Language::Es | Language::Fr => Self::Latin,
            Language::Uk | Language::Ru => Self::Cyrillic,
            Language::Ar => Self::Arabic,
        }
    }

    /// The alphabet of a text's letters, when they are all of one of these.
    ///
    /// ```
    /// use pressline_core::i18n::Script;
    /// assert_eq!(Script::of_text("київ 2022"), Some(Script::Cyrillic));
    /// assert_eq!(Script::of_text("Kyiv київ"), None);
    /// assert_eq!(Script::of_text("2022"), None);
    /// ```
    pub fn of_text(text: &str) -> Option<Self> {
        let mut found = None;
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            let script = match c {
                'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => Self::Latin,
                '\u{400}'..='\u{52f}' => Self::Cyrillic,
                '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' => Self::Arabic,
                _ => return None,
            };
            if found.is_some_and(|seen| seen != script) {
                return None;
            }
            found = Some(script);
        }
        found
    }
}

/// The language of releases written in `content` (a language tag) when a search in `query`
/// cannot match them because its letters are of another alphabet (a Cyrillic search in English
/// releases), so the empty state can say why.
///
/// ```
/// use pressline_core::i18n::{search_in_another_script, Language};
/// assert_eq!(search_in_another_script("київ", Some("en")), Some(Language::En));
/// assert_eq!(search_in_another_script("kyiv", Some("en")), None);
/// assert_eq!(search_in_another_script("київ", Some("uk")), None);
/// ```
pub fn search_in_another_script(query: &str, content: Option<&str>) -> Option<Language> {
    let content = Language::from_tag(content?)?;
    let script = Script::of_text(query)?;
    (script != Script::of_language(content)).then_some(content)
}

/// The language releases written in `content` (a language tag) are in, when the interface is in
/// another one (`ui`): a Ukrainian reader is told the releases themselves are in English.
///
/// ```
/// use pressline_core::i18n::{releases_in_another_language, Language};
/// assert_eq!(releases_in_another_language(Language::Uk, Some("en")), Some(Language::En));
/// assert_eq!(releases_in_another_language(Language::En, Some("en-GB")), None);
/// assert_eq!(releases_in_another_language(Language::Uk, None), None);
/// ```
pub fn releases_in_another_language(ui: Language, content: Option<&str>) -> Option<Language> {
    let content = Language::from_tag(content?)?;
    (content != ui).then_some(content)
}
