//! Writing a file over its own bytes, for when replacing it with a new file would lose
//! something: a file with several hard links (the other names would keep the old version), one
//! owned by another user (a new file would be ours), or one whose extended attributes or ACL
//! cannot be copied to a new file.
//!
//! Before the file is touched, its old bytes are copied beside it to `.NAME.charter-backup`
//! (synced), and the space the new bytes need is reserved, so that a full disk fails before
//! anything changes. A write that fails puts the old bytes back. A run killed while writing
//! leaves the copy; the next command that edits the file (`set`, `fmt`, `fix`, or any write to
//! it) puts the old bytes back first and says so. Every name of the file therefore holds its
//! old bytes or its new ones, never a cut file.

use super::{create_new, parent, sync_dir};
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Where the old bytes of `path` are kept while it is written in place.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    parent(path).join(format!(".{name}.charter-backup"))
}

/// Writes `bytes` over the file at `path` (a regular file that exists), as the module says.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    restore(path)?;
    let backup = backup_path(path);
    let mut file = File::options().read(true).write(true).open(path)?;
    let kept = (|| {
        let mut copy = create_new(&backup, true)?;
        io::copy(&mut file, &mut copy)?;
        copy.sync_all()
    })();
    if let Err(e) = kept {
        let _ = fs::remove_file(&backup);
        return Err(e);
    }
    sync_dir(parent(path));
    if let Err(e) = reserve(&file, bytes.len() as u64) {
        let _ = fs::remove_file(&backup);
        return Err(e);
    }
    let written = (|| {
        file.seek(SeekFrom::Start(0))?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        // The old bytes fit where they were; if even that fails, the copy stays for the next
        // command to put back.
        if copy_back(&backup, &mut file).is_ok() {
            let _ = fs::remove_file(&backup);
        }
        return Err(e);
    }
    fs::remove_file(&backup)?;
    sync_dir(parent(path));
    Ok(())
}

/// Puts back the old bytes a stopped run left in the backup copy of `path`, if there is one;
/// returns where that copy was.
pub fn restore(path: &Path) -> io::Result<Option<PathBuf>> {
    let backup = backup_path(path);
    match fs::symlink_metadata(&backup) {
        Ok(meta) if meta.is_file() => {}
        // Not ours (a link or a folder someone put there): left alone, never followed.
        Ok(_) => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut file = File::options().write(true).open(path)?;
    copy_back(&backup, &mut file)?;
    fs::remove_file(&backup)?;
    sync_dir(parent(path));
    Ok(Some(backup))
}

/// Copies the backup's bytes over `file`, from its start, and cuts it to their length.
fn copy_back(backup: &Path, file: &mut File) -> io::Result<()> {
    let mut copy = File::open(backup)?;
    let mut old = Vec::new();
    copy.read_to_end(&mut old)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&old)?;
    file.set_len(old.len() as u64)?;
    file.sync_all()
}

/// Reserves the disk space for `len` bytes without changing the file's size or bytes, so that
/// a full disk is found before the file is touched. Where the file system cannot reserve, the
/// write goes ahead and a failure is undone from the copy.
#[cfg(target_os = "linux")]
fn reserve(file: &File, len: u64) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    if len == 0 {
        return Ok(());
    }
    let len = libc::off_t::try_from(len).map_err(io::Error::other)?;
    // SAFETY: fallocate on a descriptor this function borrows; KEEP_SIZE changes no byte.
    let rc = unsafe { libc::fallocate(file.as_raw_fd(), libc::FALLOC_FL_KEEP_SIZE, 0, len) };
    if rc == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EOPNOTSUPP) | Some(libc::ENOSYS) => Ok(()),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn reserve(_: &File, _: u64) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_left_by_a_stopped_run_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.toml");
        fs::write(&path, "cut").unwrap();
        fs::write(backup_path(&path), "whole old file\n").unwrap();
        let other = dir.path().join("other.toml");
        fs::hard_link(&path, &other).unwrap();
        assert_eq!(restore(&path).unwrap(), Some(backup_path(&path)));
        assert_eq!(fs::read_to_string(&other).unwrap(), "whole old file\n");
        assert!(!backup_path(&path).exists());
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
