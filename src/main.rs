//! The citizen portal's entry point (`index.html`): it only mounts the app.

fn main() {
    qujat::ui::mount(qujat::ui::Bundle::Portal);
}
