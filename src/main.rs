//! The web app's entry point: mounts [`pressline::ui::Root`] (see [`pressline::ui::start`]).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    pressline::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pressline-app is the browser app: build it with `trunk build` or run `make serve`.");
    std::process::exit(2);
}
