//! A Maildir (as Postfix, Dovecot and neomutt keep mail) as a [`Mailbox`].
//!
//! New mail arrives in `new/`; a client that has looked at the mailbox (Thunderbird, an IMAP
//! `SELECT`, a filter rule) moves it to `cur/` as `NAME:2,FLAGS`. A message in `cur/` without
//! the `S` (seen) flag is still unread, so both are read. Names starting with `.` are not
//! messages (NFS placeholders, files being written) and are skipped, as the Maildir
//! specification says.
//!
//! A watching run learns of new mail from the kernel (inotify, through `notify`), not by
//! scanning the directories over and over.

use super::mailbox::{Mailbox, Mark};
use super::stop::Stop;
use crate::error::Error;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A Maildir directory: `new/`, `cur/` and `tmp/`.
pub struct Maildir {
    root: PathBuf,
    /// Where each message known to this run is now.
    paths: HashMap<String, PathBuf>,
    /// Change notices for `new/` and `cur/`, once a run waits for mail.
    watcher: Option<(notify::RecommendedWatcher, mpsc::Receiver<()>)>,
}

impl Maildir {
    /// Opens a Maildir; it must have `new/` (and gets `cur/` if it lacks one).
    pub fn open(root: &Path) -> Result<Maildir, Error> {
        let new = root.join("new");
        if !new.is_dir() {
            return Err(Error::Unusable {
                path: root.to_path_buf(),
                reason: "not a Maildir: it has no new/ directory".into(),
            });
        }
        let cur = root.join("cur");
        fs::create_dir_all(&cur).map_err(|source| Error::Write { path: cur, source })?;
        Ok(Maildir {
            root: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            paths: HashMap::new(),
            watcher: None,
        })
    }

    /// Every message in `new/` and `cur/`: its key, path and flags (`None` in `new/`).
    fn scan(&self) -> Result<Vec<(String, PathBuf, Option<String>)>, Error> {
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            let dir = self.root.join(sub);
            let entries = fs::read_dir(&dir).map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?;
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || !is_message(&entry) {
                    continue;
                }
                let (key, flags) = split_name(&name);
                let flags = (sub == "cur").then(|| flags.unwrap_or("").to_string());
                found.push((key.to_string(), entry.path(), flags));
            }
        }
        Ok(found)
    }

    fn locate(&mut self, key: &str) -> Option<PathBuf> {
        if let Some(path) = self.paths.get(key).filter(|p| p.exists()) {
            return Some(path.clone());
        }
        if let Ok(all) = self.scan() {
            self.paths = all.into_iter().map(|(k, p, _)| (k, p)).collect();
        }
        self.paths.get(key).cloned()
    }

    /// Starts watching `new/` and `cur/`.
    fn watch(&self) -> Result<(notify::RecommendedWatcher, mpsc::Receiver<()>), Error> {
        use notify::Watcher;
        let (tx, rx) = mpsc::channel();
        let fail = |e: notify::Error| Error::Unusable {
            path: self.root.clone(),
            reason: format!("cannot watch for new mail: {e}"),
        };
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if event.is_ok_and(|e| !e.kind.is_access()) {
                    let _ = tx.send(());
                }
            })
            .map_err(fail)?;
        for sub in ["new", "cur"] {
            watcher
                .watch(&self.root.join(sub), notify::RecursiveMode::NonRecursive)
                .map_err(fail)?;
        }
        Ok((watcher, rx))
    }

    /// The message's path, or an error that concerns it alone.
    fn path_of(&mut self, key: &str) -> Result<PathBuf, Error> {
        self.locate(key).ok_or_else(|| Error::Unusable {
            path: self.root.join(key),
            reason: "it is no longer in the Maildir".into(),
        })
    }
}

/// Whether a directory entry is a message: a file, or a link that is not to a directory (a
/// broken one is reported when it is read, not passed over in silence).
fn is_message(entry: &fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(t) if t.is_file() => true,
        Ok(t) if t.is_symlink() => fs::metadata(entry.path()).map_or(true, |m| !m.is_dir()),
        _ => false,
    }
}

/// The largest message read: far above what mail servers accept.
const MAX_MESSAGE: u64 = 64 << 20;

/// Splits `NAME:2,FLAGS` into the key and the flags.
fn split_name(name: &str) -> (&str, Option<&str>) {
    match name.split_once(":2,") {
        Some((key, flags)) => (key, Some(flags)),
        None => (name.split(':').next().unwrap_or(name), None),
    }
}

impl Mailbox for Maildir {
    fn locator(&self) -> String {
        format!("maildir:{}", self.root.display())
    }

    fn unread(&mut self) -> Result<Vec<String>, Error> {
        let all = self.scan()?;
        let mut unread: Vec<String> = all
            .iter()
            .filter(|(_, _, flags)| flags.as_deref().is_none_or(|f| !f.contains(['S', 'T'])))
            .map(|(key, _, _)| key.clone())
            .collect();
        self.paths = all.into_iter().map(|(k, p, _)| (k, p)).collect();
        unread.sort();
        unread.dedup();
        Ok(unread)
    }

    fn read(&mut self, key: &str) -> Result<Vec<u8>, Error> {
        let path = self.path_of(key)?;
        crate::files::read(&path, MAX_MESSAGE)
    }

    fn mark(&mut self, key: &str, mark: Mark) -> Result<(), Error> {
        let path = self.path_of(key)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let mut flags: Vec<char> = split_name(&name).1.unwrap_or("").chars().collect();
        let add: &[char] = match mark {
            Mark::Answered => &['R', 'S'],
            Mark::Filed => &['S'],
        };
        flags.extend(add);
        flags.sort_unstable();
        flags.dedup();
        let flags: String = flags.into_iter().collect();
        let target = self.root.join("cur").join(format!("{key}:2,{flags}"));
        fs::rename(&path, &target).map_err(|source| Error::Write {
            path: target.clone(),
            source,
        })?;
        self.paths.insert(key.to_string(), target);
        Ok(())
    }

    fn wait(&mut self, stop: &Stop, poll: Duration) -> Result<(), Error> {
        let Some((_, notices)) = &self.watcher else {
            // Mail may have arrived between the last scan and now: look once more first.
            self.watcher = Some(self.watch()?);
            return Ok(());
        };
        let end = Instant::now() + poll;
        while !stop.requested() && Instant::now() < end {
            if notices.recv_timeout(Duration::from_millis(100)).is_ok() {
                // A message written in several steps gives several notices: take them all.
                while notices.recv_timeout(Duration::from_millis(20)).is_ok() {}
                return Ok(());
            }
        }
        Ok(())
    }

    fn describe(&self, key: &str) -> String {
        self.paths
            .get(key)
            .and_then(|p| p.file_name())
            .map_or_else(|| key.to_string(), |n| n.to_string_lossy().into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maildir(files: &[&str]) -> (tempfile::TempDir, Maildir) {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["new", "cur", "tmp"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        for file in files {
            fs::write(dir.path().join(file), file.as_bytes()).unwrap();
        }
        let m = Maildir::open(dir.path()).unwrap();
        (dir, m)
    }

    #[test]
    fn unread_mail_is_in_new_and_unseen_in_cur_and_dot_files_are_not_mail() {
        let (_dir, mut m) = maildir(&[
            "new/1.a",
            "new/.nfs000123",
            "cur/2.b:2,",
            "cur/3.c:2,F",
            "cur/4.d:2,S",
            "cur/5.e:2,RS",
            "cur/6.f:2,T",
            "cur/.7.g:2,",
        ]);
        assert_eq!(m.unread().unwrap(), ["1.a", "2.b", "3.c"]);
        assert_eq!(m.read("2.b").unwrap(), b"cur/2.b:2,");
    }

    #[test]
    fn marks_add_flags_and_keep_the_others() {
        let (dir, mut m) = maildir(&["new/1.a", "cur/2.b:2,F", "new/3.c"]);
        m.unread().unwrap();
        m.mark("1.a", Mark::Answered).unwrap();
        m.mark("2.b", Mark::Answered).unwrap();
        m.mark("3.c", Mark::Filed).unwrap();
        let mut names: Vec<String> = fs::read_dir(dir.path().join("cur"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["1.a:2,RS", "2.b:2,FRS", "3.c:2,S"]);
        assert!(m.unread().unwrap().is_empty());
    }

    #[test]
    fn a_message_is_found_again_by_a_later_run() {
        let (dir, mut m) = maildir(&["new/1.a"]);
        m.unread().unwrap();
        fs::rename(dir.path().join("new/1.a"), dir.path().join("cur/1.a:2,")).unwrap();
        let mut later = Maildir::open(dir.path()).unwrap();
        later.mark("1.a", Mark::Answered).unwrap();
        assert!(dir.path().join("cur/1.a:2,RS").exists());
        assert!(later.mark("9.z", Mark::Answered).is_err());
        assert_eq!(m.read("1.a").unwrap(), b"new/1.a", "found where it went");
    }
}
