//! A responder that keeps running: answers what is waiting, waits for new mail (IMAP IDLE, or
//! the kernel's notice for a Maildir), answers it, and so on until it is asked to stop.
//!
//! A dropped connection is not the end: the mailbox is opened again after a pause that doubles
//! up to [`MAX_PAUSE`]. Nothing is missed or answered twice across it, because each pass asks
//! the mailbox for what is unanswered and the state remembers what was answered even when the
//! flag could not be set. What a person must fix (a refused login, an untrusted certificate, a
//! wrong SMTP password) stops the run with its exit code instead of retrying forever.

use super::batch::{self, Pace, Responder, Sink, Summary};
use super::mailbox::Mailbox;
use super::stop::Stop;
use crate::error::Error;
use std::time::Duration;

/// The first pause after a dropped connection.
const FIRST_PAUSE: Duration = Duration::from_millis(500);
/// The longest pause between attempts to reconnect.
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// Answers inquiries as they arrive until `stop` is asked for; `poll` is how often a mailbox
/// that cannot notify (an IMAP server without IDLE) is looked at. Returns the exit code.
pub fn watch(
    responder: &Responder,
    mailbox: &mut dyn Mailbox,
    sink: &mut Sink,
    stop: &Stop,
    poll: Duration,
) -> Result<u8, Error> {
    let mut pause = FIRST_PAUSE;
    let pace = Pace {
        stop: Some(stop),
        log: true,
    };
    while !stop.requested() {
        if let Sink::Send { client, .. } = sink {
            // The server may be back: a long run does not give up on it for good.
            client.forget_unreachable();
        }
        let mut summary = Summary::default();
        let pass =
            batch::answer_mailbox(responder, mailbox, sink, &mut summary, pace).and_then(|()| {
                if stop.requested() || summary.code == super::SETUP_WRONG {
                    Ok(())
                } else {
                    mailbox.wait(stop, poll)
                }
            });
        if summary.code == super::SETUP_WRONG {
            eprintln!(
                "charter: stopped: the mail set-up must be fixed; the replies wait in the outbox"
            );
            return Ok(super::SETUP_WRONG);
        }
        match pass {
            Ok(()) => pause = FIRST_PAUSE,
            Err(Error::Mailbox {
                mailbox: name,
                reason,
                setup: false,
            }) => {
                eprintln!(
                    "{} {name}: {reason}; trying again in {:.1} s",
                    crate::clock::rfc3339(crate::clock::unix_now()),
                    pause.as_secs_f32()
                );
                stop.sleep(pause);
                pause = (pause * 2).min(MAX_PAUSE);
            }
            Err(e) => return Err(e),
        }
    }
    eprintln!("charter: stopped on request");
    Ok(0)
}
