//! Where `--from`, `--smtp`, the outbox and the SMTP password come from.
//!
//! Precedence, highest first: the command line, the environment (`CHARTER_FROM`, `CHARTER_SMTP`,
//! `CHARTER_OUTBOX`, `CHARTER_PASSWORD_FILE`, `CHARTER_EHLO`; clap reads these), the config file (`--config`, or
//! `$XDG_CONFIG_HOME/charter/config.toml`), then the defaults. The password itself is never an
//! option: it comes from `--password-file`, then `CHARTER_SMTP_PASSWORD`, then the config file's
//! `password_file`; the IMAP password likewise from `--imap-password-file`,
//! `CHARTER_IMAP_PASSWORD`, then `imap_password_file`.

use super::outbox;
use crate::cli::MailArgs;
use crate::error::Error;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The config file's keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    from: Option<String>,
    smtp: Option<String>,
    outbox: Option<PathBuf>,
    password_file: Option<PathBuf>,
    ehlo: Option<String>,
    imap_password_file: Option<PathBuf>,
    sent_folder: Option<String>,
}

/// The settings of a mail command, resolved.
#[derive(Debug)]
pub struct Settings {
    /// The sender, if any source gave one.
    pub from: Option<String>,
    /// The SMTP URL, if any source gave one.
    pub smtp: Option<String>,
    /// The outbox directory.
    pub outbox: PathBuf,
    /// The SMTP password, if any source gave one.
    pub password: Option<String>,
    /// The EHLO name, if any source gave one.
    pub ehlo: Option<String>,
    /// What reading an IMAP mailbox needs: its password and the sent folder.
    pub imap: super::imap::Access,
}

/// The config file used when `--config` is not given.
pub fn default_config_path() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|dir| dir.join("charter").join("config.toml"))
}

/// Resolves the settings from the command line (with its environment variables), the config
/// file and the defaults.
pub fn resolve(from: Option<&str>, args: &MailArgs) -> Result<Settings, Error> {
    let config = match &args.config {
        Some(path) => read_config(path)?,
        None => match default_config_path() {
            Some(path) if path.exists() => read_config(&path)?,
            _ => ConfigFile::default(),
        },
    };
    let smtp_password = password(
        &args.password_file,
        "CHARTER_SMTP_PASSWORD",
        &config.password_file,
    )?;
    let imap_password = password(
        &args.imap_password_file,
        "CHARTER_IMAP_PASSWORD",
        &config.imap_password_file,
    )?;
    Ok(Settings {
        from: from.map(str::to_string).or(config.from),
        smtp: args.smtp.clone().or(config.smtp),
        outbox: args
            .outbox
            .clone()
            .or(config.outbox)
            .unwrap_or_else(outbox::default_dir),
        password: smtp_password,
        ehlo: args.ehlo.clone().or(config.ehlo),
        imap: super::imap::Access {
            password: imap_password,
            sent_folder: config.sent_folder,
        },
    })
}

/// A password: from the file given on the command line, the environment variable, or the
/// config file's file, in that order.
fn password(
    file: &Option<PathBuf>,
    env: &str,
    config_file: &Option<PathBuf>,
) -> Result<Option<String>, Error> {
    match (file, std::env::var(env).ok(), config_file) {
        (Some(path), _, _) => Ok(Some(read_password(path)?)),
        (None, Some(password), _) => Ok(Some(password)),
        (None, None, Some(path)) => Ok(Some(read_password(path)?)),
        (None, None, None) => Ok(None),
    }
}

fn read_config(path: &Path) -> Result<ConfigFile, Error> {
    // Bounded, and never a FIFO or device (a config linked to /dev/zero).
    let bytes = crate::files::read(path, 1 << 20)?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Unusable {
        path: path.to_path_buf(),
        reason: "not UTF-8".into(),
    })?;
    toml::from_str(&text).map_err(|e| Error::Unusable {
        path: path.to_path_buf(),
        reason: e.message().to_string(),
    })
}

/// The first line of a password file, without its line ending. Read bounded (a password file
/// linked to /dev/zero, or a FIFO, is refused at once). A file other users can read is used, with
/// a warning. Its name is shown in messages only when it reads as a path (it has a `/` or a
/// `.`): a bare word there may be the password itself, written where its file's name goes.
fn read_password(path: &Path) -> Result<String, Error> {
    let text = path.to_string_lossy();
    let shown = if text.contains(['/', '.']) {
        path.to_path_buf()
    } else {
        PathBuf::from(
            "<the password file, whose name is not shown: it has no / or ., and may be a password>",
        )
    };
    let bytes = crate::files::read(path, 4096).map_err(|e| match e {
        Error::Read { source, .. } => Error::Read {
            path: shown.clone(),
            source,
        },
        Error::TooLarge { limit, .. } => Error::TooLarge {
            path: shown.clone(),
            limit,
        },
        other => other,
    })?;
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            eprintln!(
                "charter: warning: {}: other users can read this password file (mode {:04o}); `chmod 600` it",
                shown.display(),
                mode & 0o7777
            );
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.lines().next().unwrap_or("").to_string())
}
