//! `charter`: validate, render and answer from Bangladesh government citizen charters.
//!
//! The binary only parses arguments and calls [`commands::dispatch`]; the work is done here.

pub mod bangla;
pub mod charter;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod dir;
pub mod error;
pub mod files;
pub mod fix;
pub mod format;
pub mod guard;
pub mod import;
pub mod mail;
pub mod render;
pub mod report;
pub mod schema;
