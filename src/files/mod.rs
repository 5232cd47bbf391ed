//! Reading and writing files safely: the one way every command does it.
//!
//! Writing a regular file goes through a temporary file beside it, created with `O_EXCL` under a
//! random name (a link planted there is never followed), given the original's mode and owner,
//! synced, then renamed over the file and the folder synced: a full disk or a crash leaves the
//! old file or the new one, never half of one. What is at the path is respected:
//!
//! - `-` is standard output;
//! - a symbolic link is followed, and the file it points to is written (a dangling link gets its
//!   file created), so the link stays a link;
//! - a device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written in place, never
//!   replaced;
//! - a file with several hard links, one owned by another user, or one whose extended
//!   attributes (an ACL) cannot be copied is written in place, with its old bytes kept beside it
//!   until the new ones are synced ([`in_place`]): every name keeps seeing it, the owner and
//!   attributes stay, and a failure or a kill still leaves old bytes or new ones;
//! - a file that holds citizens' addresses ([`write_private`]) is made the owner's alone (0600),
//!   whatever its mode was;
//! - a file the user could not write directly is refused, even where the folder would let a
//!   rename replace it; a writable file in a read-only folder is an error that says so.
//!
//! Reading is bounded: a file larger than its limit is refused without being read whole, and a
//! FIFO or device named where a file is expected is refused rather than waited on.

mod endings;
pub mod in_place;
mod xattr;

pub use endings::TextStyle;

use crate::error::Error;
use std::fs::{self, File, Metadata};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` safely (see the module's documentation).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, &mut |out| out.write_all(bytes), false)
}

/// Like [`write`], for files that hold citizens' addresses: a new file is readable by the owner
/// only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, &mut |out| out.write_all(bytes), true)
}

/// How [`write_streamed`] is given its output: a function that writes it (more than once where
/// a first try could not be used).
pub type Fill<'a> = &'a mut dyn FnMut(&mut dyn Write) -> io::Result<()>;

/// Like [`write`], for output made a piece at a time (a rendering ten times the size of its
/// charter): `fill` writes it straight into the temporary file beside `path`, or to standard
/// output for `-`, so that it is never held whole in memory. Where the file must be written in
/// place instead (several hard links, another owner, attributes that cannot be copied) or is a
/// device, the output is made in memory first.
pub fn write_streamed(path: &Path, fill: Fill) -> Result<(), Error> {
    write_with(path, fill, false)
}

fn write_with(path: &Path, fill: Fill, private: bool) -> Result<(), Error> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    if path == Path::new("-") {
        let mut out = ToStdout::default();
        let result = fill(&mut out);
        return match out.error {
            Some(error) => Err(error),
            None => result.map_err(write_error(Path::new("<stdout>"))),
        };
    }
    let (target, existing) = resolve(path).map_err(write_error(path))?;
    match &existing {
        Some(meta) if meta.is_dir() => Err(Error::Write {
            path: target,
            source: io::Error::new(io::ErrorKind::IsADirectory, "it is a directory"),
        }),
        // A device, a FIFO or a socket: written in place, never replaced.
        Some(meta) if !meta.is_file() => made(fill)
            .and_then(|bytes| to_device(&target, &bytes))
            .map_err(write_error(&target)),
        Some(meta) => {
            ensure_writable(&target, meta)?;
            let replaced = hard_links(meta) == 1 && replace(&target, fill, Some(meta), private)?;
            if !replaced {
                made(fill)
                    .and_then(|bytes| in_place::write(&target, &bytes))
                    .map_err(write_error(&target))?;
                if private {
                    File::open(&target)
                        .and_then(|file| make_private(&file))
                        .map_err(write_error(&target))?;
                }
            }
            Ok(())
        }
        None => replace(&target, fill, None, private).map(|_| ()),
    }
}

/// The whole output of `fill`, for what is written in place (its space is reserved before it is
/// written) or to a device.
fn made(fill: Fill) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fill(&mut bytes).map(|()| bytes)
}

/// Standard output as a writer, for [`write_streamed`]: each piece written as
/// [`write_stdout_part`] writes it; once the reader has gone, the rest is dropped quietly.
#[derive(Default)]
struct ToStdout {
    gone: bool,
    error: Option<Error>,
}

impl Write for ToStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.gone {
            match write_stdout_part(buf) {
                Ok(written) => self.gone = !written,
                Err(error) => {
                    self.error = Some(error);
                    return Err(io::Error::other("standard output failed"));
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Takes away group and other permissions from a file that holds citizens' addresses, whatever
/// mode it had (made by hand, or reached through a link).
#[cfg(unix)]
pub fn make_private(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = file.metadata()?.permissions().mode();
    if mode & 0o077 == 0 {
        return Ok(());
    }
    file.set_permissions(fs::Permissions::from_mode(mode & 0o700))
}

#[cfg(not(unix))]
pub fn make_private(_: &File) -> io::Result<()> {
    Ok(())
}

/// Writes a file that must not exist yet: whole (a temporary file beside it, linked into place,
/// so that it never appears half-written) and once (of two runs that race, one writes it and
/// the other is told it exists). A dangling symbolic link gets the file it names.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let exists = || {
        write_error(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file exists; init never overwrites",
        ))
    };
    let (target, existing) = resolve(path).map_err(write_error)?;
    if existing.is_some() {
        return Err(exists());
    }
    let temp = temp_path(&target);
    let result = (|| {
        let mut file = create_new(&temp, false)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        match fs::hard_link(&temp, &target) {
            // A file system without hard links: the file is created, then written.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied
                ) =>
            {
                create_new(&target, false)?.write_all(bytes)
            }
            other => other,
        }
    })();
    let _ = fs::remove_file(&temp);
    sync_dir(parent(&target));
    match result {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        other => other.map_err(write_error),
    }
}

/// Writes to standard output. A reader that stopped early (`| head`) is not an error; a
/// standard output that is closed, so that nothing at all can be written, is.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    write_stdout_part(bytes).map(|_| ())
}

/// Writes one part of a longer output to standard output, as [`write_stdout`] does; `false` when
/// the reader has gone, so that the rest need not be made.
pub fn write_stdout_part(bytes: &[u8]) -> Result<bool, Error> {
    let error = |source| Error::Write {
        path: PathBuf::from("<stdout>"),
        source,
    };
    let closed = || {
        error(io::Error::new(
            io::ErrorKind::NotConnected,
            "standard output is closed",
        ))
    };
    if stdout_was_closed() {
        return Err(closed());
    }
    match stdout_write_all(bytes) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) if e.raw_os_error() == Some(9) => Err(closed()),
        Err(e) => Err(error(e)),
    }
}

/// Whether the process started with its standard output closed (`charter … >&-`). Rust's
/// runtime puts `/dev/null`, opened read-write, on a closed descriptor 0, 1 or 2 before `main`,
/// so output would vanish without an error; a shell's `> /dev/null` opens it write-only, which
/// tells the two apart.
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    // SAFETY: F_GETFL only reads the descriptor's flags.
    let flags = unsafe { libc::fcntl(1, libc::F_GETFL) };
    if flags == -1 || flags & libc::O_ACCMODE != libc::O_RDWR {
        return false;
    }
    let (Ok(out), Ok(null)) = (fs::metadata("/proc/self/fd/1"), fs::metadata("/dev/null")) else {
        return false;
    };
    out.file_type().is_char_device() && out.rdev() == null.rdev()
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// Writes all of `bytes` to file descriptor 1. Rust's own standard output treats a closed
/// descriptor (EBADF) as a sink that takes everything, so a closed output would lose the
/// output without a word; the descriptor is written directly instead.
#[cfg(unix)]
fn stdout_write_all(bytes: &[u8]) -> io::Result<()> {
    use std::os::fd::FromRawFd;
    io::stdout().flush()?;
    // SAFETY: descriptor 1 is not closed by this wrapper (ManuallyDrop); a closed or reused
    // descriptor makes the write fail, which is what is wanted.
    let mut out = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(1) });
    out.write_all(bytes)
}

#[cfg(not(unix))]
fn stdout_write_all(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush())
}

/// The path that will be written, and its metadata when it exists: a regular file by its real
/// path (links resolved); anything else (a device, a FIFO, `/dev/stdout`) by the path given,
/// which the kernel follows when it is opened; a dangling link by the path it names.
fn resolve(path: &Path) -> io::Result<(PathBuf, Option<Metadata>)> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok((fs::canonicalize(path)?, Some(meta))),
        Ok(meta) => return Ok((path.to_path_buf(), Some(meta))),
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = parent(&current).join(link);
            }
            Ok(meta) => return Ok((current, Some(meta))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((current, None)),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

#[cfg(unix)]
fn hard_links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &Metadata) -> u64 {
    1
}

/// Refuses a file the user could not write directly (a read-only charter, say).
fn ensure_writable(path: &Path, meta: &Metadata) -> Result<(), Error> {
    let writable = match File::options().write(true).open(path) {
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => false,
        Err(source) => {
            return Err(Error::Write {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if writable && !meta.permissions().readonly() {
        return Ok(());
    }
    Err(Error::Write {
        path: path.to_path_buf(),
        source: io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; not changed (make it writable first if it should change)",
        ),
    })
}

/// Writes to a device or FIFO, which has no bytes to keep.
fn to_device(path: &Path, bytes: &[u8]) -> io::Result<()> {
    File::options().write(true).open(path)?.write_all(bytes)
}

/// Writes a temporary file beside `target` with `fill` and renames it over. `Ok(false)` when
/// nothing was written because the new file could not keep the original's owner or extended
/// attributes: the caller writes in place instead.
fn replace(
    target: &Path,
    fill: Fill,
    original: Option<&Metadata>,
    private: bool,
) -> Result<bool, Error> {
    let dir = parent(target);
    remove_stale_temporaries(target);
    // A copy a stopped in-place write left: its old bytes go back first.
    in_place::restore(target).map_err(|source| Error::Write {
        path: target.to_path_buf(),
        source,
    })?;
    let temp = temp_path(target);
    let file = match create_new(&temp, private) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return Err(Error::Write {
                path: target.to_path_buf(),
                source: io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "the folder {} is not writable, so the file cannot be replaced safely (a new version is written beside it, then renamed)",
                        dir.display()
                    ),
                ),
            });
        }
        Err(source) => {
            return Err(Error::Write {
                path: target.to_path_buf(),
                source,
            });
        }
    };
    let result = (|| {
        {
            let mut buffered = io::BufWriter::with_capacity(64 * 1024, &file);
            fill(&mut buffered)?;
            buffered.flush()?;
        }
        if let Some(meta) = original
            && !keeps_what_the_original_had(&file, target, meta, private)?
        {
            return Ok(false);
        }
        file.sync_all()?;
        fs::rename(&temp, target)?;
        sync_dir(dir);
        Ok(true)
    })();
    if !matches!(result, Ok(true)) {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(|source| Error::Write {
        path: target.to_path_buf(),
        source,
    })
}

/// Gives the new file the original's permissions (the owner's alone when `private`), owner,
/// group and extended attributes (its ACL among them); `false` when one of them cannot be
/// given.
#[cfg(unix)]
fn keeps_what_the_original_had(
    file: &File,
    original: &Path,
    meta: &Metadata,
    private: bool,
) -> io::Result<bool> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mode = if private {
        meta.mode() & 0o7700
    } else {
        meta.mode() & 0o7777
    };
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    let theirs = file.metadata()?;
    if (theirs.uid(), theirs.gid()) != (meta.uid(), meta.gid())
        && std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err()
    {
        return Ok(false);
    }
    if xattr::copy(original, file).is_err() {
        return Ok(false);
    }
    // Setting an ACL sets the group bits; the mode asked for wins where they differ.
    if private {
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    Ok(true)
}

#[cfg(not(unix))]
fn keeps_what_the_original_had(
    file: &File,
    _: &Path,
    meta: &Metadata,
    _: bool,
) -> io::Result<bool> {
    file.set_permissions(meta.permissions())?;
    Ok(true)
}

/// Removes the temporary files that runs killed before their rename left beside `target`
/// (`.NAME.PID.RANDOM.tmp` whose process is gone). Each folder is looked through once per run.
fn remove_stale_temporaries(target: &Path) {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let dir = parent(target).to_path_buf();
    {
        let Ok(mut seen) = SEEN.lock() else { return };
        if seen.contains(&dir) {
            return;
        }
        seen.push(dir.clone());
    }
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((_, pid)) = temporary_parts(&name) else {
            continue;
        };
        if !process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The target's name and the process id in a temporary file's name `.NAME.PID.RANDOM.tmp`.
fn temporary_parts(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = rest.rsplitn(3, '.');
    let random = parts.next()?;
    let pid = parts.next()?;
    let target = parts.next()?;
    let ok = !target.is_empty()
        && random.len() == 8
        && random.bytes().all(|b| b.is_ascii_hexdigit())
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| pid.parse().ok().map(|pid| (target, pid)))
        .flatten()
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

/// The directory a path is in (`.` for a bare name).
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A fresh temporary name beside `path`: `.NAME.PID.RANDOM.tmp`.
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
    temporary_parts(name).is_some_and(|(of, _)| of == target)
}

/// Creates a file that must not exist yet (`O_EXCL`: a link there is not followed), owner-only
/// when `private`.
pub fn create_new(path: &Path, private: bool) -> io::Result<File> {
    let mut options = File::options();
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

/// Opens (creating it, owner-only) a lock file. A FIFO, a device or a symbolic link planted
/// there is refused, never waited on or followed.
pub fn open_lock(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock file is not a regular file (a FIFO or a device)",
        ));
    }
    Ok(file)
}

/// Makes a rename or a new file in `dir` durable (best effort: not every system can).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Reads a file of at most `limit` bytes. A FIFO, device or directory is refused without being
/// opened for reading (nothing blocks); a larger file is refused without being read whole.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let file = open_regular(path)?;
    read_limited(file, path, limit)
}

/// Reads a file named on the command line, or standard input for `-`, within `limit`.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    if path == Path::new("-") {
        return read_limited(io::stdin().lock(), Path::new("<stdin>"), limit);
    }
    read(path, limit)
}

/// Opens a regular file for reading, refusing anything else.
pub fn open_regular(path: &Path) -> Result<File, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(read_error)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO or a device)"
        };
        return Err(read_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            what,
        )));
    }
    File::open(path).map_err(read_error)
}

/// Reads at most `limit` bytes from `reader`, failing when there are more.
pub fn read_limited(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

/// A file opened for a read-modify-write (`set`, `fmt`, `fix`): locked against other such runs
/// until dropped, its bytes read (bounded).
pub struct Edit {
    /// The file that will be written (links followed).
    pub path: PathBuf,
    /// Its contents when locked.
    pub bytes: Vec<u8>,
    _lock: File,
}

impl Edit {
    /// Locks and reads `path`. The lock is taken on the file, then the path is checked to still
    /// name it: a run that replaced it meanwhile leaves a new file, which is locked instead.
    pub fn open(path: &Path, limit: u64) -> Result<Edit, Error> {
        let read_error = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        let (target, _) = resolve(path).map_err(read_error)?;
        loop {
            let file = open_regular(&target)?;
            file.lock().map_err(read_error)?;
            if same_file(&file, &target) {
                if let Some(backup) = in_place::restore(&target).map_err(read_error)? {
                    eprintln!(
                        "charter: {} was being written when a run was stopped; its earlier content was put back from {}",
                        target.display(),
                        backup.display()
                    );
                }
                let bytes = read_limited(&file, &target, limit)?;
                return Ok(Edit {
                    path: target,
                    bytes,
                    _lock: file,
                });
            }
        }
    }

    /// Writes the new contents in the file's place, while still holding the lock.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Error> {
        write(&self.path, bytes)
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    true
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
    fn links_stay_links_and_modes_stay() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.toml");
        symlink("real.toml", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o640
        );

        let hard = dir.path().join("hard.toml");
        fs::hard_link(&real, &hard).unwrap();
        write(&real, b"newer").unwrap();
        assert_eq!(
            fs::read_to_string(&hard).unwrap(),
            "newer",
            "hard links not split"
        );

        let dangling = dir.path().join("dangling.toml");
        symlink("created.toml", &dangling).unwrap();
        write(&dangling, b"x").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("created.toml")).unwrap(),
            "x"
        );

        write(Path::new("/dev/null"), b"x").unwrap();
        let null = fs::metadata("/dev/null").unwrap().file_type();
        assert!(std::os::unix::fs::FileTypeExt::is_char_device(&null));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_where_the_temporary_file_goes_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("root-only");
        fs::write(&victim, "secret").unwrap();
        let planted = dir.path().join(".out.html.4242.0badf00d.tmp");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let e = create_new(&planted, false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "secret");
        // And the name is never predictable: two runs pick different ones.
        assert_ne!(
            temp_path(&dir.path().join("out.html")),
            temp_path(&dir.path().join("out.html"))
        );
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

    #[test]
    fn reads_are_bounded_and_fifos_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        fs::write(&path, vec![b'x'; 1000]).unwrap();
        assert_eq!(read(&path, 1000).unwrap().len(), 1000);
        assert!(matches!(read(&path, 999), Err(Error::TooLarge { .. })));
        assert!(read(dir.path(), 10).is_err());
        #[cfg(unix)]
        assert!(
            read(Path::new("/dev/zero"), 10).is_err(),
            "a device is not a file"
        );
    }
}
