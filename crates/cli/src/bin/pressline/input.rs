//! Reading a dataset from a file or an `http(s)` URL, within a size limit.

use std::io::Read;
use std::time::Duration;

use pressline_core::formats::{feed, read_any, SourceFormat};
use pressline_core::LoadedDataset;

use crate::Failure;

/// The most bytes read from a file or URL (the app's fetch limit is lower by default).
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// The text at `source`, a path or an `http(s)://` URL.
pub fn read_text(source: &str) -> Result<String, Failure> {
    if source.starts_with("http://") || source.starts_with("https://") {
        return fetch(source);
    }
    let size = std::fs::metadata(source)
        .map_err(|error| Failure::stop(format!("cannot read {source}: {error}")))?
        .len();
    if size > MAX_BYTES {
        return Err(Failure::stop(format!(
            "{source} is {size} bytes; the limit is {MAX_BYTES}"
        )));
    }
    let bytes = std::fs::read(source)
        .map_err(|error| Failure::stop(format!("cannot read {source}: {error}")))?;
    text_of(bytes, source)
}

/// The text of `bytes`: UTF-8, or a feed in the encoding its XML prolog declares (ISO-8859-1,
/// Windows-1252, UTF-16…), as a browser would read it.
fn text_of(bytes: Vec<u8>, source: &str) -> Result<String, Failure> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let bytes = error.into_bytes();
            let xml = matches!(bytes.first(), Some(b'<' | 0xFE | 0xFF));
            if xml {
                return feed::decode(&bytes)
                    .map_err(|error| Failure::stop(format!("{source}: {error}")));
            }
            Err(Failure::stop(format!(
                "{source} is not UTF-8 text: {}",
                std::str::from_utf8(&bytes).expect_err("not UTF-8")
            )))
        }
    }
}

fn fetch(url: &str) -> Result<String, Failure> {
    let response = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build()
        .get(url)
        .call()
        .map_err(|error| match error {
            ureq::Error::Status(code, _) => Failure::stop(format!("{url} answered HTTP {code}")),
            other => Failure::stop(format!("cannot fetch {url}: {other}")),
        })?;
    let mut bytes = Vec::new();
    response
        .into_reader()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Failure::stop(format!("cannot read {url}: {error}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Failure::stop(format!("{url} is over {MAX_BYTES} bytes")));
    }
    text_of(bytes, url)
}

/// The text at `source`, parsed and validated: its format, its valid records and its problems.
pub fn read_dataset(source: &str) -> Result<(String, SourceFormat, LoadedDataset), Failure> {
    let text = read_text(source)?;
    let (format, loaded) =
        read_any(&text).map_err(|error| Failure::stop(format!("{source}: {error}")))?;
    Ok((text, format, loaded))
}
