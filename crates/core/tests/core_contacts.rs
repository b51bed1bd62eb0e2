//! Native tests of press contacts: their validation (the dataset's and a release's), the
//! boilerplate, and the vCard 4.0 writer, whose every card is read back by a strict RFC 6350
//! parser written here (unfolding, property, parameters, value, unescaping).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use pressline_core::vcard::{vcard, MAX_LINE_OCTETS};
use pressline_core::{parse_dataset, Contact, LoadedDataset, Organization, Problem, ProblemKind};

const PRESS_KIT: &str = include_str!("../../../tests/fixtures/press-kit.json");

fn load(text: &str) -> LoadedDataset {
    parse_dataset(text).expect("a readable dataset")
}

fn contact(name: &str) -> Contact {
    Contact {
        name: name.to_owned(),
        role: None,
        email: None,
        phone: None,
        languages: Vec::new(),
    }
}

fn organization(name: &str) -> Organization {
    Organization {
        name: Some(name.to_owned()),
        ..Organization::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Validation

#[test]
fn the_fixtures_contacts_and_boilerplate_are_read() {
    let loaded = load(PRESS_KIT);
    assert_eq!(loaded.problems, []);
    let dataset = &loaded.dataset;
    assert_eq!(
        dataset.boilerplate.as_deref(),
        Some(
            "Example Rights Watch is a *fictional* human-rights organization, used in \
             Pressline's tests.\n\nIt has no members, offices or telephones."
        )
    );
    assert_eq!(dataset.contacts.len(), 2);
    assert_eq!(
        dataset.contacts[1],
        Contact {
            name: "Olena Kovalenko".to_owned(),
            role: Some("Media officer, Kyiv; Eastern Europe".to_owned()),
            email: Some("olena.k@example.org".to_owned()),
            phone: Some("+380 44 555 01 02".to_owned()),
            languages: vec!["uk".to_owned(), "ru".to_owned(), "en".to_owned()],
        }
    );
    // A release's own contacts, else the dataset's.
    let own = dataset.release("kyiv-briefing").unwrap();
    assert_eq!(dataset.contacts_for(own).len(), 1);
    assert_eq!(dataset.contacts_for(own)[0].name, "Ана Гарсія");
    let other = dataset.release("kyiv-briefing-uk").unwrap();
    assert_eq!(dataset.contacts_for(other), &dataset.contacts[..]);
}

#[test]
fn a_contact_without_a_name_is_dropped_and_the_release_kept() {
    let loaded = load(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", "contacts": [
                { "role": "Spokesperson", "email": "x@example.org" },
                { "name": "  ", "email": "y@example.org" },
                "Press office",
                { "name": "Kept" } ] } ] }"#,
    );
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert_eq!(loaded.dataset.releases[0].contacts, [contact("Kept")]);
    let said: Vec<(&str, &ProblemKind)> = loaded
        .problems
        .iter()
        .map(|p| (p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        said,
        [
            ("contacts[0].name", &ProblemKind::Missing),
            ("contacts[1].name", &ProblemKind::Empty),
            (
                "contacts[2]",
                &ProblemKind::WrongType {
                    expected: "an object with \"name\", \"role\", \"email\", \"phone\" and \
                               \"languages\"",
                    found: "a string"
                }
            ),
        ]
    );
    assert!(loaded.problems.iter().all(|p| !p.skips_record()));
    assert_eq!(loaded.skipped_record_count(), 0);
}

#[test]
fn a_bad_email_phone_or_language_costs_only_that_field() {
    let loaded = load(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", "contacts": [ { "name": "Olena", "email": "olena at example.org",
            "phone": "+380 44 555 01 02 ext. 3",
            "languages": ["uk", "Ukrainian", "UK", "", "en-GB", 7] } ] } ] }"#,
    );
    let kept = &loaded.dataset.releases[0].contacts[0];
    assert_eq!(kept.email, None);
    assert_eq!(kept.phone, None);
    assert_eq!(
        kept.languages,
        ["uk", "en-GB"],
        "bad tags dropped, UK folded into uk"
    );
    let said: Vec<String> = loaded.problems.iter().map(Problem::to_string).collect();
    assert_eq!(
        said,
        [
            "releases[0] (id \"a\"), field `contacts[0].email`: \"olena at example.org\" is not \
             an e-mail address; the field is dropped, the release kept",
            "releases[0] (id \"a\"), field `contacts[0].phone`: \"+380 44 555 01 02 ext. 3\" is \
             not a telephone number; use digits, spaces and + ( ) - . only, e.g. \"+1 (212) \
             555-0100\"; the field is dropped, the release kept",
            "releases[0] (id \"a\"), field `contacts[0].languages[1]`: \"Ukrainian\" is not a \
             BCP 47 language tag such as \"en\" or \"uk-UA\"; the field is dropped, the release \
             kept",
            "releases[0] (id \"a\"), field `contacts[0].languages[5]`: expected a string, found \
             a number; the field is dropped, the release kept",
        ]
    );
}

#[test]
fn the_datasets_contacts_are_checked_as_dataset_problems() {
    let loaded = load(
        r#"{ "pressline": 1, "boilerplate": "  About us.  ",
            "contacts": [ { "name": "Press office", "email": "press@example.org",
                            "phone": "(044) 555-01.02" },
                          { "email": "nobody@example.org" },
                          { "name": "Desk", "phone": "++" } ],
            "releases": [] }"#,
    );
    let dataset = &loaded.dataset;
    assert_eq!(dataset.boilerplate.as_deref(), Some("About us."));
    assert_eq!(dataset.contacts.len(), 2);
    assert_eq!(
        dataset.contacts[0].phone.as_deref(),
        Some("(044) 555-01.02")
    );
    assert_eq!(dataset.contacts[1], contact("Desk"));
    let said: Vec<String> = loaded.problems.iter().map(Problem::to_string).collect();
    assert_eq!(
        said,
        [
            "dataset, field `contacts[1].name`: missing, but required",
            "dataset, field `contacts[2].phone`: \"++\" is not a telephone number; use digits, \
             spaces and + ( ) - . only, e.g. \"+1 (212) 555-0100\"",
        ]
    );
    // Contacts that are not a list cost the contacts, not the file.
    let loaded = load(r#"{ "pressline": 1, "contacts": "press@example.org", "releases": [] }"#);
    assert_eq!(loaded.dataset.contacts, []);
    assert_eq!(loaded.problems[0].field, "contacts");
}

// ---------------------------------------------------------------------------------------------
// vCard, read back by a strict parser

/// One content line of a vCard: its name, parameters and value (still escaped).
#[derive(Debug, Clone, PartialEq)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

/// Reads a vCard strictly (RFC 6350 §3): CRLF line ends only, no physical line over 75
/// octets, continuation lines starting with one space, `BEGIN:VCARD` and `VERSION:4.0` first,
/// `END:VCARD` last, property names and parameters in their grammar.
fn parse_vcard(card: &str) -> Vec<Property> {
    let body = card.strip_suffix("\r\n").expect("the card ends with CRLF");
    let physical: Vec<&str> = body.split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
        assert!(
            !line.contains(['\r', '\n']),
            "a bare line break in {line:?}"
        );
        match line.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(rest),
            None => logical.push(line.to_owned()),
        }
    }
    let properties: Vec<Property> = logical
        .iter()
        .map(|line| {
            let (head, value) = line.split_once(':').expect("name and value");
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_owned();
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{name:?}"
            );
            let params = parts
                .map(|param| {
                    let (key, value) = param.split_once('=').expect("key=value");
                    assert!(!value.contains(['"', ',', ':']), "{param:?}");
                    (key.to_owned(), value.to_owned())
                })
                .collect();
            Property {
                name,
                params,
                value: value.to_owned(),
            }
        })
        .collect();
    assert_eq!(properties[0].name, "BEGIN");
    assert_eq!(properties[0].value, "VCARD");
    assert_eq!(properties[1].name, "VERSION");
    assert_eq!(properties[1].value, "4.0");
    let last = properties.last().unwrap();
    assert_eq!((last.name.as_str(), last.value.as_str()), ("END", "VCARD"));
    properties
}

/// A value's components, split at the unescaped `;`s (for `N`), each unescaped.
fn components(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next().expect("an escape is complete");
                parts.last_mut().unwrap().push(match escaped {
                    '\\' => '\\',
                    ',' => ',',
                    ';' => ';',
                    'n' | 'N' => '\n',
                    other => panic!("\\{other} is not an escape in {value:?}"),
                });
            }
            ';' => parts.push(String::new()),
            ',' => panic!("an unescaped comma (a list) in {value:?}"),
            c => parts.last_mut().unwrap().push(c),
        }
    }
    parts
}

/// A text value, unescaped: one component.
fn text(value: &str) -> String {
    let parts = components(value);
    assert_eq!(parts.len(), 1, "an unescaped semicolon in {value:?}");
    parts.into_iter().next().unwrap()
}

/// What a card says: (property, parameters, unescaped value components), in order.
type Said = Vec<(String, Vec<(String, String)>, Vec<String>)>;

/// What the card says, without BEGIN, VERSION and END.
fn read_back(card: &str) -> Said {
    let properties = parse_vcard(card);
    properties[2..properties.len() - 1]
        .iter()
        .map(|p| {
            let value = match p.name.as_str() {
                "N" => components(&p.value),
                "TEL" if p.params == [("VALUE".to_owned(), "uri".to_owned())] => {
                    vec![p.value.clone()]
                }
                _ => vec![text(&p.value)],
            };
            (p.name.clone(), p.params.clone(), value)
        })
        .collect()
}

/// Text as the card holds it: line breaks as LF, other control characters but tab left out.
fn cleaned(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !c.is_ascii_control() || c == '\n' || c == '\t')
        .collect()
}

/// What the card for `contact` of `organization` must say, worked out from RFC 6350 and the
/// rules `vcard` documents.
fn expected(contact: &Contact, organization: Option<&str>) -> Said {
    let property = |name: &str, value: Vec<String>| (name.to_owned(), Vec::new(), value);
    let name = cleaned(&contact.name);
    let organization = organization
        .map(cleaned)
        .filter(|organization| !organization.trim().is_empty());
    let office = organization
        .as_deref()
        .is_some_and(|o| o.trim().to_lowercase() == name.trim().to_lowercase());
    let mut said = Vec::new();
    if office {
        said.push(property("KIND", vec!["org".to_owned()]));
    }
    said.push(property("FN", vec![name.clone()]));
    if !office {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (family, given) = match words.split_last() {
            Some((family, given)) => (family.to_string(), given.join(" ")),
            None => (String::new(), String::new()),
        };
        let empty = String::new;
        said.push(property(
            "N",
            vec![family, given, empty(), empty(), empty()],
        ));
    }
    if let Some(organization) = organization {
        said.push(property("ORG", vec![organization]));
    }
    if let Some(role) = &contact.role {
        said.push(property("TITLE", vec![cleaned(role)]));
    }
    if let Some(email) = &contact.email {
        said.push(property("EMAIL", vec![cleaned(email)]));
    }
    if let Some(phone) = &contact.phone {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if phone.trim().starts_with('+') && !digits.is_empty() {
            said.push((
                "TEL".to_owned(),
                vec![("VALUE".to_owned(), "uri".to_owned())],
                vec![format!("tel:+{digits}")],
            ));
        } else {
            said.push((
                "TEL".to_owned(),
                vec![("VALUE".to_owned(), "text".to_owned())],
                vec![cleaned(phone)],
            ));
        }
    }
    for tag in &contact.languages {
        said.push(property("LANG", vec![cleaned(tag)]));
    }
    said
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_press_officers_card_says_every_field() {
    let loaded = load(PRESS_KIT);
    let dataset = &loaded.dataset;
    let olena = &dataset.contacts[1];
    let card = vcard(olena, dataset.organization.as_ref());
    assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Olena Kovalenko\r\n"));
    assert_eq!(
        read_back(&card),
        [
            ("FN".to_owned(), vec![], strings(&["Olena Kovalenko"])),
            (
                "N".to_owned(),
                vec![],
                strings(&["Kovalenko", "Olena", "", "", ""])
            ),
            ("ORG".to_owned(), vec![], strings(&["Example Rights Watch"])),
            (
                "TITLE".to_owned(),
                vec![],
                strings(&["Media officer, Kyiv; Eastern Europe"])
            ),
            (
                "EMAIL".to_owned(),
                vec![],
                strings(&["olena.k@example.org"])
            ),
            (
                "TEL".to_owned(),
                vec![("VALUE".to_owned(), "uri".to_owned())],
                strings(&["tel:+380445550102"])
            ),
            ("LANG".to_owned(), vec![], strings(&["uk"])),
            ("LANG".to_owned(), vec![], strings(&["ru"])),
            ("LANG".to_owned(), vec![], strings(&["en"])),
        ]
    );
    assert!(card.contains("TITLE:Media officer\\, Kyiv\\; Eastern Europe\r\n"));
}

#[test]
fn the_organizations_own_desk_is_a_card_of_kind_org() {
    let loaded = load(PRESS_KIT);
    let dataset = &loaded.dataset;
    let desk = &dataset.contacts[0];
    let card = vcard(desk, dataset.organization.as_ref());
    assert!(card.contains("\r\nKIND:org\r\nFN:Example Rights Watch\r\n"));
    assert!(!card.contains("\r\nN:"));
    assert_eq!(
        read_back(&card),
        expected(desk, Some("Example Rights Watch"))
    );
    // Without an organization: no ORG, and the name is a person's.
    let card = vcard(desk, None);
    assert!(!card.contains("ORG:") && !card.contains("KIND:"));
    assert!(card.contains("\r\nN:Watch;Example Rights;;;\r\n"));
}

#[test]
fn names_with_commas_semicolons_backslashes_and_other_scripts_round_trip() {
    let cases = [
        contact("Struthers, Marie; PhD"),
        contact("C:\\Users\\press"),
        contact("Олена Коваленко-Шевчук"),
        contact("ليلى حداد"),
        contact("李 小龍"),
        contact("Zoë 🙂 d'Arc\tJr."),
        contact("Single"),
        contact(""),
        Contact {
            name: "Ана Гарсія".to_owned(),
            role: Some(
                "Спікерка; ведуча, пресслужба\r\nдругий рядок\nтретій\rчетвертий".to_owned(),
            ),
            email: Some("ana@example.org".to_owned()),
            phone: Some("044 555 01 02".to_owned()),
            languages: strings(&["uk", "es"]),
        },
        Contact {
            name: "ليلى حداد".to_owned(),
            role: Some("مسؤولة الإعلام، بيروت; الشرق الأوسط".to_owned()),
            email: None,
            phone: Some("+961 (1) 555-010".to_owned()),
            languages: strings(&["ar", "fr"]),
        },
    ];
    for contact in &cases {
        for organization in [None, Some("Example; Rights, Watch \\ Ltd.")] {
            let card = vcard(contact, organization.map(self::organization).as_ref());
            assert_eq!(read_back(&card), expected(contact, organization), "{card}");
        }
    }
}

#[test]
fn long_values_fold_at_75_octets_without_splitting_a_character() {
    for role in [
        "a".repeat(300),
        "Ж".repeat(150),
        "ع".repeat(151),
        "🙂".repeat(80),
        format!("x{}", "Ж".repeat(100)),
        "\\,;".repeat(60),
    ] {
        let contact = Contact {
            role: Some(role.clone()),
            ..contact("Marie Struthers")
        };
        let card = vcard(&contact, None);
        let lines: Vec<&str> = card.split("\r\n").collect();
        assert!(lines.len() > 6, "the role folds: {card}");
        assert!(lines.iter().all(|line| line.len() <= MAX_LINE_OCTETS));
        // Folding takes as much as fits: each folded line is full but for one character.
        for pair in lines.windows(2) {
            if let Some(next) = pair[1].strip_prefix(' ') {
                let first = next.chars().next().unwrap();
                assert!(
                    pair[0].len() + first.len_utf8() > MAX_LINE_OCTETS,
                    "{pair:?}"
                );
            }
        }
        assert_eq!(read_back(&card), expected(&contact, None));
    }
}

#[test]
fn numbers_without_a_country_code_stay_text() {
    let mut desk = contact("Desk");
    desk.phone = Some("(044) 555-01.02".to_owned());
    let card = vcard(&desk, None);
    assert!(card.contains("\r\nTEL;VALUE=text:(044) 555-01.02\r\n"));
    desk.phone = Some(" +1 (212) 555-0100 ".to_owned());
    let card = vcard(&desk, None);
    assert!(card.contains("\r\nTEL;VALUE=uri:tel:+12125550100\r\n"));
}

/// Text a contact may hold, hostile included: separators, escapes, line breaks, controls, other
/// scripts, long runs.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[,;:\\\\\\r\\n\\t =\"a-zЖжعل🙂\\x00-\\x08\\x7f]{0,120}",
        any::<String>(),
    ]
}

fn any_phone() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9 +().-]{1,24}", any_text()]
}

fn any_contact() -> impl Strategy<Value = Contact> {
    (
        any_text(),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(any_phone()),
        proptest::collection::vec(any_text(), 0..4),
    )
        .prop_map(|(name, role, email, phone, languages)| Contact {
            name,
            role,
            email,
            phone,
            languages,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever a contact holds, its vCard parses strictly, and every property reads back as
    /// the same value.
    #[test]
    fn any_contact_card_reads_back_the_same(
        contact in any_contact(),
        organization in proptest::option::of(any_text()),
        office in any::<bool>(),
    ) {
        // Sometimes the contact is the organization's own desk.
        let organization = if office { Some(contact.name.to_uppercase()) } else { organization };
        let card = vcard(&contact, organization.as_deref().map(self::organization).as_ref());
        prop_assert_eq!(read_back(&card), expected(&contact, organization.as_deref()));
    }
}
