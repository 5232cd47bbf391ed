//! The record of inquiries answered or waiting for their reply, so that none is answered twice
//! and no sender gets more than a few replies a day (two robots answering each other stop there).
//!
//! The record is a journal: one JSON line per event, appended and synced before the next step
//! (a reply is recorded as *pending* before the server sees it, *answered* once the server
//! accepted it). Opening it replays the journal; a line cut short by a crash is ignored. When
//! the journal has grown well past what it records, it is rewritten as one snapshot line. A
//! lock on a file beside it is held while the state is open, so two `charter` processes (a mail
//! filter and a cron job) take turns instead of answering the same inquiry both.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The largest state file read: about a million replies' records.
const MAX_STATE_BYTES: u64 = 256 << 20;

/// Answered inquiries are remembered this long (days); a copy of an inquiry delivered again
/// after that is answered again.
const KEEP_DAYS: u64 = 400;

/// A reply composed for an inquiry and not yet accepted by the server: it is in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The outbox it was put in.
    pub outbox: PathBuf,
    /// Its file name there (in the outbox, `sending/` or `refused/`).
    pub file: String,
    /// When (Unix seconds).
    pub since: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Record {
    /// Message-ID of each inquiry answered, and when (Unix seconds).
    #[serde(default)]
    answered: BTreeMap<String, u64>,
    /// Inquiries whose reply waits in an outbox.
    #[serde(default)]
    pending: BTreeMap<String, Pending>,
    /// Per sender: the day (days since 1970) and how many replies went to them that day.
    #[serde(default)]
    senders: BTreeMap<String, (u64, u32)>,
}

/// One line of the journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Event {
    /// The whole record (the first line after a rewrite).
    Snapshot(Record),
    /// A reply was put in the outbox for `id`, to `sender`.
    Pending {
        id: String,
        sender: String,
        #[serde(flatten)]
        pending: Pending,
    },
    /// The server accepted the reply to `id`.
    Answered { id: String, at: u64 },
    /// The reply to `id` never reached the outbox: forget it, so it is composed again.
    Forget { id: String },
}

impl Record {
    fn apply(&mut self, event: Event) {
        match event {
            Event::Snapshot(record) => *self = record,
            Event::Pending {
                id,
                sender,
                pending,
            } => {
                let today = pending.since / 86_400;
                let entry = self
                    .senders
                    .entry(sender.to_lowercase())
                    .or_insert((today, 0));
                if entry.0 != today {
                    *entry = (today, 0);
                }
                entry.1 += 1;
                self.pending.insert(id, pending);
            }
            Event::Answered { id, at } => {
                self.pending.remove(&id);
                self.answered.insert(id, at);
            }
            Event::Forget { id } => {
                self.pending.remove(&id);
            }
        }
    }

    fn entries(&self) -> usize {
        self.answered.len() + self.pending.len() + self.senders.len()
    }
}

/// The state, locked for this process until it is dropped.
pub struct State {
    path: PathBuf,
    record: Record,
    journal: File,
    _lock: File,
}

/// The state file when none is given: `$XDG_STATE_HOME/charter/replied.json`.
pub fn default_path() -> PathBuf {
    super::outbox::state_home()
        .join("charter")
        .join("replied.json")
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl State {
    /// Opens the state, waiting for any other process that holds it. Temporary files a killed
    /// run left beside it are removed.
    pub fn open(path: &Path) -> Result<State, Error> {
        let write_error = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let dir = crate::files::parent(path);
        create_private_dir(dir).map_err(write_error)?;
        let lock = crate::files::open_lock(&path.with_extension("lock")).map_err(write_error)?;
        lock.lock().map_err(write_error)?;
        remove_temporaries(path);
        // Bounded: a journal of a million replies is far below it.
        let text = match crate::files::read(path, MAX_STATE_BYTES) {
            Ok(bytes) => bytes,
            Err(Error::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        let (record, lines) = replay(path, &text)?;
        let absolute = fs::canonicalize(dir)
            .map(|d| d.join(path.file_name().unwrap_or_default()))
            .unwrap_or_else(|_| path.to_path_buf());
        let mut state = State {
            path: absolute,
            record,
            journal: open_private(path).map_err(write_error)?,
            _lock: lock,
        };
        if lines > 2 * state.record.entries() + 100 || !text.is_empty() && !text.ends_with(b"\n") {
            state.compact()?;
        }
        Ok(state)
    }

    /// The state file, absolute (as links in the outbox name it).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the inquiry's reply was accepted by the server, and when (Unix seconds).
    pub fn answered(&self, id: &str) -> Option<u64> {
        self.record.answered.get(id).copied()
    }

    /// The reply of the inquiry that waits in an outbox, if any.
    pub fn pending(&self, id: &str) -> Option<&Pending> {
        self.record.pending.get(id)
    }

    /// Every inquiry whose reply waits in an outbox.
    pub fn all_pending(&self) -> impl Iterator<Item = (&str, &Pending)> {
        self.record.pending.iter().map(|(id, p)| (id.as_str(), p))
    }

    /// How many replies went to `sender` today.
    pub fn replies_today(&self, sender: &str) -> u32 {
        let today = now() / 86_400;
        match self.record.senders.get(&sender.to_lowercase()) {
            Some(&(day, count)) if day == today => count,
            _ => 0,
        }
    }

    /// Records that a reply to inquiry `id` from `sender` is in `outbox` as `file`, before the
    /// server sees it. It counts towards the sender's daily cap.
    pub fn record_pending(
        &mut self,
        id: &str,
        sender: &str,
        outbox: &Path,
        file: &str,
    ) -> Result<(), Error> {
        self.append(Event::Pending {
            id: id.to_string(),
            sender: sender.to_string(),
            pending: Pending {
                outbox: outbox.to_path_buf(),
                file: file.to_string(),
                since: now(),
            },
        })
    }

    /// Records that the server accepted the reply to inquiry `id`.
    pub fn record_answered(&mut self, id: &str) -> Result<(), Error> {
        self.append(Event::Answered {
            id: id.to_string(),
            at: now(),
        })
    }

    /// Forgets the pending reply of inquiry `id`: it never reached the outbox.
    pub fn forget(&mut self, id: &str) -> Result<(), Error> {
        if !self.record.pending.contains_key(id) {
            return Ok(());
        }
        self.append(Event::Forget { id: id.to_string() })
    }

    fn append(&mut self, event: Event) -> Result<(), Error> {
        let mut line = serde_json::to_vec(&event).unwrap_or_default();
        line.push(b'\n');
        self.journal
            .write_all(&line)
            .and_then(|()| self.journal.sync_data())
            .map_err(|source| Error::Write {
                path: self.path.clone(),
                source,
            })?;
        self.record.apply(event);
        Ok(())
    }

    /// Rewrites the journal as one snapshot, dropping what is too old to matter.
    fn compact(&mut self) -> Result<(), Error> {
        let horizon = now().saturating_sub(KEEP_DAYS * 86_400);
        self.record.answered.retain(|_, &mut at| at >= horizon);
        let today = now() / 86_400;
        self.record.senders.retain(|_, &mut (day, _)| day == today);
        let record = std::mem::take(&mut self.record);
        let mut text = serde_json::to_vec(&Event::Snapshot(record)).unwrap_or_default();
        text.push(b'\n');
        crate::files::write_private(&self.path, &text)?;
        self.record = replay(&self.path, &text)?.0;
        self.journal = open_private(&self.path).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })?;
        Ok(())
    }
}

/// Replays a journal; also reads the single JSON object of earlier versions. Returns the
/// record and the number of lines.
fn replay(path: &Path, text: &[u8]) -> Result<(Record, usize), Error> {
    let unusable = |reason: String| Error::Unusable {
        path: path.to_path_buf(),
        reason: format!("not a charter state file: {reason}"),
    };
    let trimmed = text.trim_ascii_start();
    if trimmed.starts_with(b"{\n") || trimmed.starts_with(b"{ ") {
        // Earlier versions wrote one pretty-printed object.
        if let Ok(record) = serde_json::from_slice::<Record>(trimmed) {
            return Ok((record, usize::MAX / 4));
        }
    }
    let mut record = Record::default();
    let mut count = 0;
    let complete = match text.iter().rposition(|&b| b == b'\n') {
        Some(end) => &text[..=end],
        None => &[][..], // one line cut short by a crash: nothing was recorded
    };
    for (number, line) in complete.split(|&b| b == b'\n').enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let event: Event = serde_json::from_slice(line)
            .map_err(|e| unusable(format!("line {}: {e}", number + 1)))?;
        record.apply(event);
        count += 1;
    }
    Ok((record, count))
}

/// Opens (creating if needed) a file readable by its owner only, for appending.
fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = File::options();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    // A file that was there already (made by hand, or a link to one) is made the owner's
    // alone too: it gathers citizens' addresses.
    crate::files::make_private(&file)?;
    Ok(file)
}

/// Makes the folder of a file that holds citizens' addresses: the owner's alone (0700) where it
/// is new.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Removes the temporary files a killed run left beside `path`.
fn remove_temporaries(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(crate::files::parent(path)) else {
        return;
    };
    for entry in entries.flatten() {
        if crate::files::is_temporary_of(&entry.file_name().to_string_lossy(), name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_counts_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/replied.json");
        let outbox = dir.path().join("outbox");
        {
            let mut state = State::open(&path).unwrap();
            assert_eq!(state.answered("a@b"), None);
            state
                .record_pending("a@b", "Citizen@Example.com", &outbox, "1.eml")
                .unwrap();
            state.record_answered("a@b").unwrap();
            state
                .record_pending("c@d", "citizen@example.com", &outbox, "2.eml")
                .unwrap();
        }
        let state = State::open(&path).unwrap();
        assert!(state.answered("a@b").is_some());
        assert_eq!(state.pending("a@b"), None);
        assert_eq!(state.pending("c@d").unwrap().file, "2.eml");
        assert_eq!(state.replies_today("citizen@example.com"), 2);
        assert_eq!(state.replies_today("other@example.com"), 0);
    }

    #[test]
    fn a_line_cut_short_by_a_crash_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replied.json");
        {
            let mut state = State::open(&path).unwrap();
            state.record_answered("a@b").unwrap();
        }
        let mut file = File::options().append(true).open(&path).unwrap();
        file.write_all(br#"{"answered":{"id":"c@d","#).unwrap();
        drop(file);
        let mut state = State::open(&path).unwrap();
        assert!(state.answered("a@b").is_some());
        assert_eq!(state.answered("c@d"), None);
        state.record_answered("e@f").unwrap();
        drop(state);
        let state = State::open(&path).unwrap();
        assert!(
            state.answered("e@f").is_some(),
            "the journal goes on after the cut"
        );
    }

    #[test]
    fn the_single_object_of_earlier_versions_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replied.json");
        fs::write(
            &path,
            "{\n  \"answered\": {\n    \"a@b\": 1700000000\n  },\n  \"senders\": {}\n}",
        )
        .unwrap();
        let mut state = State::open(&path).unwrap();
        state.record_answered("c@d").unwrap();
        drop(state);
        let state = State::open(&path).unwrap();
        assert!(state.answered("c@d").is_some());
        assert!(
            state.answered("a@b").is_none(),
            "older than {KEEP_DAYS} days: dropped"
        );
    }

    #[test]
    fn a_file_that_is_not_a_state_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replied.json");
        fs::write(&path, "hello\n").unwrap();
        let e = State::open(&path).err().unwrap().to_string();
        assert!(e.contains("not a charter state file: line 1"), "{e}");
    }

    #[test]
    fn a_second_process_waits_for_the_lock_and_temporaries_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replied.json");
        fs::write(dir.path().join(".replied.json.4242.0badf00d.tmp"), "x").unwrap();
        let state = State::open(&path).unwrap();
        assert!(!dir.path().join(".replied.json.4242.0badf00d.tmp").exists());
        let lock = File::options()
            .write(true)
            .open(path.with_extension("lock"))
            .unwrap();
        assert!(lock.try_lock().is_err(), "held while the state is open");
        drop(state);
        assert!(lock.try_lock().is_ok(), "released when it is dropped");
    }
}
