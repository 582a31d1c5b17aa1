//! The service passports' bundle's entry point (its page is made from `index.html` by `.ci/shells.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Services);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qujat-services is part of the web app: serve it with `./.ci/serve`.");
    std::process::exit(2);
}
