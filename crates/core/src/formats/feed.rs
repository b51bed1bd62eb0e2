//! RSS 2.0 and Atom 1.0 feeds into a Pressline dataset.
//!
//! Feeds are XML, parsed with [`roxmltree`] (a small, dependency-free, read-only XML tree that
//! checks well-formedness and bounds entity expansion). Bytes are first decoded to text by
//! [`decode`], which honours a byte order mark and the encoding the XML declaration names.
//!
//! | Pressline | RSS 2.0 (`rss/channel/item`) | Atom 1.0 (`feed/entry`) |
//! |---|---|---|
//! | `title`, `description` | the channel's `title`, `description` | the feed's `title`, `subtitle` |
//! | `organization.name` | the channel's `dc:publisher`, else the name in `managingEditor` (`mail (Name)`) | the feed's `author/name` |
//! | `organization.url` | the channel's `link` | the feed's `link` (`rel="alternate"` or no `rel`) |
//! | `id` | the item's `link` slugged (its last path segment), else `guid`, else `title` | the entry's link, else `id`, else `title` |
//! | `kind` | the first `category` that is a known kind ("Press Release", "Report"…), else "News" | the same, from `category/@label` (else `@term`) |
//! | `topics` | the other categories (but "Uncategorized") | the same |
//! | `date` | `pubDate` (RFC 822/2822) as RFC 3339, else `dc:date` | `published`, else `updated` (RFC 3339) |
//! | `title` | `title` as plain text (HTML removed), else the start of the summary (80 characters) | `title` (text, `html` or `xhtml`) |
//! | `summary` | `description` as text when there is `content:encoded`; else the start of it (300 characters) | `summary` as text when there is a `content`; else its start |
//! | `body` | `content:encoded`, else `description`, HTML made Markdown | `content`, else `summary` |
//! | `url` | `link`, else a `guid` that is an `http(s)` address | `link` with `rel="alternate"` or no `rel` |
//! | `image` | an `enclosure` with an `image/*` type, else `media:content` (an image) or `media:thumbnail`; `media:credit` as its credit, the title as its alt text | a `link rel="enclosure"` with an `image/*` type, else the same Media RSS elements |
//! | `people` | `dc:creator`, else the name in `author` (`mail (Name)`) | the entry's `author/name`, else the feed's |
//! | `lang` | the channel's `language` | `xml:lang` of the entry, else of the feed |
//!
//! HTML goes through the same scanner as the other adapters' (see [`super::html_text`]): no
//! markup survives, `<script>` and the like are dropped with their content. Every item becomes
//! one release record in the same order; an item lacking a title or a date, or with a date that
//! cannot be read, is kept as a record without that field (or with the date as written), so
//! validation reports it and skips it, never the others. An invalid channel `language` is
//! reported as a dataset problem and not applied.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use roxmltree::{Document, Node, ParsingOptions};
use serde_json::{Map, Value};

use super::html_text::{
    collapse_whitespace, html_to_markdown, html_to_text, plain_text_to_markdown,
};
use super::{
    dataset, excerpt, id_source, is_known_kind, put, put_people, slugify, Converted, Ids,
    DEFAULT_KIND, SUMMARY_LENGTH, TITLE_LENGTH,
};
use crate::validate::is_language_tag;
use crate::{FormatError, FormatErrorKind, Problem, ProblemKind};

/// The Atom 1.0 namespace.
pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
/// The Media RSS namespace (`media:content`, `media:thumbnail`, `media:credit`).
pub const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";
/// The RSS content module's namespace (`content:encoded`).
pub const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
/// The Dublin Core elements namespace (`dc:creator`, `dc:date`, `dc:publisher`).
pub const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

/// The most XML nodes a feed may have: bounds the memory a hostile file can take.
const NODES_LIMIT: u32 = 5_000_000;

/// The two kinds of XML feed Pressline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// RSS 2.0 (and the 0.9x versions of the same shape): an `<rss>` root with a `<channel>`.
    Rss,
    /// Atom 1.0: a `<feed>` root in the `http://www.w3.org/2005/Atom` namespace.
    Atom,
}

// ---------------------------------------------------------------------------------------------
// Detection

/// The kind of feed `text` is, judged by its root element only: `<rss>` is RSS, a `<feed>`
/// (possibly prefixed) whose start tag declares the Atom namespace is Atom. Skips a byte order
/// mark, the XML declaration, processing instructions, comments and a document type. Cheap: it
/// looks at the root's start tag and never parses the document; anything else (JSON, HTML,
/// RSS 1.0's `<rdf:RDF>`) is `None`.
///
/// ```
/// use pressline_core::formats::feed::{looks_like_feed, FeedKind};
/// assert_eq!(looks_like_feed("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Some(FeedKind::Rss));
/// assert_eq!(looks_like_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Some(FeedKind::Atom));
/// assert_eq!(looks_like_feed("{\"pressline\": 1}"), None);
/// ```
pub fn looks_like_feed(text: &str) -> Option<FeedKind> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A prolog is short: give up rather than scan a huge file of comments.
    for _ in 0..64 {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if let Some(after) = rest.strip_prefix("<!") {
            // A document type, perhaps with an internal subset in brackets.
            let end = match (after.find('['), after.find('>')) {
                (Some(open), Some(close)) if open < close => {
                    let subset_end = after.find("]")?;
                    subset_end + after[subset_end..].find('>')?
                }
                (_, Some(close)) => close,
                _ => return None,
            };
            rest = &after[end + 1..];
        } else {
            break;
        }
    }
    let tag = rest.strip_prefix('<')?;
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(tag.len());
    let name = &tag[..name_end];
    let local = name.rsplit(':').next().unwrap_or(name);
    let start_tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    match local {
        "rss" if !name.contains(':') => Some(FeedKind::Rss),
        "feed" if start_tag.contains(ATOM_NS) => Some(FeedKind::Atom),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// A feed's bytes as text, decoded as its byte order mark or XML declaration says:
///
/// - a UTF-8 BOM, or no BOM and no declared encoding: UTF-8;
/// - a UTF-16 LE or BE BOM (or, without one, the `<?` of the declaration in UTF-16): UTF-16,
///   whatever the declaration says;
/// - `encoding="ISO-8859-1"` (also `latin1`, `US-ASCII`…) or `"windows-1252"`: Windows-1252,
///   as browsers do (ISO-8859-1 but with printable characters at 0x80–0x9F, where feeds that
///   say ISO-8859-1 often have curly quotes);
/// - `encoding="UTF-8"` or `"UTF-16"` without a UTF-16 BOM: UTF-8.
///
/// The BOM is removed. Any other declared encoding is an error naming it; text that is not
/// valid in its encoding is an error with the line and column where it goes wrong.
///
/// ```
/// use pressline_core::formats::feed::decode;
/// let latin1 = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>Caf\xe9 \x92</rss>";
/// assert_eq!(decode(latin1).unwrap(), "<?xml version='1.0' encoding='ISO-8859-1'?><rss>Café \u{2019}</rss>");
/// assert!(decode(b"<?xml version='1.0' encoding='KOI8-R'?><rss/>").unwrap_err().message.contains("KOI8-R"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, FormatError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.starts_with(&[b'<', 0, b'?', 0]) {
        return utf16(bytes, u16::from_le_bytes);
    }
    if bytes.starts_with(&[0, b'<', 0, b'?']) {
        return utf16(bytes, u16::from_be_bytes);
    }
    let Some((label, column)) = declared_encoding(bytes) else {
        return utf8(bytes);
    };
    match label.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be" => utf8(bytes),
        "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "iso-ir-100" | "latin1" | "latin-1" | "l1"
        | "cp819" | "ibm819" | "us-ascii" | "ascii" | "windows-1252" | "cp1252" | "x-cp1252" => {
            Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
        }
        _ => Err(FormatError {
            kind: FormatErrorKind::NotThisFormat,
            message: format!(
                "the feed declares the encoding \"{label}\", which Pressline cannot read; \
                 save it as UTF-8, UTF-16, ISO-8859-1 or Windows-1252"
            ),
            line: 1,
            column,
        }),
    }
}

/// The `encoding` of an XML declaration at the very start of `bytes`, with its 1-based column.
fn declared_encoding(bytes: &[u8]) -> Option<(String, usize)> {
    let head = &bytes[..bytes.len().min(512)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = &head[..end];
    let at = declaration.windows(8).position(|w| w == b"encoding")?;
    let mut i = at + 8;
    while declaration
        .get(i)
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b'=')
    {
        i += 1;
    }
    let quote = *declaration.get(i).filter(|q| matches!(q, b'"' | b'\''))?;
    let value = &declaration[i + 1..];
    let value = &value[..value.iter().position(|&b| b == quote)?];
    Some((String::from_utf8_lossy(value).into_owned(), i + 2))
}

/// UTF-8 text, or an error where it stops being UTF-8.
fn utf8(bytes: &[u8]) -> Result<String, FormatError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            // The valid part gives the position of the first bad byte.
            let before = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            Err(encoding_error("UTF-8", before))
        }
    }
}

/// UTF-16 text in the byte order `unit` reads, or an error where it stops being UTF-16.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, FormatError> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => return Err(encoding_error("UTF-16", &text)),
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(encoding_error("UTF-16", &text));
    }
    Ok(text)
}

fn encoding_error(encoding: &str, before: &str) -> FormatError {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FormatError {
        kind: FormatErrorKind::NotXml,
        message: format!("the feed is not {encoding} text, as its XML declaration says"),
        line,
        column,
    }
}

/// One Windows-1252 byte as a character. The five bytes the code page leaves undefined (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as browsers do.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

// ---------------------------------------------------------------------------------------------
// Conversion

/// Converts an RSS 2.0 or Atom 1.0 feed (already decoded, see [`decode`]) into a Pressline
/// dataset, one release record per item or entry (see the module's table), for
/// [`crate::parse_dataset`] to validate.
///
/// Malformed XML is a [`FormatErrorKind::NotXml`] error with the parser's line and
/// column; so is well-formed XML whose root is neither `<rss>` with a `<channel>` nor an Atom
/// `<feed>`.
///
/// ```
/// use pressline_core::formats::feed::convert;
/// let rss = r#"<rss version="2.0"><channel><title>News</title>
///   <item><title>First &amp; foremost</title><link>https://example.org/news/first</link>
///   <pubDate>Fri, 31 May 2019 12:17:58 -0700</pubDate></item></channel></rss>"#;
/// let converted = convert(rss).unwrap();
/// let loaded = pressline_core::parse_dataset(&converted.dataset.to_string()).unwrap();
/// assert_eq!(loaded.dataset.releases[0].id, "first");
/// assert_eq!(loaded.dataset.releases[0].title, "First & foremost");
/// ```
pub fn convert(text: &str) -> Result<Converted, FormatError> {
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES_LIMIT,
    };
    let document = Document::parse_with_options(text, options).map_err(xml_error)?;
    let root = document.root_element();
    let name = root.tag_name();
    match (name.namespace(), name.name()) {
        (None, "rss") => {
            let channel = child(root, None, "channel").ok_or_else(|| {
                shape_error(root, "an RSS feed's <rss> must hold a <channel>".to_owned())
            })?;
            Ok(convert_rss(channel))
        }
        (Some(ATOM_NS), "feed") => Ok(convert_atom(root)),
        (namespace, local) => Err(shape_error(
            root,
            format!(
                "expected an RSS 2.0 <rss> or an Atom 1.0 <feed> root element, found <{local}>{}",
                namespace.map_or(String::new(), |ns| format!(" in namespace {ns}"))
            ),
        )),
    }
}

/// A parser error as a [`FormatError`] at its position.
fn xml_error(error: roxmltree::Error) -> FormatError {
    let position = error.pos();
    let full = error.to_string();
    let message = full
        .rfind(" at ")
        .filter(|&cut| {
            full[cut + 4..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':')
        })
        .map_or(full.as_str(), |cut| &full[..cut])
        .to_owned();
    FormatError {
        kind: FormatErrorKind::NotXml,
        message: format!("the feed is not well-formed: {message}"),
        line: usize::try_from(position.row).unwrap_or(1).max(1),
        column: usize::try_from(position.col).unwrap_or(1).max(1),
    }
}

fn shape_error(node: Node<'_, '_>, message: String) -> FormatError {
    let position = node.document().text_pos_at(node.range().start);
    FormatError {
        kind: FormatErrorKind::NotThisFormat,
        message,
        line: usize::try_from(position.row).unwrap_or(1).max(1),
        column: usize::try_from(position.col).unwrap_or(1).max(1),
    }
}

/// What one item or entry holds, read from either format.
#[derive(Default)]
struct Entry {
    title: Option<Markup>,
    date: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    summary: Option<Markup>,
    content: Option<Markup>,
    categories: Vec<String>,
    authors: Vec<String>,
    image: Option<(String, Option<String>)>,
    lang: Option<String>,
}

/// Text that is HTML, or plain text.
enum Markup {
    Html(String),
    Plain(String),
}

impl Markup {
    /// As plain text, whitespace collapsed.
    fn text(&self) -> String {
        match self {
            Self::Html(html) => html_to_text(html),
            Self::Plain(text) => collapse_whitespace(text),
        }
    }

    /// As safe Markdown.
    fn markdown(&self) -> String {
        match self {
            Self::Html(html) => html_to_markdown(html),
            Self::Plain(text) => plain_text_to_markdown(text),
        }
    }
}

fn convert_rss(channel: Node<'_, '_>) -> Converted {
    let mut problems = Vec::new();
    let language = child_text(channel, None, "language");
    let language = feed_language(language, &mut problems);

    let mut organization = Map::new();
    let publisher = child_text(channel, Some(DC_NS), "publisher")
        .map(|name| html_to_text(&name))
        .filter(|name| !name.is_empty())
        .or_else(|| child_text(channel, None, "managingEditor").and_then(|m| name_in_mail(&m)));
    put(&mut organization, "name", publisher.map(Value::from));
    put(
        &mut organization,
        "url",
        child_text(channel, None, "link").map(Value::from),
    );

    let mut ids = Ids::default();
    let releases = children(channel, None, "item")
        .map(|item| release(rss_entry(item), language.as_deref(), &mut ids))
        .collect();
    let title = child_text(channel, None, "title").map(|t| html_to_text(&t));
    let description = child_text(channel, None, "description").map(|d| html_to_text(&d));
    Converted {
        dataset: dataset(
            title.filter(|t| !t.is_empty()),
            description.filter(|d| !d.is_empty()),
            organization,
            releases,
        ),
        problems,
    }
}

fn rss_entry(item: Node<'_, '_>) -> Entry {
    let date = child_text(item, None, "pubDate")
        .map(|date| rfc822_to_rfc3339(&date).unwrap_or(date))
        .or_else(|| child_text(item, Some(DC_NS), "date"));
    let guid = child_text(item, None, "guid");
    let link = child_text(item, None, "link").or_else(|| {
        guid.clone()
            .filter(|g| g.starts_with("http://") || g.starts_with("https://"))
    });
    let mut authors: Vec<String> = children(item, Some(DC_NS), "creator")
        .map(|c| html_to_text(&text_of(c)))
        .filter(|name| !name.is_empty())
        .collect();
    if authors.is_empty() {
        authors = children(item, None, "author")
            .filter_map(|a| name_in_mail(&text_of(a)))
            .collect();
    }
    let enclosure = children(item, None, "enclosure")
        .find(|e| is_image_type(e.attribute("type")))
        .and_then(|e| non_blank(e.attribute("url")));
    let image = enclosure
        .map(|src| (src, media_credit(item)))
        .or_else(|| media_image(item));
    Entry {
        title: child(item, None, "title").map(|t| Markup::Html(html_of(t))),
        date,
        link,
        guid,
        summary: child(item, None, "description").map(|d| Markup::Html(html_of(d))),
        content: child(item, Some(CONTENT_NS), "encoded").map(|c| Markup::Html(html_of(c))),
        categories: children(item, None, "category")
            .map(|c| html_to_text(&text_of(c)))
            .collect(),
        authors,
        image,
        lang: None,
    }
}

fn convert_atom(feed: Node<'_, '_>) -> Converted {
    let mut problems = Vec::new();
    let language = feed_language(xml_lang(feed), &mut problems);
    let feed_authors = atom_authors(feed);

    let mut organization = Map::new();
    put(
        &mut organization,
        "name",
        feed_authors.first().cloned().map(Value::from),
    );
    put(&mut organization, "url", atom_link(feed).map(Value::from));

    let mut ids = Ids::default();
    let releases = children(feed, Some(ATOM_NS), "entry")
        .map(|entry| {
            let mut entry = atom_entry(entry);
            if entry.authors.is_empty() {
                entry.authors.clone_from(&feed_authors);
            }
            release(entry, language.as_deref(), &mut ids)
        })
        .collect();
    let title = child(feed, Some(ATOM_NS), "title").map(|t| atom_text(t).text());
    let subtitle = child(feed, Some(ATOM_NS), "subtitle").map(|t| atom_text(t).text());
    Converted {
        dataset: dataset(
            title.filter(|t| !t.is_empty()),
            subtitle.filter(|s| !s.is_empty()),
            organization,
            releases,
        ),
        problems,
    }
}

fn atom_entry(entry: Node<'_, '_>) -> Entry {
    let date = child_text(entry, Some(ATOM_NS), "published")
        .or_else(|| child_text(entry, Some(ATOM_NS), "updated"));
    let enclosure = children(entry, Some(ATOM_NS), "link")
        .find(|l| l.attribute("rel") == Some("enclosure") && is_image_type(l.attribute("type")))
        .and_then(|l| non_blank(l.attribute("href")));
    let image = enclosure
        .map(|src| (src, media_credit(entry)))
        .or_else(|| media_image(entry));
    let content = child(entry, Some(ATOM_NS), "content")
        .filter(|c| c.attribute("src").is_none())
        .map(atom_text);
    Entry {
        title: child(entry, Some(ATOM_NS), "title").map(atom_text),
        date,
        link: atom_link(entry),
        guid: child_text(entry, Some(ATOM_NS), "id"),
        summary: child(entry, Some(ATOM_NS), "summary").map(atom_text),
        content,
        categories: children(entry, Some(ATOM_NS), "category")
            .filter_map(|c| {
                non_blank(c.attribute("label")).or_else(|| non_blank(c.attribute("term")))
            })
            .map(|name| html_to_text(&name))
            .collect(),
        authors: atom_authors(entry),
        image,
        lang: xml_lang(entry),
    }
}

/// An Atom text construct: `type="html"` is escaped HTML, `type="xhtml"` is XHTML markup
/// (inside a `div`), anything else plain text.
fn atom_text(node: Node<'_, '_>) -> Markup {
    match node.attribute("type").map(str::trim) {
        Some("html") => Markup::Html(text_of(node)),
        Some("xhtml") => {
            let div = node
                .children()
                .find(|c| c.is_element() && c.tag_name().name() == "div");
            let mut html = String::new();
            for c in div.unwrap_or(node).children() {
                serialize(c, &mut html);
            }
            Markup::Html(html)
        }
        _ => Markup::Plain(text_of(node)),
    }
}

/// The entry's or feed's `link` with `rel="alternate"` or no `rel`.
fn atom_link(node: Node<'_, '_>) -> Option<String> {
    children(node, Some(ATOM_NS), "link")
        .filter(|l| matches!(l.attribute("rel").map(str::trim), None | Some("alternate")))
        .find_map(|l| non_blank(l.attribute("href")))
}

/// The names of the `author` elements directly in `node`.
fn atom_authors(node: Node<'_, '_>) -> Vec<String> {
    children(node, Some(ATOM_NS), "author")
        .filter_map(|a| child_text(a, Some(ATOM_NS), "name"))
        .map(|name| html_to_text(&name))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The `xml:lang` of an element, trimmed and non-empty.
fn xml_lang(node: Node<'_, '_>) -> Option<String> {
    non_blank(node.attribute(("http://www.w3.org/XML/1998/namespace", "lang")))
}

/// A feed-level language when it is a BCP 47 tag; an invalid one is reported and dropped.
fn feed_language(language: Option<String>, problems: &mut Vec<Problem>) -> Option<String> {
    let language = language?;
    if is_language_tag(&language) {
        Some(language)
    } else {
        problems.push(Problem {
            record: None,
            field: "language".to_owned(),
            kind: ProblemKind::InvalidLanguageTag { value: language },
        });
        None
    }
}

/// A Media RSS picture: the first `media:content` that is an image (`medium="image"` or an
/// `image/*` type), else the first `media:thumbnail`, looking inside `media:group` too; with
/// `media:credit` (of the element, else of the item) as its credit.
fn media_image(item: Node<'_, '_>) -> Option<(String, Option<String>)> {
    let media = item
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(MEDIA_NS) && n.tag_name().name() == "content")
        .find(|n| n.attribute("medium") == Some("image") || is_image_type(n.attribute("type")))
        .or_else(|| {
            item.descendants().find(|n| {
                n.tag_name().namespace() == Some(MEDIA_NS) && n.tag_name().name() == "thumbnail"
            })
        })?;
    let src = non_blank(media.attribute("url"))?;
    let credit = child_text(media, Some(MEDIA_NS), "credit")
        .map(|c| html_to_text(&c))
        .filter(|c| !c.is_empty())
        .or_else(|| media_credit(item));
    Some((src, credit))
}

/// The first `media:credit` anywhere in the item.
fn media_credit(item: Node<'_, '_>) -> Option<String> {
    item.descendants()
        .filter(|n| n.tag_name().namespace() == Some(MEDIA_NS) && n.tag_name().name() == "credit")
        .map(|n| html_to_text(&text_of(n)))
        .find(|c| !c.is_empty())
}

fn is_image_type(media_type: Option<&str>) -> bool {
    media_type.is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("image/"))
}

/// The name in an RSS address field written `mail@example.org (Name)`; a bare address is no
/// name (and is not published).
fn name_in_mail(field: &str) -> Option<String> {
    let open = field.find('(')?;
    let close = field.rfind(')')?;
    let name = html_to_text(field.get(open + 1..close)?);
    (!name.is_empty()).then_some(name)
}

/// An item or entry as a Pressline release record, for validation to check.
fn release(entry: Entry, feed_language: Option<&str>, ids: &mut Ids) -> Value {
    let mut record = Map::new();

    let given_title = entry
        .title
        .as_ref()
        .map(Markup::text)
        .filter(|t| !t.is_empty());
    let candidates = [
        entry.link.as_deref().map(|l| slugify(id_source(l))),
        entry.guid.as_deref().map(|g| slugify(id_source(g))),
        given_title.as_deref().map(slugify),
    ];
    record.insert(
        "id".to_owned(),
        Value::from(ids.allocate(candidates.into_iter().flatten(), "item")),
    );

    let mut kind = None;
    let mut topics: Vec<String> = Vec::new();
    for category in entry.categories {
        if category.is_empty() || category.eq_ignore_ascii_case("uncategorized") {
            continue;
        }
        if kind.is_none() && is_known_kind(&category) {
            kind = Some(category);
        } else if !topics.contains(&category) {
            topics.push(category);
        }
    }
    record.insert(
        "kind".to_owned(),
        Value::from(kind.unwrap_or_else(|| DEFAULT_KIND.to_owned())),
    );
    if !topics.is_empty() {
        record.insert("topics".to_owned(), Value::from(topics));
    }
    put(&mut record, "date", entry.date.map(Value::from));

    // The body is the full content, else the description; the summary is the description when
    // the body is something else, else the start of the body's text.
    let summary_text = entry
        .summary
        .as_ref()
        .map(Markup::text)
        .filter(|s| !s.is_empty());
    let content_text = entry
        .content
        .as_ref()
        .map(Markup::text)
        .filter(|c| !c.is_empty());
    let body = entry
        .content
        .as_ref()
        .filter(|_| content_text.is_some())
        .or(entry.summary.as_ref())
        .map(Markup::markdown)
        .filter(|b| !b.is_empty());
    let summary = match (&content_text, summary_text) {
        (Some(_), Some(summary)) => Some(summary),
        (Some(content), None) => Some(excerpt(content, SUMMARY_LENGTH)),
        (None, summary) => summary.map(|s| excerpt(&s, SUMMARY_LENGTH)),
    };
    let title = given_title.or_else(|| summary.as_deref().map(|s| excerpt(s, TITLE_LENGTH)));
    put(&mut record, "summary", summary.map(Value::from));
    put(&mut record, "body", body.map(Value::from));
    put(&mut record, "url", entry.link.map(Value::from));
    if let Some((src, credit)) = entry.image {
        let mut image = Map::new();
        image.insert("src".to_owned(), Value::from(src));
        put(&mut image, "alt", title.clone().map(Value::from));
        put(&mut image, "credit", credit.map(Value::from));
        record.insert("image".to_owned(), Value::Object(image));
    }
    put(&mut record, "title", title.map(Value::from));
    put_people(&mut record, entry.authors);
    put(
        &mut record,
        "lang",
        entry
            .lang
            .or_else(|| feed_language.map(str::to_owned))
            .map(Value::from),
    );
    Value::Object(record)
}

// ---------------------------------------------------------------------------------------------
// XML helpers

/// The element children of `node` with this namespace and local name.
fn children<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    namespace: Option<&'a str>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |c| {
        c.is_element() && c.tag_name().namespace() == namespace && c.tag_name().name() == name
    })
}

fn child<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    namespace: Option<&'a str>,
    name: &'a str,
) -> Option<Node<'a, 'input>> {
    children(node, namespace, name).next()
}

/// A child element's text, trimmed, when not empty.
fn child_text(node: Node<'_, '_>, namespace: Option<&str>, name: &str) -> Option<String> {
    child(node, namespace, name).and_then(|c| non_blank(Some(text_of(c).as_str())))
}

fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// All the text inside an element (CDATA sections included, entities decoded).
fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// An element's content as HTML: its text when it has no child elements (escaped or CDATA
/// HTML, as RSS carries it), else its children written out as markup.
fn html_of(node: Node<'_, '_>) -> String {
    if node.children().any(|c| c.is_element()) {
        let mut html = String::new();
        for c in node.children() {
            serialize(c, &mut html);
        }
        html
    } else {
        text_of(node)
    }
}

/// Writes a node out as HTML (local names only; text and attribute values escaped).
fn serialize(node: Node<'_, '_>, out: &mut String) {
    if node.is_text() {
        escape_into(node.text().unwrap_or(""), out);
    } else if node.is_element() {
        let name = node.tag_name().name();
        out.push('<');
        out.push_str(name);
        for attribute in node.attributes() {
            out.push(' ');
            out.push_str(attribute.name());
            out.push_str("=\"");
            escape_into(attribute.value(), out);
            out.push('"');
        }
        out.push('>');
        for c in node.children() {
            serialize(c, out);
        }
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// An RFC 822/2822 date-time (`Fri, 31 May 2019 12:17:58 -0700`) as RFC 3339
/// (`2019-05-31T12:17:58-07:00`); a date without a time as `YYYY-MM-DD`.
///
/// Lenient as feeds need: the weekday is optional and not checked, the day may have one digit,
/// the month may be spelled out, the seconds may be missing, a two-digit year is 19xx from 50 on
/// and 20xx below, and the zone may be an offset or `GMT`, `UT`, `UTC`, `Z` or a North American
/// name (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`). A missing zone is UTC. `None`
/// for anything else.
///
/// ```
/// use pressline_core::formats::feed::rfc822_to_rfc3339;
/// assert_eq!(rfc822_to_rfc3339("Fri, 31 May 2019 12:17:58 -0700").unwrap(), "2019-05-31T12:17:58-07:00");
/// assert_eq!(rfc822_to_rfc3339("1 Jun 2019 08:05 GMT").unwrap(), "2019-06-01T08:05:00+00:00");
/// assert_eq!(rfc822_to_rfc3339("next Tuesday"), None);
/// ```
pub fn rfc822_to_rfc3339(text: &str) -> Option<String> {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    if words
        .peek()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
    {
        words.next(); // the weekday
    }
    let day: u32 = number(words.next()?, 1, 2)?;
    let month = month(words.next()?)?;
    let year_text = words.next()?;
    let mut year: i32 = number(year_text, 2, 4)?;
    if year_text.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    } else if year_text.len() == 3 {
        year += 1900;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let Some(time) = words.next() else {
        return Some(date.format("%Y-%m-%d").to_string());
    };
    let mut parts = time.split(':');
    let hour = number(parts.next()?, 1, 2)?;
    let minute = number(parts.next()?, 2, 2)?;
    let second = parts.next().map_or(Some(0), |s| number(s, 2, 2))?;
    if parts.next().is_some() {
        return None;
    }
    let offset = match words.next() {
        None => 0,
        Some(zone) => zone_offset(zone)?,
    };
    if words.next().is_some() {
        return None;
    }
    let naive = date.and_hms_opt(hour, minute, second)?;
    let zone = FixedOffset::east_opt(offset)?;
    let moment = zone.from_local_datetime(&naive).single()?;
    Some(moment.to_rfc3339())
}

/// A number of `min`–`max` ASCII digits.
fn number<T: std::str::FromStr>(text: &str, min: usize, max: usize) -> Option<T> {
    (text.len() >= min && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let short = name.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == short)?;
    // A longer name must be the start of the right one ("June", "Sept").
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][index];
    full.starts_with(&name).then_some(index as u32 + 1)
}

/// A zone as seconds east of UTC.
fn zone_offset(zone: &str) -> Option<i32> {
    if let Some(digits) = zone.strip_prefix(['+', '-']) {
        let hhmm: i32 = number(digits, 4, 4)?;
        let (hours, minutes) = (hhmm / 100, hhmm % 100);
        if minutes >= 60 {
            return None;
        }
        let seconds = hours * 3600 + minutes * 60;
        return Some(if zone.starts_with('-') {
            -seconds
        } else {
            seconds
        });
    }
    let hours = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    };
    Some(hours * 3600)
}
