//! Lazily loaded code that draws nothing: each is fetched on its first call (see
//! [`crate::parts`]). The layers below take these as plain functions (`FetchCatalogue`,
//! `ReadOtherFormat`, `FileWriter`): what is lazy is the app's choice, not theirs.

use std::sync::Arc;

use futures::future::LocalBoxFuture;

use crate::context::i18n::FetchCatalogue;
use crate::loader::reading::{OtherFormat, ReadOtherFormat};
use crate::pages::timeline::FileWriter;
use crate::platform::fetch::fetch_text;
use crate::platform::lazy::{lazy_part, PartUnavailable};
use pressline_core::export::ExportFormat;
use pressline_core::formats::{read_encoded, read_other, SourceFormat};
use pressline_core::i18n::{install, Language, Messages};
use pressline_core::site::Site;
use pressline_core::{FormatError, LoadedDataset};

lazy_part! {
    /// Fetches a catalogue's JSON, reads it and installs it; false if it cannot be fetched or
    /// is not a catalogue. Loaded with the first catalogue: an English reader never needs it.
    fn catalogue_part(language: Language, url: String) -> LocalBoxFuture<'static, bool> {
        Box::pin(async move {
            let Ok(text) = fetch_text(url, 1_000_000, 10_000, None).await else {
                return false;
            };
            match Messages::from_json(&text, Language::En.messages()) {
                Ok(messages) => {
                    install(language, messages);
                    true
                }
                Err(_) => false,
            }
        })
    }
}

lazy_part! {
    /// Converts a feed, a spreadsheet, a JSON Feed, WordPress or TimelineJS file (see
    /// [`read_other`], [`read_encoded`]): most deploys never need this code.
    fn other_format_part(file: OtherFormat<'_>) -> Result<(SourceFormat, LoadedDataset), FormatError> {
        match file {
            OtherFormat::Text(text, pressline_error) => read_other(text, pressline_error),
            OtherFormat::Encoded(bytes) => read_encoded(bytes),
        }
    }
}

lazy_part! {
    preload preload_export;
    /// Writes the releases `ids` of `site` as a file (see [`ExportFormat::write`]): the
    /// serializers are needed only when a reader downloads.
    fn export_part(site: Arc<Site>, ids: Vec<u32>, format: ExportFormat) -> String {
        format.write(&site.dataset, &ids)
    }
}

/// [`catalogue_part`], as the i18n context takes it.
pub const FETCH_CATALOGUE: FetchCatalogue = |language, url| {
    Box::pin(async move {
        match catalogue_part(language, url).await {
            Ok(loading) => loading.await,
            Err(PartUnavailable) => false,
        }
    })
};

/// [`other_format_part`], as the dataset reader takes it.
pub const READ_OTHER_FORMAT: ReadOtherFormat = |file| Box::pin(other_format_part(file));

/// [`export_part`], as the download links take it.
pub const FILE_WRITER: FileWriter = FileWriter {
    write: |site, ids, format| Box::pin(export_part(site, ids, format)),
    preload: || {
        Box::pin(async {
            // A failure shows when the reader clicks (the click fetches it again).
            let _ = preload_export().await;
        })
    },
};
