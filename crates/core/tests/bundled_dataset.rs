//! The bundled dataset is a faithful transcription of the seed page
//! (`shared/seed/releases-page.txt`): every release, kind, date, title, person and credit.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::timeline::{group_by_month, newest_first};
use pressline_core::{parse_dataset, LoadedDataset};

fn bundled() -> LoadedDataset {
    parse_dataset(include_str!("../../../public/data/releases.json"))
        .expect("the bundled dataset reads")
}

const MARIE: &str = "Marie Struthers";
const MARIE_ROLE: &str = "Amnesty International’s Director for Eastern Europe and Central Asia";

/// (date, kind, title, credit) for every release, as the seed page prints them, newest first
/// (the one credit the seed labels "Фото:" is read without its label, which the page prints).
const SEED: [(&str, &str, &str, Option<&str>); 12] = [
    ("2022-11-10", "Press Release", "Russia’s Unlawful Transfer of Civilians a War Crime and Likely a Crime Against Humanity – New Report", None),
    ("2022-10-20", "Press Release", "Russian Attacks on Critical Energy Infrastructure in Ukraine Amount to War Crimes", Some("Pavlo Palamarchuk/SOPA Images/LightRocket via Getty Images")),
    ("2022-09-21", "Statement", "Amnesty Statement for the Record: HFAC Russia War Crimes Hearing", None),
    ("2022-09-12", "Press Release", "As Ukraine Retakes Territory from Russia, Securing Evidence of Alleged War Crimes is Crucial", Some("JUAN BARRETO/AFP via Getty Images")),
    ("2022-09-08", "Press Release", "‘Filtration’ of Ukrainian Civilians a ‘Shocking Violation’ of People Forced to Flee War", Some("Michael M. Santiago/Getty Images")),
    ("2022-09-06", "Press Release", "Russia’s Military Activities at Nuclear Plant in Ukraine Risk Safety in Region", Some("BULENT KILIC/AFP via Getty Images")),
    ("2022-08-26", "Press Release", "Russian Sham Trials of Ukrainian Prisoners of War in Mariupol ‘Illegal and Unacceptable’", Some("AFP via Getty Images")),
    ("2022-08-24", "Press Release", "AIUSA Statement on Six-Month Anniversary of War in Ukraine", None),
    ("2022-08-03", "Press Release", "Ukrainian Fighting Tactics Endanger Civilians", Some("Scott Olson/Getty Images")),
    ("2022-07-13", "Press Release", "Russian Authorities Must Drop Case Against Ilya Yashin – Latest Victim of Clampdown on War Critics", None),
    ("2022-07-06", "Press Release", "Free Student in Belarus Jailed for 6.5 Years for Reposting Criticism of Ukraine War and Lukashenka", Some("SERGEI GUNEYEV/Sputnik/AFP via Getty Images")),
    ("2022-06-29", "Report", "Deadly Mariupol Theatre Strike in Ukraine ‘a Clear War Crime’ by Russian Forces – New Investigation", None),
];

#[test]
fn all_twelve_seed_releases_are_valid() {
    let loaded = bundled();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dataset.releases.len(), 12);
}

#[test]
fn the_press_kit_is_only_what_the_page_gives() {
    // "If you are a member of the press, please reach out to [email protected]": an address
    // (obfuscated on the page; AIUSA's published press address), no person, no telephone, no
    // languages; and the one sentence the page says about the organization as its boilerplate.
    let dataset = bundled().dataset;
    assert_eq!(dataset.contacts.len(), 1);
    let contact = &dataset.contacts[0];
    assert_eq!(Some(contact.name.as_str()), dataset.organization_name());
    assert_eq!(contact.email.as_deref(), Some("press@aiusa.org"));
    assert_eq!(
        contact.email,
        dataset.organization.as_ref().unwrap().press_email
    );
    assert_eq!((&contact.role, &contact.phone), (&None, &None));
    assert!(contact.languages.is_empty());
    let boilerplate = "We put a human face on complex issues to hold governments accountable.";
    assert_eq!(dataset.boilerplate.as_deref(), Some(boilerplate));
    // The page's opening words, which the description quotes whole.
    assert!(dataset
        .description
        .as_deref()
        .unwrap()
        .starts_with(boilerplate));
    assert!(dataset
        .releases
        .iter()
        .all(|release| release.contacts.is_empty() && release.translation_key.is_none()));
}

#[test]
fn kinds_dates_titles_and_credits_match_the_seed() {
    let loaded = bundled();
    let releases = &loaded.dataset.releases;
    let order = newest_first(releases);
    for (&index, (date, kind, title, credit)) in order.iter().zip(SEED) {
        let release = &releases[index];
        assert_eq!(release.date.to_iso(), date, "{}", release.id);
        assert_eq!(release.kind, kind, "{}", release.id);
        assert_eq!(release.title, title, "{}", release.id);
        let found_credit = release
            .image
            .as_ref()
            .and_then(|image| image.credit.as_deref());
        assert_eq!(found_credit, credit, "{}", release.id);
        assert!(
            release
                .image
                .as_ref()
                .is_none_or(|image| image.src.is_none()),
            "the seed has no pictures"
        );
        assert!(
            release.summary.as_ref().is_some_and(|s| !s.is_empty()),
            "{}",
            release.id
        );
        assert_eq!(release.lang.as_deref(), Some("en"));
    }
}

#[test]
fn summaries_keep_the_pages_ellipses_where_it_cut_them() {
    let loaded = bundled();
    let cut: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .filter(|r| r.summary.as_deref().is_some_and(|s| s.ends_with('…')))
        .map(|r| r.date.to_iso())
        .map(|d| {
            if d == "2022-11-10" {
                "transfer"
            } else if d == "2022-09-21" {
                "hfac"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(cut, ["transfer", "hfac"]);
}

#[test]
fn the_people_quoted_match_the_seed() {
    let loaded = bundled();
    let quoted: Vec<(String, Vec<(String, String)>)> = newest_first(&loaded.dataset.releases)
        .into_iter()
        .map(|i| &loaded.dataset.releases[i])
        .filter(|r| !r.people.is_empty())
        .map(|r| {
            let people = r
                .people
                .iter()
                .map(|p| (p.name.clone(), p.role.clone().unwrap()))
                .collect();
            (r.date.to_iso(), people)
        })
        .collect();
    let marie = || vec![(MARIE.to_owned(), MARIE_ROLE.to_owned())];
    assert_eq!(
        quoted,
        [
            ("2022-10-20".to_owned(), marie()),
            ("2022-09-12".to_owned(), marie()),
            (
                "2022-09-08".to_owned(),
                vec![(MARIE.to_owned(), "Amnesty’s Director for Eastern Europe and Central Asia".to_owned())]
            ),
            (
                "2022-09-06".to_owned(),
                vec![(
                    "Denis Krivosheev".to_owned(),
                    "Deputy Director for Research in Amnesty International’s Eastern Europe and Central Asia office".to_owned()
                )]
            ),
            ("2022-07-13".to_owned(), marie()),
            ("2022-07-06".to_owned(), marie()),
        ]
    );
}

#[test]
fn every_release_has_topics_and_places() {
    for release in bundled().dataset.releases {
        assert!(
            !release.topics.is_empty() && !release.places.is_empty(),
            "{}",
            release.id
        );
    }
}

#[test]
fn the_seed_groups_into_2022_by_month() {
    let loaded = bundled();
    let releases = &loaded.dataset.releases;
    let years = group_by_month(releases, &newest_first(releases));
    let months: Vec<(u32, usize)> = years[0]
        .months
        .iter()
        .map(|m| (m.month, m.releases.len()))
        .collect();
    assert_eq!(years.len(), 1);
    assert_eq!(months, [(11, 1), (10, 1), (9, 4), (8, 3), (7, 2), (6, 1)]);
}
