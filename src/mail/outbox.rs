//! The outbox: every reply between being composed and being accepted by the server, as `.eml`
//! files, so that nothing is lost and nothing is sent twice without a person deciding.
//!
//! ```text
//! OUTBOX/*.eml          waiting: `charter outbox send` sends them
//! OUTBOX/sending/*.eml  being handed to the server; found there by a later run: in doubt
//! OUTBOX/refused/*.eml  refused for good by the server: kept for a person
//! ```
//!
//! A reply is written to `sending/` *before* the server sees it and removed only after the
//! server accepted it, so a run killed in between leaves it in `sending/`, where the next run
//! finds it *in doubt*: perhaps delivered, perhaps not. It is sent again only when a person
//! says so (`charter outbox send --in-doubt`). Each file begins with one `X-Charter:` header
//! line, the [`Link`] to the inquiry it answers, which is removed before sending. Files are
//! written atomically and readable by their owner only (they hold citizens' addresses); a lock
//! file makes runs on one outbox take turns.

use crate::error::Error;
use lettre::Address;
use lettre::address::Envelope;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// The largest kept message read from the outbox.
const MAX_KEPT_BYTES: u64 = 64 << 20;

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

/// Where in the outbox a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Waiting to be sent.
    Waiting,
    /// Being handed to the server; found there by a later run, in doubt.
    Sending,
    /// Refused for good by the server.
    Refused,
}

impl Place {
    /// Every place, in the order they are listed.
    pub const ALL: [Place; 3] = [Place::Waiting, Place::Sending, Place::Refused];

    fn subdir(self) -> Option<&'static str> {
        match self {
            Place::Waiting => None,
            Place::Sending => Some("sending"),
            Place::Refused => Some("refused"),
        }
    }
}

/// What a kept reply answers, so that delivering it later completes the record: the inquiry
/// in the state file, and its flags in its mailbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The inquiry's id (its Message-ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inquiry: Option<String>,
    /// The state file that records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<PathBuf>,
    /// The mailbox the inquiry is in (`maildir:/path`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailbox: Option<String>,
    /// The inquiry's key in that mailbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A message read back from the outbox.
#[derive(Debug, Clone)]
pub struct Kept {
    /// Its file.
    pub path: PathBuf,
    /// What it answers.
    pub link: Link,
    /// The message as it is sent.
    pub message: Vec<u8>,
}

/// An outbox, locked for this process until it is dropped.
pub struct Outbox {
    dir: PathBuf,
    _lock: File,
}

const LINK_HEADER: &[u8] = b"X-Charter: ";

impl Outbox {
    /// Opens (creating) the outbox, waiting for any other process that holds it; removes the
    /// temporary files a killed run left.
    pub fn open(dir: &Path) -> Result<Outbox, Error> {
        let write_error = |source| Error::Write {
            path: dir.to_path_buf(),
            source,
        };
        for place in Place::ALL {
            super::state::create_private_dir(&place_dir(dir, place)).map_err(write_error)?;
        }
        let lock = crate::files::open_lock(&dir.join(".lock")).map_err(write_error)?;
        lock.lock().map_err(write_error)?;
        for place in Place::ALL {
            remove_temporaries(&place_dir(dir, place));
        }
        let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        Ok(Outbox { dir, _lock: lock })
    }

    /// The outbox directory (absolute when it could be resolved).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh file name for a message: the time and a random part, so that names sort by age.
    pub fn new_name() -> String {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
            & 0xffff_ffff;
        format!("{nanos:020}-{random:08x}.eml")
    }

    /// The path of file `name` in `place`.
    pub fn path(&self, place: Place, name: &str) -> PathBuf {
        place_dir(&self.dir, place).join(name)
    }

    /// Writes a message as `name` in `place`, with its link, and returns its path.
    pub fn put(
        &self,
        place: Place,
        name: &str,
        link: &Link,
        message: &[u8],
    ) -> Result<PathBuf, Error> {
        let path = self.path(place, name);
        let mut bytes = Vec::with_capacity(message.len() + 200);
        bytes.extend_from_slice(LINK_HEADER);
        bytes.extend_from_slice(&serde_json::to_vec(link).unwrap_or_default());
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(message);
        crate::files::write_private(&path, &bytes)?;
        Ok(path)
    }

    /// Moves a message to `place`; returns its new path.
    pub fn move_to(&self, path: &Path, place: Place) -> Result<PathBuf, Error> {
        let target = place_dir(&self.dir, place).join(path.file_name().unwrap_or_default());
        if target == path {
            return Ok(target);
        }
        fs::rename(path, &target).map_err(|source| Error::Write {
            path: target.clone(),
            source,
        })?;
        crate::files::sync_dir(crate::files::parent(&target));
        Ok(target)
    }

    /// Removes a message the server accepted.
    pub fn remove(&self, path: &Path) -> Result<(), Error> {
        fs::remove_file(path).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The messages in `place`, oldest first.
    pub fn list(&self, place: Place) -> Result<Vec<PathBuf>, Error> {
        list(&self.dir, place)
    }

    /// Which place holds file `name`, if any.
    pub fn find(&self, name: &str) -> Option<(Place, PathBuf)> {
        Place::ALL
            .into_iter()
            .map(|place| (place, self.path(place, name)))
            .find(|(_, path)| path.is_file())
    }
}

/// The messages in `place` of the outbox `dir`, oldest first, without locking it.
pub fn list(dir: &Path, place: Place) -> Result<Vec<PathBuf>, Error> {
    let dir = place_dir(dir, place);
    match crate::dir::files(&dir, Some("eml")) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        result => result.map_err(|source| Error::Read { path: dir, source }),
    }
}

/// Reads a kept message: its link line (if any) and the message itself.
pub fn read(path: &Path) -> Result<Kept, Error> {
    // Bounded: a reply with its PDF is a few MB; a huge file dropped in the outbox is refused.
    let bytes = crate::files::read(path, MAX_KEPT_BYTES)?;
    let (link, message) = match bytes.strip_prefix(LINK_HEADER) {
        Some(rest) => {
            let end = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .unwrap_or(rest.len());
            let link = serde_json::from_slice(&rest[..end]).unwrap_or_default();
            (link, rest[(end + 2).min(rest.len())..].to_vec())
        }
        None => (Link::default(), bytes),
    };
    Ok(Kept {
        path: path.to_path_buf(),
        link,
        message,
    })
}

fn place_dir(dir: &Path, place: Place) -> PathBuf {
    match place.subdir() {
        Some(sub) => dir.join(sub),
        None => dir.to_path_buf(),
    }
}

/// Removes what a killed [`crate::files::write`] left in `dir`: `.NAME.eml.PID.RANDOM.tmp`.
fn remove_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let target = name
            .strip_prefix('.')
            .and_then(|n| n.split_once(".eml."))
            .map(|(stem, _)| format!("{stem}.eml"));
        if target.is_some_and(|t| crate::files::is_temporary_of(&name, &t)) {
            let _ = fs::remove_file(entry.path());
        }
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
    fn kept_messages_keep_their_link_and_wait_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(dir.path()).unwrap();
        let link = Link {
            inquiry: Some("a@b".into()),
            ..Link::default()
        };
        let first = outbox
            .put(Place::Waiting, &Outbox::new_name(), &link, b"one")
            .unwrap();
        let second = outbox
            .put(
                Place::Waiting,
                &Outbox::new_name(),
                &Link::default(),
                b"two",
            )
            .unwrap();
        let refused = outbox.move_to(&second, Place::Refused).unwrap();
        assert_eq!(
            outbox.list(Place::Waiting).unwrap(),
            std::slice::from_ref(&first)
        );
        assert_eq!(
            outbox.list(Place::Refused).unwrap(),
            std::slice::from_ref(&refused)
        );
        let kept = read(&first).unwrap();
        assert_eq!((kept.link, kept.message), (link, b"one".to_vec()));
        assert_eq!(read(&refused).unwrap().message, b"two");
        let name = first.file_name().unwrap().to_str().unwrap();
        assert_eq!(outbox.find(name).map(|(p, _)| p), Some(Place::Waiting));
    }

    #[cfg(unix)]
    #[test]
    fn the_outbox_is_the_owners_alone_and_locked() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("outbox");
        let outbox = Outbox::open(&root).unwrap();
        let path = outbox
            .put(Place::Waiting, &Outbox::new_name(), &Link::default(), b"x")
            .unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root), 0o700);
        let lock = File::options()
            .write(true)
            .open(root.join(".lock"))
            .unwrap();
        assert!(lock.try_lock().is_err());
        drop(outbox);
        assert!(lock.try_lock().is_ok());
    }
}
