//! The citizen portal (the `/` bundle): the catalogue and sign-in.

mod home;
mod signin;

pub use home::Home;
pub use signin::SignIn;
