//! Native tests of the copies `pressline publish --images` plans (`renditions`): the widths
//! (never enlarged, the original's own width when it is under the widest), orientation,
//! names, the picture rewritten, local paths; and `original` through validation, the packed
//! format and content files.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::content::{read_content, release_file, ContentFile};
use pressline_core::packed::{pack, unpack};
use pressline_core::picture::{sources, srcset};
use pressline_core::renditions::{local_path, widths, Format, Original, Plan, SRC_WIDTH, WIDTHS};
use pressline_core::{parse_dataset, Image, ProblemKind, SafeUrl};

const HASH: &str = "89abcdef0123456789";

fn upright(width: u32, height: u32) -> Original {
    Original {
        width,
        height,
        orientation: 1,
    }
}

fn picture(src: &str) -> Image {
    Image {
        src: SafeUrl::parse_resource(src),
        alt: Some("A school used as a shelter".into()),
        credit: Some("Jane Doe/Agency".into()),
        caption: Some("Kharkiv, May 2024".into()),
        width: Some(10),
        height: Some(10),
        sizes: Vec::new(),
        original: None,
    }
}

#[test]
fn widths_follow_the_ladder_and_never_enlarge() {
    for width in [
        1, 2, 100, 479, 480, 481, 959, 960, 1000, 1439, 1440, 1919, 1920, 1921, 8000,
    ] {
        let made = widths(width);
        assert!(made.iter().all(|&w| w <= width), "{width}: {made:?}");
        assert!(made.windows(2).all(|pair| pair[0] < pair[1]), "{made:?}");
        assert_eq!(made.last(), Some(&width.min(1920)), "{width}: {made:?}");
        let ladder: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
        assert_eq!(&made[..ladder.len()], &ladder[..], "{width}");
    }
}

#[test]
fn a_plan_makes_each_width_as_jpeg_and_webp_and_a_full_size_download() {
    let plan = Plan::new("media/2024/Kharkiv School.JPG", upright(4000, 3000), HASH);
    let names: Vec<(&str, Format, u32, u32)> = plan
        .copies
        .iter()
        .map(|copy| (copy.path.as_str(), copy.format, copy.width, copy.height))
        .collect();
    assert_eq!(
        names,
        [
            (
                "images/kharkiv-school-89abcdef-480.jpg",
                Format::Jpeg,
                480,
                360
            ),
            (
                "images/kharkiv-school-89abcdef-480.webp",
                Format::Webp,
                480,
                360
            ),
            (
                "images/kharkiv-school-89abcdef-960.jpg",
                Format::Jpeg,
                960,
                720
            ),
            (
                "images/kharkiv-school-89abcdef-960.webp",
                Format::Webp,
                960,
                720
            ),
            (
                "images/kharkiv-school-89abcdef-1440.jpg",
                Format::Jpeg,
                1440,
                1080
            ),
            (
                "images/kharkiv-school-89abcdef-1440.webp",
                Format::Webp,
                1440,
                1080
            ),
            (
                "images/kharkiv-school-89abcdef-1920.jpg",
                Format::Jpeg,
                1920,
                1440
            ),
            (
                "images/kharkiv-school-89abcdef-1920.webp",
                Format::Webp,
                1920,
                1440
            ),
        ]
    );
    let download = &plan.download;
    assert_eq!(download.path, "images/kharkiv-school-89abcdef-original.jpg");
    assert_eq!(
        (download.width, download.height, download.format),
        (4000, 3000, Format::Jpeg)
    );
    assert!(download.download && plan.copies.iter().all(|copy| !copy.download));
    assert_eq!(plan.files().count(), 9);
    assert_eq!(plan.src().width, SRC_WIDTH);
}

#[test]
fn an_orientation_that_turns_the_picture_swaps_its_width_and_height() {
    for orientation in 0..=9 {
        let original = Original {
            width: 2400,
            height: 1600,
            orientation,
        };
        let turned = (5..=8).contains(&orientation);
        let expected = if turned { (1600, 2400) } else { (2400, 1600) };
        assert_eq!(original.upright(), expected, "orientation {orientation}");
        let plan = Plan::new("a.jpg", original, HASH);
        assert_eq!((plan.download.width, plan.download.height), expected);
        if turned {
            // 1600 wide once upright: its own width closes the ladder.
            let made: Vec<u32> = plan.copies.iter().map(|copy| copy.width).collect();
            assert_eq!(made, [480, 480, 960, 960, 1440, 1440, 1600, 1600]);
            assert_eq!(plan.copies[0].height, 720);
        }
    }
}

#[test]
fn a_small_picture_is_copied_at_its_own_width_only() {
    let plan = Plan::new("tiny.png", upright(300, 200), HASH);
    let made: Vec<(u32, Format)> = plan.copies.iter().map(|c| (c.width, c.format)).collect();
    assert_eq!(made, [(300, Format::Jpeg), (300, Format::Webp)]);
    assert_eq!(plan.src().path, "images/tiny-89abcdef-300.jpg");
    // A picture one pixel high keeps a row in every copy.
    let strip = Plan::new("strip.png", upright(5000, 1), HASH);
    assert!(strip.files().all(|file| file.height == 1));
}

#[test]
fn names_are_safe_whatever_the_file_is_called() {
    for (path, stem) in [
        ("media/Фото 1.jpg", "1"),
        ("media/фото.jpg", "image"),
        ("media/.hidden", "hidden"),
        ("media/a..b.jpeg", "a-b"),
        ("media/Report (final)!.PNG", "report-final"),
        ("noextension", "noextension"),
        (&format!("{}.jpg", "x".repeat(100)), &"x".repeat(60)),
    ] {
        let plan = Plan::new(path, upright(100, 100), HASH);
        assert_eq!(
            plan.download.path,
            format!("images/{stem}-89abcdef-original.jpg"),
            "{path}"
        );
        for file in plan.files() {
            let url = SafeUrl::parse_resource(&file.path).expect("a safe address");
            assert_eq!(local_path(&url).as_deref(), Some(file.path.as_str()));
        }
    }
}

#[test]
fn the_picture_is_rewritten_to_name_its_copies_and_keeps_its_text() {
    let plan = Plan::new("media/kharkiv.jpg", upright(2400, 1600), HASH);
    let image = plan.rewrite(&picture("media/kharkiv.jpg"));
    assert_eq!(
        image.src.as_ref().map(SafeUrl::as_str),
        Some("images/kharkiv-89abcdef-1440.jpg")
    );
    assert_eq!((image.width, image.height), (Some(1440), Some(960)));
    assert_eq!(
        image.original.as_ref().map(SafeUrl::as_str),
        Some("images/kharkiv-89abcdef-original.jpg")
    );
    assert_eq!(image.sizes.len(), 8);
    assert_eq!(image.alt.as_deref(), Some("A school used as a shelter"));
    assert_eq!(image.credit.as_deref(), Some("Jane Doe/Agency"));
    assert_eq!(image.caption.as_deref(), Some("Kharkiv, May 2024"));
    // The <img> gets the JPEG copies; a <source type="image/webp"> the WebP ones.
    assert_eq!(
        srcset(&image).as_deref(),
        Some(
            "images/kharkiv-89abcdef-480.jpg 480w, images/kharkiv-89abcdef-960.jpg 960w, \
             images/kharkiv-89abcdef-1440.jpg 1440w, images/kharkiv-89abcdef-1920.jpg 1920w"
        )
    );
    assert_eq!(
        sources(&image),
        [(
            "image/webp",
            "images/kharkiv-89abcdef-480.webp 480w, images/kharkiv-89abcdef-960.webp 960w, \
             images/kharkiv-89abcdef-1440.webp 1440w, images/kharkiv-89abcdef-1920.webp 1920w"
                .to_owned()
        )]
    );
}

#[test]
fn a_picture_in_webp_alone_keeps_every_copy_in_its_srcset() {
    let loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", "image": { "src": "a.webp", "alt": "A", "width": 960, "sizes": [
                { "src": "a-480.webp", "width": 480 } ] } } ] }"#,
    )
    .unwrap();
    let image = loaded.dataset.releases[0].image.as_ref().unwrap();
    assert_eq!(
        srcset(image).as_deref(),
        Some("a-480.webp 480w, a.webp 960w")
    );
    assert_eq!(sources(image), []);
}

#[test]
fn local_paths_stay_inside_the_folder() {
    let path = |src: &str| local_path(&SafeUrl::parse_resource(src).unwrap());
    assert_eq!(
        path("media/kharkiv.jpg").as_deref(),
        Some("media/kharkiv.jpg")
    );
    assert_eq!(path("./media//a.jpg#x").as_deref(), Some("media/a.jpg"));
    assert_eq!(path("/media/a%C3%A9.jpg").as_deref(), Some("media/aé.jpg"));
    for refused in [
        "https://example.org/a.jpg",
        "HTTP://example.org/a.jpg",
        "//cdn.example.org/a.jpg",
        "../a.jpg",
        "media/../../a.jpg",
        "media/%2e%2e/a.jpg",
        "media/a%2Fb.jpg",
        "media/a%5Cb.jpg",
        "media/a%00.jpg",
        "media/a%zz.jpg",
        "media/a%ff.jpg",
        "media/a%+1.jpg",
        "/",
        "?x",
    ] {
        assert_eq!(path(refused), None, "{refused}");
    }
}

#[test]
fn original_is_validated_packed_and_written_as_src_is() {
    let loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [
            { "id": "a", "kind": "R", "date": "2024-01-01", "title": "A",
              "image": { "src": "a.jpg", "alt": "A", "original": "images/a-original.jpg" } },
            { "id": "b", "kind": "R", "date": "2024-01-01", "title": "B",
              "image": { "src": "b.jpg", "alt": "B", "original": "javascript:alert(1)" } } ] }"#,
    )
    .unwrap();
    let releases = &loaded.dataset.releases;
    let original = |i: usize| releases[i].image.as_ref().unwrap().original.clone();
    assert_eq!(
        original(0).as_ref().map(SafeUrl::as_str),
        Some("images/a-original.jpg")
    );
    assert_eq!(original(1), None, "a refused address is dropped");
    assert_eq!(loaded.problems.len(), 1);
    assert!(matches!(
        loaded.problems[0].kind,
        ProblemKind::UnsafeUrl { .. }
    ));
    assert_eq!(loaded.problems[0].field, "image.original");
    assert_eq!(unpack(&pack(&loaded.dataset)), Ok(loaded.dataset.clone()));
    // Through a content file and back.
    let text = release_file(&releases[0], false);
    assert!(
        text.contains("\n  original: images/a-original.jpg\n"),
        "{text}"
    );
    let read = read_content(
        None,
        &[ContentFile {
            path: "releases/a.md".into(),
            text,
        }],
    );
    assert_eq!(read.loaded.dataset.releases[0], releases[0]);
}

#[test]
fn a_rewritten_dataset_packs_and_reads_back() {
    let plan = Plan::new("media/k.jpg", upright(3000, 2000), HASH);
    let mut loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", "image": { "src": "media/k.jpg", "alt": "K" },
            "images": [ { "src": "media/k.jpg", "alt": "Again" } ] } ] }"#,
    )
    .unwrap();
    let release = &mut loaded.dataset.releases[0];
    release.image = release.image.as_ref().map(|image| plan.rewrite(image));
    release.images = release
        .images
        .iter()
        .map(|image| plan.rewrite(image))
        .collect();
    assert_eq!(unpack(&pack(&loaded.dataset)), Ok(loaded.dataset.clone()));
    let json = serde_json::to_string(&loaded.dataset).unwrap();
    assert_eq!(parse_dataset(&json).unwrap().dataset, loaded.dataset);
}
