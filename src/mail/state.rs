//! The record of inquiries answered, so that none is answered twice and no sender gets more than
//! a few replies a day (two robots answering each other stop there).
//!
//! The record is a JSON file, replaced atomically after each reply. A lock on a file beside it
//! is held for the whole run, so two `charter` processes (a mail filter and a cron job) take
//! turns instead of answering the same inquiry both.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Serialize, Deserialize)]
struct Record {
    /// Message-ID of each inquiry answered, and when (Unix seconds).
    answered: BTreeMap<String, u64>,
    /// Per sender: the day (days since 1970) and how many replies went to them that day.
    senders: BTreeMap<String, (u64, u32)>,
}

/// The state, locked for this process until it is dropped.
pub struct State {
    path: PathBuf,
    record: Record,
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
    /// Opens the state, waiting for any other process that holds it.
    pub fn open(path: &Path) -> Result<State, Error> {
        let write_error = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(write_error)?;
        }
        let lock_path = path.with_extension("lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(write_error)?;
        lock.lock().map_err(write_error)?;
        let record = match fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| Error::Unusable {
                path: path.to_path_buf(),
                reason: format!("not a charter state file: {e}"),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Record::default(),
            Err(source) => {
                return Err(Error::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Ok(State {
            path: path.to_path_buf(),
            record,
            _lock: lock,
        })
    }

    /// Whether the inquiry was answered, and when (Unix seconds).
    pub fn answered(&self, id: &str) -> Option<u64> {
        self.record.answered.get(id).copied()
    }

    /// How many replies went to `sender` today.
    pub fn replies_today(&self, sender: &str) -> u32 {
        let today = now() / 86_400;
        match self.record.senders.get(&sender.to_lowercase()) {
            Some(&(day, count)) if day == today => count,
            _ => 0,
        }
    }

    /// Records a reply to inquiry `id` from `sender`, and saves the state.
    pub fn record(&mut self, id: &str, sender: &str) -> Result<(), Error> {
        let now = now();
        self.record.answered.insert(id.to_string(), now);
        let today = now / 86_400;
        let entry = self
            .record
            .senders
            .entry(sender.to_lowercase())
            .or_insert((today, 0));
        if entry.0 != today {
            *entry = (today, 0);
        }
        entry.1 += 1;
        let text = serde_json::to_string_pretty(&self.record).unwrap_or_default();
        crate::atomic::write(&self.path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_counts_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/replied.json");
        {
            let mut state = State::open(&path).unwrap();
            assert_eq!(state.answered("a@b"), None);
            state.record("a@b", "Citizen@Example.com").unwrap();
            state.record("c@d", "citizen@example.com").unwrap();
        }
        let state = State::open(&path).unwrap();
        assert!(state.answered("a@b").is_some());
        assert_eq!(state.replies_today("citizen@example.com"), 2);
        assert_eq!(state.replies_today("other@example.com"), 0);
    }

    #[test]
    fn a_second_process_waits_for_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replied.json");
        let state = State::open(&path).unwrap();
        let lock = File::options()
            .write(true)
            .open(path.with_extension("lock"))
            .unwrap();
        assert!(lock.try_lock().is_err(), "held while the state is open");
        drop(state);
        assert!(lock.try_lock().is_ok(), "released when it is dropped");
    }
}
