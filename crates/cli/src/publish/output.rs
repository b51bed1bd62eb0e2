//! The output directory as `publish` writes it: every file through one place, which counts the
//! bytes written (from any thread) and reports failures with the file's path.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::PublishError;

/// Trunk's output directory, and how many bytes `publish` has written into it.
#[derive(Debug)]
pub(super) struct Output<'a> {
    dir: &'a Path,
    written: AtomicU64,
}

impl<'a> Output<'a> {
    /// Nothing written into `dir` yet.
    pub(super) fn new(dir: &'a Path) -> Self {
        Self {
            dir,
            written: AtomicU64::new(0),
        }
    }

    /// The directory itself.
    pub(super) fn dir(&self) -> &Path {
        self.dir
    }

    /// Where `relative` is in the directory.
    pub(super) fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// Bytes written so far.
    pub(super) fn bytes_written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// Writes `content` to `relative`, creating its directories.
    pub(super) fn write(&self, relative: &str, content: &[u8]) -> Result<(), PublishError> {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| io(parent, error))?;
        }
        fs::write(&path, content).map_err(|error| io(&path, error))?;
        self.count(content.len());
        Ok(())
    }

    /// Writes `content` to `relative` and its gzip copy beside it (see [`Self::precompress`]).
    pub(super) fn write_compressed(
        &self,
        relative: &str,
        content: &[u8],
    ) -> Result<(), PublishError> {
        self.write(relative, content)?;
        self.precompress(relative, content)
    }

    /// Writes `name.gz` beside `name`, and removes a stale `name.br` (the build's hook wrote one
    /// for the old `robots.txt`; a host would serve it instead of the new file).
    pub(super) fn precompress(&self, name: &str, content: &[u8]) -> Result<(), PublishError> {
        let brotli = self.path(&format!("{name}.br"));
        if brotli.exists() {
            fs::remove_file(&brotli).map_err(|error| io(&brotli, error))?;
        }
        let path = self.path(&format!("{name}.gz"));
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(content)
            .and_then(|()| encoder.finish())
            .and_then(|gz| {
                self.count(gz.len());
                fs::write(&path, gz)
            })
            .map_err(|error| io(&path, error))
    }

    /// Removes the directory `relative` and everything in it, if it is there.
    pub(super) fn remove_dir(&self, relative: &str) -> Result<(), PublishError> {
        let path = self.path(relative);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|error| io(&path, error))?;
        }
        Ok(())
    }

    fn count(&self, bytes: usize) {
        self.written.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// A failure to read or write `path`.
pub(super) fn io(path: &Path, error: std::io::Error) -> PublishError {
    PublishError::Io {
        path: path.to_owned(),
        error,
    }
}
