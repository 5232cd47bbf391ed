//! Handing a reply to the server without losing it or sending it twice.
//!
//! The order is what makes a crash harmless (write-ahead):
//!
//! 1. the state records the inquiry's reply as pending, naming its outbox file;
//! 2. the reply is written to the outbox's `sending/`;
//! 3. the server gets it;
//! 4. on the server's acceptance the state records the inquiry answered, then the file goes.
//!
//! A run that dies before 2 leaves a pending entry with no file: the reply never existed, and
//! the next run composes it ([`reconcile`]). One that dies between 2 and 4 leaves the file in
//! `sending/`: the server may have it, so it is *in doubt*, never resent without a person. One
//! that dies after the state said answered leaves a file the next run removes.

use super::mailbox;
use super::outbox::{self, Link, Outbox, Place};
use super::smtp::{Client, Failure};
use super::state::State;
use crate::error::Error;
use lettre::address::Envelope;
use std::path::{Path, PathBuf};

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The server accepted it.
    Sent,
    /// Not sent; it waits in the outbox. `setup` when a person must fix the mail set-up first.
    Waiting {
        /// Its file.
        path: PathBuf,
        /// Why it was not sent.
        reason: String,
        /// Whether the set-up (password, TLS, EHLO name) is what stopped it.
        setup: bool,
    },
    /// Refused for good by the server; kept in `refused/`.
    Refused {
        /// Its file.
        path: PathBuf,
        /// The server's answer.
        reason: String,
    },
    /// Handed over, but the server never confirmed it; it stays in `sending/`.
    InDoubt {
        /// Its file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

/// The inquiry a reply answers, as the state records it.
pub struct Answering<'s> {
    /// The state.
    pub state: &'s mut State,
    /// The inquiry's id.
    pub id: &'s str,
    /// Its sender (for the daily cap).
    pub sender: &'s str,
}

/// Puts a new reply in the outbox and hands it to the server, in the write-ahead order. With
/// `send` false (the server is known to be out of reach), the reply only goes to the outbox.
pub fn deliver_new(
    client: &mut Client,
    outbox: &Outbox,
    answering: Option<Answering>,
    link: &Link,
    envelope: &Envelope,
    message: &[u8],
) -> Result<Delivery, Error> {
    let name = Outbox::new_name();
    let mut answering = answering;
    if let Some(a) = answering.as_mut() {
        a.state
            .record_pending(a.id, a.sender, outbox.dir(), &name)?;
    }
    let path = match outbox.put(Place::Sending, &name, link, message) {
        Ok(path) => path,
        Err(error) => {
            if let Some(a) = answering.as_mut() {
                let _ = a.state.forget(a.id);
            }
            return Err(error);
        }
    };
    hand_over(
        client,
        outbox,
        &path,
        answering.map(|a| (a.state, a.id)),
        envelope,
        message,
    )
}

/// Hands a message that is in `sending/` to the server and files it by the outcome. On
/// acceptance the state (if given) records the inquiry answered before the file is removed.
pub fn hand_over(
    client: &mut Client,
    outbox: &Outbox,
    path: &Path,
    answered: Option<(&mut State, &str)>,
    envelope: &Envelope,
    message: &[u8],
) -> Result<Delivery, Error> {
    match client.send(envelope, message) {
        Ok(()) => {
            if let Some((state, id)) = answered {
                state.record_answered(id)?;
            }
            // The state already says answered: a file left behind is removed by the next run.
            if let Err(e) = outbox.remove(path) {
                eprintln!("charter: warning: {e}");
            }
            Ok(Delivery::Sent)
        }
        Err(failure @ (Failure::Temporary(_) | Failure::Setup(_))) => Ok(Delivery::Waiting {
            path: outbox.move_to(path, Place::Waiting)?,
            setup: matches!(failure, Failure::Setup(_)),
            reason: failure.reason().to_string(),
        }),
        Err(Failure::Refused(reason)) => Ok(Delivery::Refused {
            path: outbox.move_to(path, Place::Refused)?,
            reason,
        }),
        Err(Failure::InDoubt(reason)) => Ok(Delivery::InDoubt {
            path: path.to_path_buf(),
            reason,
        }),
    }
}

/// Makes the state and the outbox agree after a run that may have been killed: removes from
/// `sending/` what the state says was answered, forgets pending replies whose file never reached
/// the outbox, and returns the replies in doubt.
pub fn reconcile(state: &mut State, outbox: &Outbox) -> Result<Vec<PathBuf>, Error> {
    let in_doubt = settle(outbox, |link| {
        Ok(link.state.as_deref() == Some(state.path())
            && link
                .inquiry
                .as_deref()
                .is_some_and(|id| state.answered(id).is_some()))
    })?;
    let lost: Vec<String> = state
        .all_pending()
        .filter(|(_, p)| p.outbox == outbox.dir() && outbox.find(&p.file).is_none())
        .map(|(id, _)| id.to_string())
        .collect();
    for id in lost {
        state.forget(&id)?;
    }
    Ok(in_doubt)
}

/// Removes from `sending/` each reply whose inquiry `answered` says was answered (a run
/// stopped between recording it and removing the file); returns the rest: in doubt.
pub fn settle(
    outbox: &Outbox,
    mut answered: impl FnMut(&Link) -> Result<bool, Error>,
) -> Result<Vec<PathBuf>, Error> {
    let mut in_doubt = Vec::new();
    for path in outbox.list(Place::Sending)? {
        let kept = outbox::read(&path)?;
        if answered(&kept.link)? {
            outbox.remove(&path)?;
        } else {
            in_doubt.push(path);
        }
    }
    Ok(in_doubt)
}

/// What delivering kept replies later needs to complete their record: the state files and
/// mailboxes their links name, each opened (and locked) once per run.
#[derive(Default)]
pub struct Records {
    states: Vec<State>,
    mailboxes: Vec<(String, Box<dyn mailbox::Mailbox>)>,
    access: super::imap::Access,
}

impl Records {
    /// Records that open IMAP mailboxes with `access`.
    pub fn new(access: super::imap::Access) -> Records {
        Records {
            access,
            ..Records::default()
        }
    }

    /// The state that records the inquiry a link names, opened on first use.
    pub fn state(&mut self, link: &Link) -> Result<Option<(&mut State, String)>, Error> {
        let (Some(id), Some(path)) = (&link.inquiry, &link.state) else {
            return Ok(None);
        };
        let index = match self.states.iter().position(|s| s.path() == path) {
            Some(i) => i,
            None => {
                self.states.push(State::open(path)?);
                self.states.len() - 1
            }
        };
        Ok(Some((&mut self.states[index], id.clone())))
    }

    /// Finishes what the mailboxes put off (an IMAP server's flags and kept replies go in
    /// batches); problems are reported, not fatal, as in [`Records::mark_answered`].
    pub fn finish(&mut self) {
        for (locator, mailbox) in &mut self.mailboxes {
            if let Err(e) = mailbox.flush() {
                eprintln!(
                    "charter: warning: {locator}: the inquiries answered could not all be marked: {e}"
                );
            }
        }
    }

    /// Marks the inquiry a link names answered in its mailbox, and keeps the reply (`message`)
    /// with the mailbox's sent mail. Problems are reported, not fatal: the reply is sent and
    /// the state says so.
    pub fn mark_answered(&mut self, link: &Link, message: &[u8]) {
        let (Some(locator), Some(key)) = (&link.mailbox, &link.message) else {
            return;
        };
        let index = match self.mailboxes.iter().position(|(l, _)| l == locator) {
            Some(i) => Some(i),
            None => match mailbox::open(locator, &self.access) {
                Ok(m) => {
                    self.mailboxes.push((locator.clone(), m));
                    Some(self.mailboxes.len() - 1)
                }
                Err(e) => {
                    eprintln!("charter: warning: {e}");
                    None
                }
            },
        };
        let marked = match index {
            Some(i) => {
                let mailbox = &mut self.mailboxes[i].1;
                if let Err(e) = mailbox.keep_sent(message) {
                    eprintln!("charter: warning: the reply cannot be kept in {locator}: {e}");
                }
                mailbox
                    .mark(key, mailbox::Mark::Answered)
                    .map_err(|e| e.to_string())
            }
            None => Err("the mailbox cannot be opened".to_string()),
        };
        if let Err(reason) = marked {
            eprintln!(
                "charter: warning: the inquiry {key} in {locator} could not be marked answered: {reason}"
            );
        }
    }
}
