//! The citizen portal (the `/` bundle): the catalogue, the service
//! passports, and sign-in.

mod home;
mod passport;
mod signin;

pub use home::Home;
pub use passport::PassportPage;
pub use signin::SignIn;
