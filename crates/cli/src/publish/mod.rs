//! Publishing a dataset as a static site that search engines, link previews and feed readers
//! can read: `pressline publish` runs this over trunk's build.
//!
//! For every release it writes `releases/<id>/index.html`: the app's page with the release's
//! title, description, canonical address, Open Graph, Twitter card and JSON-LD tags, and the
//! release itself as HTML ([`markup`]), which the app replaces with the same markup once it
//! has loaded. The timeline's `index.html` gets the same treatment; `sitemap.xml`, an Atom
//! feed, a JSON Feed and `robots.txt` complete it. Native only: it reuses the pure core.

pub mod deploy;
pub mod escape;
pub mod feeds;
pub mod head;
pub mod shell;
pub mod sitemap;

use std::fmt;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

pub use deploy::Deploy;

use head::PageHead;
use pressline_core::formats::SourceFormat;
use pressline_core::related::ReleasePlan;
use pressline_core::route::release_path;
use pressline_core::search::SearchIndex;
use pressline_core::site::Site;
use pressline_core::source::DEFAULT_MAX_BYTES;
use pressline_core::validate::is_url_safe_id;
use pressline_core::view_state::ViewState;
use pressline_core::LoadedDataset;
use pressline_web::context::site_data::SiteData;
use pressline_web::pages::release::ReleasePlans;
use pressline_web::pages::shared::FeedLinks;
use pressline_web::prerender::render_page_with;
use shell::Shell;

/// Where `publish` keeps trunk's page, so publishing again starts from it.
pub const SHELL_FILE: &str = ".pressline-shell.html";
/// Where the published dataset goes when the build's bundled one differs from it.
pub const DATA_FILE: &str = "data/site.json";

/// What to publish where.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// Trunk's output directory, which receives the published files.
    pub out_dir: PathBuf,
    /// The deploy's absolute base URL, when known: without it the pages are prerendered, with
    /// no canonical addresses, feeds or sitemap (nothing absolute is invented).
    pub deploy: Option<Deploy>,
    /// How many of the newest releases the feeds carry.
    pub feed_size: usize,
    /// The dataset address the app should load, when the deploy serves it itself (e.g. an
    /// archive manifest); by default `publish` decides (see [`publish`]).
    pub data_src: Option<String>,
    /// Worker threads for the release pages.
    pub threads: usize,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// Release pages written.
    pub release_pages: usize,
    /// Entries in each feed.
    pub feed_entries: usize,
    /// Addresses in the sitemap (timeline included).
    pub sitemap_urls: usize,
    /// Sitemap files (more than one past 50,000 addresses).
    pub sitemap_files: usize,
    /// The dataset address written into the pages for the app, if any.
    pub data_src: Option<String>,
    /// Bytes written in all.
    pub bytes: u64,
}

/// Why publishing stopped.
#[derive(Debug)]
pub enum PublishError {
    /// A file could not be read or written.
    Io {
        /// Which file.
        path: PathBuf,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The output directory does not hold a trunk build.
    NotABuild {
        /// The page that was expected.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The build was made for another sub-path than the base URL names.
    BasePathMismatch {
        /// The build's `<base href>`.
        built: String,
        /// The base URL's path.
        wanted: String,
    },
    /// A release id that cannot be a directory name (adapters guarantee they can).
    UnsafeId(String),
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, error } => write!(f, "{}: {error}", path.display()),
            Self::NotABuild { path, reason } => write!(
                f,
                "{} is not trunk's page: {reason}. Run `trunk build --release` (or `make dist`) first.",
                path.display()
            ),
            Self::BasePathMismatch { built, wanted } => write!(
                f,
                "the build is for the sub-path {built:?} but the base URL names {wanted:?}; \
                 rebuild with `trunk build --release --public-url {wanted}` or fix --base-url"
            ),
            Self::UnsafeId(id) => write!(f, "release id {id:?} cannot be a file name"),
        }
    }
}

impl std::error::Error for PublishError {}

/// Publishes `loaded` (read from `dataset_text`) into `options.out_dir`, a trunk build.
///
/// The app must show the same dataset the pages were made from. When the build's bundled
/// dataset (`data/releases.json`) is `dataset_text` byte for byte, it does; when the page
/// already names one (`<body data-src>`) or `options.data_src` does, that is kept; otherwise
/// the text is written to [`DATA_FILE`] and every page's `<body>` gets a `data-src` for it.
///
/// `progress(done, total)` is called from this thread as release pages are written.
pub fn publish(
    loaded: &LoadedDataset,
    dataset_text: &str,
    options: &PublishOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Published, PublishError> {
    let out = &options.out_dir;
    let deploy = options.deploy.as_ref();
    let written = AtomicU64::new(0);
    let write = |relative: &str, content: &[u8]| -> Result<(), PublishError> {
        let path = out.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| io(parent, error))?;
        }
        fs::write(&path, content).map_err(|error| io(&path, error))?;
        written.fetch_add(content.len() as u64, Ordering::Relaxed);
        Ok(())
    };

    // Trunk's page: kept aside the first time, so publishing again starts from it.
    let shell_path = out.join(SHELL_FILE);
    let index_path = out.join("index.html");
    let (shell_text, from) = match fs::read_to_string(&shell_path) {
        Ok(text) => (text, shell_path.clone()),
        Err(_) => (
            fs::read_to_string(&index_path).map_err(|error| io(&index_path, error))?,
            index_path.clone(),
        ),
    };
    let shell = Shell::parse(&shell_text).map_err(|reason| PublishError::NotABuild {
        path: from.clone(),
        reason: reason.0,
    })?;
    if from == index_path {
        write(SHELL_FILE, shell_text.as_bytes())?;
    }
    let relative;
    let deploy = match deploy {
        Some(deploy) => deploy,
        None => {
            relative = Deploy::relative(shell.base_href());
            &relative
        }
    };
    let built = shell.base_href().trim_end_matches('/');
    if built != deploy.base_path() {
        return Err(PublishError::BasePathMismatch {
            built: format!("{built}/"),
            wanted: format!("{}/", deploy.base_path()),
        });
    }

    // Which dataset the app will load.
    let bundled = fs::read(out.join("data/releases.json")).unwrap_or_default();
    let data_src = if let Some(src) = &options.data_src {
        Some(src.clone())
    } else if shell.has_data_src() || bundled == dataset_text.as_bytes() {
        None
    } else {
        write(DATA_FILE, dataset_text.as_bytes())?;
        Some(deploy.href(&format!("/{DATA_FILE}"), ""))
    };

    let dataset = &loaded.dataset;
    let releases = &dataset.releases;
    if let Some(bad) = releases.iter().find(|r| !is_url_safe_id(&r.id)) {
        return Err(PublishError::UnsafeId(bad.id.clone()));
    }
    let index = SearchIndex::build(releases);
    let order: Vec<usize> = index
        .run(releases, &ViewState::default())
        .matches
        .iter()
        .map(|&i| i as usize)
        .collect();
    // The pages are the app's own components rendered here (see `ui::prerender`).
    let site = SiteData::from_site(Site::with_index(
        SourceFormat::Pressline,
        loaded.clone(),
        index,
    ));
    let base = deploy.base_path();
    let plans = release_plans(releases, &order);
    // Written (below) only where the deploy's address is known, as the heads' links are.
    let feeds = deploy.is_absolute().then(|| FeedLinks {
        atom: deploy.url(feeds::ATOM_FILE),
        json: deploy.url(feeds::JSON_FEED_FILE),
    });

    // The release pages, in parallel; the old ones go first (a release may have been removed).
    let releases_dir = out.join("releases");
    if releases_dir.exists() {
        fs::remove_dir_all(&releases_dir).map_err(|error| io(&releases_dir, error))?;
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error = Mutex::new(None);
    // The app's own limit on a fetched dataset is raised to fit the published one (a dataset
    // this big is better deployed as a sharded archive: `pressline shard`, `--data-src`).
    let mut body_attributes: Vec<(&str, String)> = Vec::new();
    if let Some(src) = &data_src {
        body_attributes.push(("data-src", src.clone()));
        let size = dataset_text.len() as u64;
        if options.data_src.is_none() && size > DEFAULT_MAX_BYTES {
            body_attributes.push(("data-max-bytes", size.to_string()));
        }
    }
    let body_attributes = &body_attributes;
    let total = releases.len();
    // Workers wake this thread when they finish or fail, so a small site does not wait out a
    // progress interval.
    let reporter = std::thread::current();
    let workers = options.threads.max(1);
    let workers_left = AtomicUsize::new(workers);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // Counts this worker out even when it panics, so the reporter stops waiting
                // (the scope then passes the panic on).
                let _leaving = WorkerGuard {
                    left: &workers_left,
                    reporter: &reporter,
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || failed.load(Ordering::Relaxed) {
                        break;
                    }
                    let release = &releases[i];
                    let content = render_page_with(
                        &site,
                        base,
                        &release_path(&release.id),
                        Some(&plans),
                        feeds.as_ref(),
                    );
                    let head = PageHead::for_release(dataset, release, deploy);
                    let page = shell.page(
                        &head,
                        &head.tags(dataset, deploy),
                        body_attributes,
                        &release_path(&release.id),
                        &content,
                    );
                    if let Err(error) = write(
                        &format!("releases/{}/index.html", release.id),
                        page.as_bytes(),
                    ) {
                        failed.store(true, Ordering::Relaxed);
                        first_error
                            .lock()
                            .expect("not poisoned")
                            .get_or_insert(error);
                        reporter.unpark();
                        break;
                    }
                    if done.fetch_add(1, Ordering::Relaxed) + 1 == total {
                        reporter.unpark();
                    }
                }
            });
        }
        // Report progress while the workers run.
        loop {
            // Read before `done`: once every worker has left, this report is the last one and
            // must show their final count.
            let all_left = workers_left.load(Ordering::Acquire) == 0;
            let finished = done.load(Ordering::Relaxed);
            progress(finished, total);
            if finished >= total || failed.load(Ordering::Relaxed) || all_left {
                break;
            }
            std::thread::park_timeout(Duration::from_millis(100));
        }
    });
    if let Some(error) = first_error.into_inner().expect("not poisoned") {
        return Err(error);
    }

    // The timeline, and the bare page for any other address.
    let head = PageHead::for_timeline(dataset, deploy);
    let content = render_page_with(&site, base, "/", None, feeds.as_ref());
    let page = shell.page(
        &head,
        &head.tags(dataset, deploy),
        body_attributes,
        "/",
        &content,
    );
    write("index.html", page.as_bytes())?;
    write(
        "404.html",
        shell.bare(&dataset.title, body_attributes).as_bytes(),
    )?;

    // Feeds, sitemap, robots.txt, and their compressed copies: only where the deploy's
    // address is known, for they must name absolute addresses.
    let (feed_entries, sitemap_urls, sitemap_files) = if deploy.is_absolute() {
        write_feeds_and_sitemaps(out, dataset, &order, options.feed_size, deploy, &written)?
    } else {
        (0, 0, 0)
    };
    if data_src.is_some() && options.data_src.is_none() {
        precompress(out, DATA_FILE, dataset_text.as_bytes(), &written)?;
    }

    Ok(Published {
        release_pages: total,
        feed_entries,
        sitemap_urls,
        sitemap_files,
        data_src,
        bytes: written.load(Ordering::Relaxed),
    })
}

/// Writes the feeds of the `feed_size` newest releases, the sitemaps and `robots.txt`, with
/// their compressed copies; returns the feed entries, sitemap addresses and sitemap files.
fn write_feeds_and_sitemaps(
    out: &Path,
    dataset: &pressline_core::Dataset,
    order: &[usize],
    feed_size: usize,
    deploy: &Deploy,
    written: &AtomicU64,
) -> Result<(usize, usize, usize), PublishError> {
    let newest = &order[..feed_size.min(order.len())];
    let mut text_files = vec![
        (
            feeds::ATOM_FILE.to_owned(),
            feeds::atom(dataset, newest, deploy),
        ),
        (
            feeds::JSON_FEED_FILE.to_owned(),
            feeds::json_feed(dataset, newest, deploy),
        ),
    ];
    remove_old_sitemaps(out)?;
    let sitemaps = sitemap::sitemaps(dataset, order, deploy);
    let sitemap_files = sitemaps.len();
    text_files.extend(sitemaps);
    let robots_path = out.join("robots.txt");
    let existing_robots = fs::read_to_string(&robots_path).unwrap_or_default();
    text_files.push((
        "robots.txt".to_owned(),
        sitemap::robots(&existing_robots, deploy),
    ));
    for (name, text) in &text_files {
        let path = out.join(name);
        fs::write(&path, text.as_bytes()).map_err(|error| io(&path, error))?;
        written.fetch_add(text.len() as u64, Ordering::Relaxed);
        precompress(out, name, text.as_bytes(), written)?;
    }
    add_feed_headers(out, deploy)?;
    Ok((newest.len(), order.len() + 1, sitemap_files))
}

/// Every release's page plan in the timeline `order` (release indices, newest first), as the
/// release pages take it (see [`ReleasePlan::all_in_order`]).
pub fn release_plans(releases: &[pressline_core::Release], order: &[usize]) -> ReleasePlans {
    ReleasePlans(ReleasePlan::all_in_order(releases, order).into())
}

/// Counts a worker out when it ends, however it ends, and wakes the reporter.
struct WorkerGuard<'a> {
    left: &'a AtomicUsize,
    reporter: &'a std::thread::Thread,
}

impl Drop for WorkerGuard<'_> {
    fn drop(&mut self) {
        self.left.fetch_sub(1, Ordering::Release);
        self.reporter.unpark();
    }
}

fn io(path: &Path, error: std::io::Error) -> PublishError {
    PublishError::Io {
        path: path.to_owned(),
        error,
    }
}

/// Removes `sitemap-N.xml` files a bigger earlier publish left.
fn remove_old_sitemaps(out: &Path) -> Result<(), PublishError> {
    let entries = fs::read_dir(out).map_err(|error| io(out, error))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("sitemap-") && name.contains(".xml") {
            fs::remove_file(entry.path()).map_err(|error| io(&entry.path(), error))?;
        }
    }
    Ok(())
}

/// Writes `name.gz` beside `name`, and removes a stale `name.br` (the build's hook wrote one
/// for the old `robots.txt`; a host would serve it instead of the new file).
fn precompress(
    out: &Path,
    name: &str,
    content: &[u8],
    written: &AtomicU64,
) -> Result<(), PublishError> {
    let brotli = out.join(format!("{name}.br"));
    if brotli.exists() {
        fs::remove_file(&brotli).map_err(|error| io(&brotli, error))?;
    }
    let path = out.join(format!("{name}.gz"));
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(content)
        .and_then(|()| encoder.finish())
        .and_then(|gz| {
            written.fetch_add(gz.len() as u64, Ordering::Relaxed);
            fs::write(&path, gz)
        })
        .map_err(|error| io(&path, error))
}

/// Adds the feeds' media types to the build's `_headers` (once).
fn add_feed_headers(out: &Path, deploy: &Deploy) -> Result<(), PublishError> {
    let path = out.join("_headers");
    let Ok(mut headers) = fs::read_to_string(&path) else {
        return Ok(()); // Not a build with a _headers file: nothing to add to.
    };
    let marker = "# Feeds (pressline publish)";
    if headers.contains(marker) {
        return Ok(());
    }
    let base = deploy.base_path();
    headers.push_str(&format!(
        "{marker}\n{base}/{}\n  Content-Type: application/atom+xml; charset=utf-8\n  Cache-Control: public, max-age=300\n{base}/{}\n  Content-Type: application/feed+json; charset=utf-8\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=300\n",
        feeds::ATOM_FILE,
        feeds::JSON_FEED_FILE
    ));
    fs::write(&path, headers).map_err(|error| io(&path, error))
}
