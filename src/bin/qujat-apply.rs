//! The applying bundle's entry point: the wizard (its page is made from `index.html` by `.ci/shells.mjs`).

fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Apply);
}
