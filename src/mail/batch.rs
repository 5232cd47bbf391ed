//! Answering inquiries: one message ([`Responder::answer`]) or a whole mailbox
//! ([`answer_mailbox`]), one SMTP connection and one locked state and outbox for the run.
//!
//! Nothing about one message stops the batch: a message that cannot be read, parsed or
//! answered is left for staff with its reason in the summary. What does stop it is the tool's
//! own record failing (the state or the outbox cannot be written): going on would send replies
//! that no record remembers.

use super::compose::{Answer, Outgoing, Thread, inquiry_reply};
use super::deliver::{self, Answering, Delivery};
use super::inquiry::{self, Inquiry};
use super::mailbox::{Mailbox, Mark, is_mailbox_failure};
use super::outbox::{Link, Outbox, Place};
use super::smtp::Client;
use super::state::State;
use super::{KEPT_FOR_RETRY, REFUSED, SETUP_WRONG, matcher};
use crate::charter::Charter;
use crate::error::Error;
use crate::render::Lang;
use lettre::message::Mailbox as Address;
use std::path::PathBuf;

/// How a dry run shows the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DryRun {
    /// Headers decoded, each text part as text.
    Decoded,
    /// The message as it would go on the wire.
    Raw,
}

/// What became of one inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Composed and handed on: with a service (its id) or the list of services (`None`).
    Replied {
        /// The service the reply gives, if one.
        service: Option<String>,
        /// What the server did with it.
        delivery: Delivery,
    },
    /// The state says it was answered before; it is marked answered now.
    AnsweredBefore,
    /// Its reply is already in the outbox (waiting, refused or in doubt): nothing new is sent.
    AlreadyPending(String),
    /// Robot mail (an automatic reply, a list, a bounce): filed away unanswered.
    Filed(String),
    /// Not answered, and left unread for staff: why.
    Left(String),
    /// Printed, not sent (a dry run).
    Printed,
}

impl Outcome {
    /// How the inquiry is marked in its mailbox, if at all.
    pub fn mark(&self) -> Option<Mark> {
        match self {
            Outcome::Replied {
                delivery: Delivery::Sent,
                ..
            }
            | Outcome::AnsweredBefore => Some(Mark::Answered),
            Outcome::Filed(_) => Some(Mark::Filed),
            _ => None,
        }
    }

    /// The exit code this outcome asks for (0, or one of the mail codes).
    pub fn exit_code(&self) -> u8 {
        match self {
            Outcome::Replied { delivery, .. } => match delivery {
                Delivery::Sent => 0,
                Delivery::Waiting { setup: true, .. } => SETUP_WRONG,
                Delivery::Waiting { .. } | Delivery::InDoubt { .. } => KEPT_FOR_RETRY,
                Delivery::Refused { .. } => REFUSED,
            },
            _ => 0,
        }
    }

    /// One line about it, for the report.
    pub fn describe(&self) -> String {
        match self {
            Outcome::Replied { service, delivery } => {
                let with = service
                    .as_deref()
                    .map_or("the list of services".to_string(), |id| format!("`{id}`"));
                match delivery {
                    Delivery::Sent => format!("answered with {with}"),
                    Delivery::Waiting { path, reason, .. } => format!(
                        "the reply with {with} is not sent ({reason}); it waits in {}",
                        path.display()
                    ),
                    Delivery::Refused { path, reason } => format!(
                        "the server refused the reply with {with} ({reason}); it is kept in {}; the inquiry is left for staff",
                        path.display()
                    ),
                    Delivery::InDoubt { path, reason } => format!(
                        "the reply with {with} is in doubt ({reason}); it stays in {}",
                        path.display()
                    ),
                }
            }
            Outcome::AnsweredBefore => "answered before; marked answered".to_string(),
            Outcome::AlreadyPending(why) => format!("not answered again: {why}"),
            Outcome::Filed(why) => format!("filed unanswered: {why}"),
            Outcome::Left(why) => format!("left for staff: {why}"),
            Outcome::Printed => "printed".to_string(),
        }
    }
}

/// What a run needs to answer inquiries.
pub struct Responder<'a> {
    /// The charters whose services answer.
    pub charters: &'a [Charter],
    /// The office's address.
    pub from: Address,
    /// The language of replies; `None`: the inquiry's own.
    pub lang: Option<Lang>,
    /// At most this many replies to one sender a day.
    pub max_per_sender: u32,
}

/// Where replies go: the server, the outbox and the state; or nowhere (a dry run).
pub enum Sink<'a> {
    /// Send, recording in the state and keeping in the outbox.
    Send {
        /// The SMTP client.
        client: &'a mut Client,
        /// The outbox.
        outbox: &'a Outbox,
        /// The state.
        state: &'a mut State,
    },
    /// Show each reply instead: `out` prints it.
    Print {
        /// How to show it.
        how: DryRun,
        /// Where it goes (standard output).
        out: &'a mut dyn FnMut(&str) -> Result<(), Error>,
    },
}

/// What answering one inquiry did, with what a log and the mailbox need.
#[derive(Debug)]
pub struct Handled {
    /// What became of it.
    pub outcome: Outcome,
    /// Its sender, when it could be read.
    pub sender: Option<String>,
    /// The reply, when the server accepted it: a mailbox keeps it with the office's sent mail.
    pub reply: Option<Vec<u8>>,
}

impl Responder<'_> {
    /// Answers one inquiry. `link` says where it is (its mailbox and key), for a reply that is
    /// delivered later. Errors are the run's own (state, outbox, output), not the message's.
    pub fn answer(&self, bytes: &[u8], link: Link, sink: &mut Sink) -> Result<Outcome, Error> {
        self.handle(bytes, link, sink)
            .map(|handled| handled.outcome)
    }

    /// As [`Responder::answer`], keeping the sender and the reply sent.
    pub fn handle(&self, bytes: &[u8], link: Link, sink: &mut Sink) -> Result<Handled, Error> {
        let inquiry = match inquiry::read(bytes) {
            Ok(inquiry) => inquiry,
            Err(reason) => {
                return Ok(Handled {
                    outcome: Outcome::Left(format!("it cannot be read as mail: {reason}")),
                    sender: None,
                    reply: None,
                });
            }
        };
        let sender = inquiry.from.clone();
        let (outcome, reply) = self.decide(&inquiry, link, sink)?;
        Ok(Handled {
            outcome,
            sender,
            reply,
        })
    }

    fn decide(
        &self,
        inquiry: &Inquiry,
        link: Link,
        sink: &mut Sink,
    ) -> Result<(Outcome, Option<Vec<u8>>), Error> {
        if let Some(reason) = &inquiry.robot {
            return Ok((Outcome::Filed(reason.clone()), None));
        }
        let Some(sender) = inquiry.from.clone() else {
            return Ok((
                Outcome::Left("it has no sender address to answer".into()),
                None,
            ));
        };
        if sender.eq_ignore_ascii_case(self.from.email.as_ref()) {
            return Ok((
                Outcome::Left("it comes from this office's own address".into()),
                None,
            ));
        }
        if let Sink::Send { state, outbox, .. } = sink {
            if state.answered(&inquiry.id).is_some() {
                return Ok((Outcome::AnsweredBefore, None));
            }
            if let Some(pending) = state.pending(&inquiry.id) {
                let place = match outbox.find(&pending.file) {
                    Some((Place::Refused, _)) => "was refused by the server and is kept",
                    Some((Place::Sending, _)) => "is in doubt",
                    _ => "waits",
                };
                return Ok((
                    Outcome::AlreadyPending(format!(
                        "its reply {place} in {}",
                        pending.outbox.join(&pending.file).display()
                    )),
                    None,
                ));
            }
            if state.replies_today(&sender) >= self.max_per_sender {
                return Ok((
                    Outcome::Left(format!(
                        "{sender} already got {} automatic replies today",
                        self.max_per_sender
                    )),
                    None,
                ));
            }
        }
        let (outgoing, service) = match self.compose(inquiry, &sender) {
            Ok(composed) => composed,
            Err(error) => {
                return Ok((
                    Outcome::Left(format!("no reply can be written: {error}")),
                    None,
                ));
            }
        };
        let delivery = match sink {
            Sink::Print { how, out } => {
                let text = match how {
                    DryRun::Decoded => super::preview::decoded(&outgoing.bytes),
                    DryRun::Raw => String::from_utf8_lossy(&outgoing.bytes).into_owned(),
                };
                out(&text)?;
                return Ok((Outcome::Printed, None));
            }
            Sink::Send {
                client,
                outbox,
                state,
            } => {
                let link = Link {
                    inquiry: Some(inquiry.id.clone()),
                    state: Some(state.path().to_path_buf()),
                    ..link
                };
                let answering = Answering {
                    state,
                    id: &inquiry.id,
                    sender: &sender,
                };
                deliver::deliver_new(
                    client,
                    outbox,
                    Some(answering),
                    &link,
                    &outgoing.envelope,
                    &outgoing.bytes,
                )?
            }
        };
        let reply = (delivery == Delivery::Sent).then_some(outgoing.bytes);
        Ok((Outcome::Replied { service, delivery }, reply))
    }

    fn compose(
        &self,
        inquiry: &Inquiry,
        sender: &str,
    ) -> Result<(Outgoing, Option<String>), Error> {
        // `office@example.gov.bd.` names the same domain as without its final dot.
        let sender = sender.strip_suffix('.').unwrap_or(sender);
        let email: lettre::Address = sender.parse().map_err(|e| Error::InvalidAddress {
            what: "the inquiry's sender".into(),
            value: sender.to_string(),
            reason: format!("{e}"),
        })?;
        let to = Address::new(inquiry.from_name.clone(), email);
        let text = inquiry.new_words();
        // Bengali in Bengali script or in Latin letters is answered in Bengali.
        let bengali = text.chars().any(|c| ('\u{0980}'..='\u{09ff}').contains(&c))
            || crate::bangla::banglish::is_banglish(&text);
        let lang = self
            .lang
            .unwrap_or(if bengali { Lang::Bn } else { Lang::En });
        let ranked = matcher::rank(self.charters, &text);
        let (answer, service) = match matcher::confident(&ranked) {
            Some(best) => (
                Answer::Service(best.charter, best.category, best.service),
                Some(best.service.id.clone()),
            ),
            None => (Answer::List(self.charters), None),
        };
        let thread = Thread {
            subject: &inquiry.subject,
            message_id: inquiry.has_message_id.then_some(inquiry.id.as_str()),
            references: &inquiry.references,
        };
        Ok((
            inquiry_reply(&answer, &thread, &self.from, &to, lang)?,
            service,
        ))
    }
}

/// What a mailbox run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Answered with a service.
    pub answered: usize,
    /// Answered with the list of services.
    pub listed: usize,
    /// Replies waiting in the outbox.
    pub waiting: usize,
    /// Replies refused by the server.
    pub refused: usize,
    /// Replies in doubt.
    pub in_doubt: usize,
    /// Robot mail filed.
    pub filed: usize,
    /// Answered before (marked now) or already pending.
    pub before: usize,
    /// Left for staff, each with its message and reason.
    pub left: Vec<(String, String)>,
    /// The exit code the run asks for.
    pub code: u8,
}

impl Summary {
    fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Replied { service, delivery } => match delivery {
                Delivery::Sent if service.is_some() => self.answered += 1,
                Delivery::Sent => self.listed += 1,
                Delivery::Waiting { .. } => self.waiting += 1,
                Delivery::Refused { .. } => self.refused += 1,
                Delivery::InDoubt { .. } => self.in_doubt += 1,
            },
            Outcome::AnsweredBefore | Outcome::AlreadyPending(_) => self.before += 1,
            Outcome::Filed(_) => self.filed += 1,
            Outcome::Left(_) | Outcome::Printed => {}
        }
        self.code = self.code.max(outcome.exit_code());
    }

    /// The summary line, and one line per inquiry left for staff.
    pub fn report(&self, what: &str) -> String {
        let mut out = format!(
            "charter: {what}: {} answered with a service, {} with the list of services, {} waiting in the outbox, {} refused, {} in doubt, {} robot mail filed, {} handled before, {} left for staff",
            self.answered,
            self.listed,
            self.waiting,
            self.refused,
            self.in_doubt,
            self.filed,
            self.before,
            self.left.len()
        );
        for (message, reason) in &self.left {
            out.push_str(&format!("\ncharter:   left for staff: {message}: {reason}"));
        }
        out
    }
}

/// How a mailbox run reports and when it stops.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pace<'a> {
    /// Stop before the next inquiry once this is asked for.
    pub stop: Option<&'a super::stop::Stop>,
    /// One line per inquiry (time, sender, what became of it), as a watching run logs.
    pub log: bool,
}

/// Answers every unread inquiry of a mailbox, marking each by the rule of [`Mark`], counting
/// in `summary`; stops early only for the run's own failures or the mailbox's (the summary
/// says how far it got), or when `pace.stop` is asked for.
pub fn answer_mailbox(
    responder: &Responder,
    mailbox: &mut dyn Mailbox,
    sink: &mut Sink,
    summary: &mut Summary,
    pace: Pace,
) -> Result<(), Error> {
    let keys = mailbox.unread()?;
    let answered = answer_each(responder, mailbox, sink, summary, pace, &keys);
    // Put-off flags and kept replies are finished however the pass ended.
    let flushed = mailbox.flush();
    answered.and(flushed)
}

/// The work of [`answer_mailbox`] on the keys found.
fn answer_each(
    responder: &Responder,
    mailbox: &mut dyn Mailbox,
    sink: &mut Sink,
    summary: &mut Summary,
    pace: Pace,
    keys: &[String],
) -> Result<(), Error> {
    let total = keys.len();
    for (i, key) in keys.iter().enumerate() {
        if pace.stop.is_some_and(|s| s.requested()) {
            break;
        }
        let name = mailbox.describe(key);
        let handled = match mailbox.read(key) {
            Ok(bytes) => {
                let link = Link {
                    mailbox: Some(mailbox.locator()),
                    message: Some(key.clone()),
                    ..Link::default()
                };
                responder.handle(&bytes, link, sink)?
            }
            Err(e) if is_mailbox_failure(&e) => return Err(e),
            Err(e) => Handled {
                outcome: Outcome::Left(e.to_string()),
                sender: None,
                reply: None,
            },
        };
        let outcome = &handled.outcome;
        if pace.log {
            log(&name, &handled);
        } else if !matches!(
            outcome,
            Outcome::Replied {
                delivery: Delivery::Sent,
                ..
            } | Outcome::Printed
                | Outcome::Left(_)
        ) {
            eprintln!("charter: {name}: {}", outcome.describe());
        }
        if let Outcome::Left(reason) = outcome {
            summary.left.push((name.clone(), reason.clone()));
        }
        summary.count(outcome);
        if let Some(reply) = &handled.reply {
            settle_message(mailbox.keep_sent(reply), &name, "keep its reply")?;
        }
        // A dry run records nothing, flags included.
        if let Some(mark) = outcome.mark()
            && matches!(sink, Sink::Send { .. })
        {
            settle_message(mailbox.mark(key, mark), &name, "mark it")?;
        }
        if !pace.log && total >= 100 && (i + 1) % 100 == 0 {
            eprintln!("charter: {}/{total} inquiries handled", i + 1);
        }
    }
    Ok(())
}

/// A mailbox failure stops the pass; a problem with the one message is a warning: its reply
/// is sent and the state says so, and a later pass marks it.
fn settle_message(result: Result<(), Error>, name: &str, what: &str) -> Result<(), Error> {
    match result {
        Err(e) if is_mailbox_failure(&e) => Err(e),
        Err(e) => {
            eprintln!("charter: warning: {name}: cannot {what}: {e}");
            Ok(())
        }
        Ok(()) => Ok(()),
    }
}

/// The log line of a watching run: `2026-11-28T07:01:02Z UID 7 citizen@example.com: answered
/// with `e-filing``.
fn log(name: &str, handled: &Handled) {
    let now = crate::clock::rfc3339(crate::clock::unix_now());
    let sender = handled.sender.as_deref().unwrap_or("(no sender)");
    eprintln!("{now} {name} {sender}: {}", handled.outcome.describe());
}

/// Reports the replies an earlier run left in doubt, and the command that decides them.
pub fn report_in_doubt(in_doubt: &[PathBuf]) {
    if in_doubt.is_empty() {
        return;
    }
    eprintln!(
        "charter: {} repl{} from an earlier run that stopped mid-send {} in doubt (perhaps delivered, perhaps not):",
        in_doubt.len(),
        if in_doubt.len() == 1 { "y" } else { "ies" },
        if in_doubt.len() == 1 { "is" } else { "are" },
    );
    for path in in_doubt {
        eprintln!("charter:   {}", path.display());
    }
    eprintln!(
        "charter: nothing is sent twice on its own: `charter outbox send --in-doubt` sends them again once you know they did not arrive"
    );
}
