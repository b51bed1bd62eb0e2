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
pub mod images;
mod output;
mod pool;
pub mod shell;
pub mod sitemap;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use deploy::Deploy;

use head::PageHead;
use output::{io, Output};
use pressline_core::formats::SourceFormat;
use pressline_core::related::ReleasePlan;
use pressline_core::route::release_path;
use pressline_core::search::SearchIndex;
use pressline_core::site::Site;
use pressline_core::source::DEFAULT_MAX_BYTES;
use pressline_core::translation::Translations;
use pressline_core::validate::is_url_safe_id;
use pressline_core::view_state::ViewState;
use pressline_core::{Dataset, LoadedDataset, Release};
use pressline_web::context::site_data::SiteData;
use pressline_web::pages::release::ReleasePlans;
use pressline_web::pages::shared::FeedLinks;
use pressline_web::prerender::{render_page_with, PRERENDER_LANGUAGE};
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
    /// The deploy's sub-path the pages were made for (`""` at a domain's root, else e.g.
    /// `/campaigns/ukraine`).
    pub base_path: String,
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
/// `loaded` is published as it is: releases under embargo must already be left out of it, and
/// out of `dataset_text` (see [`pressline_core::embargo`]; the `pressline publish` command does
/// both as soon as it has read the dataset).
///
/// `progress(done, total)` is called from this thread as release pages are written.
pub fn publish(
    loaded: &LoadedDataset,
    dataset_text: &str,
    options: &PublishOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Published, PublishError> {
    let output = Output::new(&options.out_dir);
    let build = Build::open(&output, options.deploy.as_ref())?;
    let data_src = choose_data_src(&output, &build, dataset_text, options)?;
    let pages = Pages::new(
        loaded,
        &build,
        body_attributes(data_src.as_deref(), dataset_text, options),
    )?;
    write_release_pages(&output, &pages, options.threads, progress)?;
    write_timeline_and_404(&output, &pages)?;
    // Feeds, sitemap, robots.txt, and their compressed copies: only where the deploy's
    // address is known, for they must name absolute addresses.
    let deploy = &build.deploy;
    let (feed_entries, sitemap_urls, sitemap_files) = if deploy.is_absolute() {
        write_feeds_and_sitemaps(
            &output,
            pages.dataset,
            &pages.order,
            options.feed_size,
            deploy,
        )?
    } else {
        (0, 0, 0)
    };
    if data_src.is_some() && options.data_src.is_none() {
        output.precompress(DATA_FILE, dataset_text.as_bytes())?;
    }
    Ok(Published {
        release_pages: pages.dataset.releases.len(),
        feed_entries,
        sitemap_urls,
        sitemap_files,
        data_src,
        bytes: output.bytes_written(),
        base_path: build.deploy.base_path().to_owned(),
    })
}

/// The trunk build being published over: its page, and the deploy the pages are for.
struct Build {
    shell: Shell,
    deploy: Deploy,
}

impl Build {
    /// Reads trunk's page (kept aside the first time, so publishing again starts from it) and
    /// checks it was built for `deploy`'s sub-path; without a deploy, the build's own sub-path
    /// is taken, with relative addresses.
    fn open(output: &Output, deploy: Option<&Deploy>) -> Result<Self, PublishError> {
        let shell_path = output.path(SHELL_FILE);
        let index_path = output.path("index.html");
        let (shell_text, from) = match fs::read_to_string(&shell_path) {
            Ok(text) => (text, shell_path),
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
            output.write(SHELL_FILE, shell_text.as_bytes())?;
        }
        let deploy = deploy
            .cloned()
            .unwrap_or_else(|| Deploy::relative(shell.base_href()));
        let built = shell.base_href().trim_end_matches('/');
        if built != deploy.base_path() {
            return Err(PublishError::BasePathMismatch {
                built: format!("{built}/"),
                wanted: format!("{}/", deploy.base_path()),
            });
        }
        Ok(Self { shell, deploy })
    }
}

/// The dataset address the pages give the app, if any (see [`publish`]), writing the dataset to
/// [`DATA_FILE`] when the app is to load it from there.
fn choose_data_src(
    output: &Output,
    build: &Build,
    dataset_text: &str,
    options: &PublishOptions,
) -> Result<Option<String>, PublishError> {
    if let Some(src) = &options.data_src {
        return Ok(Some(src.clone()));
    }
    let bundled = fs::read(output.path("data/releases.json")).unwrap_or_default();
    if build.shell.has_data_src() || bundled == dataset_text.as_bytes() {
        return Ok(None);
    }
    output.write(DATA_FILE, dataset_text.as_bytes())?;
    Ok(Some(build.deploy.href(&format!("/{DATA_FILE}"), "")))
}

/// The attributes every page's `<body>` gets: the dataset's address, and the app's own limit on
/// a fetched dataset raised to fit the published one (a dataset this big is better deployed as
/// a sharded archive: `pressline shard`, `--data-src`).
fn body_attributes(
    data_src: Option<&str>,
    dataset_text: &str,
    options: &PublishOptions,
) -> Vec<(&'static str, String)> {
    let mut attributes = Vec::new();
    if let Some(src) = data_src {
        attributes.push(("data-src", src.to_owned()));
        let size = dataset_text.len() as u64;
        if options.data_src.is_none() && size > DEFAULT_MAX_BYTES {
            attributes.push(("data-max-bytes", size.to_string()));
        }
    }
    attributes
}

/// What every page is made from. The pages are the app's own components rendered here (see
/// `pressline_web::prerender`) inside trunk's page.
struct Pages<'a> {
    dataset: &'a Dataset,
    /// Release indices in timeline order, newest first.
    order: Vec<usize>,
    site: SiteData,
    plans: ReleasePlans,
    /// Each release's versions in other languages, for its head's `hreflang` links.
    translations: Translations<'a>,
    /// The feeds' addresses, only where the deploy's address is known, as the heads' links are.
    feeds: Option<FeedLinks>,
    shell: &'a Shell,
    deploy: &'a Deploy,
    body_attributes: Vec<(&'static str, String)>,
}

impl<'a> Pages<'a> {
    /// Indexes `loaded` for its pages; refuses a release id that cannot be a directory name.
    fn new(
        loaded: &'a LoadedDataset,
        build: &'a Build,
        body_attributes: Vec<(&'static str, String)>,
    ) -> Result<Self, PublishError> {
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
        let site = Site::with_index(SourceFormat::Pressline, loaded.clone(), index);
        let plans = release_plans(&site);
        let site = SiteData::from_site(site);
        let deploy = &build.deploy;
        let feeds = deploy.is_absolute().then(|| FeedLinks {
            atom: deploy.url(feeds::ATOM_FILE),
            json: deploy.url(feeds::JSON_FEED_FILE),
        });
        Ok(Self {
            dataset,
            order,
            site,
            plans,
            translations: Translations::new(dataset),
            feeds,
            shell: &build.shell,
            deploy,
            body_attributes,
        })
    }

    /// `release`'s page, with its own head and the app's release page.
    fn release(&self, release: &Release) -> String {
        let path = release_path(&release.id);
        let content = render_page_with(
            &self.site,
            self.deploy.base_path(),
            &path,
            Some(&self.plans),
            self.feeds.as_ref(),
        );
        let versions = self.translations.other_versions(release);
        let head = PageHead::for_release_with(self.dataset, release, self.deploy, &versions);
        self.in_shell(&head, &path, &content)
    }

    /// The timeline's page.
    fn timeline(&self) -> String {
        let head = PageHead::for_timeline(self.dataset, self.deploy);
        let content = render_page_with(
            &self.site,
            self.deploy.base_path(),
            "/",
            None,
            self.feeds.as_ref(),
        );
        self.in_shell(&head, "/", &content)
    }

    /// The bare page for any other address.
    fn not_found(&self) -> String {
        self.shell.bare(&self.dataset.title, &self.body_attributes)
    }

    fn in_shell(&self, head: &PageHead, app_path: &str, content: &str) -> String {
        self.shell.page(
            head,
            &head.tags(self.dataset, self.deploy),
            &self.body_attributes,
            app_path,
            content,
        )
    }
}

/// Writes every release's page, in parallel (see [`pool`]); the old ones go first (a release may
/// have been removed).
fn write_release_pages(
    output: &Output,
    pages: &Pages,
    threads: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), PublishError> {
    output.remove_dir("releases")?;
    let releases = &pages.dataset.releases;
    pool::run_jobs(
        releases.len(),
        threads,
        |i| {
            let release = &releases[i];
            output.write(
                &format!("releases/{}/index.html", release.id),
                pages.release(release).as_bytes(),
            )
        },
        progress,
    )
}

/// Writes the timeline's `index.html`, and the `404.html` hosts serve for any other address.
fn write_timeline_and_404(output: &Output, pages: &Pages) -> Result<(), PublishError> {
    output.write("index.html", pages.timeline().as_bytes())?;
    output.write("404.html", pages.not_found().as_bytes())
}

/// Writes the feeds of the `feed_size` newest releases, the sitemaps and `robots.txt`, with
/// their compressed copies; returns the feed entries, sitemap addresses and sitemap files.
fn write_feeds_and_sitemaps(
    output: &Output,
    dataset: &Dataset,
    order: &[usize],
    feed_size: usize,
    deploy: &Deploy,
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
    remove_old_sitemaps(output.dir())?;
    let sitemaps = sitemap::sitemaps(dataset, order, deploy);
    let sitemap_files = sitemaps.len();
    text_files.extend(sitemaps);
    let existing_robots = fs::read_to_string(output.path("robots.txt")).unwrap_or_default();
    text_files.push((
        "robots.txt".to_owned(),
        sitemap::robots(&existing_robots, deploy),
    ));
    for (name, text) in &text_files {
        output.write_compressed(name, text.as_bytes())?;
    }
    add_feed_headers(output.dir(), deploy)?;
    Ok((newest.len(), order.len() + 1, sitemap_files))
}

/// Every release's page plan in the whole timeline as the prerendered pages' reader sees it
/// (see [`ReleasePlan::all_for_reader`] and [`PRERENDER_LANGUAGE`]).
pub fn release_plans(site: &Site) -> ReleasePlans {
    ReleasePlans(ReleasePlan::all_for_reader(site, PRERENDER_LANGUAGE).into())
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

/// Adds the feeds' media types to the build's `_headers` (once).
fn add_feed_headers(out: &Path, deploy: &Deploy) -> Result<(), PublishError> {
    let base = deploy.base_path();
    add_headers(
        out,
        "# Feeds (pressline publish)",
        &format!(
            "{base}/{}\n  Content-Type: application/atom+xml; charset=utf-8\n  Cache-Control: public, max-age=300\n{base}/{}\n  Content-Type: application/feed+json; charset=utf-8\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=300\n",
            feeds::ATOM_FILE,
            feeds::JSON_FEED_FILE
        ),
    )
}

/// Adds `rules` under the comment line `marker` to the build's `_headers`, unless it has them
/// already (or has no `_headers` file).
fn add_headers(out: &Path, marker: &str, rules: &str) -> Result<(), PublishError> {
    let path = out.join("_headers");
    let Ok(mut headers) = fs::read_to_string(&path) else {
        return Ok(()); // Not a build with a _headers file: nothing to add to.
    };
    if headers.contains(marker) {
        return Ok(());
    }
    headers.push_str(marker);
    headers.push('\n');
    headers.push_str(rules);
    fs::write(&path, headers).map_err(|error| io(&path, error))
}
