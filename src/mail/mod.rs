//! Email: composing a service's information, sending it over SMTP, and keeping what could not be
//! sent.

pub mod compose;
pub mod inquiry;
pub mod matcher;
pub mod outbox;
pub mod settings;
pub mod smtp;
pub mod state;
