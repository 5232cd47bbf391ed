//! Where inquiries arrive: one notion of a mailbox, whatever keeps the mail (a Maildir, an IMAP
//! server).
//!
//! The rule for flags is the same everywhere (and in the README): *answered* (`R`, shown by
//! IMAP as `\Answered`) only when the server accepted the reply; *seen* (`S`) only for what
//! staff need not look at: an answered inquiry, or robot mail. A person's inquiry that was not
//! answered, for whatever reason, is left unread for staff.
//!
//! Errors: [`Error::Mailbox`] means the mailbox itself failed (the connection dropped): the
//! pass stops, and a watching run reconnects. Any other error concerns the one message.

use super::imap::{Access, Imap};
use super::stop::Stop;
use crate::error::Error;
use std::time::Duration;

/// How an inquiry is marked once it has been dealt with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The server accepted the reply: answered and seen (`RS`).
    Answered,
    /// Robot mail, filed away unanswered: seen (`S`).
    Filed,
}

/// A mailbox of inquiries.
pub trait Mailbox {
    /// The mailbox as a link names it, so that a later run can find it again
    /// (`maildir:/path`, or the IMAP URL).
    fn locator(&self) -> String;

    /// The keys of the unread messages, oldest first.
    fn unread(&mut self) -> Result<Vec<String>, Error>;

    /// A message's bytes.
    fn read(&mut self, key: &str) -> Result<Vec<u8>, Error>;

    /// Marks a message.
    fn mark(&mut self, key: &str, mark: Mark) -> Result<(), Error>;

    /// Keeps a reply the server accepted where the office's sent mail is, if the mailbox has
    /// such a place (an IMAP `\Sent` folder).
    fn keep_sent(&mut self, _message: &[u8]) -> Result<(), Error> {
        Ok(())
    }

    /// Finishes what was put off to be done in batches (flags, kept replies); a run calls it
    /// before it waits and when it ends.
    fn flush(&mut self) -> Result<(), Error> {
        Ok(())
    }

    /// Blocks until new mail may have arrived, `stop` is asked for, or `poll` has passed.
    fn wait(&mut self, stop: &Stop, poll: Duration) -> Result<(), Error>;

    /// A name for the message in reports: its file name, or its UID.
    fn describe(&self, key: &str) -> String {
        key.to_string()
    }
}

/// Whether an error is the mailbox's own (the pass stops) rather than one message's.
pub fn is_mailbox_failure(error: &Error) -> bool {
    matches!(error, Error::Mailbox { .. })
}

/// Opens the mailbox a locator names: `maildir:/path`, or an `imap://`/`imaps://` URL with the
/// access it needs.
pub fn open(locator: &str, access: &Access) -> Result<Box<dyn Mailbox>, Error> {
    if let Some(path) = locator.strip_prefix("maildir:") {
        return Ok(Box::new(super::maildir::Maildir::open(path.as_ref())?));
    }
    if locator.starts_with("imap://") || locator.starts_with("imaps://") {
        return Ok(Box::new(Imap::new(locator, access.clone())?));
    }
    Err(Error::Usage {
        message: format!("`{locator}` names no kind of mailbox this version knows"),
    })
}
