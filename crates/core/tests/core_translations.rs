//! Native tests of translations (`translation_key`): validation keeps one version per language,
//! and a release's other versions are listed in a stable order, with their languages' names.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::translation::{language_name, other_versions, Translations};
use pressline_core::{parse_dataset, Dataset, LoadedDataset, Problem, ProblemKind, RecordRef};

const PRESS_KIT: &str = include_str!("../../../tests/fixtures/press-kit.json");

fn load(text: &str) -> LoadedDataset {
    parse_dataset(text).expect("a readable dataset")
}

/// A dataset of `releases` (JSON objects, comma-separated) with the dataset's `lang`, if any.
fn dataset_of(lang: Option<&str>, releases: &str) -> LoadedDataset {
    let lang = lang.map_or_else(String::new, |lang| format!(r#""lang": "{lang}","#));
    load(&format!(
        r#"{{ "pressline": 1, {lang} "releases": [ {releases} ] }}"#
    ))
}

fn versions<'a>(dataset: &'a Dataset, id: &str) -> Vec<(&'a str, &'a str)> {
    let release = dataset.release(id).expect("the release is kept");
    let listed = other_versions(dataset, release);
    // The index built for publishing answers exactly the same.
    assert_eq!(Translations::new(dataset).other_versions(release), listed);
    listed
}

#[test]
fn every_version_lists_the_others_by_language_tag() {
    let loaded = load(PRESS_KIT);
    assert_eq!(loaded.problems, []);
    let dataset = &loaded.dataset;
    assert_eq!(
        versions(dataset, "kyiv-briefing"),
        [
            ("ar", "kyiv-briefing-ar"),
            ("ru", "kyiv-briefing-ru"),
            ("uk", "kyiv-briefing-uk"),
        ]
    );
    // The English version's language is the dataset's: the release gives none.
    assert_eq!(dataset.release("kyiv-briefing").unwrap().lang, None);
    assert_eq!(
        versions(dataset, "kyiv-briefing-uk"),
        [
            ("ar", "kyiv-briefing-ar"),
            ("en", "kyiv-briefing"),
            ("ru", "kyiv-briefing-ru"),
        ]
    );
    let names: Vec<&str> = versions(dataset, "kyiv-briefing-ar")
        .into_iter()
        .map(|(lang, _)| language_name(lang))
        .collect();
    assert_eq!(names, ["English", "Русский", "Українська"]);
}

#[test]
fn a_key_only_one_release_has_lists_nothing_and_no_key_lists_nothing() {
    let loaded = load(PRESS_KIT);
    let dataset = &loaded.dataset;
    assert_eq!(
        dataset.release("alone").unwrap().translation_key.as_deref(),
        Some("told-once")
    );
    assert_eq!(versions(dataset, "alone"), []);
    let loaded = dataset_of(
        Some("en"),
        r#"{ "id": "a", "kind": "R", "date": "2024-01-01", "title": "A" },
           { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B", "lang": "uk" }"#,
    );
    assert_eq!(versions(&loaded.dataset, "a"), []);
}

#[test]
fn two_versions_in_one_language_keep_the_first_and_drop_the_later_ones_key() {
    let loaded = dataset_of(
        Some("en"),
        r#"{ "id": "a", "kind": "R", "date": "2024-01-01", "title": "A", "translation_key": "k" },
           { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B", "translation_key": "k",
             "lang": "uk" },
           { "id": "c", "kind": "R", "date": "2024-01-02", "title": "C", "translation_key": "k",
             "lang": "EN" }"#,
    );
    let dataset = &loaded.dataset;
    assert_eq!(dataset.releases.len(), 3, "every release is kept");
    assert_eq!(
        loaded.problems,
        [Problem {
            record: Some(RecordRef {
                index: 2,
                id: Some("c".to_owned()),
                kept: true,
            }),
            field: "translation_key".to_owned(),
            kind: ProblemKind::DuplicateTranslation {
                lang: "EN".to_owned(),
                first_id: "a".to_owned(),
            },
        }]
    );
    assert_eq!(
        loaded.problems[0].to_string(),
        "releases[2] (id \"c\"), field `translation_key`: release \"a\" is already this \
         story's version in \"EN\"; one version per language; the field is dropped, the release \
         kept"
    );
    assert_eq!(loaded.skipped_record_count(), 0);
    assert_eq!(dataset.release("c").unwrap().translation_key, None);
    assert_eq!(versions(dataset, "a"), [("uk", "b")]);
    assert_eq!(versions(dataset, "b"), [("en", "a")]);
    assert_eq!(versions(dataset, "c"), []);
}

#[test]
fn a_translation_without_any_language_loses_its_key() {
    let loaded = dataset_of(
        None,
        r#"{ "id": "a", "kind": "R", "date": "2024-01-01", "title": "A", "translation_key": "k" },
           { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B", "translation_key": "k",
             "lang": "uk" }"#,
    );
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(problem.kind, ProblemKind::TranslationWithoutLanguage);
    assert_eq!(problem.record.as_ref().unwrap().index, 0);
    assert!(!problem.skips_record());
    assert_eq!(loaded.dataset.releases[0].translation_key, None);
    assert_eq!(versions(&loaded.dataset, "b"), []);
}

#[test]
fn translation_problems_come_in_record_order_among_the_others() {
    let loaded = dataset_of(
        Some("en"),
        r#"{ "id": "a", "kind": "R", "date": "2024-01-01", "title": "A", "translation_key": "k" },
           { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B", "translation_key": "k",
             "url": "javascript:alert(1)" },
           { "id": "c", "kind": "R", "date": "June", "title": "C" },
           { "id": "d", "kind": "R", "date": "2024-01-01", "title": "D", "translation_key": "k" }"#,
    );
    let said: Vec<(usize, &str)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_ref().unwrap().index, p.field.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (1, "url"),
            (1, "translation_key"),
            (2, "date"),
            (3, "translation_key"),
        ]
    );
    assert_eq!(loaded.skipped_record_count(), 1);
}

#[test]
fn a_skipped_release_keeps_no_language_for_its_key() {
    // The first record is skipped (no title), so the second is the English version.
    let loaded = dataset_of(
        Some("en"),
        r#"{ "id": "a", "kind": "R", "date": "2024-01-01", "translation_key": "k" },
           { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B", "translation_key": "k" },
           { "id": "c", "kind": "R", "date": "2024-01-01", "title": "C", "translation_key": "k",
             "lang": "fr" }"#,
    );
    assert!(loaded.problems.iter().all(|p| p.field == "title"));
    assert_eq!(versions(&loaded.dataset, "b"), [("fr", "c")]);
}

#[test]
fn a_language_is_listed_once_ignoring_case_and_tags_sort_ignoring_case() {
    // Built by hand (not validated): two versions in one language are listed once, the first
    // in the dataset's order.
    let mut dataset = load(PRESS_KIT).dataset;
    for release in &mut dataset.releases {
        match release.id.as_str() {
            "kyiv-briefing-ru" => release.lang = Some("AR".to_owned()),
            "kyiv-briefing-uk" => release.lang = Some("Be".to_owned()),
            _ => {}
        }
    }
    assert_eq!(
        versions(&dataset, "kyiv-briefing"),
        [("AR", "kyiv-briefing-ru"), ("Be", "kyiv-briefing-uk")]
    );
    // Nor is the release's own language.
    assert_eq!(
        versions(&dataset, "kyiv-briefing-ar"),
        [("Be", "kyiv-briefing-uk"), ("en", "kyiv-briefing")]
    );
}

#[test]
fn languages_are_named_in_themselves() {
    for (tag, name) in [
        ("en", "English"),
        ("uk", "Українська"),
        ("ru", "Русский"),
        ("ar", "العربية"),
        ("es", "Español"),
        ("fr", "Français"),
        ("uk-UA", "Українська"),
        ("FR-ca", "Français"),
        ("pt-BR", "pt-BR"),
        ("de", "de"),
    ] {
        assert_eq!(language_name(tag), name, "{tag}");
    }
}

#[test]
fn a_release_s_own_versions_are_never_its_related_releases() {
    use pressline_core::related::{related, RelatedIndex};
    let loaded = dataset_of(
        Some("en"),
        r#"{ "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A",
             "topics": ["Detention"], "translation_key": "story" },
           { "id": "a-uk", "kind": "Report", "date": "2024-05-01", "title": "А", "lang": "uk",
             "topics": ["Detention"], "translation_key": "story" },
           { "id": "b", "kind": "Report", "date": "2024-04-01", "title": "B",
             "topics": ["Detention"], "translation_key": "other" },
           { "id": "c", "kind": "Report", "date": "2024-03-01", "title": "C",
             "topics": ["Detention"] }"#,
    );
    let releases = &loaded.dataset.releases;
    let ids =
        |list: Vec<usize>| -> Vec<&str> { list.iter().map(|&i| releases[i].id.as_str()).collect() };
    assert_eq!(ids(related(releases, 0, 4)), ["b", "c"]);
    assert_eq!(ids(related(releases, 1, 4)), ["b", "c"]);
    // A release without a key has no versions: every other release sharing a topic is related.
    assert_eq!(ids(related(releases, 3, 4)), ["a", "a-uk", "b"]);
    let index = RelatedIndex::build(releases);
    let mut scratch = index.scratch();
    for subject in 0..releases.len() {
        assert_eq!(
            index.related(subject, 4, &mut scratch),
            related(releases, subject, 4)
        );
    }
}

const NEWSROOM: &str = include_str!("../../../tests/fixtures/newsroom/newsroom.json");

#[test]
fn a_release_page_steps_through_stories_in_the_language_being_read() {
    use pressline_core::formats::SourceFormat;
    use pressline_core::i18n::Language;
    use pressline_core::related::ReleasePlan;
    use pressline_core::site::Site;
    use pressline_core::view_state::ViewState;
    let site = Site::new(SourceFormat::Pressline, load(NEWSROOM));
    let releases = &site.dataset.releases;
    let at = |id: &str| releases.iter().position(|r| r.id == id).unwrap();
    let id = |i: Option<usize>| i.map(|i| releases[i].id.as_str());
    let whole = ViewState::default();
    // An English reader on the English version: the next story, not the same story in Ukrainian.
    let plan = ReleasePlan::for_view(&site, at("kharkiv-strike"), &whole, Language::En);
    assert_eq!(
        (id(plan.previous), id(plan.next)),
        (None, Some("detention-report"))
    );
    // On the Ukrainian version (which that reader's timeline folds away): the stories in Ukrainian.
    let plan = ReleasePlan::for_view(&site, at("kharkiv-strike-uk"), &whole, Language::En);
    assert_eq!(
        (id(plan.previous), id(plan.next)),
        (None, Some("detention-report-uk"))
    );
    let plan = ReleasePlan::for_view(&site, at("detention-report-uk"), &whole, Language::En);
    assert_eq!(id(plan.next), Some("odesa-port"));
    // A Ukrainian reader's timeline is in Ukrainian where it can be.
    let plan = ReleasePlan::for_view(&site, at("kharkiv-strike-uk"), &whole, Language::Uk);
    assert_eq!(id(plan.next), Some("detention-report-uk"));
    // What the prerendered pages take, worked out for all at once, is the same for every release.
    for reader in [Language::En, Language::Uk, Language::Ru, Language::Ar] {
        let all = ReleasePlan::all_for_reader(&site, reader);
        for (i, plan) in all.iter().enumerate() {
            assert_eq!(
                plan,
                &ReleasePlan::for_view(&site, i, &whole, reader),
                "{}",
                releases[i].id
            );
        }
    }
}

#[test]
fn a_newsroom_has_releases_in_each_language_it_publishes_in() {
    use pressline_core::formats::SourceFormat;
    use pressline_core::i18n::Language;
    use pressline_core::site::Site;
    let site = Site::new(SourceFormat::Pressline, load(NEWSROOM));
    for reader in [Language::En, Language::Uk, Language::Ru, Language::Ar] {
        assert!(site.has_releases_in(reader), "{reader:?}");
    }
    assert!(!site.has_releases_in(Language::Es));
    // A release with no `lang` of its own is in the dataset's.
    let english = Site::new(
        SourceFormat::Pressline,
        dataset_of(
            Some("en-GB"),
            r#"{ "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A" }"#,
        ),
    );
    assert!(english.has_releases_in(Language::En));
    assert!(!english.has_releases_in(Language::Uk));
}

#[test]
fn the_site_lists_the_same_versions_from_groups_made_once() {
    use pressline_core::formats::SourceFormat;
    use pressline_core::site::Site;
    for text in [NEWSROOM, PRESS_KIT] {
        let site = Site::new(SourceFormat::Pressline, load(text));
        for release in &site.dataset.releases {
            assert_eq!(
                site.other_versions(release),
                other_versions(&site.dataset, release),
                "{}",
                release.id
            );
        }
    }
}
