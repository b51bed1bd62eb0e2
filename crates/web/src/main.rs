//! The web app's entry point: mounts [`pressline_web::Root`] (see [`pressline_web::start`]).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    pressline_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pressline-app is the browser app: build it with `trunk build` or run `make serve`.");
    std::process::exit(2);
}
