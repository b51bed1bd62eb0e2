use std::sync::Arc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::context::i18n::t;

use crate::context::site_data::SiteData;
use crate::platform::document::offer_download;
use crate::platform::lazy::PartUnavailable;
use pressline_core::export::ExportFormat;
use pressline_core::site::Site;

/// Writes the releases `ids` of a site in a format (or says the code could not be fetched).
pub type WriteFile = fn(
    Arc<Site>,
    Vec<u32>,
    ExportFormat,
) -> LocalBoxFuture<'static, Result<String, PartUnavailable>>;

/// The code that writes a download, and what fetches it ahead of a click. The app passes its
/// lazily loaded one (`crate::parts::code::FILE_WRITER`): the serializers are needed only
/// when a reader downloads.
#[derive(Clone, Copy)]
pub struct FileWriter {
    /// Writes the releases `ids` of the site in the format.
    pub write: WriteFile,
    /// Fetches the writer without running it.
    pub preload: fn() -> LocalBoxFuture<'static, ()>,
}

/// Buttons that download the releases currently matched, as a dataset (JSON) or as CSV. The
/// code that writes the files is fetched when the reader points at or tabs to the buttons.
#[component]
pub fn DownloadLinks(
    /// The matching releases, in display order.
    #[prop(into)]
    matches: Signal<Vec<u32>>,
    /// Writes the files.
    writer: FileWriter,
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
            match (writer.write)(site, ids, format).await {
                Ok(text) => {
                    unavailable.set(false);
                    offer_download(format.file_name(), format.mime(), &text);
                }
                Err(PartUnavailable) => unavailable.set(true),
            }
        });
    };
    let json = download.clone();
    view! {
        <div class="downloads" on:pointerover=move |_| fetch_writer(writer) on:focusin=move |_| fetch_writer(writer)>
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
fn fetch_writer(writer: FileWriter) {
    if WRITER_ASKED.replace(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        (writer.preload)().await;
    });
}
