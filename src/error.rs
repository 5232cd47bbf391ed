//! Every failure that stops a command, with its context, and every message about it, in one place.
//!
//! Findings about a charter's content are not errors of the tool: they are
//! [`Diagnostic`](crate::charter::Diagnostic)s, reported and counted. These are the failures
//! around them: a path that does not exist, a file that cannot be read, output that cannot be
//! written. All of them exit with code 2, but for a mail set-up to fix (5).

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A failure of the tool or its surroundings, as opposed to a finding in a charter.
#[derive(Debug)]
pub enum Error {
    /// A path given on the command line does not exist.
    PathNotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A directory holds no `*.toml` file.
    NoCharters {
        /// The directory.
        path: PathBuf,
    },
    /// A file or directory could not be read.
    Read {
        /// What was being read.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
    /// A file larger than what it may be.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// `--service` names no service of the charter.
    UnknownService {
        /// The id asked for.
        id: String,
        /// The charter file.
        path: PathBuf,
        /// The nearest id, if one is near.
        suggestion: Option<String>,
    },
    /// An email address that is not one.
    InvalidAddress {
        /// Which address: `--to`, `--from`.
        what: String,
        /// The value given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A line break in a value that would become a mail header: header injection.
    HeaderInjection {
        /// Where the value came from: `--to`, the service name.
        what: String,
    },
    /// An SMTP URL that cannot be used.
    SmtpUrl {
        /// The URL, without any secret.
        url: String,
        /// Why.
        reason: String,
    },
    /// The mail set-up cannot work as given (a `?ca=` file that is not PEM, say): a person must
    /// fix it before anything is sent.
    MailSetup {
        /// What is wrong and what to do.
        reason: String,
    },
    /// One message in a mailbox cannot be read, flagged or kept; the others go on.
    MailMessage {
        /// Why.
        reason: String,
    },
    /// An IMAP URL that cannot be used.
    ImapUrl {
        /// The URL, without any secret.
        url: String,
        /// Why.
        reason: String,
    },
    /// A mailbox on a server could not be reached or read: `setup` when a person must fix
    /// something (password, TLS, the mailbox's name), else passing trouble worth retrying.
    Mailbox {
        /// The mailbox as its URL shows it.
        mailbox: String,
        /// Why.
        reason: String,
        /// Whether the set-up is wrong.
        setup: bool,
    },
    /// A setting the command needs and nobody gave.
    MissingSetting {
        /// The option: `--from`.
        option: &'static str,
        /// The environment variable that may give it instead.
        env: &'static str,
    },
    /// A file that cannot be used as asked: a config or state file that does not parse, a
    /// charter that cannot be edited that way or compared.
    Unusable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Arguments that do not go together.
    Usage {
        /// What is wrong with them.
        message: String,
    },
    /// Output could not be written.
    Write {
        /// Where: a file, or `<stdout>`.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
}

impl Error {
    /// The process exit code for this failure: 5 for a mail set-up to fix, 2 (usage or I/O)
    /// for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::MailSetup { .. } | Error::Mailbox { setup: true, .. } => {
                crate::mail::SETUP_WRONG
            }
            Error::Mailbox { setup: false, .. } => crate::mail::KEPT_FOR_RETRY,
            _ => 2,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::PathNotFound { path } => {
                write!(f, "{}: no such file or directory", path.display())
            }
            Error::NoCharters { path } => write!(
                f,
                "{}: no charter files (*.toml) in this directory",
                path.display()
            ),
            Error::Read { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::TooLarge { path, limit } => {
                let size = if *limit >= 1 << 20 {
                    format!("{} MiB", limit >> 20)
                } else {
                    format!("{} KiB", limit >> 10)
                };
                write!(
                    f,
                    "{}: larger than {size}, which no file of this kind needs to be; is this the right file?",
                    path.display()
                )
            }
            Error::Write { path, source } => {
                write!(f, "{}: cannot write: {source}", path.display())
            }
            Error::InvalidAddress {
                what,
                value,
                reason,
            } => {
                write!(f, "{what}: `{value}` is not an email address: {reason}")
            }
            Error::HeaderInjection { what } => write!(
                f,
                "{what} contains a line break, which would let it add mail headers of its own; refused"
            ),
            Error::SmtpUrl { url, reason } => write!(f, "SMTP URL `{url}`: {reason}"),
            Error::MailSetup { reason } => write!(f, "mail set-up: {reason}"),
            Error::ImapUrl { url, reason } => write!(f, "IMAP URL `{url}`: {reason}"),
            Error::MailMessage { reason } => write!(f, "{reason}"),
            Error::Mailbox {
                mailbox, reason, ..
            } => write!(f, "{mailbox}: {reason}"),
            Error::MissingSetting { option, env } => write!(
                f,
                "no {option} given: pass {option}, set {env}, or put it in the config file (see `charter reply --help`)"
            ),
            Error::Unusable { path, reason } => write!(f, "{}: {reason}", path.display()),
            Error::Usage { message } => write!(f, "{message}"),
            Error::UnknownService {
                id,
                path,
                suggestion,
            } => {
                write!(f, "{}: no service with id `{id}`", path.display())?;
                match suggestion {
                    Some(near) => write!(f, "; did you mean `{near}`?"),
                    None => write!(f, " (`charter render --format json` lists the ids)"),
                }
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
