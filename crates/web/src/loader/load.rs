//! Loading a dataset source: text already here, a fetched file, or a sharded archive's manifest
//! and its newest shard.

use leptos::prelude::*;

use crate::context::site_data::SiteData;
use crate::loader::archive::Archive;
use crate::loader::reading::{
    index_site, mark_parse_start, parse_site, read_with, OtherFormat, ReadOtherFormat,
};
use crate::loader::source::SiteSource;
use crate::platform::fetch::{fetch_body, fetch_text};
use pressline_core::archive::ShardStatus;
use pressline_core::formats::SourceFormat;
use pressline_core::shards::{is_manifest, parse_manifest};
use pressline_core::source::{LoadFailure, Progress};
use pressline_core::stream::{DatasetStream, StreamError, StreamOutcome};

/// A dataset read, with its archive when it came from a manifest.
#[derive(Clone)]
pub struct ReadSite {
    /// The site.
    pub data: SiteData,
    /// The sharded archive behind it, when it came from a manifest.
    pub archive: Option<Archive>,
}

/// Reads a dataset: text already here, or one fetched (size-checked, decoded and parsed within a
/// time limit), or for a manifest its newest shard, with the archive's views, so the app can
/// show what is loaded and fetch older shards when the reader needs them.
pub async fn load_source(
    source: SiteSource,
    progress: RwSignal<Progress>,
    read_other: ReadOtherFormat,
) -> Result<ReadSite, LoadFailure> {
    let (url, max_bytes, timeout_ms) = match source {
        // (`DatasetReader` shows it at once; here for completeness.)
        SiteSource::Refused(failure) => return Err(failure),
        SiteSource::Url {
            url,
            max_bytes,
            timeout_ms,
        } => (url, max_bytes, timeout_ms),
        SiteSource::Text { name, text } => {
            let data = parse_site(&name, text, progress, read_other).await?;
            return Ok(ReadSite {
                data,
                archive: None,
            });
        }
    };
    let text = match stream_dataset(&url, max_bytes, timeout_ms, progress).await? {
        Streamed::Site(data) => {
            return Ok(ReadSite {
                data,
                archive: None,
            })
        }
        Streamed::Whole(text) => text,
        Streamed::Encoded(bytes) => {
            let (format, loaded) =
                read_with(&url, OtherFormat::Encoded(&bytes), read_other).await?;
            return Ok(ReadSite {
                data: index_site(format, loaded, progress).await,
                archive: None,
            });
        }
    };
    if !is_manifest(&text) {
        let data = parse_site(&url, &text, progress, read_other).await?;
        return Ok(ReadSite {
            data,
            archive: None,
        });
    }
    let manifest = parse_manifest(&text, &url).map_err(|error| LoadFailure::Format {
        url: url.clone(),
        error,
    })?;
    let Some(newest) = manifest.shards.first().cloned() else {
        return Err(LoadFailure::Format {
            url: url.clone(),
            error: pressline_core::FormatError {
                kind: pressline_core::FormatErrorKind::NotThisFormat,
                message: "the archive manifest lists no shards".to_owned(),
                line: 1,
                column: 1,
            },
        });
    };
    let shard_text = fetch_text(newest.url.clone(), max_bytes, timeout_ms, Some(progress)).await?;
    let data = parse_site(&newest.url, &shard_text, progress, read_other).await?;
    let archive = Archive::new(manifest, max_bytes, timeout_ms, read_other);
    archive.mark(0, ShardStatus::Loaded);
    Ok(ReadSite {
        data,
        archive: Some(archive),
    })
}

/// What streaming a fetched file gave.
enum Streamed {
    /// A Pressline dataset, read as it arrived and indexed.
    Site(SiteData),
    /// Anything else (an archive's manifest, another format, a dataset whose top level must be
    /// read whole), as text for the whole-text readers.
    Whole(String),
    /// Markup that is not UTF-8 (a feed in another encoding), as its bytes.
    Encoded(Vec<u8>),
}

/// Fetches `url`, reading a Pressline dataset's records as they arrive and dropping their text
/// (see [`DatasetStream`]): wasm memory, which never shrinks, holds the releases and the index,
/// not the file's text beside them.
async fn stream_dataset(
    url: &str,
    max_bytes: u64,
    timeout_ms: u32,
    progress: RwSignal<Progress>,
) -> Result<Streamed, LoadFailure> {
    let failure = |error| match error {
        StreamError::NotText { offset } => LoadFailure::NotText {
            url: url.to_owned(),
            offset,
        },
        StreamError::Format(error) => LoadFailure::Format {
            url: url.to_owned(),
            error,
        },
    };
    mark_parse_start();
    let mut stream = DatasetStream::new();
    fetch_body(
        url.to_owned(),
        max_bytes,
        timeout_ms,
        Some(progress),
        &mut |chunk| stream.push(chunk).map_err(failure),
    )
    .await?;
    match stream.finish().map_err(failure)? {
        StreamOutcome::Pressline(loaded) => Ok(Streamed::Site(
            index_site(SourceFormat::Pressline, loaded, progress).await,
        )),
        StreamOutcome::Whole(text) => Ok(Streamed::Whole(text)),
        StreamOutcome::Encoded(bytes) => Ok(Streamed::Encoded(bytes)),
    }
}
