//! The web app's entry point: it only mounts the Leptos app.

#[cfg(target_arch = "wasm32")]
fn main() {
    qujat::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qujat is a web app: serve it with `./.ci/serve`; the native CLI is `qujat-rules`.");
    std::process::exit(2);
}
