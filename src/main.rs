//! The citizen portal's entry point (`index.html`): it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Portal);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qujat is a web app: serve it with `./.ci/serve`; the native CLI is `qujat-rules`.");
    std::process::exit(2);
}
