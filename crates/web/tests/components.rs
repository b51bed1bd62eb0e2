//! Component tests in a real headless browser (`wasm-bindgen-test`): the views render the
//! dataset's fields, keep invalid records out with a readable report, and never turn dataset
//! text into markup.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pressline_core::parse_dataset;
use pressline_web::app::App;
use pressline_web::context::on_page::OnPage;
use pressline_web::context::site_data::SiteData;
use pressline_web::pages::release::{ReleaseNotFound, ReleaseView};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const VALID: &str = include_str!("../../../tests/fixtures/valid.json");
const BROKEN: &str = include_str!("../../../tests/fixtures/broken-records.json");

/// A mounted view in its own container, removed again when dropped.
struct Mounted {
    container: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        let found = self.all(selector);
        assert_eq!(found.len(), 1, "expected exactly one {selector}");
        found.into_iter().next().unwrap()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }
}

/// Lets the browser run queued work (the router renders its matched route a tick after mounting).
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The bundled dataset, as the app reads it: the seed has no problems, so build.rs packed it.
fn bundled() -> SiteData {
    match SiteData::bundled() {
        pressline_web::context::site_data::Bundled::Ready(data) => data,
        pressline_web::context::site_data::Bundled::Text(_) => {
            panic!("build.rs did not pack the seed")
        }
    }
}

/// Mounts the whole app at `/` and waits until the route has rendered.
async fn mount_app(data: SiteData) -> Mounted {
    let rendered = "main .timeline, main [role=alert], main [data-not-found]";
    mount_app_at("/", data, rendered).await
}

/// Mounts the whole app at `address` and waits until something matches `rendered`.
async fn mount_app_at(address: &str, data: SiteData, rendered: &str) -> Mounted {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(address))
        .unwrap();
    let page = mount(move || view! { <OnPage><App data=data /></OnPage> });
    for _ in 0..200 {
        if !page.all(rendered).is_empty() {
            break;
        }
        next_tick().await;
    }
    page
}

fn mount<F, V>(view: F) -> Mounted
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    Mounted {
        container,
        _handle: Box::new(handle),
    }
}

/// Mounts one release-page component inside a router, with `data` as the site's dataset.
fn mount_in_site<F, V>(data: SiteData, view: F) -> Mounted
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView + 'static,
{
    mount(move || {
        provide_context(data);
        view! { <OnPage>{view()}</OnPage> }
    })
}

fn release_from(text: &str, id: &str) -> pressline_core::Release {
    parse_dataset(text)
        .unwrap()
        .dataset
        .release(id)
        .unwrap()
        .clone()
}

#[wasm_bindgen_test]
async fn timeline_shows_all_twelve_bundled_releases_newest_first() {
    let page = mount_app(bundled()).await;
    let articles = page.all("article[data-release-id]");
    assert_eq!(articles.len(), 12);
    let status = page.one(".result-count");
    assert_eq!(status.get_attribute("data-count").as_deref(), Some("12"));
    assert_eq!(status.text_content().unwrap(), "12 releases");
    let dates: Vec<String> = page
        .all("article[data-release-id] time")
        .iter()
        .map(|time| time.get_attribute("datetime").unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    let months: Vec<String> = page
        .all(".timeline-month__heading")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(
        months,
        [
            "November 2022",
            "October 2022",
            "September 2022",
            "August 2022",
            "July 2022",
            "June 2022"
        ]
    );
    assert_eq!(page.text(".timeline-year__heading"), "2022");
    assert_eq!(page.text("h1"), "Ukraine: news and press releases");
}

#[wasm_bindgen_test]
async fn a_card_shows_kind_date_link_summary_people_and_credit() {
    let page = mount_app(bundled()).await;
    let card =
        "article[data-release-id='russias-military-activities-at-nuclear-plant-risk-safety']";
    assert_eq!(page.text(&format!("{card} .kind-label")), "Press Release");
    let time = page.one(&format!("{card} time"));
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2022-09-06")
    );
    assert_eq!(time.text_content().unwrap(), "September 6, 2022");
    let link = page.one(&format!("{card} .release-card__title a"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/releases/russias-military-activities-at-nuclear-plant-risk-safety")
    );
    assert!(page
        .text(&format!("{card} .release-card__summary"))
        .starts_with("Responding to the International"));
    assert_eq!(
        page.text(&format!("{card} .person__name")),
        "Denis Krivosheev"
    );
    assert!(page
        .text(&format!("{card} .person__role"))
        .contains("Deputy Director for Research"));
    assert!(page
        .text(&format!("{card} .photo-credit"))
        .ends_with("BULENT KILIC/AFP via Getty Images"));
    // A release without people or credit renders neither.
    let bare = "article[data-release-id='deadly-mariupol-theatre-strike-a-clear-war-crime']";
    assert!(page
        .all(&format!("{bare} .people-quoted, {bare} .photo-credit"))
        .is_empty());
    assert_eq!(page.text(&format!("{bare} .kind-label")), "Report");
}

#[wasm_bindgen_test]
async fn people_are_quoted_beside_a_quotation_and_spokespeople_without_one() {
    let page = mount_app(SiteData::from_json(
        r#"{"pressline": 1, "title": "T", "releases": [
            {"id": "quote", "kind": "Statement", "date": "2022-11-02", "title": "Q",
             "summary": "She said: “Civilians must be protected at all times, everywhere.”",
             "people": [{"name": "Ana"}]},
            {"id": "cut", "kind": "Statement", "date": "2022-11-01", "title": "C",
             "summary": "Reacting to the news, Ana and Bo said:",
             "people": [{"name": "Ana"}, {"name": "Bo"}]},
            {"id": "one", "kind": "Statement", "date": "2022-10-31", "title": "O",
             "summary": "Reacting to the news, Ana said:", "people": [{"name": "Ana"}]}
        ]}"#,
    ))
    .await;
    let label = |id: &str| {
        page.text(&format!(
            "article[data-release-id='{id}'] .people-quoted__label"
        ))
    };
    assert_eq!(label("quote"), "Quoted: ");
    assert_eq!(label("cut"), "Spokespeople: ");
    assert_eq!(label("one"), "Spokesperson: ");
}

#[wasm_bindgen_test]
async fn broken_records_are_skipped_and_listed_while_valid_ones_show() {
    let page = mount_app(SiteData::from_json(BROKEN)).await;
    let ids: Vec<String> = page
        .all("article[data-release-id]")
        .iter()
        .map(|a| a.get_attribute("data-release-id").unwrap())
        .collect();
    // A bad link, language or person costs the field; the releases stay, in date order.
    assert_eq!(
        ids,
        ["good-one", "bad-link", "bad-lang", "bad-person", "good-two"]
    );
    assert_eq!(
        page.one(".result-count")
            .get_attribute("data-count")
            .as_deref(),
        Some("5")
    );
    // The report's code is a lazily loaded part: it follows the timeline.
    for _ in 0..400 {
        if !page.all(".skipped-records").is_empty() {
            break;
        }
        next_tick().await;
    }
    let report = page.one(".skipped-records");
    assert_eq!(
        report.get_attribute("data-skipped-count").as_deref(),
        Some("8")
    );
    assert!(page
        .text(".skipped-records summary")
        .starts_with("8 records skipped"));
    let items = page.all(".skipped-records li");
    assert_eq!(items.len(), 14);
    let bad_date = items[3].text_content().unwrap();
    assert!(
        bad_date.contains("releases[2] (id \"bad-date\")"),
        "{bad_date}"
    );
    assert!(bad_date.contains("date"), "{bad_date}");
    assert!(
        bad_date.contains("unparseable date \"November 10, 2022\""),
        "{bad_date}"
    );
    assert!(bad_date.ends_with("the release is left out"), "{bad_date}");
    let bad_link = items[9].text_content().unwrap();
    assert!(bad_link.contains("(id \"bad-link\")"), "{bad_link}");
    assert!(
        bad_link.ends_with("the field is left out; the release is shown"),
        "{bad_link}"
    );
    assert_eq!(
        items[9].get_attribute("data-outcome").as_deref(),
        Some("dropped")
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_file_shows_an_error_with_line_and_column_not_a_blank_page() {
    let page = mount_app(SiteData::from_json(
        "{\n  \"pressline\": 1,\n  \"releases\": [ }",
    ))
    .await;
    let alert = page.one("[role=alert]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("could not be loaded"), "{text}");
    assert!(text.contains("line 3, column"), "{text}");
    assert!(page.all("article").is_empty());
}

#[wasm_bindgen_test]
fn the_release_view_shows_every_field() {
    let release = release_from(VALID, "full-release");
    let page = mount_in_site(
        SiteData::from_json(VALID),
        move || view! { <ReleaseView release=release /> },
    );
    let article = page.one("article[data-release-id='full-release']");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en-US"));
    assert_eq!(page.text("h1"), "A release with every field");
    assert_eq!(page.text(".kind-label"), "Report");
    assert_eq!(
        page.one("time").get_attribute("datetime").as_deref(),
        Some("2022-06-29T09:30:00-04:00")
    );
    assert_eq!(page.all(".person").len(), 2);
    let image = page.one("img.release__image");
    assert_eq!(
        image.get_attribute("src").as_deref(),
        Some("https://example.org/photo.jpg")
    );
    assert_eq!(
        image.get_attribute("alt").as_deref(),
        Some("A theatre in ruins")
    );
    assert!(page.text("figcaption").contains("Photographer/Agency"));
    assert_eq!(
        page.text("figcaption .photo-credit__label").trim(),
        "Photo:"
    );
    assert_eq!(page.text(".release__summary"), "The standfirst.");
    assert_eq!(page.all(".release__body p").len(), 2);
    let tags: Vec<String> = page
        .all(".tag")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(
        tags,
        ["War crimes", "Accountability", "Mariupol", "Ukraine"]
    );
    let source = page.one(".release__source a");
    assert_eq!(
        source.get_attribute("href").as_deref(),
        Some("https://example.org/news/full-release")
    );
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "A release with every field — Example Rights Watch"
    );
}

#[wasm_bindgen_test]
fn a_credit_without_a_picture_still_shows() {
    let release = release_from(VALID, "minimal");
    let page = mount_in_site(
        SiteData::from_json(VALID),
        move || view! { <ReleaseView release=release /> },
    );
    assert!(page.all("img").is_empty());
    assert!(page.text("figcaption").contains("Credit without a picture"));
    // It says what it is: a credit for a picture that is not on the page.
    assert!(page
        .text("figcaption .photo-credit__label")
        .starts_with("Photo (not shown)"));
}

#[wasm_bindgen_test]
fn an_unknown_release_id_is_shown_back_as_text() {
    let page = mount_in_site(bundled(), || {
        view! { <ReleaseNotFound id="<b>nope</b>".to_owned() /> }
    });
    assert_eq!(
        page.one("[data-not-found]")
            .get_attribute("data-not-found")
            .as_deref(),
        Some("release")
    );
    assert_eq!(page.text("code"), "<b>nope</b>");
    assert!(page.all("b").is_empty(), "the id is text, not markup");
    assert_eq!(
        page.all("a[href='/']").len(),
        1,
        "a way back to the timeline"
    );
    // The press office can still be reached.
    assert_eq!(
        page.one(".not-found__contacts a")
            .get_attribute("href")
            .as_deref(),
        Some("mailto:press@aiusa.org")
    );
}

#[wasm_bindgen_test]
async fn dataset_text_never_becomes_markup() {
    let hostile = r#"{ "pressline": 1, "title": "<script>window.__pwned = 1</script>",
        "releases": [ { "id": "x", "kind": "<i>Report</i>", "date": "2022-01-01",
          "title": "<img src=x onerror=\"window.__pwned = 1\">",
          "summary": "<a href=\"javascript:alert(1)\">click</a>",
          "people": [ { "name": "<svg onload=alert(1)>", "role": "</p><script>alert(1)</script>" } ],
          "image": { "credit": "<iframe src=javascript:alert(1)>" } } ] }"#;
    let page = mount_app(SiteData::from_json(hostile)).await;
    assert_eq!(page.all("article[data-release-id]").len(), 1);
    assert!(page
        .all("main script, main img, main svg:not(.histogram__svg), main iframe, main i, article a[href^='javascript']")
        .is_empty());
    assert_eq!(
        page.text("article .release-card__title a"),
        "<img src=x onerror=\"window.__pwned = 1\">"
    );
    assert_eq!(page.text("h1"), "<script>window.__pwned = 1</script>");
}

/// A dataset of `count` releases, one a day, all mentioning "report".
fn many_releases(count: usize) -> String {
    let records: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{ "id": "r{i}", "kind": "Report", "date": "{}", "title": "Report number {i}" }}"#,
                chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64)
            )
        })
        .collect();
    format!(
        r#"{{ "pressline": 1, "releases": [{}] }}"#,
        records.join(",")
    )
}

#[wasm_bindgen_test]
async fn long_results_render_one_bounded_page_with_a_pager() {
    let page = mount_app(SiteData::from_json(&many_releases(250))).await;
    assert_eq!(
        page.one(".result-count")
            .get_attribute("data-count")
            .as_deref(),
        Some("250")
    );
    assert_eq!(
        page.all("article[data-release-id]").len(),
        100,
        "only one page is in the document"
    );
    assert_eq!(
        page.text(".pager__position"),
        "Releases 1–100 of 250 (page 1 of 3)"
    );
    let next = page.one(".pager a[rel=next]");
    assert_eq!(next.get_attribute("href").as_deref(), Some("/?page=2"));
    assert!(page.all(".pager a[rel=prev]").is_empty());
}

#[wasm_bindgen_test]
async fn a_failed_fetch_names_the_url_and_cause_and_offers_retry() {
    use pressline_web::app::root::Root;
    use pressline_web::loader::source::DatasetSource;
    let source = DatasetSource::Url {
        url: "/no-such-dataset.json".to_owned(),
        max_bytes: 1_000_000,
        timeout_ms: 10_000,
        from_query: false,
    };
    let page = mount(move || view! { <Root source=source /> });
    assert!(
        page.text("[role=status]").contains("/no-such-dataset.json"),
        "a loading view first"
    );
    for _ in 0..400 {
        if !page.all("[data-load-error]").is_empty() {
            break;
        }
        next_tick().await;
    }
    let message = page.text("[data-load-error] p");
    assert!(
        message.contains("/no-such-dataset.json answered HTTP 404"),
        "{message}"
    );
    assert_eq!(page.text("[data-load-error] button"), "Retry");
}

/// A lazily loaded part shows what stands in its place until it arrives, then its own view
/// (and what cannot be fetched is shown by `unavailable`, given Retry: see lazy.spec.js).
#[wasm_bindgen_test]
async fn a_lazy_part_shows_its_pending_view_until_it_arrives() {
    use pressline_web::pages::shared::LazyPart;
    let (arrive, arrival) = futures::channel::oneshot::channel::<()>();
    let arrival = futures::future::FutureExt::shared(arrival);
    let page = mount(move || {
        let arrival = arrival.clone();
        view! {
            <LazyPart
                load=move || {
                    let arrival = arrival.clone();
                    async move {
                        let _ = arrival.await;
                        Ok(view! { <p class="arrived">"the part"</p> }.into_any())
                    }
                }
                pending=Some(ViewFn::from(|| view! { <p class="waiting">"on the way"</p> }))
            />
        }
    });
    next_tick().await;
    assert_eq!(page.text(".waiting"), "on the way");
    assert!(page.all(".arrived").is_empty());
    arrive.send(()).unwrap();
    for _ in 0..100 {
        if !page.all(".arrived").is_empty() {
            break;
        }
        next_tick().await;
    }
    assert_eq!(page.text(".arrived"), "the part");
    assert!(page.all(".waiting").is_empty());
}

/// A `?src=` the deploy refuses is explained (with the reader's wording), with no Retry.
#[wasm_bindgen_test]
async fn a_refused_source_says_why_without_retry() {
    use pressline_core::source::LoadFailure;
    use pressline_web::app::root::Root;
    use pressline_web::loader::source::DatasetSource;
    let source = DatasetSource::Refused(LoadFailure::Refused {
        url: "https://elsewhere.example/x.json".to_owned(),
        reason: "its origin is not allowed".to_owned(),
    });
    let page = mount(move || view! { <Root source=source /> });
    for _ in 0..400 {
        if !page.all("[data-load-error]").is_empty() {
            break;
        }
        next_tick().await;
    }
    assert_eq!(
        page.one("[data-load-error]")
            .get_attribute("data-load-error")
            .as_deref(),
        Some("refused")
    );
    assert!(
        page.text("[data-load-error] p")
            .contains("https://elsewhere.example/x.json"),
        "{}",
        page.text("[data-load-error] p")
    );
    assert!(page.all("[data-load-error] button").is_empty());
    assert!(page.all("[data-loading]").is_empty());
}

/// A bundled dataset with problems is not packed at build time: it is read like a fetched one,
/// so what was skipped is reported and every valid record is shown.
#[wasm_bindgen_test]
async fn a_dataset_read_from_text_reports_what_it_skipped_and_keeps_the_rest() {
    use pressline_web::app::App;
    use pressline_web::loader::source::SiteSource;
    use pressline_web::pages::shared::DatasetReader;
    use pressline_web::parts::code::READ_OTHER_FORMAT;
    let source = SiteSource::Text {
        name: "data/releases.json".to_owned(),
        text: include_str!("../../../tests/fixtures/broken-records.json"),
    };
    let app = Callback::new(|read: pressline_web::loader::load::ReadSite| {
        view! { <App data=read.data /> }.into_any()
    });
    let page = mount(
        move || view! { <OnPage><DatasetReader source=source app=app read_other=READ_OTHER_FORMAT /></OnPage> },
    );
    // The timeline, then the report (a lazily loaded part of its own).
    for _ in 0..400 {
        if !page.all("[data-skipped-count]").is_empty() {
            break;
        }
        next_tick().await;
    }
    let ids: Vec<String> = page
        .all("article[data-release-id]")
        .iter()
        .filter_map(|article| article.get_attribute("data-release-id"))
        .collect();
    // A bad link, language or person costs the field; the releases stay, in date order.
    assert_eq!(
        ids,
        ["good-one", "bad-link", "bad-lang", "bad-person", "good-two"]
    );
    assert_eq!(
        page.one("[data-skipped-count]")
            .get_attribute("data-skipped-count")
            .as_deref(),
        Some("8")
    );
}

#[wasm_bindgen_test]
fn a_hostile_markdown_body_renders_as_safe_elements() {
    let text = r#"{ "pressline": 1, "releases": [ { "id": "x", "kind": "R", "date": "2022-01-01",
        "title": "T", "body": "Intro <script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned = 1\">.\n\n[click](javascript:window.__pwned=1) [ok](https://example.org) [mail](mailto:a@b.org)\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n\n## Sub\n\n- *one*\n- **two**" } ] }"#;
    let release = release_from(text, "x");
    let page = mount_in_site(
        SiteData::from_json(text),
        move || view! { <ReleaseView release=release /> },
    );
    assert!(page
        .all(".release__body script, .release__body img, .release__body iframe")
        .is_empty());
    let hrefs: Vec<String> = page
        .all(".release__body a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["https://example.org", "mailto:a@b.org"]);
    assert_eq!(
        page.text(".release__body h3"),
        "Sub",
        "a body `##` sits below the page title"
    );
    assert_eq!(
        page.all(".release__body li em, .release__body li strong")
            .len(),
        2
    );
    assert!(
        page.text(".release__body").contains("click"),
        "a refused link keeps its text"
    );
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
fn topics_and_places_link_back_to_the_filtered_timeline() {
    let release = release_from(VALID, "full-release");
    let page = mount_in_site(
        SiteData::from_json(VALID),
        move || view! { <ReleaseView release=release /> },
    );
    let hrefs: Vec<String> = page
        .all(".tag a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "/?topic=War%20crimes",
            "/?topic=Accountability",
            "/?place=Mariupol",
            "/?place=Ukraine"
        ]
    );
    assert!(page.text(".release__contact").contains("press@example.org"));
    assert_eq!(
        page.one(".share [data-share=copy]").text_content().unwrap(),
        "Copy link"
    );
}

/// Installs the translated catalogues the way the app does after fetching them (the browser
/// build compiles in only English).
fn install_catalogues() {
    use pressline_core::i18n::{install, Language, Messages};
    for (language, json) in [
        (Language::Uk, include_str!("../../../public/i18n/uk.json")),
        (Language::Ru, include_str!("../../../public/i18n/ru.json")),
        (Language::Es, include_str!("../../../public/i18n/es.json")),
        (Language::Fr, include_str!("../../../public/i18n/fr.json")),
        (Language::Ar, include_str!("../../../public/i18n/ar.json")),
    ] {
        install(
            language,
            Messages::from_json(json, Language::En.messages()).unwrap(),
        );
        assert!(language.is_available());
        assert_ne!(language.messages().retry, Language::En.messages().retry);
    }
}

/// Intl's spacing characters (no-break and narrow no-break spaces, direction marks) as plain
/// spaces, so expectations stay readable.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .replace(['\u{200e}', '\u{200f}'], "")
}

#[wasm_bindgen_test]
fn dates_and_numbers_are_written_in_each_language() {
    use chrono::NaiveDate;
    use pressline_core::i18n::Language::*;
    use pressline_web::context::i18n::I18n;
    let day = NaiveDate::from_ymd_opt(2022, 11, 10).unwrap();
    let expected = [
        (En, "November 10, 2022", "March 2022", "1,234,567"),
        (Uk, "10 листопада 2022 р.", "березень 2022 р.", "1 234 567"),
        (Ru, "10 ноября 2022 г.", "март 2022 г.", "1 234 567"),
        (Es, "10 de noviembre de 2022", "marzo de 2022", "1.234.567"),
        (Fr, "10 novembre 2022", "mars 2022", "1 234 567"),
        (Ar, "10 نوفمبر 2022", "مارس 2022", "1,234,567"),
    ];
    for (language, long, month, number) in expected {
        let i18n = I18n::fixed(language);
        assert_eq!(plain_spaces(&i18n.day(day)), long, "{language:?}");
        assert_eq!(
            plain_spaces(&i18n.month_year(2022, 3)),
            month,
            "{language:?}"
        );
        assert_eq!(
            plain_spaces(&i18n.number(1_234_567)),
            number,
            "{language:?}"
        );
    }
}

#[wasm_bindgen_test]
fn counts_take_each_languages_plural_form() {
    use pressline_core::i18n::{fill, Language, Language::*, Plural};
    use pressline_web::context::i18n::I18n;
    use pressline_web::pages::timeline::ResultCount;
    install_catalogues();
    // The form each number needs, by CLDR (written out here, not computed by the code under test).
    fn form(plural: &Plural, name: &str) -> &'static str {
        match name {
            "one" => plural.one,
            "two" => plural.two,
            "few" => plural.few,
            "many" => plural.many,
            _ => plural.other,
        }
    }
    let cases: [(Language, &[(usize, &str)]); 6] = [
        (En, &[(1, "one"), (2, "other"), (21, "other")]),
        (
            Uk,
            &[
                (1, "one"),
                (3, "few"),
                (5, "many"),
                (11, "many"),
                (21, "one"),
                (24, "few"),
            ],
        ),
        (
            Ru,
            &[
                (1, "one"),
                (2, "few"),
                (7, "many"),
                (12, "many"),
                (31, "one"),
            ],
        ),
        (Es, &[(1, "one"), (2, "other"), (1_000_000, "many")]),
        (Fr, &[(1, "one"), (2, "other"), (1_000_000, "many")]),
        (
            Ar,
            &[
                (1, "one"),
                (2, "two"),
                (3, "few"),
                (11, "many"),
                (100, "other"),
            ],
        ),
    ];
    for (language, numbers) in cases {
        for &(n, name) in numbers {
            let page = mount(move || {
                provide_context(I18n::fixed(language));
                view! { <ResultCount count=Signal::stored(n) total=Signal::stored(n) /> }
            });
            let messages = language.messages();
            let shown = plain_spaces(&page.text(".result-count"));
            let number = plain_spaces(&I18n::fixed(language).number(n as u64));
            let wanted = fill(form(&messages.releases, name), &[("count", &number)]);
            assert_eq!(shown, plain_spaces(&wanted), "{language:?} {n}");
        }
    }
    // Arabic says "no releases" for zero through the catalogue's own phrase.
    let page = mount(|| {
        provide_context(I18n::fixed(Ar));
        view! { <ResultCount count=Signal::stored(0) total=Signal::stored(0) /> }
    });
    assert_eq!(page.text(".result-count"), Ar.messages().no_releases);
}

#[wasm_bindgen_test]
async fn the_arabic_timeline_is_right_to_left_with_arabic_words_and_english_releases() {
    install_catalogues();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/?lang=ar"))
        .unwrap();
    let data = bundled();
    let page = mount(move || view! { <OnPage><App data=data /></OnPage> });
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    // Effects (the page's direction) run after the render.
    for _ in 0..200 {
        if !page.all("main .timeline").is_empty() && html.get_attribute("dir").is_some() {
            break;
        }
        next_tick().await;
    }
    assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ar"));
    let messages = pressline_core::i18n::Language::Ar.messages();
    assert_eq!(page.text(".filters__toggle"), messages.filters);
    assert_eq!(
        page.all(".timeline-month__heading")[0]
            .text_content()
            .unwrap(),
        "نوفمبر 2022"
    );
    // The releases are English: marked so, and laid out by their own direction.
    let card = &page.all("article.release-card")[0];
    assert_eq!(card.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(card.get_attribute("dir").as_deref(), Some("auto"));
    drop(page);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}

const PRESS_KIT: &str = include_str!("../../../tests/fixtures/press-kit.json");

/// The results and the filters (a lazily loaded part) of a timeline.
const FILTERED_TIMELINE: &str = "main .timeline fieldset[data-facet]";

#[wasm_bindgen_test]
async fn a_story_in_several_languages_shows_once_in_the_readers_language() {
    install_catalogues();
    let shown = |page: &Mounted| -> Vec<String> {
        page.all("article[data-release-id]")
            .iter()
            .map(|article| article.get_attribute("data-release-id").unwrap())
            .collect()
    };
    let page = mount_app_at("/", SiteData::from_json(PRESS_KIT), FILTERED_TIMELINE).await;
    assert_eq!(shown(&page), ["alone", "kyiv-briefing"]);
    // Its languages are a filter, each named in itself and counting every version.
    let facet = page.one("fieldset[data-facet=content_lang]");
    assert!(!facet.has_attribute("hidden"));
    let names: Vec<String> = page
        .all("fieldset[data-facet=content_lang] .facet__name bdi")
        .iter()
        .map(|name| {
            format!(
                "{}:{}",
                name.get_attribute("lang").unwrap(),
                name.text_content().unwrap()
            )
        })
        .collect();
    assert_eq!(
        names,
        ["en:English", "ar:العربية", "ru:Русский", "uk:Українська"]
    );
    drop(page);
    let page = mount_app_at(
        "/?lang=uk",
        SiteData::from_json(PRESS_KIT),
        FILTERED_TIMELINE,
    )
    .await;
    assert_eq!(shown(&page), ["alone", "kyiv-briefing-uk"]);
    drop(page);
    let page = mount_app_at(
        "/?content_lang=ru&content_lang=ar",
        SiteData::from_json(PRESS_KIT),
        FILTERED_TIMELINE,
    )
    .await;
    assert_eq!(shown(&page), ["kyiv-briefing-ru", "kyiv-briefing-ar"]);
    assert_eq!(page.all(".chip__value[lang=ru]").len(), 1);
    drop(page);
    // A dataset in one language has no language to choose.
    let page = mount_app_at("/", bundled(), FILTERED_TIMELINE).await;
    assert!(page
        .one("fieldset[data-facet=content_lang]")
        .has_attribute("hidden"));
    drop(page);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}

#[wasm_bindgen_test]
fn a_release_page_links_its_versions_and_shows_its_press_kit() {
    let release = release_from(PRESS_KIT, "kyiv-briefing");
    let page = mount_in_site(
        SiteData::from_json(PRESS_KIT),
        move || view! { <ReleaseView release=release /> },
    );
    // "Also in", each version named in its own language and marked with it.
    let versions: Vec<(String, String, String)> = page
        .all("[data-also-in] a")
        .iter()
        .map(|a| {
            (
                a.get_attribute("hreflang").unwrap(),
                a.get_attribute("lang").unwrap(),
                a.text_content().unwrap(),
            )
        })
        .collect();
    let expected = [("ar", "العربية"), ("ru", "Русский"), ("uk", "Українська")];
    assert_eq!(versions.len(), expected.len());
    for ((hreflang, lang, name), (tag, native)) in versions.iter().zip(expected) {
        assert_eq!(
            (hreflang.as_str(), lang.as_str(), name.as_str()),
            (tag, tag, native)
        );
    }
    assert!(page.all("[data-also-in] a")[2]
        .get_attribute("href")
        .unwrap()
        .ends_with("/releases/kyiv-briefing-uk"));
    // The lead picture: every copy in srcset, its layout in sizes, its box from width and height,
    // fetched at once.
    let lead = page.one(".release__figure img");
    assert_eq!(
        lead.get_attribute("srcset").as_deref(),
        Some("https://example.org/images/kyiv-480.jpg 480w, https://example.org/images/kyiv-960.jpg 960w, https://example.org/images/kyiv-1600.jpg 1600w")
    );
    assert_eq!(
        lead.get_attribute("sizes").as_deref(),
        Some(pressline_core::picture::RELEASE_PAGE_SIZES)
    );
    assert_eq!(lead.get_attribute("width").as_deref(), Some("1600"));
    assert_eq!(lead.get_attribute("height").as_deref(), Some("1067"));
    assert_eq!(lead.get_attribute("loading"), None);
    assert_eq!(
        page.text(".release__figure .release__caption"),
        "The briefing, 2 May 2024"
    );
    // The gallery: a picture fetched lazily with its download, and a credit alone.
    let gallery = page.all(".gallery > li");
    assert_eq!(gallery.len(), 2);
    let picture = page.one(".gallery img");
    assert_eq!(picture.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(picture.get_attribute("srcset"), None);
    assert_eq!(
        page.one(".gallery .release__download a")
            .get_attribute("href")
            .as_deref(),
        Some("/images/kyiv-map.png")
    );
    assert!(gallery[1]
        .text_content()
        .unwrap()
        .contains("Archive photo: Agency"));
    // The release's own contact, not the dataset's; a card whose number is absent has no tel link.
    assert_eq!(page.all(".release__contact .contact-card").len(), 1);
    assert_eq!(page.text(".contact-card__name"), "Ана Гарсія");
    assert_eq!(page.text(".contact-card__role"), "Спікерка");
    assert_eq!(
        page.one(".contact-card__email")
            .get_attribute("href")
            .as_deref(),
        Some("mailto:ana@example.org")
    );
    assert!(page.all(".contact-card__phone").is_empty());
    assert_eq!(
        page.text(".contact-card__languages"),
        "Languages: Українська, Español"
    );
    assert_eq!(page.all(".contact-card [data-vcard]").len(), 1);
    // The boilerplate, as Markdown.
    assert_eq!(
        page.text(".release__about h2"),
        "About Example Rights Watch"
    );
    assert_eq!(page.text(".release__about em"), "fictional");
}

#[wasm_bindgen_test]
fn a_release_without_contacts_of_its_own_shows_the_dataset_s() {
    let release = release_from(PRESS_KIT, "alone");
    let page = mount_in_site(
        SiteData::from_json(PRESS_KIT),
        move || view! { <ReleaseView release=release /> },
    );
    let names: Vec<String> = page
        .all(".release__contact .contact-card__name")
        .iter()
        .map(|n| n.text_content().unwrap())
        .collect();
    assert_eq!(names, ["Example Rights Watch", "Olena Kovalenko"]);
    assert_eq!(
        page.all(".contact-card__phone")[0]
            .get_attribute("href")
            .as_deref(),
        Some("tel:+12125550100")
    );
    // No other version: nothing about versions.
    assert!(page.all("[data-also-in]").is_empty());
}
