//! The pixel work of `--images`: an original decoded, turned upright by its EXIF orientation,
//! brought into sRGB by its ICC profile, resized and encoded. Nothing of the original's metadata
//! is written: the encoders are given pixels only (a JPEG gets its JFIF header, a WebP its
//! RIFF header, and nothing else).

use std::io::Cursor;
use std::path::Path;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage, RgbaImage};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};
use pressline_core::renditions::{Format, Plan, Rendition};

/// The JPEG copies' quality: no visible loss in a photograph at the size it is shown.
const JPEG_QUALITY: u8 = 82;
/// The download's quality (and no chroma subsampling): for print and for press.
const DOWNLOAD_QUALITY: u8 = 92;
/// The WebP copies' quality (libwebp's scale): about a JPEG's at 82, in a third fewer bytes.
const WEBP_QUALITY: f32 = 80.0;

/// The original at `file`, made into every file of `plan`: (path in the deploy, bytes).
pub(super) fn make(file: &Path, plan: &Plan) -> Result<Vec<(String, Vec<u8>)>, String> {
    let upright = upright(file)?;
    let (width, height) = (upright.width(), upright.height());
    if (width, height) != (plan.download.width, plan.download.height) {
        return Err(format!(
            "it is {width}×{height} once upright, not the {}×{} its header said",
            plan.download.width, plan.download.height
        ));
    }
    let alpha = upright.color().has_alpha();
    let mut files = vec![(
        plan.download.path.clone(),
        encode(&upright, &plan.download, alpha)?,
    )];
    // Widest first, each from the narrowest picture already made that is at least a quarter
    // wider (a Lanczos filter loses nothing visible that way): one resize of the full picture
    // rather than one per width.
    let mut made: Vec<DynamicImage> = Vec::new();
    for copies in plan.copies.chunk_by(|a, b| a.width == b.width).rev() {
        let target = copies[0].width;
        let from = made
            .iter()
            .rev()
            .find(|image| image.width() * 4 >= target * 5)
            .unwrap_or(&upright);
        let resized = if from.width() == target {
            from.clone()
        } else {
            from.resize_exact(target, copies[0].height, FilterType::Lanczos3)
        };
        for copy in copies {
            files.push((copy.path.clone(), encode(&resized, copy, alpha)?));
        }
        made.push(resized);
    }
    Ok(files)
}

/// The original at `file`, decoded, upright (its EXIF orientation applied) and in sRGB (by its
/// ICC profile, when it has one that can be read).
fn upright(file: &Path) -> Result<DynamicImage, String> {
    let bytes = std::fs::read(file).map_err(|error| error.to_string())?;
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| error.to_string())?
        .into_decoder()
        .map_err(|error| error.to_string())?;
    let orientation = decoder.orientation().map_err(|error| error.to_string())?;
    let profile = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|error| error.to_string())?;
    image.apply_orientation(orientation);
    Ok(match profile {
        Some(profile) => in_srgb(image, &profile),
        None => image,
    })
}

/// `image` converted from the colour space its ICC `profile` describes into sRGB, which is
/// what a browser assumes of a picture without one (the copies carry none). A profile that
/// cannot be read or converted from (CMYK, a broken one) leaves the pixels as they are.
fn in_srgb(image: DynamicImage, profile: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, Layout, TransformOptions};
    let Ok(source) = ColorProfile::new_from_slice(profile) else {
        return image;
    };
    let alpha = image.color().has_alpha();
    let (layout, from) = if alpha {
        (Layout::Rgba, image.to_rgba8().into_raw())
    } else {
        (Layout::Rgb, image.to_rgb8().into_raw())
    };
    let Ok(transform) = source.create_transform_8bit(
        layout,
        &ColorProfile::new_srgb(),
        layout,
        TransformOptions::default(),
    ) else {
        return image;
    };
    let mut to = vec![0; from.len()];
    if transform.transform(&from, &mut to).is_err() {
        return image;
    }
    let (width, height) = (image.width(), image.height());
    let converted = if alpha {
        RgbaImage::from_raw(width, height, to).map(DynamicImage::ImageRgba8)
    } else {
        RgbImage::from_raw(width, height, to).map(DynamicImage::ImageRgb8)
    };
    converted.unwrap_or(image)
}

/// `pixels` encoded as `rendition` says: a JPEG (transparency laid on white; progressive, with
/// optimized Huffman tables) or a lossy WebP (keeping transparency when the original has it).
fn encode(pixels: &DynamicImage, rendition: &Rendition, alpha: bool) -> Result<Vec<u8>, String> {
    let (width, height) = (pixels.width(), pixels.height());
    match rendition.format {
        Format::Jpeg => {
            let (quality, sampling) = if rendition.download {
                (DOWNLOAD_QUALITY, SamplingFactor::R_4_4_4)
            } else {
                (JPEG_QUALITY, SamplingFactor::R_4_2_0)
            };
            let (Ok(w), Ok(h)) = (u16::try_from(width), u16::try_from(height)) else {
                return Err(format!("{width}×{height} is too big for a JPEG"));
            };
            let mut bytes = Vec::new();
            let mut encoder = Encoder::new(&mut bytes, quality);
            encoder.set_progressive(true);
            encoder.set_optimized_huffman_tables(true);
            encoder.set_sampling_factor(sampling);
            encoder
                .encode(&rgb(pixels, alpha), w, h, ColorType::Rgb)
                .map_err(|error| format!("cannot encode a JPEG: {error}"))?;
            Ok(bytes)
        }
        Format::Webp => {
            let memory = if alpha {
                let rgba = pixels.to_rgba8();
                webp::Encoder::from_rgba(rgba.as_raw(), width, height)
                    .encode_simple(false, WEBP_QUALITY)
            } else {
                webp::Encoder::from_rgb(&rgb(pixels, false), width, height)
                    .encode_simple(false, WEBP_QUALITY)
            };
            memory
                .map(|memory| memory.to_vec())
                .map_err(|error| format!("cannot encode a WebP: {error:?}"))
        }
    }
}

/// `pixels` as RGB bytes; with `alpha`, laid on white where they are transparent.
fn rgb(pixels: &DynamicImage, alpha: bool) -> Vec<u8> {
    if !alpha {
        return pixels.to_rgb8().into_raw();
    }
    let rgba = pixels.to_rgba8();
    let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
    for pixel in rgba.pixels() {
        let [r, g, b, a] = pixel.0;
        let a = u16::from(a);
        for channel in [r, g, b] {
            rgb.push(((u16::from(channel) * a + 255 * (255 - a) + 127) / 255) as u8);
        }
    }
    rgb
}
