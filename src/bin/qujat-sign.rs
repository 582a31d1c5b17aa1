//! The signing bundle's entry point: signing and submitting, the receipt, the EDS keys (its page is made from `index.html` by `.ci/shells.mjs`).

fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Sign);
}
