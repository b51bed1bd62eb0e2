//! The UI's languages: CLDR plural rules, language choice, and every catalogue complete (each
//! message translated, with exactly the English placeholders, and every plural form the
//! language needs).

use std::collections::BTreeSet;

use pressline_core::i18n::{fill, Language, PluralCategory, PluralCategory::*};

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        found.insert(rest[open + 1..open + close].to_owned());
        rest = &rest[open + close + 1..];
    }
    found
}

#[test]
fn plural_rules_follow_cldr() {
    let cases: &[(Language, &[(u64, PluralCategory)])] = &[
        (
            Language::En,
            &[(0, Other), (1, One), (2, Other), (11, Other), (21, Other)],
        ),
        (
            Language::Es,
            &[
                (0, Other),
                (1, One),
                (2, Other),
                (1_000_000, Many),
                (2_000_001, Other),
            ],
        ),
        (
            Language::Fr,
            &[
                (0, One),
                (1, One),
                (2, Other),
                (1_000_000, Many),
                (1_000_001, Other),
            ],
        ),
        (
            Language::Uk,
            &[
                (0, Many),
                (1, One),
                (2, Few),
                (4, Few),
                (5, Many),
                (11, Many),
                (12, Many),
                (14, Many),
                (21, One),
                (22, Few),
                (25, Many),
                (101, One),
                (111, Many),
                (112, Many),
                (1004, Few),
            ],
        ),
        (
            Language::Ru,
            &[
                (1, One),
                (3, Few),
                (7, Many),
                (11, Many),
                (31, One),
                (44, Few),
                (113, Many),
            ],
        ),
        (
            Language::Ar,
            &[
                (0, Zero),
                (1, One),
                (2, Two),
                (3, Few),
                (10, Few),
                (11, Many),
                (99, Many),
                (100, Other),
                (101, Other),
                (102, Other),
                (103, Few),
                (111, Many),
                (1000, Other),
            ],
        ),
    ];
    for (language, expected) in cases {
        for &(n, category) in *expected {
            assert_eq!(language.plural(n), category, "{language:?} {n}");
        }
        // Every number lands in a category the language declares.
        for n in 0..2000 {
            assert!(
                language.plural_categories().contains(&language.plural(n)),
                "{language:?} {n}"
            );
        }
    }
}

#[test]
fn counted_phrases_pick_the_right_form() {
    let say = |language: Language, n: u64| {
        language.count(&language.messages().releases, n, &n.to_string(), &[])
    };
    assert_eq!(say(Language::En, 1), "1 release");
    assert_eq!(say(Language::En, 12), "12 releases");
    // The forms differ where the grammar does, and always carry the number where needed.
    for language in Language::ALL {
        for n in [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 1_000_000] {
            let text = say(language, n);
            assert!(
                !text.is_empty() && !text.contains('{'),
                "{language:?} {n}: {text}"
            );
        }
    }
    assert_ne!(say(Language::Uk, 1), say(Language::Uk, 3).replace('3', "1"));
    assert_ne!(say(Language::Uk, 3), say(Language::Uk, 5).replace('5', "3"));
    assert_ne!(
        say(Language::Ru, 2),
        say(Language::Ru, 11).replace("11", "2")
    );
    assert_ne!(say(Language::Ar, 2), say(Language::Ar, 3).replace('3', "2"));
    assert_ne!(
        say(Language::Ar, 3),
        say(Language::Ar, 11).replace("11", "3")
    );
    assert_ne!(
        say(Language::Ar, 11),
        say(Language::Ar, 100).replace("100", "11")
    );
}

#[test]
fn every_catalogue_is_complete_and_keeps_the_placeholders() {
    let english = Language::En.messages();
    for language in Language::ALL {
        let messages = language.messages();
        let mut same_as_english = Vec::new();
        for ((name, text), (_, reference)) in messages.texts().into_iter().zip(english.texts()) {
            assert!(!text.trim().is_empty(), "{language:?}.{name} is empty");
            assert_eq!(
                placeholders(text),
                placeholders(reference),
                "{language:?}.{name}: {text}"
            );
            if language != Language::En && text == reference {
                same_as_english.push(name);
            }
        }
        // A few strings may rightly read the same ("{size} MB"); most must not.
        assert!(
            same_as_english.len() <= 4,
            "{language:?} leaves these in English: {same_as_english:?}"
        );
        for ((name, plural), (_, reference)) in
            messages.plurals().into_iter().zip(english.plurals())
        {
            let wanted: BTreeSet<String> = placeholders(reference.other);
            for &category in language.plural_categories() {
                let form = plural.pick(category);
                assert!(!form.is_empty(), "{language:?}.{name} lacks {category:?}");
                let mut got = placeholders(form);
                // Arabic writes 0, 1 and 2 as words ("release", "two releases"), without a number.
                if language == Language::Ar && matches!(category, Zero | One | Two) {
                    got.insert("count".to_owned());
                }
                assert_eq!(got, wanted, "{language:?}.{name} {category:?}: {form}");
            }
        }
    }
}

#[test]
fn the_language_comes_from_the_address_then_the_embed_then_the_browser() {
    let browser = ["de".to_owned(), "es-MX".to_owned(), "uk".to_owned()];
    assert_eq!(
        Language::choose(Some("ar-EG"), Some("uk"), &browser),
        Language::Ar
    );
    assert_eq!(
        Language::choose(Some("<script>"), Some("ru"), &browser),
        Language::Ru
    );
    assert_eq!(Language::choose(None, Some("zz"), &browser), Language::Es);
    assert_eq!(
        Language::choose(None, None, &["de".to_owned()]),
        Language::En
    );
    assert_eq!(Language::Ar.dir(), "rtl");
    assert!(Language::ALL.iter().filter(|l| l.dir() == "rtl").count() == 1);
    assert_eq!(
        fill("{count} of {total}", &[("count", "3"), ("total", "12")]),
        "3 of 12"
    );
}

#[test]
fn the_fetched_catalogues_are_the_compiled_ones() {
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        let compiled = language
            .compiled()
            .expect("natively every catalogue is compiled in");
        let path = format!(
            "{}/../../public/i18n/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            language.tag()
        );
        let committed =
            std::fs::read_to_string(&path).expect("run `cargo run --bin write_catalogues`");
        assert_eq!(
            committed,
            compiled.to_json(),
            "{path} is stale: run `cargo run --bin write_catalogues`"
        );
        let read =
            pressline_core::i18n::Messages::from_json(&committed, Language::En.messages()).unwrap();
        assert_eq!(&read, compiled, "{language:?} reads back the same");
    }
    // Missing fields fall back; junk is refused.
    let partial = pressline_core::i18n::Messages::from_json(
        r#"{"retry": "Réessayer"}"#,
        Language::En.messages(),
    )
    .unwrap();
    assert_eq!(partial.retry, "Réessayer");
    assert_eq!(partial.close, Language::En.messages().close);
    assert!(pressline_core::i18n::Messages::from_json("[1]", Language::En.messages()).is_err());
    // The owned reading the fuzzer drives sees the same fields.
    let owned = pressline_core::i18n::CatalogueJson::parse(
        r#"{"retry": "Réessayer", "releases": {"one": "{count} communiqué"}, "close": 3}"#,
    )
    .unwrap();
    assert_eq!(owned.text("retry"), Some("Réessayer"));
    assert_eq!(owned.text("close"), None, "a number is not a text");
    assert_eq!(
        owned.plural_form("releases", "one"),
        Some("{count} communiqué")
    );
    assert_eq!(owned.plural_form("releases", "other"), Some(""));
    assert_eq!(
        owned.plural_form("retry", "one"),
        None,
        "a text is not a plural"
    );
}
