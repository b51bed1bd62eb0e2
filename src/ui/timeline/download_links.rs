use leptos::prelude::*;

use crate::ui::i18n::t;
use wasm_bindgen::JsCast;

use crate::core::export::{to_csv, to_json};
use crate::ui::SiteData;

/// Buttons that download the releases currently matched, as a dataset (JSON) or as CSV.
#[component]
pub fn DownloadLinks(
    /// The matching releases, in display order.
    #[prop(into)]
    matches: Signal<Vec<u32>>,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let data_for_csv = data.clone();
    let download_json = move |_| {
        if let Some(site) = data.site() {
            let text = to_json(&site.dataset, &matches.get_untracked());
            save_file("releases.json", "application/json", &text);
        }
    };
    let download_csv = move |_| {
        if let Some(site) = data_for_csv.site() {
            let text = to_csv(&site.dataset, &matches.get_untracked());
            save_file("releases.csv", "text/csv", &text);
        }
    };
    view! {
        <div class="downloads">
            <span class="downloads__label">{t().download}</span>
            <button type="button" class="downloads__button" data-download="json" on:click=download_json>
                "JSON"
            </button>
            <button type="button" class="downloads__button" data-download="csv" on:click=download_csv>
                "CSV"
            </button>
        </div>
    }
}

/// Offers `text` as a file download through a temporary `blob:` link.
fn save_file(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(link) = document
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Revoked later, not at once: some browsers start reading the blob after click() returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}
