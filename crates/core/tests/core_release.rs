//! Native tests of the release page's logic: Markdown bodies read safely, related releases,
//! and neighbours in a timeline order.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::addresses;

use pressline_core::markdown::{parse_markdown, plain_text, Block, Inline};
use pressline_core::related::{neighbours, related};
use pressline_core::search::SearchIndex;
use pressline_core::view_state::ViewState;
use pressline_core::{parse_dataset, SafeUrl};

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

/// How deeply blocks nest in a parsed body.
fn block_depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Quote(inner) => 1 + block_depth(inner),
            Block::List { items, .. } => {
                1 + items.iter().map(|i| block_depth(i)).max().unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// How deeply inlines nest in a parsed body.
fn inline_depth(blocks: &[Block]) -> usize {
    fn of(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Emphasis(inner)
                | Inline::Strong(inner)
                | Inline::Link { content: inner, .. } => 1 + of(inner),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => of(inlines),
            Block::Quote(inner) => inline_depth(inner),
            Block::List { items, .. } => items.iter().map(|i| inline_depth(i)).max().unwrap_or(0),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn hostile_bodies_at_the_length_limit_stay_shallow_and_keep_their_text() {
    use pressline_core::markdown::{MAX_BLOCK_NESTING, MAX_INLINE_NESTING};
    use pressline_core::validate::MAX_BODY_CHARS;
    // Each of these overflowed the stack or took from seconds to minutes before the reader
    // had its limits (found while fuzzing for the hostile-input issue). They are also in the
    // markdown fuzz corpus, which `make test` replays with a 5-second limit per input.
    for unit in [
        "> ", "- ", "1. ", "\n  - ", "[", "![", "<", "<a", "<!--", "[a](", "[](", "**a", "*a_",
        "`a", "``a", "[[x](y)", "*a*", "[](a (", "[]((a", "[](a\n(", "[](\\(", "[](<",
    ] {
        let body = unit.repeat(MAX_BODY_CHARS / unit.len());
        let blocks = parse_markdown(&body);
        assert!(block_depth(&blocks) <= MAX_BLOCK_NESTING, "{unit:?}");
        assert!(inline_depth(&blocks) <= MAX_INLINE_NESTING + 2, "{unit:?}");
    }
    // Nesting past the limit is kept as text, not lost.
    let deep = format!("{}deepest", "> ".repeat(40));
    let blocks = parse_markdown(&deep);
    assert_eq!(block_depth(&blocks), MAX_BLOCK_NESTING);
    let mut innermost = &blocks;
    while let [Block::Quote(inner)] = innermost.as_slice() {
        innermost = inner;
    }
    let [Block::Paragraph(inlines)] = innermost.as_slice() else {
        panic!("{innermost:?}")
    };
    assert!(
        plain_text(inlines).ends_with("> > deepest"),
        "{}",
        plain_text(inlines)
    );
    // An ordinary body is unaffected: a link inside emphasis inside a quote inside a list.
    let blocks = parse_markdown("- > *see [the report](https://example.org/r)*");
    assert_eq!(block_depth(&blocks), 2);
    assert_eq!(inline_depth(&blocks), 2);
}

#[test]
fn related_releases_share_topics_places_or_people_best_first() {
    let loaded = parse_dataset(include_str!("../../../public/data/releases.json")).unwrap();
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
    let loaded = parse_dataset(include_str!("../../../public/data/releases.json")).unwrap();
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

#[test]
fn markdown_structure_beyond_the_basics() {
    let blocks = parse_markdown(
        "Title\n=====\n\nSub\n---\n\n## Closed ##\n\n\
         - a\n  - nested *one*\n- b\n  continued\nlazily\n\n\
         3) three\n4) four\n\n\
         > quote\nlazy\n> > deeper\n\n\
         ```rust\nlet x = 1;\n\n  indented\n```\n\n\
         Line one  \nline two\\\nline three",
    );
    let text = |s: &str| Inline::Text(s.to_owned());
    assert_eq!(
        blocks[0],
        Block::Heading {
            level: 2,
            content: vec![text("Title")]
        }
    );
    assert_eq!(
        blocks[1],
        Block::Heading {
            level: 3,
            content: vec![text("Sub")]
        }
    );
    assert_eq!(
        blocks[2],
        Block::Heading {
            level: 3,
            content: vec![text("Closed")]
        }
    );
    assert_eq!(
        blocks[3],
        Block::List {
            start: None,
            items: vec![
                vec![
                    Block::Paragraph(vec![text("a")]),
                    Block::List {
                        start: None,
                        items: vec![vec![Block::Paragraph(vec![
                            text("nested "),
                            Inline::Emphasis(vec![text("one")])
                        ])]]
                    }
                ],
                vec![Block::Paragraph(vec![text("b continued lazily")])],
            ]
        }
    );
    assert!(matches!(&blocks[4], Block::List { start: Some(3), items } if items.len() == 2));
    assert_eq!(
        blocks[5],
        Block::Quote(vec![
            Block::Paragraph(vec![text("quote lazy")]),
            Block::Quote(vec![Block::Paragraph(vec![text("deeper")])])
        ])
    );
    assert_eq!(
        blocks[6],
        Block::Preformatted("let x = 1;\n\n  indented\n".to_owned())
    );
    assert_eq!(
        blocks[7],
        Block::Paragraph(vec![
            text("Line one"),
            Inline::LineBreak,
            text("line two"),
            Inline::LineBreak,
            text("line three")
        ])
    );
    assert_eq!(blocks.len(), 8);
}

#[test]
fn markdown_inline_details() {
    let inlines = |source: &str| match parse_markdown(source).into_iter().next() {
        Some(Block::Paragraph(inlines)) => inlines,
        other => panic!("{other:?}"),
    };
    let text = |s: &str| Inline::Text(s.to_owned());
    assert_eq!(
        inlines("***both*** and __strong__ and _em_ and snake_case_name"),
        vec![
            Inline::Emphasis(vec![Inline::Strong(vec![text("both")])]),
            text(" and "),
            Inline::Strong(vec![text("strong")]),
            text(" and "),
            Inline::Emphasis(vec![text("em")]),
            text(" and snake_case_name"),
        ]
    );
    assert_eq!(
        inlines("2 * 3 * 4 and a*b"),
        vec![text("2 * 3 * 4 and a*b")]
    );
    assert_eq!(
        inlines("``a ` b`` `  `"),
        vec![
            Inline::Code("a ` b".into()),
            text(" "),
            Inline::Code("  ".into())
        ]
    );
    assert_eq!(
        inlines("&copy; &#8212; &#x41; &bogus; &#0; AT&T"),
        vec![text("© — A &bogus; \u{fffd} AT&T")]
    );
    assert_eq!(inlines("~~gone~~ stays"), vec![text("gone stays")]);
    assert_eq!(
        inlines("\\*not em\\* \\[not link]"),
        vec![text("*not em* [not link]")]
    );
    assert_eq!(
        inlines("[a *b*](https://x.org/a_(b) \"title\") ![alt *x*](/i.png)"),
        vec![
            Inline::Link {
                href: SafeUrl::parse_link("https://x.org/a_(b)"),
                content: vec![text("a "), Inline::Emphasis(vec![text("b")])]
            },
            text(" "),
            Inline::Image {
                src: SafeUrl::parse_resource("/i.png").unwrap(),
                alt: "alt x".into()
            },
        ]
    );
    assert_eq!(
        inlines("<press@example.org> [x](<a b.html>)"),
        vec![
            Inline::Link {
                href: SafeUrl::parse_link("mailto:press@example.org"),
                content: vec![text("press@example.org")]
            },
            text(" "),
            Inline::Link {
                href: SafeUrl::parse_link("a b.html"),
                content: vec![text("x")]
            },
        ]
    );
    assert_eq!(
        inlines("a < b and [x] (y) and [unclosed"),
        vec![text("a < b and [x] (y) and [unclosed")]
    );
    // Parentheses nest in a destination up to MAX_DESTINATION_PARENS; past it the link is text.
    use pressline_core::markdown::MAX_DESTINATION_PARENS;
    let nested = |depth: usize| format!("[x](/a{}b{})", "(".repeat(depth), ")".repeat(depth));
    assert_eq!(
        inlines(&nested(MAX_DESTINATION_PARENS)),
        vec![Inline::Link {
            href: SafeUrl::parse_link(&format!(
                "/a{}b{}",
                "(".repeat(MAX_DESTINATION_PARENS),
                ")".repeat(MAX_DESTINATION_PARENS)
            )),
            content: vec![text("x")]
        }]
    );
    assert_eq!(
        inlines(&nested(MAX_DESTINATION_PARENS + 1)),
        vec![text(&nested(MAX_DESTINATION_PARENS + 1))]
    );
    // A title in parentheses cannot hold an unescaped `(`: then there is no link.
    assert_eq!(
        inlines("[x](/a (t\\(i\\)tle))"),
        vec![Inline::Link {
            href: SafeUrl::parse_link("/a"),
            content: vec![text("x")]
        }]
    );
    assert_eq!(inlines("[x](/a (t(i))"), vec![text("[x](/a (t(i))")]);
    assert_eq!(
        inlines("Заява *«наголос»* — так"),
        vec![
            text("Заява "),
            Inline::Emphasis(vec![text("«наголос»")]),
            text(" — так")
        ]
    );
}

proptest::proptest! {
    #[test]
    fn markdown_never_panics_and_keeps_only_safe_addresses(parts in proptest::collection::vec(proptest::sample::select(vec![
        "*", "**", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "&#", ";",
        "\\", "\n", "\n\n", "  \n", "    ", "\t", "#", "## ", "- ", "1. ", "2) ", "> ", "---", "```", "~~~",
        "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<b>", "a", "word ", "Заява", "é", "😀",
        "https://x.org", "javascript:", "<https://y.org>", "=", "|",
    ]), 0..60)) {
        let source = parts.concat();
        // Every piece is text in the tree (the view escapes it), so what matters is no panic
        // and no dangerous address.
        let blocks = parse_markdown(&source);
        for address in addresses(&blocks) {
            proptest::prop_assert!(!address.to_ascii_lowercase().starts_with("javascript:"), "{}", address);
        }
    }
}
