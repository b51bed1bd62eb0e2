//! The shape of a message catalogue. `{name}` marks a value filled in at run time; a catalogue
//! must keep every placeholder of the English text (the native tests check it).

use super::PluralCategory;

/// A phrase with a form per plural category; forms a language does not use are left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// Arabic 0.
    pub zero: &'static str,
    /// One.
    pub one: &'static str,
    /// Arabic 2.
    pub two: &'static str,
    /// Few.
    pub few: &'static str,
    /// Many.
    pub many: &'static str,
    /// Other (the fallback).
    pub other: &'static str,
}

impl Plural {
    /// A phrase with only `one` and `other` forms.
    pub const fn two_forms(one: &'static str, other: &'static str) -> Self {
        Self {
            zero: "",
            one,
            two: "",
            few: "",
            many: "",
            other,
        }
    }

    /// The form for a category, falling back to `other` (then `many`) when it is empty.
    pub fn pick(&self, category: PluralCategory) -> &'static str {
        let form = match category {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => self.other,
        };
        [form, self.other, self.many]
            .into_iter()
            .find(|form| !form.is_empty())
            .unwrap_or("")
    }
}

/// Declares [`Messages`] and the lists of its fields the completeness tests walk.
macro_rules! catalogue {
    (
        texts { $( $(#[$text_meta:meta])* $text:ident, )* }
        plurals { $( $(#[$plural_meta:meta])* $plural:ident, )* }
    ) => {
        /// Every UI string, in one language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Messages {
            $( $(#[$text_meta])* pub $text: &'static str, )*
            $( $(#[$plural_meta])* pub $plural: Plural, )*
        }

        impl Messages {
            /// Every plain string, by field name.
            pub fn texts(&self) -> Vec<(&'static str, &'static str)> {
                vec![ $( (stringify!($text), self.$text), )* ]
            }

            /// Every counted phrase, by field name.
            pub fn plurals(&self) -> Vec<(&'static str, Plural)> {
                vec![ $( (stringify!($plural), self.$plural), )* ]
            }

            /// Builds a catalogue field by field; a field `text`/`plural` cannot give comes
            /// from `fallback`.
            fn build(
                text: impl Fn(&str) -> Option<&'static str>,
                plural: impl Fn(&str) -> Option<Plural>,
                fallback: &Messages,
            ) -> Messages {
                Messages {
                    $( $text: text(stringify!($text)).unwrap_or(fallback.$text), )*
                    $( $plural: plural(stringify!($plural)).unwrap_or(fallback.$plural), )*
                }
            }
        }
    };
}

catalogue! {
    texts {
        /// "Skip to content".
        skip_to_content,
        /// The header's section name, "Newsroom".
        newsroom,
        /// "Published with Pressline".
        published_with,
        /// Footer: "Members of the press: " before the address.
        members_of_the_press,
        /// "Press contact: " before the address.
        press_contact,
        /// "Press contact ({name}): ".
        press_contact_of,
        /// The release page's other language versions: "Also in: " before their names.
        also_in,
        /// The heading of the contact cards: "Press contacts".
        press_contacts,
        /// A contact card's download of its vCard: "Save contact (vCard)".
        save_contact,
        /// A contact card: "Languages: " before the languages they answer in.
        contact_languages,
        /// The boilerplate's heading: "About {name}".
        about_organization,
        /// The boilerplate's heading when the organization has no name: "About the organization".
        about_the_organization,
        /// The gallery's heading: "Press photos".
        press_photos,
        /// A picture's download link: "Download full size".
        download_full_size,
        /// The language switcher's label, "Language".
        language,
        /// The filters' toggle, "Filters".
        filters,
        /// The chips of the view's filters: "Active filters".
        active_filters,
        /// Closes the filters drawer on a phone: "Show {releases}" ("Show 12 releases").
        show_releases,
        /// The search box's label.
        search_label,
        /// The search box's help.
        search_help,
        /// Shown when the search form was submitted without JavaScript (a published page with
        /// scripts off): "Search needs JavaScript, … the data itself is in".
        search_needs_script,
        /// The link to the bundled dataset after it: "the releases as JSON".
        data_as_json,
        /// Facet legend: kind.
        facet_kind,
        /// Facet legend: topic.
        facet_topic,
        /// Facet legend: place.
        facet_place,
        /// Facet legend: person quoted.
        facet_person,
        /// Facet legend: year.
        facet_year,
        /// Facet legend: the language a release is written in, "Release language".
        facet_language,
        /// "Show all {count}" values of a facet.
        show_all,
        /// "Show fewer".
        show_fewer,
        /// The date range's legend, "Date".
        date,
        /// "From" (first day).
        date_from,
        /// "To" (last day).
        date_to,
        /// An inverted range: `{from}` and `{to}` are dates.
        date_range_inverted,
        /// "Clear all filters".
        clear_all,
        /// The sort control's label.
        sort,
        /// "Newest first".
        newest_first,
        /// "Oldest first".
        oldest_first,
        /// "No releases".
        no_releases,
        /// The pager's accessible name, "Result pages".
        result_pages,
        /// "← Newer page".
        newer_page,
        /// "Older page →".
        older_page,
        /// "Releases {first}–{last} of {total} (page {page} of {pages})".
        pager_position,
        /// The empty state's heading.
        no_match,
        /// "Try loosening a filter:".
        try_loosening,
        /// "Remove the search “{query}”".
        remove_search,
        /// "Remove {facet}: {value}".
        remove_facet_value,
        /// "Remove the date range".
        remove_dates,
        /// "Download these releases:".
        download,
        /// "Part of this address was not understood and is ignored:".
        url_notices,
        /// `q` too long: "cut to its first {max} characters".
        notice_query_cut,
        /// A bad date: "“{value}” is not a date like 2022-11-10; ignored".
        notice_not_a_date,
        /// A bad sort: "“{value}” is not newest or oldest; ignored".
        notice_not_a_sort,
        /// A bad page: "“{value}” is not a page number; ignored".
        notice_not_a_page,
        /// Too many values: "only the first {max} values are used".
        notice_too_many_values,
        /// "Loading older releases ({years})… the results and counts below will update when they
        /// arrive."
        loading_older,
        /// "Showing {loaded} of {total} releases. Older ones ({years}) load when you search,
        /// filter, choose dates or ask for them at the end of the list."
        showing_loaded,
        /// "Retry".
        retry,
        /// A part of the page loaded on demand could not be fetched: "This part of the page
        /// could not be loaded. Check your connection and try again."
        part_not_loaded,
        /// "Embed this view" (button and dialog title).
        embed_this_view,
        /// The dialog's introduction.
        embed_intro,
        /// The script-tag snippet's label.
        embed_script_label,
        /// The iframe snippet's label.
        embed_iframe_label,
        /// "Copy script tag".
        copy_script,
        /// "Copy iframe".
        copy_iframe,
        /// "The script tag snippet is copied."
        script_copied,
        /// "The iframe snippet is copied."
        iframe_copied,
        /// Copying refused: "Copying was blocked: select the snippet and copy it yourself."
        snippet_copy_blocked,
        /// "Close".
        close,
        /// The release navigation's accessible name, "Timeline".
        timeline,
        /// "← Back to the filtered timeline".
        back_to_filtered,
        /// "← All releases".
        all_releases,
        /// The release neighbour with the later date: "Newer" (not "Previous", which on a
        /// newest-first timeline would be the newer one).
        newer,
        /// The release neighbour with the earlier date: "Older".
        older,
        /// "Topics".
        topics,
        /// "Places".
        places,
        /// "Quoted: " before the people.
        quoted,
        /// "Photo: " before a credit.
        photo,
        /// A credit line whose picture is not on the page: "Photo (not shown): ".
        photo_not_shown,
        /// The label before the one person a release names when its text holds no quotation: "Spokesperson: ".
        spokesperson,
        /// The same label before several people: "Spokespeople: ".
        spokespeople,
        /// After a tap on a bar (touch shows the period's count first): "Tap again to show them."
        histogram_tap_again,
        /// The search box's placeholder when the interface is in another language than the
        /// releases: "Releases in {language}".
        content_language,
        /// Shown only with JavaScript off, above the controls it hides: "Filters, sorting and search need JavaScript…"
        needs_script,
        /// Before the feed links in the footer: "Follow: ".
        follow,
        /// The Atom feed's link: "Atom feed".
        atom_feed,
        /// The JSON Feed's link: "JSON Feed".
        json_feed,
        /// The common release kinds, translated (see [`super::kind_name`]): "Press release".
        kind_press_release,
        /// "Report".
        kind_report,
        /// "Statement".
        kind_statement,
        /// "News".
        kind_news,
        /// Why a search in another alphabet found nothing: "These releases are written in
        /// {language}: words in another alphabet find nothing here."
        search_other_script,
        /// "Read the original release".
        read_original,
        /// "Related releases".
        related,
        /// "Copy link".
        copy_link,
        /// "Link copied".
        link_copied,
        /// "Copying was blocked; the link is {url}".
        link_copy_blocked,
        /// "Share…".
        share,
        /// "Release not found".
        release_not_found,
        /// "No release has the id “{id}”. It may have been renamed or removed."
        no_release_with_id,
        /// "Search the releases".
        search_the_releases,
        /// "Search" (button).
        search,
        /// "See all releases".
        see_all_releases,
        /// "Page not found".
        page_not_found,
        /// "There is nothing at this address."
        nothing_here,
        /// "Loading releases from {url}…".
        loading_from,
        /// " {received} of {total} received." (sizes such as "1.2 MB").
        received_of,
        /// " {received} received.".
        received,
        /// " Checking releases: {done} of {total}." (while a big dataset is validated).
        checking_releases,
        /// " Building the search index: {done} of {total}.".
        indexing_releases,
        /// "Not shown here: {count} more…" (under a long list of dataset problems).
        more_problems,
        /// "{size} MB".
        megabytes,
        /// "The releases could not be loaded".
        could_not_load,
        /// "Some dataset fields were ignored".
        fields_ignored,
        /// " — the data has problems; everything else is shown."
        data_has_problems,
        /// After a problem with a kept release's optional field: "the field is left out; the
        /// release is shown".
        field_dropped,
        /// After a problem that cost a release: "the release is left out".
        record_skipped,
        /// A refused `?src=`: "{url} was not loaded: {reason}".
        failure_refused,
        /// "Could not reach {url} (network failure: {detail}). Check the connection and try again."
        failure_network,
        /// A fetched file is not a Pressline dataset and the code that reads other formats
        /// (loaded on demand) could not be fetched: "{url} is not a Pressline dataset, and the
        /// part of the app that reads other formats could not be loaded. …"
        failure_reader_unavailable,
        /// The code that fetches datasets (loaded on demand) could not be fetched: "{url} could
        /// not be fetched: the part of the app that fetches datasets could not be loaded. …"
        failure_loader_unavailable,
        /// "{url} answered HTTP {status}{status_text}." (`status_text` starts with a space).
        failure_http,
        /// "{url} did not answer within {seconds} seconds."
        failure_timeout,
        /// "{url} is too large: {size} MB, over the limit of {limit} MB."
        failure_too_large,
        /// "{url} is not UTF-8 text (invalid byte at offset {offset})."
        failure_not_text,
        /// "{url} is {error}." (the parser's technical message, in English).
        failure_format,
        /// The histogram's title, "Releases over time".
        histogram_title,
        /// How to use the histogram with a pointer and the keyboard (what screen readers say).
        histogram_help,
        /// The visible hint beside a mouse: "Click a bar or drag across bars to choose dates."
        histogram_hint_pointer,
        /// The visible hint on a touch screen: "Tap a bar or drag across bars…".
        histogram_hint_touch,
        /// The visible hint while the chart has keyboard focus: "Arrows move, Shift+arrows…".
        histogram_hint_keys,
        /// Opens a clamped text in full: "More".
        show_more,
        /// Clamps it again: "Less".
        show_less,
        /// The histogram table's total column, "Total".
        histogram_total,
        /// "Show all dates" (clears the brushed range).
        histogram_reset,
        /// A week: "{from} – {to}".
        histogram_week,
    }
    plurals {
        /// "{count} releases" (all of them).
        releases,
        /// "{count} of {total} releases", by the total.
        releases_of_total,
        /// "Load older releases ({count} releases from {from} to {to})", by the count.
        load_older,
        /// "{count} records skipped", by the count.
        records_skipped,
        /// A histogram bar: "{period}: {count} releases", by the count.
        period_releases,
    }
}

/// A catalogue read from JSON whose strings are still owned by it: reading one has no lasting
/// cost, which is what lets it be checked (and fuzzed) any number of times.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueJson {
    fields: serde_json::Map<String, serde_json::Value>,
}

impl CatalogueJson {
    /// Reads `{"field": "text", "plural_field": {"one": …, "other": …}}`, as
    /// [`Messages::to_json`] writes it; anything but a JSON object is refused.
    pub fn parse(text: &str) -> Result<CatalogueJson, String> {
        match serde_json::from_str(text).map_err(|error| error.to_string())? {
            serde_json::Value::Object(fields) => Ok(CatalogueJson { fields }),
            _ => Err("a catalogue is a JSON object".to_owned()),
        }
    }

    /// The text of a plain field, when the catalogue has one that is a string.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.fields.get(name)?.as_str()
    }

    /// One plural form (`"one"`, `"other"`…) of a counted field, when the catalogue gives the
    /// field as an object; a form it leaves out is empty.
    pub fn plural_form(&self, name: &str, category: &str) -> Option<&str> {
        let forms = self.fields.get(name)?.as_object()?;
        Some(forms.get(category).and_then(|v| v.as_str()).unwrap_or(""))
    }

    /// The catalogue as [`Messages`]; missing fields fall back to `fallback`. Its strings are
    /// kept for the life of the program (leaked on purpose: a language's catalogue is
    /// installed once, and `Messages` holds `&'static str` so the built-in ones cost nothing).
    pub fn into_messages(self, fallback: &Messages) -> Messages {
        let keep = |text: &str| -> &'static str { Box::leak(text.to_owned().into_boxed_str()) };
        let text = |name: &str| self.text(name).map(keep);
        let plural = |name: &str| {
            let form = |category: &str| self.plural_form(name, category).map_or("", keep);
            self.plural_form(name, "other")?;
            Some(Plural {
                zero: form("zero"),
                one: form("one"),
                two: form("two"),
                few: form("few"),
                many: form("many"),
                other: form("other"),
            })
        };
        Messages::build(text, plural, fallback)
    }
}

impl Messages {
    /// Reads a catalogue from JSON and keeps it for the life of the program (see
    /// [`CatalogueJson`]); missing fields fall back to `fallback`.
    pub fn from_json(text: &str, fallback: &Messages) -> Result<Messages, String> {
        Ok(CatalogueJson::parse(text)?.into_messages(fallback))
    }

    /// Writes the catalogue as JSON, one field per line, plural forms that are used only.
    pub fn to_json(&self) -> String {
        let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
        let mut lines: Vec<String> = self
            .texts()
            .into_iter()
            .map(|(name, text)| format!("  {}: {}", quote(name), quote(text)))
            .collect();
        for (name, plural) in self.plurals() {
            let forms: Vec<String> = [
                ("zero", plural.zero),
                ("one", plural.one),
                ("two", plural.two),
                ("few", plural.few),
                ("many", plural.many),
                ("other", plural.other),
            ]
            .into_iter()
            .filter(|(_, form)| !form.is_empty())
            .map(|(category, form)| format!("{}: {}", quote(category), quote(form)))
            .collect();
            lines.push(format!("  {}: {{ {} }}", quote(name), forms.join(", ")));
        }
        format!("{{\n{}\n}}\n", lines.join(",\n"))
    }
}

impl Messages {
    /// The label before a release's press address: "Press contact ({name}): ", or the plain
    /// label when the dataset names no organization.
    pub fn press_contact_label(&self, organization: Option<&str>) -> String {
        match organization {
            Some(name) => super::fill(self.press_contact_of, &[("name", name)]),
            None => self.press_contact.to_owned(),
        }
    }

    /// The heading of the organization's boilerplate: "About {name}", or "About the
    /// organization" when the dataset names none.
    pub fn about_label(&self, organization: Option<&str>) -> String {
        match organization {
            Some(name) => super::fill(self.about_organization, &[("name", name)]),
            None => self.about_the_organization.to_owned(),
        }
    }
}
