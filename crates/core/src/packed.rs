//! A compact binary copy of a valid dataset, written at build time (`build.rs`) for the dataset
//! bundled into the app.
//!
//! The browser then reads the bundled dataset without a JSON parser or the validator: those are
//! only in the lazily loaded part that reads fetched datasets, and the first load is about 20 KB
//! (brotli) lighter. Only a dataset with no problems is packed, so nothing validation would
//! report is lost; any other is bundled as its JSON text and read like a fetched one.
//!
//! The format (version 1) is the magic bytes `PLD1`, then the dataset's fields in declaration
//! order: a number is LEB128, a string its byte length then UTF-8, an optional value a 0 or 1
//! byte then the value, a list its length then its items. A date is its ISO text, and every
//! address is checked again as it is read, so the packed bytes are never trusted more than text.
//!
//! ```
//! use pressline_core::{packed, parse_dataset};
//! let loaded = parse_dataset(r#"{"pressline": 1, "title": "News", "releases": [
//!     {"id": "a", "kind": "Statement", "date": "2024-05-01", "title": "A"}]}"#).unwrap();
//! let bytes = packed::pack(&loaded.dataset);
//! assert!(packed::is_packed(&bytes));
//! assert_eq!(packed::unpack(&bytes), Ok(loaded.dataset));
//! ```

use std::fmt;

use super::{parse_dataset, Dataset, Image, Organization, Person, Release, ReleaseDate, SafeUrl};

/// The first bytes of a packed dataset (and its format version).
const MAGIC: &[u8] = b"PLD1";

/// True when `bytes` are a packed dataset (not JSON text).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Why packed bytes could not be read: a build that wrote them wrongly, or other bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnpackError {
    /// How far reading got, in bytes.
    pub offset: usize,
    /// What was wrong there.
    pub reason: &'static str,
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the packed dataset is damaged at byte {}: {}",
            self.offset, self.reason
        )
    }
}

impl std::error::Error for UnpackError {}

/// What the app bundles for a dataset's JSON `text` (build.rs writes it): the packed dataset
/// when it has no problems, else the text itself, to be read at start-up like a fetched dataset
/// so that its problems are reported.
pub fn bundle(text: &str) -> Vec<u8> {
    match parse_dataset(text) {
        Ok(loaded) if loaded.problems.is_empty() => pack(&loaded.dataset),
        _ => text.as_bytes().to_vec(),
    }
}

/// Writes `dataset` in the packed format.
pub fn pack(dataset: &Dataset) -> Vec<u8> {
    let mut out = Writer(MAGIC.to_vec());
    out.number(dataset.pressline);
    out.text(&dataset.title);
    out.optional(dataset.description.as_ref(), |out, text| out.text(text));
    out.optional(dataset.organization.as_ref(), |out, organization| {
        out.optional(organization.name.as_ref(), |out, text| out.text(text));
        out.optional(organization.url.as_ref(), |out, url| out.text(url.as_str()));
        out.optional(organization.press_email.as_ref(), |out, text| {
            out.text(text)
        });
    });
    out.optional(dataset.lang.as_ref(), |out, text| out.text(text));
    out.list(&dataset.releases, |out, release| {
        out.text(&release.id);
        out.text(&release.kind);
        out.text(&release.date.to_iso());
        out.optional(release.embargo_until.as_ref(), |out, date| {
            out.text(&date.to_iso())
        });
        out.text(&release.title);
        out.optional(release.summary.as_ref(), |out, text| out.text(text));
        out.optional(release.body.as_ref(), |out, text| out.text(text));
        out.list(&release.people, |out, person| {
            out.text(&person.name);
            out.optional(person.role.as_ref(), |out, text| out.text(text));
        });
        out.optional(release.image.as_ref(), |out, image| {
            out.optional(image.src.as_ref(), |out, url| out.text(url.as_str()));
            out.optional(image.alt.as_ref(), |out, text| out.text(text));
            out.optional(image.credit.as_ref(), |out, text| out.text(text));
        });
        out.list(&release.topics, |out, text| out.text(text));
        out.list(&release.places, |out, text| out.text(text));
        out.optional(release.url.as_ref(), |out, url| out.text(url.as_str()));
        out.optional(release.lang.as_ref(), |out, text| out.text(text));
    });
    out.0
}

/// Reads a dataset written by [`pack`].
pub fn unpack(bytes: &[u8]) -> Result<Dataset, UnpackError> {
    if !is_packed(bytes) {
        return Err(UnpackError {
            offset: 0,
            reason: "not a packed dataset",
        });
    }
    let mut input = Reader {
        bytes,
        at: MAGIC.len(),
    };
    let dataset = Dataset {
        pressline: input.number()?,
        title: input.text()?,
        description: input.optional(Reader::text)?,
        organization: input.optional(|input| {
            Ok(Organization {
                name: input.optional(Reader::text)?,
                url: input.optional(|input| input.url(SafeUrl::parse_web))?,
                press_email: input.optional(Reader::text)?,
            })
        })?,
        lang: input.optional(Reader::text)?,
        releases: input.list(|input| {
            Ok(Release {
                id: input.text()?,
                kind: input.text()?,
                date: input.date()?,
                embargo_until: input.optional(Reader::date)?,
                title: input.text()?,
                summary: input.optional(Reader::text)?,
                body: input.optional(Reader::text)?,
                people: input.list(|input| {
                    Ok(Person {
                        name: input.text()?,
                        role: input.optional(Reader::text)?,
                    })
                })?,
                image: input.optional(|input| {
                    Ok(Image {
                        src: input.optional(|input| input.url(SafeUrl::parse_resource))?,
                        alt: input.optional(Reader::text)?,
                        credit: input.optional(Reader::text)?,
                    })
                })?,
                topics: input.list(Reader::text)?,
                places: input.list(Reader::text)?,
                url: input.optional(|input| input.url(SafeUrl::parse_web))?,
                lang: input.optional(Reader::text)?,
            })
        })?,
    };
    if input.at != bytes.len() {
        return input.fail("bytes left after the dataset");
    }
    Ok(dataset)
}

struct Writer(Vec<u8>);

impl Writer {
    fn number(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn optional<T>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T)) {
        match value {
            None => self.0.push(0),
            Some(value) => {
                self.0.push(1);
                write(self, value);
            }
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.number(items.len() as u64);
        for item in items {
            write(self, item);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail<T>(&self, reason: &'static str) -> Result<T, UnpackError> {
        Err(UnpackError {
            offset: self.at,
            reason,
        })
    }

    fn byte(&mut self) -> Result<u8, UnpackError> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return self.fail("the bytes end too soon");
        };
        self.at += 1;
        Ok(byte)
    }

    fn number(&mut self) -> Result<u64, UnpackError> {
        let mut n = 0_u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        self.fail("a number is too long")
    }

    /// A length or count, which can never be more than the bytes left (so a damaged one cannot
    /// ask for a huge allocation).
    fn length(&mut self) -> Result<usize, UnpackError> {
        let n = self.number()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.at => Ok(n),
            _ => self.fail("a length runs past the end"),
        }
    }

    fn text(&mut self) -> Result<String, UnpackError> {
        let length = self.length()?;
        let Ok(text) = std::str::from_utf8(&self.bytes[self.at..self.at + length]) else {
            return self.fail("a text is not UTF-8");
        };
        self.at += length;
        Ok(text.to_owned())
    }

    fn date(&mut self) -> Result<ReleaseDate, UnpackError> {
        let text = self.text()?;
        ReleaseDate::parse(&text).map_or_else(|| self.fail("a date does not parse"), Ok)
    }

    fn url(&mut self, parse: fn(&str) -> Option<SafeUrl>) -> Result<SafeUrl, UnpackError> {
        let text = self.text()?;
        parse(&text).map_or_else(|| self.fail("an address is not safe"), Ok)
    }

    fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, UnpackError>,
    ) -> Result<Option<T>, UnpackError> {
        match self.byte()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => {
                self.at -= 1;
                self.fail("an optional value's tag is not 0 or 1")
            }
        }
    }

    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, UnpackError>,
    ) -> Result<Vec<T>, UnpackError> {
        let count = self.length()?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(read(self)?);
        }
        Ok(items)
    }
}
