//! The native side of Pressline: [`publish`] writes a static, prerendered site (pages rendered
//! by the web app's own components, feeds, sitemap) from the core. The `pressline` command
//! (`src/bin/pressline/`) is its front door.

#![warn(missing_docs)]
// Leptos's server-side rendering nests the page's view types deeply.
#![recursion_limit = "256"]

pub mod publish;
