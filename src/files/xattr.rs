//! Extended attributes (an ACL is one: `system.posix_acl_access`): copied from a file to the new
//! version that replaces it, so that a rename keeps what the old file carried.

use std::fs::File;
use std::io;
use std::path::Path;

/// Copies every extended attribute of `from` to `to`. An error means one could not be copied
/// (a `trusted.` or `security.` name the user may not set, say): the caller keeps the file by
/// writing it in place instead.
#[cfg(target_os = "linux")]
pub fn copy(from: &Path, to: &File) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    let path = CString::new(from.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: each call below passes a buffer with its true length, or none to ask the size.
    let names = fetch(|buf, len| unsafe { libc::listxattr(path.as_ptr(), buf, len) })?;
    for name in names.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = CString::new(name).map_err(io::Error::other)?;
        let value = fetch(|buf, len| unsafe {
            libc::getxattr(path.as_ptr(), name.as_ptr(), buf.cast(), len)
        })?;
        let rc = unsafe {
            libc::fsetxattr(
                to.as_raw_fd(),
                name.as_ptr(),
                value.as_ptr().cast(),
                value.len(),
                0,
            )
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Calls a size-then-fill xattr function until the buffer is large enough (the kernel caps an
/// attribute list and a value at 64 KiB).
#[cfg(target_os = "linux")]
fn fetch(call: impl Fn(*mut libc::c_char, usize) -> isize) -> io::Result<Vec<u8>> {
    for _ in 0..4 {
        let size = call(std::ptr::null_mut(), 0);
        if size < 0 {
            let e = io::Error::last_os_error();
            return match e.raw_os_error() {
                Some(libc::ENOTSUP) => Ok(Vec::new()),
                _ => Err(e),
            };
        }
        let mut buf = vec![0u8; size as usize];
        let got = call(buf.as_mut_ptr().cast(), buf.len());
        if got >= 0 {
            buf.truncate(got as usize);
            return Ok(buf);
        }
        if io::Error::last_os_error().raw_os_error() != Some(libc::ERANGE) {
            return Err(io::Error::last_os_error());
        }
    }
    Err(io::Error::other("extended attributes kept changing"))
}

#[cfg(not(target_os = "linux"))]
pub fn copy(_: &Path, _: &File) -> io::Result<()> {
    Ok(())
}
