//! `pressline publish` natively: the pages' heads and content, the feeds read back by a real
//! feed parser (feed-rs), the sitemap as XML, hostile text kept in its place, sub-paths, and
//! publishing twice. The browser side (no JavaScript, then the app taking over) is in
//! tests/e2e/publish.spec.js.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use pressline::publish::feeds::feed_date;
use pressline::publish::sitemap::{sitemaps, URLS_PER_SITEMAP};
use pressline::publish::{publish, Deploy, PublishOptions, Published, DATA_FILE};
use pressline_core::formats::read_any;
use pressline_core::route::release_path;
use pressline_core::{Dataset, LoadedDataset, Release};

const SEED: &str = include_str!("../../../public/data/releases.json");
const HOSTILE: &str = include_str!("../../../tests/fixtures/hostile-publish.json");
const PRESS_KIT: &str = include_str!("../../../tests/fixtures/press-kit.json");

/// A directory shaped like trunk's output for `public_url`, with `bundled` as its
/// `data/releases.json`.
fn fake_build(name: &str, public_url: &str, bundled: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pressline-publish-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("data")).unwrap();
    fs::write(
        dir.join("index.html"),
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <base href=\"{public_url}\" />\n    <title>Pressline</title>\n    <meta name=\"description\" content=\"Press releases, reports and statements, newest first.\" />\n    <link rel=\"stylesheet\" href=\"{public_url}main-1.css\"/>\n<link rel=\"preload\" href=\"{public_url}app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\n<script type=\"module\" src=\"{public_url}boot-1.js\"></script>\n</head>\n  <body>\n    <noscript>\n      <p class=\"noscript\">Needs JavaScript.</p>\n    </noscript>\n  </body>\n</html>\n"
        ),
    )
    .unwrap();
    fs::write(dir.join("data/releases.json"), bundled).unwrap();
    fs::write(dir.join("robots.txt"), "User-agent: *\nAllow: /\n").unwrap();
    fs::write(dir.join("robots.txt.br"), "stale").unwrap();
    fs::write(
        dir.join("_headers"),
        "/*\n  X-Content-Type-Options: nosniff\n",
    )
    .unwrap();
    dir
}

fn load(text: &str) -> LoadedDataset {
    read_any(text).expect("the fixture is readable").1
}

fn run(dir: &Path, text: &str, base_url: &str, feed_size: usize) -> Published {
    let options = PublishOptions {
        out_dir: dir.to_owned(),
        deploy: Some(Deploy::parse(base_url).unwrap()),
        feed_size,
        data_src: None,
        threads: 2,
    };
    publish(&load(text), text, &options, &mut |_, _| {}).expect("publishing works")
}

/// Releases newest first, as the timeline (and so the feeds) order them.
fn newest_first(dataset: &Dataset) -> Vec<&Release> {
    let mut releases: Vec<&Release> = dataset.releases.iter().collect();
    releases.sort_by_key(|release| std::cmp::Reverse(release.date));
    releases
}

/// The decoded `content` of `<meta {attribute}="{name}" content="…">`.
fn meta(html: &str, attribute: &str, name: &str) -> String {
    let start = html
        .find(&format!(r#"<meta {attribute}="{name}" content=""#))
        .unwrap_or_else(|| panic!("no meta {name}"));
    let value_start = html[start..].find("content=\"").unwrap() + start + "content=\"".len();
    let value_end = html[value_start..].find('"').unwrap() + value_start;
    unescape(&html[value_start..value_end])
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The page's JSON-LD, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let open = r#"<script type="application/ld+json">"#;
    let start = html.find(open).expect("a JSON-LD script") + open.len();
    let end = html[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&html[start..end]).expect("the JSON-LD parses")
}

#[test]
fn every_release_page_has_its_own_head_and_readable_content() {
    let dir = fake_build("pages", "/", SEED);
    let published = run(&dir, SEED, "https://news.example.org", 50);
    let dataset = load(SEED).dataset;
    assert_eq!(published.release_pages, dataset.releases.len());
    assert_eq!(
        published.data_src, None,
        "the bundled dataset is the published one"
    );
    for release in &dataset.releases {
        let html =
            fs::read_to_string(dir.join(format!("releases/{}/index.html", release.id))).unwrap();
        let url = format!("https://news.example.org/releases/{}", release.id);
        assert!(html.contains(&format!(
            "<title>{} — Amnesty International USA</title>",
            release.title.replace('&', "&amp;")
        )));
        assert_eq!(meta(&html, "property", "og:title"), release.title);
        assert_eq!(meta(&html, "property", "og:url"), url);
        assert_eq!(meta(&html, "property", "og:type"), "article");
        assert_eq!(meta(&html, "name", "twitter:title"), release.title);
        assert!(html.contains(&format!(r#"<link rel="canonical" href="{url}" />"#)));
        let summary = release.summary.clone().unwrap_or_default();
        assert!(summary.starts_with(meta(&html, "name", "description").trim_end_matches('…')));
        let ld = json_ld(&html);
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["name"], release.title.as_str());
        assert_eq!(ld["datePublished"], release.date.to_iso());
        assert_eq!(ld["publisher"]["name"], "Amnesty International USA");
        assert_eq!(ld["url"], url.as_str());
        // The release itself, readable without the app.
        assert!(html.contains(r#"<div id="pressline-prerendered" data-path="/releases/"#));
        assert!(html.contains(&format!(
            r#"<h1 tabindex="-1" class="release__title">{}</h1>"#,
            release.title.replace('&', "&amp;")
        )));
        assert!(html.contains(&format!(
            r#"<time datetime="{}" lang="en" dir="ltr" class="release-date">{}</time>"#,
            release.date.to_iso(),
            release.date.to_long_english()
        )));
        assert!(
            !html.contains("<noscript>"),
            "a prerendered page needs no noscript note"
        );
    }
    // The timeline's page lists the releases, and the 404 page is the bare app.
    let index = fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(meta(&index, "property", "og:type"), "website");
    assert_eq!(json_ld(&index)["@type"], "CollectionPage");
    for release in &dataset.releases {
        assert!(index.contains(&format!(
            r#"<h4 class="release-card__title"><a href="/releases/{}">"#,
            release.id
        )));
    }
    let not_found = fs::read_to_string(dir.join("404.html")).unwrap();
    assert!(not_found.contains("<noscript>") && !not_found.contains("pressline-prerendered"));
}

#[test]
fn feeds_parse_back_with_every_entry_right() {
    let dir = fake_build("feeds", "/", SEED);
    let feed_size = 10;
    let published = run(&dir, SEED, "https://news.example.org/", feed_size);
    assert_eq!(published.feed_entries, feed_size);
    let dataset = load(SEED).dataset;
    let expected: Vec<&Release> = newest_first(&dataset).into_iter().take(feed_size).collect();
    for file in ["feed.xml", "feed.json"] {
        let bytes = fs::read(dir.join(file)).unwrap();
        let feed = feed_rs::parser::parse(bytes.as_slice())
            .unwrap_or_else(|error| panic!("{file} does not parse: {error}"));
        assert_eq!(
            feed.title.as_ref().map(|t| t.content.as_str()),
            Some(dataset.title.as_str()),
            "{file}"
        );
        assert_eq!(feed.entries.len(), feed_size, "{file}");
        for (entry, release) in feed.entries.iter().zip(&expected) {
            let url = format!("https://news.example.org/releases/{}", release.id);
            assert_eq!(
                entry.title.as_ref().unwrap().content,
                release.title,
                "{file}"
            );
            assert_eq!(entry.links[0].href, url, "{file}");
            let published = entry.published.expect("a publication date").to_rfc3339();
            let expected_date = feed_date(&release.date);
            assert_eq!(
                chrono::DateTime::parse_from_rfc3339(&published).unwrap(),
                chrono::DateTime::parse_from_rfc3339(&expected_date).unwrap(),
                "{file}: {}",
                release.id
            );
        }
    }
}

#[test]
fn the_json_feed_has_every_field_its_spec_requires() {
    let dir = fake_build("jsonfeed", "/", SEED);
    run(&dir, SEED, "https://news.example.org/", 50);
    let feed: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("feed.json")).unwrap()).unwrap();
    // https://www.jsonfeed.org/version/1.1/: version, title and items are required; each item
    // needs an id, and content_html or content_text.
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].is_string());
    assert_eq!(feed["feed_url"], "https://news.example.org/feed.json");
    assert_eq!(feed["home_page_url"], "https://news.example.org/");
    let items = feed["items"].as_array().expect("items is an array");
    assert_eq!(items.len(), 12);
    let mut ids = HashSet::new();
    for item in items {
        assert!(item["id"].is_string(), "{item}");
        assert!(
            ids.insert(item["id"].as_str().unwrap().to_owned()),
            "ids are unique"
        );
        assert!(item["content_html"].is_string() || item["content_text"].is_string());
        let date = item["date_published"].as_str().unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(date).is_ok(),
            "{date} is RFC 3339"
        );
    }
}

#[test]
fn the_sitemap_is_xml_listing_every_release_and_robots_points_to_it() {
    let dir = fake_build("sitemap", "/", SEED);
    run(&dir, SEED, "https://news.example.org/", 50);
    let text = fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let document = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let listed: HashSet<String> = root
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .map(|node| node.text().unwrap().to_owned())
        .collect();
    let dataset = load(SEED).dataset;
    assert_eq!(listed.len(), dataset.releases.len() + 1);
    assert!(listed.contains("https://news.example.org/"));
    for release in &dataset.releases {
        assert!(listed.contains(&format!(
            "https://news.example.org{}",
            release_path(&release.id)
        )));
    }
    let robots = fs::read_to_string(dir.join("robots.txt")).unwrap();
    assert!(robots.ends_with("Sitemap: https://news.example.org/sitemap.xml\n"));
    assert!(
        !dir.join("robots.txt.br").exists(),
        "a stale compressed robots.txt would be served instead"
    );
    assert!(dir.join("robots.txt.gz").exists() && dir.join("feed.xml.gz").exists());
}

#[test]
fn past_fifty_thousand_addresses_the_sitemap_becomes_an_index() {
    let seed = load(SEED).dataset;
    let template = seed.releases[0].clone();
    let releases: Vec<Release> = (0..URLS_PER_SITEMAP)
        .map(|i| Release {
            id: format!("r{i}"),
            body: None,
            ..template.clone()
        })
        .collect();
    let dataset = Dataset { releases, ..seed };
    let order: Vec<usize> = (0..dataset.releases.len()).collect();
    let deploy = Deploy::parse("https://news.example.org/").unwrap();
    let files = sitemaps(&dataset, &order, &deploy);
    // 50,000 releases and the timeline: one address too many for one file.
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    let index = roxmltree::Document::parse(&files[0].1).unwrap();
    assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
    let mut total = 0;
    for (_, text) in &files[1..] {
        let document = roxmltree::Document::parse(text).unwrap();
        total += document
            .descendants()
            .filter(|n| n.has_tag_name("url"))
            .count();
    }
    assert_eq!(total, URLS_PER_SITEMAP + 1);
}

#[test]
fn hostile_text_stays_text_in_meta_tags_json_ld_and_content() {
    let dir = fake_build("hostile", "/", SEED);
    let published = run(&dir, HOSTILE, "https://news.example.org/", 50);
    // Not the bundled dataset: the app is pointed at a copy of the published one.
    assert_eq!(published.data_src.as_deref(), Some("/data/site.json"));
    assert_eq!(fs::read_to_string(dir.join(DATA_FILE)).unwrap(), HOSTILE);
    let dataset = load(HOSTILE).dataset;
    let mut pages = vec![fs::read_to_string(dir.join("index.html")).unwrap()];
    for release in &dataset.releases {
        let html =
            fs::read_to_string(dir.join(format!("releases/{}/index.html", release.id))).unwrap();
        assert_eq!(meta(&html, "property", "og:title"), release.title);
        assert_eq!(meta(&html, "name", "twitter:title"), release.title);
        let ld = json_ld(&html);
        assert_eq!(ld["name"], release.title.as_str());
        assert_eq!(
            ld["publisher"]["name"],
            dataset.organization_name().unwrap()
        );
        if let Some(src) = release.image.as_ref().and_then(|i| i.src.as_ref()) {
            assert_eq!(meta(&html, "property", "og:image"), src.as_str());
        }
        pages.push(html);
    }
    for html in &pages {
        assert!(html.contains(r#"data-src="/data/site.json""#));
        // Only our two scripts: the app's module and the JSON-LD. The payload's `<script>`
        // and `</script>` are text everywhere.
        assert_eq!(html.matches("<script").count(), 2, "{html}");
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(!html.contains("<!--"), "no comment opens inside the page");
        // Every element is one of ours: no event handler, no script address, no payload tag.
        assert!(tags(html).len() > 50, "the scanner reads the page");
        for (name, attributes) in tags(html) {
            assert!(name != "img" || attributes.iter().all(|(a, _)| a != "onerror"));
            for (attribute, value) in attributes {
                assert!(
                    !attribute.starts_with("on"),
                    "<{name} {attribute}={value:?}>"
                );
                let scheme = value.trim_start().to_ascii_lowercase();
                assert!(
                    !((attribute == "href" || attribute == "src")
                        && scheme.starts_with("javascript:")),
                    "<{name} {attribute}={value:?}>"
                );
            }
        }
    }
    // The feeds are still well-formed and carry the raw text.
    let atom = fs::read(dir.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(atom.as_slice()).expect("the Atom feed parses");
    let titles: HashSet<String> = feed
        .entries
        .iter()
        .map(|e| e.title.clone().unwrap().content)
        .collect();
    for release in &dataset.releases {
        assert!(titles.contains(&release.title));
    }
    roxmltree::Document::parse(&fs::read_to_string(dir.join("sitemap.xml")).unwrap()).unwrap();
}

#[test]
fn links_and_addresses_follow_a_sub_path_deploy() {
    let dir = fake_build("subpath", "/campaigns/ukraine/", SEED);
    run(&dir, SEED, "https://example.org/campaigns/ukraine/", 50);
    let dataset = load(SEED).dataset;
    let release = &dataset.releases[0];
    let html = fs::read_to_string(dir.join(format!("releases/{}/index.html", release.id))).unwrap();
    assert_eq!(
        meta(&html, "property", "og:url"),
        format!(
            "https://example.org/campaigns/ukraine/releases/{}",
            release.id
        )
    );
    assert!(html.contains(r#"<a href="/campaigns/ukraine/" class="site-header__name">"#));
    assert!(
        html.contains(r#"href="/campaigns/ukraine/?topic="#),
        "tag links"
    );
    assert!(
        !html.contains(r#"href="/releases/"#),
        "no link escapes the sub-path"
    );
    let robots = fs::read_to_string(dir.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/campaigns/ukraine/sitemap.xml"));
    let headers = fs::read_to_string(dir.join("_headers")).unwrap();
    assert!(headers.contains("/campaigns/ukraine/feed.xml\n  Content-Type: application/atom+xml"));
}

#[test]
fn a_build_for_another_sub_path_is_refused() {
    let dir = fake_build("mismatch", "/campaigns/ukraine/", SEED);
    let options = PublishOptions {
        out_dir: dir.clone(),
        deploy: Some(Deploy::parse("https://example.org/news/").unwrap()),
        feed_size: 50,
        data_src: None,
        threads: 1,
    };
    let error = publish(&load(SEED), SEED, &options, &mut |_, _| {}).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("/campaigns/ukraine/") && message.contains("/news/"),
        "{message}"
    );
    assert!(!dir.join("releases").exists(), "nothing was written");
}

#[test]
fn publishing_twice_gives_the_same_files() {
    let dir = fake_build("twice", "/", SEED);
    run(&dir, SEED, "https://news.example.org/", 50);
    let first = snapshot(&dir);
    run(&dir, SEED, "https://news.example.org/", 50);
    assert_eq!(snapshot(&dir), first);
    // A release that left the dataset loses its page.
    let smaller = SEED.replacen(
        "\"id\": \"russias-unlawful-transfer-of-civilians-a-war-crime\"",
        "\"id\": \"renamed\"",
        1,
    );
    run(&dir, &smaller, "https://news.example.org/", 50);
    assert!(!dir
        .join("releases/russias-unlawful-transfer-of-civilians-a-war-crime")
        .exists());
    assert!(dir.join("releases/renamed/index.html").exists());
}

/// The start tags of a page: name and attributes (values as written). Escaped text has no raw
/// `<`, so every `<` starts markup; quoted values are skipped whole, as a browser reads them.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        i += at + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue; // An end tag, the doctype.
        }
        let name_end = i + html[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap();
        let name = html[i..name_end].to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut j = name_end;
        loop {
            while bytes[j].is_ascii_whitespace() || bytes[j] == b'/' {
                j += 1;
            }
            if bytes[j] == b'>' {
                break;
            }
            let attr_end = j + html[j..]
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap();
            let attribute = html[j..attr_end].to_ascii_lowercase();
            j = attr_end;
            let mut value = String::new();
            if bytes[j] == b'=' {
                j += 1;
                let quote = bytes[j];
                if quote == b'"' || quote == b'\'' {
                    let close = j + 1 + html[j + 1..].find(quote as char).unwrap();
                    value = unescape(&html[j + 1..close]);
                    j = close + 1;
                } else {
                    let end = j + html[j..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap();
                    value = html[j..end].to_owned();
                    j = end;
                }
            }
            attributes.push((attribute, value));
        }
        i = j;
        // A script's or a style's content is not markup.
        if name == "script" {
            i += html[i..].find("</script>").unwrap();
        }
        found.push((name, attributes));
    }
    found
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(path) = stack.pop() {
        for entry in fs::read_dir(&path).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.push((entry.path(), fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn without_a_base_url_the_pages_are_prerendered_and_nothing_absolute_is_invented() {
    let dir = fake_build("relative", "/campaigns/ukraine/", SEED);
    let options = PublishOptions {
        out_dir: dir.clone(),
        deploy: None,
        feed_size: 50,
        data_src: None,
        threads: 2,
    };
    let published = publish(&load(SEED), SEED, &options, &mut |_, _| {}).expect("publishing works");
    let dataset = &load(SEED).dataset;
    assert_eq!(published.release_pages, dataset.releases.len());
    assert_eq!((published.feed_entries, published.sitemap_files), (0, 0));
    let timeline = fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(timeline.contains(r#"<div id="pressline-prerendered" data-path="/">"#));
    // The app's links keep the build's sub-path.
    let first = &newest_first(dataset)[0];
    assert!(timeline.contains(&format!(
        r#"href="/campaigns/ukraine/releases/{}""#,
        first.id
    )));
    for release in &dataset.releases {
        let page =
            fs::read_to_string(dir.join(format!("releases/{}/index.html", release.id))).unwrap();
        assert!(page.contains(&format!(
            "<title>{} — Amnesty International USA</title>",
            release.title.replace('&', "&amp;")
        )));
        assert_eq!(meta(&page, "property", "og:title"), release.title);
        for absolute in [
            "rel=\"canonical\"",
            "og:url",
            "og:image",
            "application/ld+json",
            "rel=\"alternate\"",
        ] {
            assert!(
                !page.contains(absolute),
                "{absolute} written without a base URL"
            );
        }
    }
    for file in ["feed.xml", "feed.json", "sitemap.xml"] {
        assert!(
            !dir.join(file).exists(),
            "{file} written without a base URL"
        );
    }
    // The page for any other address is left as the build made it; the app's data stays bundled.
    assert!(!timeline.contains("data-src"));
    // A prerendered page fetches the app's wasm after its first paint; the bare page at once.
    assert!(!timeline.contains("_bg.wasm"));
    assert!(fs::read_to_string(dir.join("404.html"))
        .unwrap()
        .contains(r#"<link rel="preload" href="/campaigns/ukraine/app-1_bg.wasm""#));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn pages_prerendered_with_plans_are_the_pages_the_app_renders_on_its_own() {
    use pressline::publish::release_plans;
    use pressline_core::site::Site;
    use pressline_web::context::site_data::SiteData;
    use pressline_web::prerender::{render_page, render_page_with};

    let loaded = load(SEED);
    let releases = loaded.dataset.releases.clone();
    let site = Site::new(pressline_core::formats::SourceFormat::Pressline, loaded);
    let plans = release_plans(&site);
    let data = SiteData::from_site(site);
    for release in &releases {
        let path = release_path(&release.id);
        let planned = render_page_with(&data, "", &path, Some(&plans), None);
        assert_eq!(planned, render_page(&data, "", &path), "{}", release.id);
        assert!(planned.contains("rel=\"next\"") || planned.contains("rel=\"prev\""));
    }
}

/// The press kit fixture with a hostile contact on one release: text that would end the
/// JSON-LD's script, or open a comment, if it were not escaped.
fn press_kit_with_a_hostile_contact() -> String {
    let mut dataset: serde_json::Value = serde_json::from_str(PRESS_KIT).unwrap();
    dataset["releases"][2]["contacts"] = serde_json::json!([{
        "name": "</script><script>alert(1)</script><!--",
        "role": "Spokesperson \"&\" <b>press</b>",
        "email": "press@example.org",
        "phone": "+1 (212) 555-0100",
    }]);
    serde_json::to_string_pretty(&dataset).unwrap()
}

#[test]
fn json_ld_names_the_press_contacts_as_contact_points() {
    let text = press_kit_with_a_hostile_contact();
    let dir = fake_build("press-kit", "/", &text);
    run(&dir, &text, "https://news.example.org/", 50);
    let page =
        |id: &str| fs::read_to_string(dir.join(format!("releases/{id}/index.html"))).unwrap();

    // A release's own contact, on the publisher (the author is the organization alone).
    let ld = json_ld(&page("kyiv-briefing"));
    assert_eq!(
        ld["publisher"]["contactPoint"],
        serde_json::json!([{
            "@type": "ContactPoint",
            "contactType": "Спікерка",
            "name": "Ана Гарсія",
            "email": "ana@example.org",
            "availableLanguage": ["uk", "es"],
        }])
    );
    assert_eq!(ld["author"].get("contactPoint"), None);
    assert_eq!(ld["publisher"]["name"], "Example Rights Watch");

    // A release without contacts of its own: the dataset's, the desk's type "press".
    let dataset_points = serde_json::json!([
        {
            "@type": "ContactPoint",
            "contactType": "press",
            "name": "Example Rights Watch",
            "email": "press@example.org",
            "telephone": "+1 (212) 555-0100",
            "availableLanguage": ["en", "es"],
        },
        {
            "@type": "ContactPoint",
            "contactType": "Media officer, Kyiv; Eastern Europe",
            "name": "Olena Kovalenko",
            "email": "olena.k@example.org",
            "telephone": "+380 44 555 01 02",
            "availableLanguage": ["uk", "ru", "en"],
        },
    ]);
    assert_eq!(
        json_ld(&page("kyiv-briefing-uk"))["publisher"]["contactPoint"],
        dataset_points
    );
    let index = fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(json_ld(&index)["publisher"]["contactPoint"], dataset_points);

    // Hostile text is the same text once parsed, and never ends the script.
    let hostile = page("kyiv-briefing-ru");
    let ld = json_ld(&hostile);
    assert_eq!(
        ld["publisher"]["contactPoint"][0]["name"],
        "</script><script>alert(1)</script><!--"
    );
    assert_eq!(
        ld["publisher"]["contactPoint"][0]["contactType"],
        "Spokesperson \"&\" <b>press</b>"
    );
    assert_eq!(hostile.matches("<script").count(), 2, "{hostile}");
    assert!(!hostile.contains("<!--"));

    // The seed's press desk: the organization and its press address.
    let dir = fake_build("seed-contacts", "/", SEED);
    run(&dir, SEED, "https://news.example.org/", 50);
    let seed = fs::read_to_string(dir.join(format!(
        "releases/{}/index.html",
        load(SEED).dataset.releases[0].id
    )))
    .unwrap();
    assert_eq!(
        json_ld(&seed)["publisher"]["contactPoint"],
        serde_json::json!([{
            "@type": "ContactPoint",
            "contactType": "press",
            "name": "Amnesty International USA",
            "email": "press@aiusa.org",
        }])
    );
}

/// The `hreflang` and address of every `<link rel="alternate" hreflang>` in a page's head.
fn hreflang_links(html: &str) -> Vec<(String, String)> {
    tags(html)
        .into_iter()
        .filter(|(name, attributes)| {
            name == "link" && attributes.iter().any(|(a, _)| a == "hreflang")
        })
        .map(|(_, attributes)| {
            let get = |key: &str| {
                attributes
                    .iter()
                    .find(|(a, _)| a == key)
                    .map(|(_, v)| v.clone())
                    .unwrap()
            };
            assert_eq!(get("rel"), "alternate");
            (get("hreflang"), get("href"))
        })
        .collect()
}

#[test]
fn versions_in_other_languages_are_linked_from_the_head_and_the_sitemap() {
    let dir = fake_build("translations", "/", PRESS_KIT);
    run(&dir, PRESS_KIT, "https://news.example.org/", 50);
    let url = |id: &str| format!("https://news.example.org/releases/{id}");
    let versions: Vec<(String, String)> = [
        ("ar", "kyiv-briefing-ar"),
        ("en", "kyiv-briefing"),
        ("ru", "kyiv-briefing-ru"),
        ("uk", "kyiv-briefing-uk"),
    ]
    .iter()
    .map(|(lang, id)| (lang.to_string(), url(id)))
    .collect();
    for (_, address) in &versions {
        let id = address.rsplit('/').next().unwrap();
        let html = fs::read_to_string(dir.join(format!("releases/{id}/index.html"))).unwrap();
        // Every version, itself included, by language tag.
        assert_eq!(hreflang_links(&html), versions, "{id}");
    }
    let alone = fs::read_to_string(dir.join("releases/alone/index.html")).unwrap();
    assert_eq!(hreflang_links(&alone), []);
    let index = fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(hreflang_links(&index), []);

    // The sitemap says the same, in the XHTML namespace.
    let text = fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let document = roxmltree::Document::parse(&text).expect("well-formed XML");
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let mut seen = 0;
    for entry in document
        .root_element()
        .children()
        .filter(|node| node.has_tag_name("url"))
    {
        let loc = entry
            .children()
            .find(|node| node.has_tag_name("loc"))
            .and_then(|node| node.text())
            .unwrap();
        let links: Vec<(String, String)> = entry
            .children()
            .filter(|node| node.has_tag_name((XHTML, "link")))
            .map(|node| {
                assert_eq!(node.attribute("rel"), Some("alternate"));
                (
                    node.attribute("hreflang").unwrap().to_owned(),
                    node.attribute("href").unwrap().to_owned(),
                )
            })
            .collect();
        if loc.contains("/releases/kyiv-briefing") {
            assert_eq!(links, versions, "{loc}");
            seen += 1;
        } else {
            assert_eq!(links, [], "{loc}");
        }
    }
    assert_eq!(seen, 4);

    // Without translations the sitemap has no XHTML namespace at all.
    let dir = fake_build("no-translations", "/", SEED);
    run(&dir, SEED, "https://news.example.org/", 50);
    let seed_sitemap = fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert!(!seed_sitemap.contains("xhtml"));
    let seed_page = fs::read_to_string(dir.join(format!(
        "releases/{}/index.html",
        load(SEED).dataset.releases[0].id
    )))
    .unwrap();
    assert_eq!(hreflang_links(&seed_page), []);
}
