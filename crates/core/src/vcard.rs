//! A press contact as a vCard 4.0 ([RFC 6350](https://www.rfc-editor.org/rfc/rfc6350)), for the
//! press kit's "Add to contacts" download.
//!
//! ```
//! use pressline_core::vcard::vcard;
//! use pressline_core::{Contact, Organization};
//! let contact = Contact {
//!     name: "Marie Struthers".into(),
//!     role: Some("Director, Eastern Europe; Central Asia".into()),
//!     email: Some("press@example.org".into()),
//!     phone: Some("+44 (20) 7413-5500".into()),
//!     languages: vec!["en".into(), "ru".into()],
//! };
//! let organization = Organization { name: Some("Example Rights Watch".into()), ..Default::default() };
//! assert_eq!(
//!     vcard(&contact, Some(&organization)),
//!     "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Marie Struthers\r\nN:Struthers;Marie;;;\r\n\
//!      ORG:Example Rights Watch\r\nTITLE:Director\\, Eastern Europe\\; Central Asia\r\n\
//!      EMAIL:press@example.org\r\nTEL;VALUE=uri:tel:+442074135500\r\nLANG:en\r\nLANG:ru\r\n\
//!      END:VCARD\r\n"
//! );
//! ```

use crate::{Contact, Organization};

/// The media type of a vCard file.
pub const VCARD_MEDIA_TYPE: &str = "text/vcard";

/// The longest line a vCard has, in octets, not counting the line break (RFC 6350 §3.2).
pub const MAX_LINE_OCTETS: usize = 75;

/// `contact` as a vCard 4.0 (RFC 6350), lines ending in CRLF:
///
/// - `BEGIN:VCARD`, `VERSION:4.0`;
/// - `KIND:org` when the contact's name is the organization's (a press office rather than a
///   person; compared ignoring case);
/// - `FN` (the name), and for a person `N`, best effort: the last word of the name is the
///   family name, the words before it the given names (`N:Struthers;Marie;;;`);
/// - `ORG` (the organization's name), `TITLE` (the role), `EMAIL`;
/// - `TEL;VALUE=uri:tel:+…` for a number written with its country code (`+` first: its
///   digits), else `TEL;VALUE=text:` and the number as written (a tel URI of a local number
///   would need a context the data does not give);
/// - `LANG` for each language, in the data's order; `END:VCARD`.
///
/// Text is escaped as §3.4 says (`\\`, `\,`, `\;`, and `\n` for a line break, CRLF or CR or
/// LF); control characters other than tab, which no vCard value may hold, are left out. Lines
/// are folded at [`MAX_LINE_OCTETS`] octets (§3.2: CRLF and a space, which counts towards the
/// next line's length), never inside a UTF-8 character.
pub fn vcard(contact: &Contact, organization: Option<&Organization>) -> String {
    let mut card = String::with_capacity(256);
    let name = clean(&contact.name);
    let organization_name = organization
        .and_then(|organization| organization.name.as_deref())
        .map(clean)
        .filter(|name| !name.trim().is_empty());
    let is_office = organization_name.as_deref().is_some_and(|organization| {
        organization.trim().to_lowercase() == name.trim().to_lowercase()
    });
    line(&mut card, "BEGIN:VCARD");
    line(&mut card, "VERSION:4.0");
    if is_office {
        line(&mut card, "KIND:org");
    }
    line(&mut card, &format!("FN:{}", escape(&name)));
    if !is_office {
        let (given, family) = split_name(&name);
        line(
            &mut card,
            &format!("N:{};{};;;", escape(family), escape(&given)),
        );
    }
    if let Some(organization) = &organization_name {
        line(&mut card, &format!("ORG:{}", escape(organization)));
    }
    if let Some(role) = &contact.role {
        line(&mut card, &format!("TITLE:{}", escape(role)));
    }
    if let Some(email) = &contact.email {
        line(&mut card, &format!("EMAIL:{}", escape(email)));
    }
    if let Some(phone) = &contact.phone {
        let tel = match tel_uri(phone) {
            Some(uri) => format!("TEL;VALUE=uri:{uri}"),
            None => format!("TEL;VALUE=text:{}", escape(phone)),
        };
        line(&mut card, &tel);
    }
    for tag in &contact.languages {
        line(&mut card, &format!("LANG:{}", escape(tag)));
    }
    line(&mut card, "END:VCARD");
    card
}

/// A file name for `contact`'s vCard: its name's letters and digits, lower-cased, words joined
/// by `-`, then `.vcf` (`marie-struthers.vcf`); `contact.vcf` when none are left.
///
/// ```
/// use pressline_core::vcard::vcard_file_name;
/// use pressline_core::Contact;
/// let contact = |name: &str| Contact { name: name.into(), role: None, email: None, phone: None, languages: vec![] };
/// assert_eq!(vcard_file_name(&contact("Marie Struthers")), "marie-struthers.vcf");
/// assert_eq!(vcard_file_name(&contact("Олена Коваль")), "олена-коваль.vcf");
/// assert_eq!(vcard_file_name(&contact("../..")), "contact.vcf");
/// ```
pub fn vcard_file_name(contact: &Contact) -> String {
    let mut stem = String::new();
    for word in contact
        .name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.extend(word.chars().flat_map(char::to_lowercase));
    }
    if stem.is_empty() {
        stem.push_str("contact");
    }
    format!("{stem}.vcf")
}

/// The name as (given names, family name): the last word is the family name, words being
/// separated by any whitespace (given names are joined by one space).
fn split_name(name: &str) -> (String, &str) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((family, given)) => (given.join(" "), family),
        None => (String::new(), ""),
    }
}

/// A number written with its country code as a global `tel:` URI (RFC 3966): `+` and its
/// digits, the spaces and punctuation between them left out. `None` without a leading `+`.
fn tel_uri(phone: &str) -> Option<String> {
    let phone = phone.trim();
    if !phone.starts_with('+') {
        return None;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| format!("tel:+{digits}"))
}

/// Text as a vCard may hold it: each line break (CRLF, CR or LF) a LF, and the other control
/// characters but tab (which RFC 6350's values cannot hold) left out.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text as a vCard value (RFC 6350 §3.4): [`clean`], then backslash, comma and semicolon
/// escaped and each line break written `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (RFC 6350 §3.2): no physical line longer than
/// [`MAX_LINE_OCTETS`] octets, each continuation starting with a space, never splitting a
/// UTF-8 character.
fn line(card: &mut String, content: &str) {
    let mut octets = 0;
    for c in content.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            card.push_str("\r\n ");
            octets = 1;
        }
        card.push(c);
        octets += c.len_utf8();
    }
    card.push_str("\r\n");
}
