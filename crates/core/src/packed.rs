//! A compact binary copy of a valid dataset, written at build time (`build.rs`) for the dataset
//! bundled into the app.
//!
//! The browser then reads the bundled dataset without a JSON parser or the validator: those are
//! only in the lazily loaded part that reads fetched datasets, and the first load is about 20 KB
//! (brotli) lighter. Only a dataset with no problems is packed, so nothing validation would
//! report is lost; any other is bundled as its JSON text and read like a fetched one.
//!
//! The format (version 3) is the magic bytes `PLD3`, then the dataset's fields in declaration
//! order: a number is LEB128, a string its byte length then UTF-8, an optional value a 0 or 1
//! byte then the value, a list its length then its items. A date is its ISO text, and every
//! address is checked again as it is read, so the packed bytes are never trusted more than text.
//! Version 2 added the press kit (`boilerplate`, `contacts`), translations (`translation_key`)
//! and pictures' `caption`, `width`, `height`, `sizes` and the `images` gallery; version 3 a
//! picture's `original` (its download). Bytes of another version (`PLD1`, `PLD2`) are
//! recognized as packed and refused with a clear reason.
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

use super::{
    parse_dataset, Contact, Dataset, Image, ImageSize, Organization, Person, Release, ReleaseDate,
    SafeUrl,
};

/// The first bytes of every version of the packed format; a digit (the version) follows.
const FAMILY: &[u8] = b"PLD";

/// The first bytes of a packed dataset this build writes and reads (and its format version).
const MAGIC: &[u8] = b"PLD3";

/// True when `bytes` are a packed dataset (not JSON text), of any version of the format:
/// [`unpack`] refuses a version it does not read with a reason, rather than have it read as
/// text.
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.starts_with(FAMILY) && bytes.get(FAMILY.len()).is_some_and(u8::is_ascii_digit)
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
    out.optional(dataset.boilerplate.as_ref(), |out, text| out.text(text));
    out.list(&dataset.contacts, Writer::contact);
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
        out.optional(release.image.as_ref(), Writer::image);
        out.list(&release.images, Writer::image);
        out.list(&release.topics, |out, text| out.text(text));
        out.list(&release.places, |out, text| out.text(text));
        out.optional(release.url.as_ref(), |out, url| out.text(url.as_str()));
        out.optional(release.lang.as_ref(), |out, text| out.text(text));
        out.optional(release.translation_key.as_ref(), |out, text| out.text(text));
        out.list(&release.contacts, Writer::contact);
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
    if !bytes.starts_with(MAGIC) {
        return Err(UnpackError {
            offset: FAMILY.len(),
            reason: "packed in another version of the format than this build reads; build it \
                     again",
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
        boilerplate: input.optional(Reader::text)?,
        contacts: input.list(Reader::contact)?,
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
                image: input.optional(Reader::image)?,
                images: input.list(Reader::image)?,
                topics: input.list(Reader::text)?,
                places: input.list(Reader::text)?,
                url: input.optional(|input| input.url(SafeUrl::parse_web))?,
                lang: input.optional(Reader::text)?,
                translation_key: input.optional(Reader::text)?,
                contacts: input.list(Reader::contact)?,
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

    fn image(&mut self, image: &Image) {
        self.optional(image.src.as_ref(), |out, url| out.text(url.as_str()));
        self.optional(image.alt.as_ref(), |out, text| out.text(text));
        self.optional(image.credit.as_ref(), |out, text| out.text(text));
        self.optional(image.caption.as_ref(), |out, text| out.text(text));
        self.optional(image.width.as_ref(), |out, &n| out.number(n.into()));
        self.optional(image.height.as_ref(), |out, &n| out.number(n.into()));
        self.list(&image.sizes, |out, size| {
            out.text(size.src.as_str());
            out.number(size.width.into());
        });
        self.optional(image.original.as_ref(), |out, url| out.text(url.as_str()));
    }

    fn contact(&mut self, contact: &Contact) {
        self.text(&contact.name);
        self.optional(contact.role.as_ref(), |out, text| out.text(text));
        self.optional(contact.email.as_ref(), |out, text| out.text(text));
        self.optional(contact.phone.as_ref(), |out, text| out.text(text));
        self.list(&contact.languages, |out, text| out.text(text));
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

    /// A count of pixels, which validation keeps above 0 and within 32 bits.
    fn pixels(&mut self) -> Result<u32, UnpackError> {
        let n = self.number()?;
        match u32::try_from(n) {
            Ok(n) if n > 0 => Ok(n),
            _ => self.fail("a width or height is not a whole number above 0"),
        }
    }

    fn image(&mut self) -> Result<Image, UnpackError> {
        Ok(Image {
            src: self.optional(|input| input.url(SafeUrl::parse_resource))?,
            alt: self.optional(Reader::text)?,
            credit: self.optional(Reader::text)?,
            caption: self.optional(Reader::text)?,
            width: self.optional(Reader::pixels)?,
            height: self.optional(Reader::pixels)?,
            sizes: self.list(|input| {
                Ok(ImageSize {
                    src: input.url(SafeUrl::parse_resource)?,
                    width: input.pixels()?,
                })
            })?,
            original: self.optional(|input| input.url(SafeUrl::parse_resource))?,
        })
    }

    fn contact(&mut self) -> Result<Contact, UnpackError> {
        Ok(Contact {
            name: self.text()?,
            role: self.optional(Reader::text)?,
            email: self.optional(Reader::text)?,
            phone: self.optional(Reader::text)?,
            languages: self.list(Reader::text)?,
        })
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
