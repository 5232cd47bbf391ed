//! Sending mail over SMTP: the URL that names the server, the client that keeps one connection
//! for a batch, the TLS it trusts and the name it greets with.

mod client;
pub mod hello;

pub use super::url::{Security, SmtpUrl, redact};
pub use client::{Client, Failure};
