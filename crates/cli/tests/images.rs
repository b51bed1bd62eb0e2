//! `--images`: `pressline bundle` and `pressline publish` on a content folder whose pictures
//! are made here (a photograph turned by its EXIF orientation, whose EXIF also holds a
//! "location"; a PNG with transparency; a missing and a broken file): the copies' widths, never
//! enlarged; the picture upright; no metadata in anything written; the same rewritten dataset
//! in the bundle and the pages; problems named; publishing again writes nothing; the cache.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use image::{DynamicImage, GenericImageView, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use pressline_core::{parse_dataset, Image, Release};
use support::{pressline, stderr, stdout};

/// What the photograph's EXIF says besides its orientation: it must reach no file written.
const SECRET: &[u8] = b"SECRET-LOCATION 49.99N 36.23E";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pressline-images-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

fn write(file: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, bytes).unwrap();
}

/// A 2400×1600 photograph stored on its side: a red square in its stored top-left corner, and
/// an EXIF block (APP1) saying orientation 6 (turn it a quarter clockwise to show it), with
/// an image description holding [`SECRET`].
fn photograph_on_its_side() -> Vec<u8> {
    let photo = RgbImage::from_fn(2400, 1600, |x, y| {
        if x < 300 && y < 300 {
            Rgb([255, 0, 0])
        } else {
            Rgb([(x / 10) as u8, 128, (y / 10) as u8])
        }
    });
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(photo)
        .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
        .unwrap();
    // TIFF header (big-endian), then IFD0 at 8: two entries, sorted by tag.
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08\x00\x02".to_vec();
    let description_at = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&[0x01, 0x0e, 0x00, 0x02]); // ImageDescription, ASCII
    tiff.extend_from_slice(&(SECRET.len() as u32 + 1).to_be_bytes());
    tiff.extend_from_slice(&(description_at as u32).to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0]); // Orientation 6
    tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    tiff.extend_from_slice(SECRET);
    tiff.push(0);
    let mut app1 = vec![0xff, 0xe1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\x00\x00");
    app1.extend_from_slice(&tiff);
    let mut bytes = jpeg[..2].to_vec(); // SOI
    bytes.extend_from_slice(&app1);
    bytes.extend_from_slice(&jpeg[2..]);
    bytes
}

/// An 800×500 PNG: its left half transparent, its right half green.
fn png_with_transparency() -> Vec<u8> {
    let picture = RgbaImage::from_fn(800, 500, |x, _| {
        if x < 400 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([0, 160, 0, 255])
        }
    });
    let mut png = Vec::new();
    DynamicImage::ImageRgba8(picture)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    png
}

/// A content folder: one release with the photograph as its lead picture and a gallery of the
/// PNG, a missing file, an absolute address and a file that is no picture; another release
/// showing the same photograph.
fn content_folder(name: &str) -> PathBuf {
    let dir = temp(name);
    write(&dir.join("site.yml"), b"title: Pictures\n");
    write(
        &dir.join("releases/with-pictures.md"),
        b"---\nkind: Statement\ndate: 2024-05-02\ntitle: With pictures\nimage:\n  src: media/kharkiv.jpg\n  alt: A school used as a shelter\n  credit: Jane Doe\nimages:\n  - src: media/map.png\n    alt: A map\n  - src: media/missing.jpg\n    alt: Lost\n  - src: https://example.org/elsewhere.jpg\n    alt: Elsewhere\n  - src: media/broken.jpg\n    alt: Broken\n---\nText.\n",
    );
    write(
        &dir.join("releases/again.md"),
        b"---\nkind: Statement\ndate: 2024-05-03\ntitle: Again\nimage:\n  src: /media/kharkiv.jpg\n  alt: The same school\n---\nText.\n",
    );
    write(&dir.join("media/kharkiv.jpg"), &photograph_on_its_side());
    write(&dir.join("media/map.png"), &png_with_transparency());
    write(&dir.join("media/broken.jpg"), b"not really a JPEG");
    dir
}

/// A directory shaped like trunk's output for `/news/`, bundling `bundle`.
fn fake_build(name: &str, bundle: &[u8]) -> PathBuf {
    let dir = temp(name);
    write(
        &dir.join("index.html"),
        b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><base href=\"/news/\" /><title>Pressline</title></head><body></body></html>\n",
    );
    write(&dir.join("data/releases.json"), bundle);
    write(
        &dir.join("_headers"),
        b"/news/*\n  X-Content-Type-Options: nosniff\n",
    );
    dir
}

/// `pressline bundle` with `--images`, as `make build` runs it: the bundle's bytes.
fn bundle(source: &Path) -> (Vec<u8>, String) {
    let out = temp("bundle").join("releases.json");
    let output = pressline(&[
        "bundle",
        path(source),
        "--out",
        path(&out),
        "--images",
        path(source),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    (std::fs::read(&out).unwrap(), stderr(&output))
}

fn publish(source: &Path, out: &Path, cache: &Path) -> std::process::Output {
    let output = pressline(&[
        "publish",
        path(source),
        "--out",
        path(out),
        "--base-url",
        "https://example.org/news/",
        "--images",
        path(source),
        "--image-cache",
        path(cache),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

/// Every file under `dir`, with its bytes and when it was last written.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = entry.metadata().unwrap().modified().unwrap();
                files.push((path.clone(), std::fs::read(&path).unwrap(), modified));
            }
        }
    }
    files.sort();
    files
}

fn release<'a>(releases: &'a [Release], id: &str) -> &'a Release {
    releases.iter().find(|release| release.id == id).unwrap()
}

fn decode(file: &Path) -> DynamicImage {
    image::open(file).unwrap_or_else(|error| panic!("{}: {error}", file.display()))
}

fn is_red(image: &DynamicImage, x: u32, y: u32) -> bool {
    let [r, g, b, _] = image.get_pixel(x, y).0;
    r > 200 && g < 70 && b < 70
}

#[test]
fn publish_makes_upright_copies_without_metadata_named_in_the_bundled_dataset() {
    let source = content_folder("source");
    let (bundled, said) = bundle(&source);
    for field in ["images[1]", "images[3]"] {
        assert!(
            said.contains(&format!("release \"with-pictures\", field `{field}`")),
            "{said}"
        );
    }
    assert!(
        said.contains("media/missing.jpg") && said.contains("media/broken.jpg"),
        "{said}"
    );
    let out = fake_build("out", &bundled);
    let output = publish(&source, &out, &temp("cache"));
    assert_eq!(stderr(&output).matches("picture: release").count(), 2);
    assert!(
        stderr(&output).contains("media/missing.jpg"),
        "{}",
        stderr(&output)
    );
    // The pages were made from the bundled text, byte for byte: no other data file.
    assert!(!out.join("data/site.json").exists(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("14 files made"),
        "{}",
        stdout(&output)
    );

    let dataset = parse_dataset(std::str::from_utf8(&bundled).unwrap())
        .unwrap()
        .dataset;
    let lead = release(&dataset.releases, "with-pictures")
        .image
        .clone()
        .unwrap();
    check_lead(&lead, &out);
    assert_eq!(
        release(&dataset.releases, "again")
            .image
            .as_ref()
            .unwrap()
            .src,
        lead.src,
        "one original, one set of copies"
    );
    check_gallery(&release(&dataset.releases, "with-pictures").images, &out);

    let page = std::fs::read_to_string(out.join("releases/with-pictures/index.html")).unwrap();
    let src = lead.src.as_ref().unwrap().as_str();
    assert!(
        page.contains(&format!("content=\"https://example.org/news/{src}\"")),
        "og:image names the copy: {page}"
    );
    let headers = std::fs::read_to_string(out.join("_headers")).unwrap();
    assert!(
        headers.contains("/news/images/*\n  Cache-Control: public, max-age=31536000, immutable")
    );
    check_no_metadata(&out);
    // The originals that were made into copies are not published as they are.
    assert!(!out.join("media/kharkiv.jpg").exists());
    assert!(!out.join("media/map.png").exists());
    assert!(
        out.join("media/broken.jpg").exists(),
        "kept: no copies replace it"
    );
}

/// The photograph: 1600×2400 once upright, copies at 480, 960, 1440 and its own 1600 (never
/// enlarged to 1920), `src` the 1440 JPEG, the download full size, the red corner top right.
fn check_lead(lead: &Image, out: &Path) {
    let src = lead.src.as_ref().unwrap().as_str();
    assert!(
        src.starts_with("images/kharkiv-") && src.ends_with("-1440.jpg"),
        "{src}"
    );
    assert_eq!((lead.width, lead.height), (Some(1440), Some(2160)));
    assert_eq!(lead.alt.as_deref(), Some("A school used as a shelter"));
    assert_eq!(lead.credit.as_deref(), Some("Jane Doe"));
    let widths: Vec<u32> = lead.sizes.iter().map(|size| size.width).collect();
    assert_eq!(widths, [480, 480, 960, 960, 1440, 1440, 1600, 1600]);
    for size in &lead.sizes {
        let copy = decode(&out.join(size.src.as_str()));
        let height = (2400 * size.width + 800) / 1600;
        assert_eq!(
            copy.dimensions(),
            (size.width, height),
            "{}",
            size.src.as_str()
        );
        let (w, h) = copy.dimensions();
        assert!(
            is_red(&copy, w - 5, 5),
            "{}: the red corner is top right",
            size.src.as_str()
        );
        assert!(!is_red(&copy, 5, 5) && !is_red(&copy, w - 5, h - 5));
        let bytes = std::fs::read(out.join(size.src.as_str())).unwrap();
        if size.src.as_str().ends_with(".webp") {
            assert!(
                bytes.starts_with(b"RIFF") && &bytes[8..16] == b"WEBPVP8 ",
                "lossy WebP"
            );
        } else {
            assert!(bytes.starts_with(&[0xff, 0xd8, 0xff, 0xe0]), "a JFIF JPEG");
        }
    }
    let original = lead.original.as_ref().unwrap().as_str();
    assert!(original.ends_with("-original.jpg"), "{original}");
    let download = decode(&out.join(original));
    assert_eq!(download.dimensions(), (1600, 2400));
    assert!(is_red(&download, 1595, 5));
    let copy_1600 = std::fs::metadata(out.join(lead.sizes[6].src.as_str()))
        .unwrap()
        .len();
    let webp_1600 = std::fs::metadata(out.join(lead.sizes[7].src.as_str()))
        .unwrap()
        .len();
    let download_bytes = std::fs::metadata(out.join(original)).unwrap().len();
    eprintln!("1600 wide: JPEG {copy_1600} bytes, WebP {webp_1600}; download {download_bytes}");
}

/// The gallery: the PNG's copies (480 and its own 800) with its transparency white in the JPEG
/// and kept in the WebP; the missing, absolute and broken pictures as they were.
fn check_gallery(gallery: &[Image], out: &Path) {
    let map = &gallery[0];
    let widths: Vec<u32> = map.sizes.iter().map(|size| size.width).collect();
    assert_eq!(widths, [480, 480, 800, 800]);
    assert_eq!((map.width, map.height), (Some(800), Some(500)));
    let jpeg = decode(&out.join(map.sizes[0].src.as_str()));
    assert!(jpeg.get_pixel(10, 10).0.iter().all(|&c| c > 245), "white");
    let webp = decode(&out.join(map.sizes[1].src.as_str()));
    assert_eq!(webp.get_pixel(10, 10).0[3], 0, "transparent");
    assert!(webp.get_pixel(470, 10).0[1] > 120, "green");
    let srcs: Vec<&str> = gallery[1..]
        .iter()
        .map(|image| image.src.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(
        srcs,
        [
            "media/missing.jpg",
            "https://example.org/elsewhere.jpg",
            "media/broken.jpg"
        ]
    );
    assert!(gallery[1..]
        .iter()
        .all(|image| image.sizes.is_empty() && image.original.is_none()));
}

/// No file written holds an EXIF block or what the photograph's said.
fn check_no_metadata(out: &Path) {
    for (file, bytes, _) in files(out) {
        let holds = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!holds(b"Exif"), "{} has an EXIF block", file.display());
        assert!(
            !holds(SECRET),
            "{} has the photograph's EXIF text",
            file.display()
        );
    }
}

#[test]
fn publishing_again_rewrites_no_picture_and_a_fresh_build_takes_them_from_the_cache() {
    let source = content_folder("again-source");
    let (bundled, _) = bundle(&source);
    let cache = temp("again-cache");
    let out = fake_build("again-out", &bundled);
    publish(&source, &out, &cache);
    let before = files(&out.join("images"));
    assert_eq!(before.len(), 14);
    let output = publish(&source, &out, &cache);
    assert!(
        stdout(&output).contains("0 files made and 14 kept"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        files(&out.join("images")),
        before,
        "the same bytes, not written again"
    );
    // A fresh build (trunk replaces the folder): the copies come from the cache.
    let fresh = fake_build("again-fresh", &bundled);
    let output = publish(&source, &fresh, &cache);
    assert!(
        stdout(&output).contains("0 files made and 14 kept"),
        "{}",
        stdout(&output)
    );
    let bytes = |files: Vec<(PathBuf, Vec<u8>, SystemTime)>| -> Vec<Vec<u8>> {
        files.into_iter().map(|(_, bytes, _)| bytes).collect()
    };
    assert_eq!(bytes(files(&fresh.join("images"))), bytes(before));
    // A copy no picture names any more goes; a file that is not a copy stays.
    write(&out.join("images/old-0123abcd-480.jpg"), b"old");
    write(&out.join("images/logo.png"), b"logo");
    let output = publish(&source, &out, &cache);
    assert!(
        stdout(&output).contains("1 old copies removed"),
        "{}",
        stdout(&output)
    );
    assert!(!out.join("images/old-0123abcd-480.jpg").exists());
    assert!(out.join("images/logo.png").exists());
}

#[test]
fn without_images_the_dataset_is_bundled_as_it_was_and_a_missing_folder_is_refused() {
    let source = content_folder("plain-source");
    let out = temp("plain").join("releases.json");
    let output = pressline(&["bundle", path(&source), "--out", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("\"media/kharkiv.jpg\"") && !text.contains("images/"),
        "{text}"
    );
    let output = pressline(&[
        "bundle",
        path(&source),
        "--out",
        path(&out),
        "--images",
        "/no/such/folder",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--images /no/such/folder: not a folder"));
}
