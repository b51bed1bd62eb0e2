//! Native tests of the packed dataset (`core::packed`): what build.rs bundles into the app, and
//! that reading it gives back exactly the dataset validation produced, or a clear error.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use pressline_core::packed::{bundle, is_packed, pack, unpack, UnpackError};
use pressline_core::{parse_dataset, Dataset};

const SEED: &str = include_str!("../../../public/data/releases.json");

/// A fixture's dataset, which must have no problems.
fn clean(text: &str) -> Dataset {
    let loaded = parse_dataset(text).expect("the fixture reads");
    assert_eq!(loaded.problems, vec![], "the fixture has problems");
    loaded.dataset
}

/// Packing keeps what validation kept (a dataset with problems is bundled as text, but its
/// valid records pack all the same).
#[test]
fn every_fixture_comes_back_exactly() {
    for (name, text) in [
        ("seed", SEED),
        ("valid", include_str!("../../../tests/fixtures/valid.json")),
        (
            "press kit",
            include_str!("../../../tests/fixtures/press-kit.json"),
        ),
        (
            "hostile body",
            include_str!("../../../tests/fixtures/hostile-body.json"),
        ),
        (
            "hostile publish",
            include_str!("../../../tests/fixtures/hostile-publish.json"),
        ),
        (
            "xss corpus",
            include_str!("../../../tests/fixtures/xss/xss-corpus.json"),
        ),
    ] {
        let dataset = parse_dataset(text).expect("the fixture reads").dataset;
        let bytes = pack(&dataset);
        assert!(is_packed(&bytes), "{name}");
        assert_eq!(unpack(&bytes), Ok(dataset), "{name}");
    }
}

#[test]
fn the_seed_is_bundled_packed_and_smaller_than_its_text() {
    let bytes = bundle(SEED);
    assert!(is_packed(&bytes));
    assert!(bytes.len() < SEED.len() * 3 / 4, "{} bytes", bytes.len());
}

#[test]
fn a_dataset_with_problems_or_no_dataset_is_bundled_as_its_text() {
    for text in [
        include_str!("../../../tests/fixtures/broken-records.json"),
        include_str!("../../../tests/fixtures/broken-json-records.json"),
        include_str!("../../../tests/fixtures/not-json.json"),
        include_str!("../../../tests/fixtures/not-pressline.json"),
    ] {
        let bytes = bundle(text);
        assert!(!is_packed(&bytes));
        assert_eq!(bytes, text.as_bytes());
    }
}

#[test]
fn text_is_not_packed() {
    assert_eq!(
        unpack(SEED.as_bytes()),
        Err(UnpackError {
            offset: 0,
            reason: "not a packed dataset"
        })
    );
}

#[test]
fn every_cut_short_copy_is_an_error_not_a_panic() {
    let bytes = pack(&clean(SEED));
    for end in 0..bytes.len() {
        assert!(unpack(&bytes[..end]).is_err(), "cut at {end}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        unpack(&longer).unwrap_err().reason,
        "bytes left after the dataset"
    );
}

#[test]
fn an_address_is_checked_again_as_it_is_read() {
    let dataset = clean(
        r#"{"pressline": 1, "title": "T", "releases": [{"id": "a", "kind": "K",
            "date": "2024-01-02", "title": "A", "url": "https://x.example/a"}]}"#,
    );
    let bytes = pack(&dataset);
    let at = bytes
        .windows(19)
        .position(|w| w == b"https://x.example/a")
        .expect("the address is in the bytes");
    let mut hostile = bytes.clone();
    hostile[at..at + 19].copy_from_slice(b"javascript:alert(1)");
    let error = unpack(&hostile).unwrap_err();
    assert_eq!(error.reason, "an address is not safe");
    assert_eq!(
        error.to_string(),
        format!(
            "the packed dataset is damaged at byte {}: an address is not safe",
            at + 19
        )
    );
}

#[test]
fn a_damaged_length_cannot_ask_for_more_than_the_bytes_left() {
    // Magic, version 1, then a title claiming 2^63 bytes.
    let mut bytes = b"PLD3\x01".to_vec();
    bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    assert_eq!(
        unpack(&bytes).unwrap_err().reason,
        "a length runs past the end"
    );
}

#[test]
fn bytes_packed_in_the_first_version_are_refused_with_a_reason_not_read_as_text() {
    // What a build before pictures, contacts and translations wrote: `PLD1`, then the fields.
    let mut old = b"PLD1".to_vec();
    old.extend_from_slice(&pack(&clean(SEED))[4..]);
    assert!(
        is_packed(&old),
        "recognized as packed, so not read as JSON text"
    );
    let error = unpack(&old).unwrap_err();
    assert_eq!(error.offset, 3);
    assert_eq!(
        error.to_string(),
        "the packed dataset is damaged at byte 3: packed in another version of the format than \
         this build reads; build it again"
    );
    assert!(!is_packed(b"PLD"));
    assert!(!is_packed(b"PLDx"));
}

/// Text as a hostile source writes it: any character, controls and markup included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,30}",
        "[<>\"'&\\x00-\\x1f\u{2028}\u{202e}a-z ]{1,30}",
        Just("</script><img src=x onerror=alert(1)>".to_owned()),
    ]
}

fn any_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1900u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (
            1970u32..2100,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            -14i32..=14
        )
            .prop_map(|(y, m, d, h, min, offset)| {
                format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00{offset:+03}:00")
            }),
    ]
}

fn any_record(n: usize) -> impl Strategy<Value = Value> {
    let urls = prop_oneof![
        Just("https://example.org/a?b=1#c"),
        Just("/img/a.jpg"),
        Just("//cdn.example.org/a.jpg"),
        Just("img/ü.jpg"),
    ];
    (
        (any_text(), any_date(), any_text()),
        (
            proptest::option::of(any_text()),
            proptest::option::of(any_text()),
        ),
        proptest::collection::vec((any_text(), proptest::option::of(any_text())), 0..3),
        proptest::option::of((
            proptest::option::of(urls),
            proptest::option::of(any_text()),
            proptest::option::of(any_text()),
        )),
        (
            proptest::collection::vec(any_text(), 0..3),
            proptest::collection::vec(any_text(), 0..3),
        ),
        (any::<bool>(), proptest::option::of(prop_oneof![Just("en"), Just("uk"), Just("pt-BR")])),
    )
        .prop_map(
            move |((kind, date, title), (summary, body), people, image, (topics, places), (url, lang))| {
                json!({
                    "id": format!("r{n}"),
                    "kind": kind,
                    "date": date,
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "people": people.into_iter().map(|(name, role)| json!({"name": name, "role": role})).collect::<Vec<_>>(),
                    "image": image.map(|(src, alt, credit)| json!({"src": src, "alt": alt, "credit": credit})),
                    "topics": topics,
                    "places": places,
                    "url": url.then_some("https://example.org/news/a"),
                    "lang": lang,
                })
            },
        )
}

/// A contact as a hostile source writes it.
fn any_contact() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        proptest::option::of(prop_oneof![Just("a@example.org"), Just("no")]),
        proptest::option::of(prop_oneof![Just("+1 (212) 555-0100"), Just("x")]),
        proptest::collection::vec(prop_oneof![Just("en"), Just("uk-UA"), Just("?")], 0..3),
    )
        .prop_map(|(name, role, email, phone, languages)| {
            json!({ "name": name, "role": role, "email": email, "phone": phone,
                    "languages": languages })
        })
}

/// A picture with every field, some of them wrong.
fn any_picture() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(prop_oneof![Just("/img/a.jpg"), Just("javascript:x")]),
        proptest::option::of(any_text()),
        proptest::option::of(any_text()),
        (
            proptest::option::of(prop_oneof![
                Just(json!(640)),
                Just(json!(0)),
                Just(json!(u32::MAX))
            ]),
            proptest::option::of(1u32..5000),
        ),
        proptest::collection::vec(
            (prop_oneof![Just("/a-1.jpg"), Just("data:x")], 0u32..3000),
            0..3,
        ),
    )
        .prop_map(|(src, alt, caption, (width, height), sizes)| {
            json!({
                "src": src, "alt": alt, "credit": "Credit", "caption": caption,
                "width": width, "height": height,
                "sizes": sizes.into_iter()
                    .map(|(src, width)| json!({ "src": src, "width": width }))
                    .collect::<Vec<_>>(),
            })
        })
}

/// The fields of translations, press contacts and galleries, to add to a record.
fn any_press_kit_fields() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(prop_oneof![Just("k1"), Just("k2")]),
        proptest::collection::vec(any_contact(), 0..3),
        proptest::option::of(any_picture()),
        proptest::collection::vec(any_picture(), 0..3),
    )
        .prop_map(|(key, contacts, image, images)| {
            json!({ "translation_key": key, "contacts": contacts, "image": image,
                    "images": images })
        })
}

fn any_dataset() -> impl Strategy<Value = Value> {
    (
        any_text(),
        proptest::option::of(any_text()),
        proptest::option::of((
            proptest::option::of(any_text()),
            any::<bool>(),
            any::<bool>(),
        )),
        (0usize..6).prop_flat_map(|n| {
            (0..n)
                .map(|i| (any_record(i), any_press_kit_fields()))
                .collect::<Vec<_>>()
        }),
        (
            proptest::option::of(any_text()),
            proptest::collection::vec(any_contact(), 0..3),
        ),
    )
        .prop_map(
            |(title, description, organization, records, (boilerplate, contacts))| {
                let releases: Vec<Value> = records
                    .into_iter()
                    .map(|(mut record, extra)| {
                        if let (Value::Object(record), Value::Object(extra)) = (&mut record, extra)
                        {
                            for (key, value) in extra {
                                if !value.is_null() {
                                    record.insert(key, value);
                                }
                            }
                        }
                        record
                    })
                    .collect();
                json!({
                    "pressline": 1,
                    "title": title,
                    "description": description,
                    "boilerplate": boilerplate,
                    "contacts": contacts,
                    "organization": organization.map(|(name, url, email)| json!({
                        "name": name,
                        "url": url.then_some("https://example.org"),
                        "press_email": email.then_some("press@example.org"),
                    })),
                    "releases": releases,
                })
            },
        )
}

proptest! {
    /// Whatever validation makes of a dataset, packing and reading it back changes nothing.
    #[test]
    fn any_valid_dataset_comes_back_exactly(dataset in any_dataset()) {
        let loaded = parse_dataset(&dataset.to_string()).expect("a dataset");
        prop_assert_eq!(unpack(&pack(&loaded.dataset)), Ok(loaded.dataset));
    }

    /// Damaged bytes give an error or a dataset, never a panic.
    #[test]
    fn damaged_bytes_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = pack(&clean(SEED));
        let at = at.index(bytes.len());
        bytes[at] = byte;
        let _ = unpack(&bytes);
    }
}
