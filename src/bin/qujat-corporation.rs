//! The State Corporation's bundle's entry point (its page is made from `index.html` by `.ci/shells.mjs`).

fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Corporation);
}
