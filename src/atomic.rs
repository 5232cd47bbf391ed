//! Writing a file so that it is either wholly written or not changed at all.

use crate::error::Error;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same directory, synced and then
/// renamed over `path`: a full disk or a crash leaves the old file (or none), never half a file.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, bytes, false)
}

/// Like [`write`], for files that hold citizens' addresses: readable by the owner only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, bytes, true)
}

fn write_with(path: &Path, bytes: &[u8], private: bool) -> Result<(), Error> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent(path);
    let temp = temp_path(path);
    let result = (|| {
        let mut file = create_new(&temp, private)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(write_error)
}

/// The directory a path is in (`.` for a bare name).
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A fresh temporary name beside `path`: `.NAME.PID.RANDOM.tmp`, created with `O_EXCL` so that
/// nothing already there (a planted symlink) is followed.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
        & 0xffff_ffff;
    parent(path).join(format!(".{name}.{}.{random:08x}.tmp", std::process::id()))
}

/// Whether `name` is a temporary file [`write`] makes for a file named `target`: what a killed
/// run leaves behind.
pub fn is_temporary_of(name: &str, target: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
    else {
        return false;
    };
    let mut parts = rest.split('.');
    let pid = parts.next().unwrap_or("");
    let random = parts.next().unwrap_or("");
    parts.next().is_none()
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == 8
        && random.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Creates a file that must not exist yet, owner-only when `private`.
pub fn create_new(path: &Path, private: bool) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

/// Makes a rename or a new file in `dir` durable (best effort: not every system can).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.html");
        fs::write(&path, "old").unwrap();
        write(&path, "নতুন".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "নতুন");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("out.html");
        assert!(matches!(write(&missing, b"x"), Err(Error::Write { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        write_private(&path, b"{}").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn temporaries_are_recognised_by_their_target() {
        let temp = temp_path(Path::new("/x/replied.json"));
        let name = temp.file_name().unwrap().to_str().unwrap();
        assert!(is_temporary_of(name, "replied.json"), "{name}");
        assert!(!is_temporary_of(name, "replied"));
        assert!(!is_temporary_of("replied.json", "replied.json"));
    }
}
