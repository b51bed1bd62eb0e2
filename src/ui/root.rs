//! Where the app's dataset comes from, and the loading and failure states before it is ready.

use leptos::prelude::*;

use super::shared::{FetchErrorView, LoadingView};
use super::{App, SiteData};

/// Which dataset to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetSource {
    /// The dataset compiled into the app.
    Bundled,
    /// A dataset fetched at run time from this URL (the mount element's `data-src`).
    Url(String),
}

impl DatasetSource {
    /// Reads the source from the mount element's `data-src` attribute; bundled without one.
    pub fn from_element(element: &web_sys::Element) -> Self {
        match element.get_attribute("data-src") {
            Some(src) if !src.trim().is_empty() => Self::Url(src.trim().to_owned()),
            _ => Self::Bundled,
        }
    }
}

/// The app for a dataset source: the bundled one at once, a fetched one after a loading view,
/// or an error view with a Retry button when the fetch fails.
#[component]
pub fn Root(
    /// Where the dataset comes from.
    source: DatasetSource,
) -> impl IntoView {
    match source {
        DatasetSource::Bundled => view! { <App data=SiteData::bundled() /> }.into_any(),
        DatasetSource::Url(url) => {
            let fetch_url = url.clone();
            // Parsed inside the resource so the raw text is dropped as soon as it is read.
            let dataset = LocalResource::new(move || {
                let url = fetch_url.clone();
                async move { fetch_text(url).await.map(|text| SiteData::from_json(&text)) }
            });
            (move || match dataset.get() {
                None => view! { <LoadingView url=url.clone() /> }.into_any(),
                Some(Ok(data)) => view! { <App data=data /> }.into_any(),
                Some(Err(message)) => view! {
                    <FetchErrorView message=message on_retry=move || dataset.refetch() />
                }
                .into_any(),
            })
            .into_any()
        }
    }
}

/// Fetches a dataset's text, with an error naming the URL and the cause.
async fn fetch_text(url: String) -> Result<String, String> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|error| format!("Could not reach {url}: {error}"))?;
    if !response.ok() {
        return Err(format!(
            "{url} answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response
        .text()
        .await
        .map_err(|error| format!("Could not read {url}: {error}"))
}
