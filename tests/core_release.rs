//! Native tests of the release page's logic: Markdown bodies read safely, related releases,
//! and neighbours in a timeline order.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::addresses;

use pressline::core::markdown::{parse_markdown, plain_text, Block, Inline};
use pressline::core::related::{neighbours, related};
use pressline::core::search::SearchIndex;
use pressline::core::view_state::ViewState;
use pressline::core::{parse_dataset, SafeUrl};

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

#[test]
fn markdown_blocks_and_inlines() {
    let blocks = parse_markdown(
        "# Heading\n\nA *soft* and **strong** `code` [link](https://example.org/a).\n\n\
         - one\n- two\n\n1. first\n2. second\n\n> quoted\n\n---\n\n    preformatted\n",
    );
    assert_eq!(
        blocks[0],
        Block::Heading {
            level: 2,
            content: vec![text("Heading")]
        }
    );
    let Block::Paragraph(paragraph) = &blocks[1] else {
        panic!("{:?}", blocks[1])
    };
    assert_eq!(plain_text(paragraph), "A soft and strong code link.");
    assert!(paragraph.contains(&Inline::Emphasis(vec![text("soft")])));
    assert!(paragraph.contains(&Inline::Strong(vec![text("strong")])));
    assert!(paragraph.contains(&Inline::Code("code".to_owned())));
    assert_eq!(
        blocks[2],
        Block::List {
            start: None,
            items: vec![
                vec![Block::Paragraph(vec![text("one")])],
                vec![Block::Paragraph(vec![text("two")])]
            ]
        }
    );
    assert!(matches!(&blocks[3], Block::List { start: Some(1), items } if items.len() == 2));
    assert_eq!(
        blocks[4],
        Block::Quote(vec![Block::Paragraph(vec![text("quoted")])])
    );
    assert_eq!(blocks[5], Block::Rule);
    assert_eq!(blocks[6], Block::Preformatted("preformatted\n".to_owned()));
    assert_eq!(addresses(&blocks), ["https://example.org/a"]);
}

#[test]
fn raw_html_is_never_interpreted() {
    let blocks = parse_markdown(
        "Before <img src=x onerror=alert(1)> after <b>bold</b>.\n\n\
         <script>alert('block')</script>\n\n\
         <div onclick=\"alert(1)\">Div text</div>\n",
    );
    let all: String = blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => plain_text(inlines),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join("|");
    assert_eq!(all, "Before  after bold.|Div text");
    assert!(!all.contains('<'));
}

#[test]
fn dangerous_links_and_images_lose_their_addresses() {
    let blocks = parse_markdown(
        "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](vbscript:x) \
         [e](&#106;avascript:alert(1)) [f](java\tscript:x) ![g](javascript:alert(1)) \
         [ok](mailto:press@example.org) [rel](/releases/x) [anchor](#notes) ![pic](img/a.jpg)\n\n\
         <javascript:alert(1)> <https://example.org/auto>",
    );
    assert_eq!(
        addresses(&blocks),
        [
            "mailto:press@example.org",
            "/releases/x",
            "#notes",
            "img/a.jpg",
            "https://example.org/auto"
        ]
    );
    let Block::Paragraph(first) = &blocks[0] else {
        panic!()
    };
    // A tab inside a destination is not a link at all in CommonMark: it stays text.
    assert!(
        plain_text(first).starts_with("a b c d e [f](java\tscript:x) g ok rel anchor pic"),
        "{:?}",
        plain_text(first)
    );
}

#[test]
fn safe_links_accept_web_mail_and_relative_only() {
    for good in [
        "https://a.org",
        "HTTP://a.org/x",
        "mailto:a@b.org",
        "/x",
        "x/y",
        "#top",
        "?q=1",
    ] {
        assert!(SafeUrl::parse_link(good).is_some(), "{good}");
    }
    for bad in [
        "javascript:x",
        "mailto:not-an-address",
        "data:x",
        "file:///etc/passwd",
        "ftp://a.org",
        " java script:x",
    ] {
        assert!(SafeUrl::parse_link(bad).is_none(), "{bad}");
    }
}

#[test]
fn related_releases_share_topics_places_or_people_best_first() {
    let loaded = parse_dataset(include_str!("../public/data/releases.json")).unwrap();
    let releases = &loaded.dataset.releases;
    let position = |id: &str| releases.iter().position(|r| r.id == id).unwrap();
    let yashin = position("russian-authorities-must-drop-case-against-ilya-yashin");
    let found = related(releases, yashin, 3);
    // The Belarus release shares both topics and the spokesperson: the best match.
    assert_eq!(
        releases[found[0]].id,
        "belarus-student-jailed-for-reposting-criticism-of-ukraine-war"
    );
    assert_eq!(found.len(), 3);
    assert!(!found.contains(&yashin));
    let theatre = position("deadly-mariupol-theatre-strike-a-clear-war-crime");
    // Both topics (2 + 2) and two places (1 + 1) beat the Mariupol sham trials' three places.
    let best = related(releases, theatre, 2);
    assert_eq!(
        releases[best[0]].id,
        "russian-attacks-on-critical-energy-infrastructure"
    );
    assert_ne!(
        releases[best[1]].id,
        "russian-sham-trials-of-ukrainian-prisoners-of-war-in-mariupol"
    );
    assert!(related(releases, 999, 3).is_empty());
}

#[test]
fn neighbours_follow_the_filtered_order() {
    let loaded = parse_dataset(include_str!("../public/data/releases.json")).unwrap();
    let releases = &loaded.dataset.releases;
    let index = SearchIndex::build(releases);
    let (view, _) = ViewState::from_query("person=Marie+Struthers&sort=oldest");
    let order = index.run(releases, &view).matches;
    let ids: Vec<&str> = order
        .iter()
        .map(|&i| releases[i as usize].id.as_str())
        .collect();
    assert_eq!(
        ids[0],
        "belarus-student-jailed-for-reposting-criticism-of-ukraine-war"
    );
    let second = order[1] as usize;
    let (before, after) = neighbours(&order, second).unwrap();
    assert_eq!(before, Some(order[0] as usize));
    assert_eq!(after, Some(order[2] as usize));
    assert_eq!(neighbours(&order, order[0] as usize).unwrap().0, None);
    let theatre = releases
        .iter()
        .position(|r| r.id == "deadly-mariupol-theatre-strike-a-clear-war-crime")
        .unwrap();
    assert_eq!(
        neighbours(&order, theatre),
        None,
        "not in this filtered order"
    );
}
