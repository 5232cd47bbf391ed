//! The outbox: messages that could not be sent, kept as `.eml` files until they are.
//!
//! A message the server could not take now waits in the outbox directory; one the server refused
//! for good is kept in `refused/` below it, so that nothing is lost and nothing is retried
//! forever. Files are written atomically and removed only once the server has accepted them.

use crate::error::Error;
use lettre::Address;
use lettre::address::Envelope;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// The outbox when none is configured: `$XDG_STATE_HOME/charter/outbox`, or
/// `~/.local/state/charter/outbox`.
pub fn default_dir() -> PathBuf {
    state_home().join("charter").join("outbox")
}

/// `$XDG_STATE_HOME`, or `~/.local/state`.
pub fn state_home() -> PathBuf {
    std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Keeps a message in the outbox (in `refused/` when the server refused it for good) and returns
/// where.
pub fn keep(dir: &Path, message: &[u8], refused: bool) -> Result<PathBuf, Error> {
    let dir = if refused {
        dir.join("refused")
    } else {
        dir.to_path_buf()
    };
    fs::create_dir_all(&dir).map_err(|source| Error::Write {
        path: dir.clone(),
        source,
    })?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
        & 0xffff_ffff;
    let path = dir.join(format!("{nanos:020}-{random:08x}.eml"));
    crate::atomic::write(&path, message)?;
    Ok(path)
}

/// The messages waiting to be sent, oldest first.
pub fn waiting(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    match crate::dir::files(dir, Some("eml")) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        result => result.map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

/// The envelope of a kept message, read back from its From, To, Cc and Bcc headers.
pub fn envelope_of(message: &[u8]) -> Result<Envelope, String> {
    let text = String::from_utf8_lossy(message);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    // Unfold continuation lines, then read the headers that carry addresses.
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let mut from = None;
    let mut to = Vec::new();
    for line in unfolded.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        match name.to_ascii_lowercase().as_str() {
            "from" => from = addresses(value).into_iter().next(),
            "to" | "cc" | "bcc" => to.extend(addresses(value)),
            _ => {}
        }
    }
    if to.is_empty() {
        return Err("it names no recipient".to_string());
    }
    Envelope::new(from, to).map_err(|e| e.to_string())
}

/// The addresses in a header value: each `<addr>`, or the bare addresses between commas.
fn addresses(value: &str) -> Vec<Address> {
    let mut found = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        found.extend(rest[start + 1..start + len].trim().parse::<Address>().ok());
        rest = &rest[start + len + 1..];
    }
    if found.is_empty() {
        found.extend(
            value
                .split(',')
                .filter_map(|a| a.trim().parse::<Address>().ok()),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_are_read_back_from_headers() {
        let message = b"From: =?utf-8?b?4KaV?= <office@example.gov.bd>\r\nTo: citizen@example.com,\r\n other@example.com\r\nSubject: x\r\n\r\nTo: not@a.header\r\n";
        let envelope = envelope_of(message).unwrap();
        assert_eq!(
            envelope.from().unwrap().to_string(),
            "office@example.gov.bd"
        );
        let to: Vec<String> = envelope.to().iter().map(|a| a.to_string()).collect();
        assert_eq!(to, ["citizen@example.com", "other@example.com"]);
        assert!(envelope_of(b"From: a@b.c\r\n\r\n").is_err());
    }

    #[test]
    fn kept_messages_wait_in_order_and_refused_ones_apart() {
        let dir = tempfile::tempdir().unwrap();
        let first = keep(dir.path(), b"one", false).unwrap();
        let second = keep(dir.path(), b"two", false).unwrap();
        let refused = keep(dir.path(), b"three", true).unwrap();
        assert_eq!(waiting(dir.path()).unwrap(), [first, second]);
        assert!(refused.starts_with(dir.path().join("refused")));
        assert_eq!(
            waiting(&dir.path().join("missing")).unwrap(),
            Vec::<PathBuf>::new()
        );
    }
}
