//! The applying-and-signing bundle's entry point (its page is made from `index.html` by `.ci/shells.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Apply);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qujat-apply is part of the web app: serve it with `./.ci/serve`.");
    std::process::exit(2);
}
