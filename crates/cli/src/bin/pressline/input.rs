//! Reading a dataset from a file, an `http(s)` URL or a content folder, within a size limit.

use std::io::Read;
use std::time::Duration;

use std::path::Path;

use pressline_core::content::{
    read_content, ContentFile, ContentOrigins, ContentRead, RELEASES_DIR, RELEASE_EXTENSION,
    SITE_FILE,
};
use pressline_core::formats::{feed, read_any, SourceFormat};
use pressline_core::{LoadedDataset, Problem, ProblemKind};

use crate::Failure;

/// The most bytes read from a file or URL (the app's fetch limit is lower by default).
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// The text at `source`, a path or an `http(s)://` URL.
pub fn read_text(source: &str) -> Result<String, Failure> {
    if is_url(source) {
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

/// A dataset read from a file, a URL or a content folder.
pub struct Input {
    /// The format it was in.
    pub format: SourceFormat,
    /// Its valid releases and its problems.
    pub loaded: LoadedDataset,
    /// The text of a file or URL; `None` for a content folder, which has no one text.
    pub text: Option<String>,
    /// For a content folder, the files its records came from, to name problems by.
    pub origins: Option<ContentOrigins>,
}

impl Input {
    /// `problem` as a person fixing the source wants it: by file, line and field for a content
    /// folder, by record and field otherwise.
    pub fn describe(&self, problem: &Problem) -> String {
        match &self.origins {
            Some(origins) => origins.describe(problem),
            None => problem.to_string(),
        }
    }

    /// The file and line of `problem`, as far as they are known (for a file or URL: the source
    /// itself, and the line only for JSON its parser could not read).
    pub fn origin(&self, source: &str, problem: &Problem) -> (String, Option<usize>) {
        match &self.origins {
            Some(origins) => origins.origin(problem).map_or_else(
                || (source.to_owned(), None),
                |origin| (origin.file.to_owned(), Some(origin.line)),
            ),
            None => match problem.kind {
                ProblemKind::InvalidJson { line, .. } => (source.to_owned(), Some(line)),
                _ => (source.to_owned(), None),
            },
        }
    }
}

/// The dataset at `source`, parsed and validated: a file or an `http(s)` URL in any format
/// Pressline reads, or a content folder (see [`read_folder`]).
pub fn read_dataset(source: &str) -> Result<Input, Failure> {
    if !is_url(source) && Path::new(source).is_dir() {
        return read_folder(source);
    }
    let text = read_text(source)?;
    let (format, loaded) =
        read_any(&text).map_err(|error| Failure::stop(format!("{source}: {error}")))?;
    Ok(Input {
        format,
        loaded,
        text: Some(text),
        origins: None,
    })
}

fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

/// How deep `releases/` is walked (sub-folders such as `releases/2022/` are read too).
const MAX_FOLDER_DEPTH: usize = 8;

/// A content folder: `DIR/site.yml` and every `.md` file under `DIR/releases/`, in path order,
/// read by the core ([`read_content`]). Files and folders whose names start with `.` are left
/// out (editors' and version control's), and so is every file not ending in `.md`.
pub fn read_folder(source: &str) -> Result<Input, Failure> {
    let dir = source.trim_end_matches(['/', '\\']);
    let dir = if dir.is_empty() { source } else { dir };
    let site_path = format!("{dir}/{SITE_FILE}");
    let releases_path = format!("{dir}/{RELEASES_DIR}");
    let has_site = Path::new(&site_path).is_file();
    let has_releases = Path::new(&releases_path).is_dir();
    if !has_site && !has_releases {
        return Err(Failure::stop(format!(
            "{source} is a folder without {SITE_FILE} or {RELEASES_DIR}/: give a dataset file, \
             or a content folder (see docs/dataset-format.md)"
        )));
    }
    let mut budget = MAX_BYTES;
    let site = if has_site {
        Some(read_content_file(&site_path, &mut budget)?)
    } else {
        None
    };
    let mut paths = Vec::new();
    if has_releases {
        walk(&releases_path, 0, &mut paths)?;
    }
    paths.sort();
    let releases = paths
        .iter()
        .map(|path| read_content_file(path, &mut budget))
        .collect::<Result<Vec<_>, _>>()?;
    let ContentRead { loaded, origins } = read_content(site.as_ref(), &releases);
    Ok(Input {
        format: SourceFormat::Content,
        loaded,
        text: None,
        origins: Some(origins),
    })
}

/// Adds the `.md` files under `dir` to `paths`.
fn walk(dir: &str, depth: usize, paths: &mut Vec<String>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| Failure::stop(format!("cannot read {dir}: {error}")))?;
    for entry in entries {
        let entry = entry.map_err(|error| Failure::stop(format!("cannot read {dir}: {error}")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{dir}/{name}");
        // Through symbolic links, as a person listing the folder sees it.
        let metadata = std::fs::metadata(&path)
            .map_err(|error| Failure::stop(format!("cannot read {path}: {error}")))?;
        if metadata.is_dir() && depth < MAX_FOLDER_DEPTH {
            walk(&path, depth + 1, paths)?;
        } else if metadata.is_file() && name.ends_with(RELEASE_EXTENSION) {
            paths.push(path);
        }
    }
    Ok(())
}

/// One file of a content folder, counted against the folder's byte `budget`.
fn read_content_file(path: &str, budget: &mut u64) -> Result<ContentFile, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|error| Failure::stop(format!("cannot read {path}: {error}")))?;
    *budget = budget
        .checked_sub(bytes.len() as u64)
        .ok_or_else(|| Failure::stop(format!("the content folder is over {MAX_BYTES} bytes")))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        Failure::stop(format!("{path} is not UTF-8 text: {}", error.utf8_error()))
    })?;
    Ok(ContentFile {
        path: path.to_owned(),
        text,
    })
}
