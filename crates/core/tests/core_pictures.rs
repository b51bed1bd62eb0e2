//! Native tests of pictures: `width`, `height`, `caption` and `sizes` validated, a missing `alt`
//! reported without costing anything, the gallery (`images`), the `srcset` chosen, and the
//! `sizes` attributes checked against the stylesheet's layout at every viewport width.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::picture::{srcset, CARD_SIZES, RELEASE_PAGE_SIZES};
use pressline_core::{parse_dataset, Image, LoadedDataset, Problem, ProblemKind};

const PRESS_KIT: &str = include_str!("../../../tests/fixtures/press-kit.json");

/// A dataset of one release with these extra fields (JSON members, comma-separated).
fn with_fields(fields: &str) -> LoadedDataset {
    parse_dataset(&format!(
        r#"{{ "pressline": 1, "releases": [ {{ "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", {fields} }} ] }}"#
    ))
    .expect("a readable dataset")
}

fn image_of(loaded: &LoadedDataset) -> &Image {
    loaded.dataset.releases[0]
        .image
        .as_ref()
        .expect("the picture is kept")
}

fn said(loaded: &LoadedDataset) -> Vec<String> {
    loaded.problems.iter().map(Problem::to_string).collect()
}

#[test]
fn the_fixtures_pictures_keep_every_field() {
    let loaded = parse_dataset(PRESS_KIT).unwrap();
    assert_eq!(loaded.problems, []);
    let release = loaded.dataset.release("kyiv-briefing").unwrap();
    let image = release.image.as_ref().unwrap();
    assert_eq!(image.caption.as_deref(), Some("The briefing, 2 May 2024"));
    assert_eq!((image.width, image.height), (Some(1600), Some(1067)));
    assert_eq!(image.sizes.len(), 2);
    assert_eq!(
        srcset(image).as_deref(),
        Some(
            "https://example.org/images/kyiv-480.jpg 480w, \
             https://example.org/images/kyiv-960.jpg 960w, \
             https://example.org/images/kyiv-1600.jpg 1600w"
        )
    );
    assert_eq!(release.images.len(), 2);
    assert_eq!(
        release.images[0].src.as_ref().unwrap().as_str(),
        "/images/kyiv-map.png"
    );
    assert_eq!(release.images[0].width, Some(1200));
    assert_eq!(srcset(&release.images[0]), None, "no other sizes");
    assert_eq!(
        release.images[1].credit.as_deref(),
        Some("Archive photo: Agency"),
        "a credit stands alone in a gallery too ('Archive photo:' is not a label)"
    );
}

#[test]
fn a_picture_without_alt_is_reported_and_kept_and_nothing_counts_as_skipped() {
    let loaded = with_fields(
        r#""image": { "src": "a.jpg", "credit": "Agency" },
           "images": [ { "src": "b.jpg", "alt": "  " }, { "credit": "Only a credit" } ]"#,
    );
    assert_eq!(loaded.dataset.releases.len(), 1);
    let release = &loaded.dataset.releases[0];
    assert_eq!(release.image.as_ref().unwrap().alt, None);
    assert_eq!(release.images.len(), 2, "both gallery pictures are kept");
    assert_eq!(
        said(&loaded),
        [
            "releases[0] (id \"a\"), field `image.alt`: missing, and recommended: it tells \
             people who cannot see the picture what it shows; nothing is left out",
            "releases[0] (id \"a\"), field `images[0].alt`: missing, and recommended: it tells \
             people who cannot see the picture what it shows; nothing is left out",
        ]
    );
    assert!(loaded.problems.iter().all(Problem::loses_nothing));
    assert!(loaded.problems.iter().all(|p| !p.skips_record()));
    assert_eq!(loaded.skipped_record_count(), 0);
    assert_eq!(
        loaded.problems[0].kind,
        ProblemKind::MissingRecommended {
            why: "it tells people who cannot see the picture what it shows"
        }
    );
}

#[test]
fn a_missing_alt_on_a_skipped_release_says_the_release_is_skipped() {
    let loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "soon",
            "title": "A", "image": { "src": "a.jpg" } } ] }"#,
    )
    .unwrap();
    assert_eq!(loaded.skipped_record_count(), 1);
    assert!(said(&loaded)[1].ends_with(
        "field `image.alt`: missing, and recommended: it tells people who cannot see the \
         picture what it shows; the release is skipped"
    ));
}

#[test]
fn an_alt_of_the_wrong_type_is_reported_once_and_a_refused_src_asks_for_no_alt() {
    let loaded = with_fields(r#""image": { "src": "a.jpg", "alt": 5 }"#);
    assert_eq!(
        said(&loaded),
        [
            "releases[0] (id \"a\"), field `image.alt`: expected a string, found a number; the \
          field is dropped, the release kept"
        ]
    );
    let loaded = with_fields(r#""image": { "src": "javascript:alert(1)", "credit": "C" }"#);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].field, "image.src");
}

#[test]
fn width_and_height_are_whole_numbers_above_zero() {
    for (value, problem) in [
        ("0", "\"0\" is not a whole number of pixels above 0"),
        ("-640", "\"-640\" is not a whole number of pixels above 0"),
        ("640.5", "\"640.5\" is not a whole number of pixels above 0"),
        (
            "4294967296",
            "\"4294967296\" is not a whole number of pixels above 0",
        ),
        ("\"640\"", "expected a whole number, found a string"),
    ] {
        let loaded = with_fields(&format!(
            r#""image": {{ "src": "a.jpg", "alt": "A", "width": {value}, "height": 480 }}"#
        ));
        let image = image_of(&loaded);
        assert_eq!((image.width, image.height), (None, Some(480)), "{value}");
        assert_eq!(
            said(&loaded),
            [format!(
                "releases[0] (id \"a\"), field `image.width`: {problem}; the field is dropped, \
                 the release kept"
            )]
        );
    }
    let loaded = with_fields(r#""image": { "src": "a.jpg", "alt": "A", "width": 4294967295 }"#);
    assert_eq!(image_of(&loaded).width, Some(u32::MAX));
}

#[test]
fn bad_sizes_entries_are_dropped_and_the_rest_kept() {
    let loaded = with_fields(
        r#""image": { "src": "a.jpg", "alt": "A", "caption": "  The caption  ", "sizes": [
            { "src": "a-480.jpg", "width": 480 },
            { "src": "javascript:alert(1)", "width": 640 },
            { "src": "a-800.jpg" },
            { "width": 900 },
            { "src": "a-0.jpg", "width": 0 },
            "a-1000.jpg 1000w",
            { "src": "//cdn.example.org/a-1200.jpg", "width": 1200 } ] }"#,
    );
    let image = image_of(&loaded);
    assert_eq!(image.caption.as_deref(), Some("The caption"));
    let kept: Vec<(&str, u32)> = image
        .sizes
        .iter()
        .map(|size| (size.src.as_str(), size.width))
        .collect();
    assert_eq!(
        kept,
        [
            ("a-480.jpg", 480),
            ("https://cdn.example.org/a-1200.jpg", 1200)
        ]
    );
    let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "image.sizes[1].src",
            "image.sizes[2].width",
            "image.sizes[3].src",
            "image.sizes[4].width",
            "image.sizes[5]",
        ]
    );
    assert!(loaded.problems.iter().all(|p| !p.skips_record()));
    assert!(matches!(loaded.problems[1].kind, ProblemKind::Missing));
}

#[test]
fn a_gallery_entry_is_checked_as_the_lead_picture_is() {
    let loaded = with_fields(
        r#""images": [ { "src": "a.jpg", "alt": "A" }, "b.jpg", null, { "alt": "Nothing to show" },
                       { "src": "data:image/png;base64,AAAA", "alt": "D", "credit": "Kept" } ]"#,
    );
    let images = &loaded.dataset.releases[0].images;
    assert_eq!(images.len(), 2);
    assert_eq!(images[1].src, None);
    assert_eq!(images[1].credit.as_deref(), Some("Kept"));
    let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["images[1]", "images[4].src"]);
    let loaded = with_fields(r#""images": { "src": "a.jpg" }"#);
    assert_eq!(loaded.problems[0].field, "images");
    assert_eq!(loaded.dataset.releases[0].images, []);
}

// ---------------------------------------------------------------------------------------------
// srcset

fn image(fields: &str) -> Image {
    let loaded = with_fields(&format!(r#""image": {{ "alt": "A", {fields} }}"#));
    image_of(&loaded).clone()
}

#[test]
fn srcset_is_narrowest_first_without_repeats() {
    let picture = image(
        r#""src": "a.jpg", "width": 960, "sizes": [
            { "src": "b.jpg", "width": 1920 }, { "src": "c.jpg", "width": 480 },
            { "src": "d.jpg", "width": 960 }, { "src": "c.jpg", "width": 720 },
            { "src": "e.jpg", "width": 1920 } ]"#,
    );
    // d.jpg (960) comes before the src at 960 (the sizes first); c.jpg is listed once, at its
    // first width; e.jpg repeats b.jpg's width.
    assert_eq!(
        srcset(&picture).as_deref(),
        Some("c.jpg 480w, d.jpg 960w, b.jpg 1920w")
    );
}

#[test]
fn srcset_needs_a_src_and_other_sizes() {
    assert_eq!(srcset(&image(r#""src": "a.jpg", "width": 960"#)), None);
    let credit_only = image(r#""credit": "C", "sizes": [ { "src": "b.jpg", "width": 480 } ]"#);
    assert_eq!(credit_only.sizes.len(), 1);
    assert_eq!(srcset(&credit_only), None);
    // Without the src's own width, only the sizes are candidates.
    let picture = image(r#""src": "a.jpg", "sizes": [ { "src": "b.jpg", "width": 480 } ]"#);
    assert_eq!(srcset(&picture).as_deref(), Some("b.jpg 480w"));
}

#[test]
fn a_comma_at_either_end_of_an_address_does_not_split_the_srcset() {
    let picture = image(
        r#""src": "a.jpg", "sizes": [ { "src": ",lead.jpg", "width": 480 },
            { "src": "trail.jpg,,", "width": 960 }, { "src": "mid,dle.jpg", "width": 1200 } ]"#,
    );
    assert_eq!(
        srcset(&picture).as_deref(),
        Some("%2Clead.jpg 480w, trail.jpg%2C%2C 960w, mid,dle.jpg 1200w")
    );
}

// ---------------------------------------------------------------------------------------------
// sizes, against the layout of style/main.css

/// A `sizes` length evaluated at a viewport `vw` pixels wide (1rem = 16px): `Nrem`, `Nvw`, or
/// `calc(Avw - Brem)` / `calc(100vw - Brem)`.
fn length(value: &str, vw: f64) -> f64 {
    let value = value.trim();
    if let Some(inner) = value
        .strip_prefix("calc(")
        .and_then(|v| v.strip_suffix(')'))
    {
        let (left, right) = inner.split_once(" - ").expect("calc(a - b)");
        return length(left, vw) - length(right, vw);
    }
    if let Some(rem) = value.strip_suffix("rem") {
        return rem.parse::<f64>().unwrap() * 16.0;
    }
    if let Some(share) = value.strip_suffix("vw") {
        return share.parse::<f64>().unwrap() * vw / 100.0;
    }
    panic!("not a length this test reads: {value}")
}

/// The width a `sizes` attribute gives at a viewport `vw` pixels wide: the first entry whose
/// `(min-width: Nrem)` holds, else the last.
fn sizes_at(sizes: &str, vw: f64) -> f64 {
    for entry in sizes.split(", ") {
        match entry.strip_prefix("(min-width: ") {
            Some(rest) => {
                let (min, value) = rest.split_once(") ").unwrap();
                if vw >= length(min, vw) {
                    return length(value, vw);
                }
            }
            None => return length(entry, vw),
        }
    }
    panic!("no entry without a condition: {sizes}")
}

const REM: f64 = 16.0;

/// `--pl-gutter: clamp(1rem, 4vw, 2rem)`.
fn gutter(vw: f64) -> f64 {
    (vw * 0.04).clamp(REM, 2.0 * REM)
}

/// A release page's picture: the release's column (`--pl-measure`, 46rem) in `main` (at most
/// `--pl-wide`, 54rem, with its gutters inside).
fn release_column(vw: f64) -> f64 {
    let main = vw.min(54.0 * REM);
    (main - 2.0 * gutter(vw)).min(46.0 * REM)
}

/// A card's text column: the results (beside the 17rem filters and a 2.5rem gap from 60rem,
/// in a `main` of at most 72rem; else `main`'s width, at most 54rem), less the rail's indent
/// `0.4rem + 2px + clamp(1rem, 3vw, 1.75rem)`, capped at the measure (46rem).
fn card_column(vw: f64) -> f64 {
    let wide = vw >= 60.0 * REM;
    let main = vw.min(if wide { 72.0 } else { 54.0 } * REM) - 2.0 * gutter(vw);
    let results = if wide { main - 19.5 * REM } else { main };
    let indent = 0.4 * REM + 2.0 + (vw * 0.03).clamp(REM, 1.75 * REM);
    (results - indent).min(46.0 * REM)
}

#[test]
fn sizes_are_never_narrower_than_the_layout_and_close_to_it() {
    let mut vw = 240.0;
    while vw <= 2560.0 {
        let page = sizes_at(RELEASE_PAGE_SIZES, vw);
        let column = release_column(vw);
        assert!(
            page >= column - 0.01,
            "release page at {vw}px: {page} < {column}"
        );
        assert!(
            page - column < 1.0,
            "release page at {vw}px: {page} for {column}"
        );
        let card = sizes_at(CARD_SIZES, vw);
        let column = card_column(vw);
        assert!(card >= column - 0.01, "card at {vw}px: {card} < {column}");
        // A hint may be a little wide (a larger copy than needed), never much.
        assert!(card - column <= 1.0, "card at {vw}px: {card} for {column}");
        vw += 1.0;
    }
}
