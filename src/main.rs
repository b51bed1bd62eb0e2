//! The web app's entry point: mounts [`pressline::ui::App`] with the bundled dataset.

#[cfg(target_arch = "wasm32")]
fn main() {
    use pressline::ui::{App, SiteData};
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <App data=SiteData::bundled() /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pressline-app is the browser app: build it with `trunk build` or run `make serve`.");
    std::process::exit(2);
}
