use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::t;
use wasm_bindgen::JsCast;

use crate::lazy_part::{lazy_part, PartUnavailable};
use crate::site_data::Site;
use crate::SiteData;
use pressline_core::export::ExportFormat;

/// Buttons that download the releases currently matched, as a dataset (JSON) or as CSV. The
/// code that writes the files is fetched when the reader points at or tabs to the buttons.
#[component]
pub fn DownloadLinks(
    /// The matching releases, in display order.
    #[prop(into)]
    matches: Signal<Vec<u32>>,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    // Set when the writer could not be fetched: said next to the buttons, which stay usable.
    let unavailable = RwSignal::new(false);
    let download = move |format: ExportFormat| {
        let Some(site) = data.site_untracked() else {
            return;
        };
        let ids = matches.get_untracked();
        leptos::task::spawn_local(async move {
            match export_part(site, ids, format).await {
                Ok(text) => {
                    unavailable.set(false);
                    save_file(format.file_name(), format.mime(), &text);
                }
                Err(PartUnavailable) => unavailable.set(true),
            }
        });
    };
    let json = download.clone();
    view! {
        <div class="downloads" on:pointerover=fetch_writer on:focusin=fetch_writer>
            <span class="downloads__label">{t().download}</span>
            <button type="button" class="downloads__button" data-download="json" on:click=move |_| json(ExportFormat::Json)>
                "JSON"
            </button>
            <button type="button" class="downloads__button" data-download="csv" on:click=move |_| download(ExportFormat::Csv)>
                "CSV"
            </button>
            {move || unavailable.get().then(|| view! {
                <p class="part-error" role="alert">{t().part_not_loaded}</p>
            })}
        </div>
    }
}

thread_local! {
    /// Whether the writer's code has been asked for (pointer and focus events repeat).
    static WRITER_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts fetching the code that writes the files, once, as the reader nears the buttons. (If
/// that fails, a click fetches it again.)
fn fetch_writer<Event>(_: Event) {
    if WRITER_ASKED.replace(true) {
        return;
    }
    leptos::task::spawn_local(async {
        let _ = preload_export().await;
    });
}

lazy_part! {
    preload preload_export;
    /// Writes the releases `ids` of `site` as a file (see [`ExportFormat::write`]): the
    /// serializers are needed only when a reader downloads.
    fn export_part(site: Arc<Site>, ids: Vec<u32>, format: ExportFormat) -> String {
        format.write(&site.dataset, &ids)
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
