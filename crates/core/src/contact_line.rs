//! The press contacts written on one line, as the footer of every page shows them: "Members of
//! the press: Olena Kovalenko, olena.k@example.org, +380 44 555 01 02 · Press office, …", each
//! address a link when it checks out as a `mailto:` or `tel:` one.
//!
//! ```
//! use pressline_core::contact_line::{contacts_line, Segment};
//! use pressline_core::parse_dataset;
//! let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [], "contacts": [
//!     { "name": "Olena Kovalenko", "email": "olena@example.org", "phone": "+380 44 555 01 02" },
//!     { "name": "ليلى حداد" } ] }"#).unwrap();
//! let line = contacts_line(&loaded.dataset.contacts);
//! assert_eq!(line.len(), 7);
//! assert_eq!(line[0], Segment::Name("Olena Kovalenko".to_owned()));
//! assert_eq!(line[1], Segment::Text(", ".to_owned()));
//! let Segment::Link { href, text } = &line[4] else { panic!() };
//! assert_eq!((href.as_str(), text.as_str()), ("tel:+380445550102", "+380 44 555 01 02"));
//! assert_eq!(line[5], Segment::Text(" · ".to_owned()));
//! assert_eq!(line[6], Segment::Name("ليلى حداد".to_owned()));
//! ```

use crate::{Contact, SafeUrl};

/// A piece of a line of contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A name, isolated from the text around it (`<bdi>`: a right-to-left name beside a
    /// left-to-right address keeps its order).
    Name(String),
    /// Plain text: the separators.
    Text(String),
    /// An address as a link: `href` is a checked `mailto:` or `tel:` link, `text` the address as
    /// written.
    Link {
        /// The link.
        href: SafeUrl,
        /// What it shows.
        text: String,
    },
}

/// `contacts` on one line: each name, then its e-mail address and telephone number as links
/// (an address that does not check out is left out), the contacts separated by " · ".
pub fn contacts_line(contacts: &[Contact]) -> Vec<Segment> {
    let mut line = Vec::new();
    for (n, contact) in contacts.iter().enumerate() {
        if n > 0 {
            line.push(Segment::Text(" · ".to_owned()));
        }
        line.push(Segment::Name(contact.name.clone()));
        let email = contact
            .email
            .as_deref()
            .and_then(|email| Some((SafeUrl::mailto(email)?, email)));
        let phone = contact
            .phone
            .as_deref()
            .and_then(|phone| Some((SafeUrl::tel(phone)?, phone)));
        for (href, text) in email.into_iter().chain(phone) {
            line.push(Segment::Text(", ".to_owned()));
            line.push(Segment::Link {
                href,
                text: text.trim().to_owned(),
            });
        }
    }
    line
}
