//! `charter outbox`: the messages that could not be sent.

use super::{KEPT_FOR_RETRY, REFUSED};
use crate::cli::{MailArgs, OutboxCommand};
use crate::error::Error;
use crate::mail::outbox::{envelope_of, waiting};
use crate::mail::settings;
use crate::mail::smtp::SendError;
use std::fs;

/// Runs an outbox subcommand.
pub fn run(command: &OutboxCommand) -> Result<u8, Error> {
    match command {
        OutboxCommand::Send(args) => send(args),
        OutboxCommand::List(args) => list(args),
    }
}

fn list(args: &MailArgs) -> Result<u8, Error> {
    let settings = settings::resolve(None, args)?;
    let files = waiting(&settings.outbox)?;
    let mut out = String::new();
    for path in &files {
        let bytes = fs::read(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let to = envelope_of(&bytes).map_or_else(
            |e| format!("({e})"),
            |env| {
                env.to()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        out.push_str(&format!("{}\t{to}\n", path.display()));
    }
    out.push_str(&format!(
        "{} message(s) waiting in {}\n",
        files.len(),
        settings.outbox.display()
    ));
    super::print(&out)?;
    Ok(0)
}

/// Sends every waiting message over one connection; removes each one the server accepted, moves
/// each one it refused for good to `refused/`, and leaves the rest.
fn send(args: &MailArgs) -> Result<u8, Error> {
    let settings = settings::resolve(None, args)?;
    let files = waiting(&settings.outbox)?;
    if files.is_empty() {
        eprintln!("charter: the outbox {} is empty", settings.outbox.display());
        return Ok(0);
    }
    let (_, connection) = super::connect(&settings)?;
    let (mut sent, mut still_waiting, mut refused) = (0, 0, 0);
    for path in &files {
        let bytes = fs::read(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let envelope = match envelope_of(&bytes) {
            Ok(envelope) => envelope,
            Err(reason) => {
                eprintln!(
                    "charter: error: {}: cannot send: {reason}; left in place",
                    path.display()
                );
                still_waiting += 1;
                continue;
            }
        };
        match connection.send(&envelope, &bytes) {
            Ok(()) => {
                fs::remove_file(path).map_err(|source| Error::Write {
                    path: path.clone(),
                    source,
                })?;
                sent += 1;
            }
            Err(SendError::Temporary(reason)) => {
                eprintln!(
                    "charter: error: {}: {reason}; it keeps waiting",
                    path.display()
                );
                still_waiting += 1;
            }
            Err(SendError::Permanent(reason)) => {
                let dir = settings.outbox.join("refused");
                fs::create_dir_all(&dir).map_err(|source| Error::Write {
                    path: dir.clone(),
                    source,
                })?;
                let target = dir.join(path.file_name().unwrap_or_default());
                fs::rename(path, &target).map_err(|source| Error::Write {
                    path: target.clone(),
                    source,
                })?;
                eprintln!(
                    "charter: error: the server refused {} for good: {reason}; moved to {}",
                    path.display(),
                    target.display()
                );
                refused += 1;
            }
        }
    }
    eprintln!("charter: outbox: {sent} sent, {still_waiting} still waiting, {refused} refused");
    Ok(if still_waiting > 0 {
        KEPT_FOR_RETRY
    } else if refused > 0 {
        REFUSED
    } else {
        0
    })
}
