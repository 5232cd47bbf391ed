//! Where inquiries arrive: one notion of a mailbox, whatever keeps the mail.
//!
//! The rule for flags is the same everywhere (and in the README): *answered* (`R`, shown by
//! IMAP as `\Answered`) only when the server accepted the reply; *seen* (`S`) only for what
//! staff need not look at: an answered inquiry, or robot mail. A person's inquiry that was not
//! answered, for whatever reason, is left unread for staff.

use crate::error::Error;

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
    /// (`maildir:/path`).
    fn locator(&self) -> String;

    /// The keys of the unread messages, oldest first.
    fn unread(&mut self) -> Result<Vec<String>, Error>;

    /// A message's bytes. An error here concerns the one message.
    fn read(&mut self, key: &str) -> Result<Vec<u8>, String>;

    /// Marks a message; an error concerns the one message.
    fn mark(&mut self, key: &str, mark: Mark) -> Result<(), String>;

    /// A name for the message in reports: its file name, or its UID.
    fn describe(&self, key: &str) -> String {
        key.to_string()
    }
}

/// Opens the mailbox a locator names.
pub fn open(locator: &str) -> Result<Box<dyn Mailbox>, Error> {
    match locator.strip_prefix("maildir:") {
        Some(path) => Ok(Box::new(super::maildir::Maildir::open(path.as_ref())?)),
        None => Err(Error::Usage {
            message: format!("`{locator}` names no kind of mailbox this version knows"),
        }),
    }
}
