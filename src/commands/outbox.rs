//! `charter outbox`: the replies between being composed and being accepted by the server.

use crate::cli::{MailArgs, OutboxCommand, OutboxListArgs, OutboxRequeueArgs, OutboxSendArgs};
use crate::error::Error;
use crate::mail::deliver::{self, Delivery, Records};
use crate::mail::outbox::{self, Outbox, Place, envelope_of};
use crate::mail::{KEPT_FOR_RETRY, REFUSED, SETUP_WRONG, settings};

/// Runs an outbox subcommand.
pub fn run(command: &OutboxCommand) -> Result<u8, Error> {
    match command {
        OutboxCommand::Send(args) => send(args),
        OutboxCommand::List(args) => list(args),
        OutboxCommand::Requeue(args) => requeue(args),
    }
}

/// Lists every message by place: waiting, in doubt, refused. It reads without locking, so a
/// listing during a run shows what that run is sending as in doubt.
fn list(args: &OutboxListArgs) -> Result<u8, Error> {
    let where_only = MailArgs {
        smtp: None,
        outbox: args.outbox.clone(),
        password_file: None,
        ehlo: None,
        imap_password_file: None,
        config: args.config.clone(),
    };
    let settings = settings::resolve(None, &where_only)?;
    let mut out = String::new();
    let mut counts = Vec::new();
    for (place, label) in [
        (Place::Waiting, "waiting"),
        (Place::Sending, "in doubt"),
        (Place::Refused, "refused"),
    ] {
        let files = outbox::list(&settings.outbox, place)?;
        for path in &files {
            let (to, subject) = match outbox::read(path) {
                Ok(kept) => (recipients(&kept.message), subject(&kept.message)),
                Err(e) => (format!("({e})"), String::new()),
            };
            out.push_str(&format!("{label}\t{}\t{to}\t{subject}\n", path.display()));
        }
        counts.push(format!("{} {label}", files.len()));
    }
    out.push_str(&format!(
        "{} in {}\n",
        counts.join(", "),
        settings.outbox.display()
    ));
    super::print(&out)?;
    Ok(0)
}

fn recipients(message: &[u8]) -> String {
    envelope_of(message).map_or_else(
        |e| format!("({e})"),
        |env| {
            env.to()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
    )
}

fn subject(message: &[u8]) -> String {
    mail_parser::MessageParser::default()
        .parse_headers(message)
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_default()
}

/// Sends every waiting message (and, when asked, those in doubt) over one connection. Each one
/// the server accepts completes its inquiry's record (state and mailbox flags) and is removed;
/// each it refuses for good moves to `refused/`; the rest keep waiting. One message's trouble
/// never stops the others.
fn send(args: &OutboxSendArgs) -> Result<u8, Error> {
    let settings = settings::resolve(None, &args.mail)?;
    let outbox = Outbox::open(&settings.outbox)?;
    let mut records = Records::new(settings.imap.clone());
    let in_doubt = deliver::settle(&outbox, |link| {
        Ok(records
            .state(link)?
            .is_some_and(|(state, id)| state.answered(&id).is_some()))
    })?;
    let mut files = outbox.list(Place::Waiting)?;
    if args.in_doubt {
        files.extend(in_doubt.iter().cloned());
    } else if !in_doubt.is_empty() {
        crate::mail::batch::report_in_doubt(&in_doubt);
    }
    if files.is_empty() {
        eprintln!(
            "charter: nothing waits in the outbox {}",
            settings.outbox.display()
        );
        return Ok(if in_doubt.is_empty() {
            0
        } else {
            KEPT_FOR_RETRY
        });
    }
    let (_, mut client) = super::client(&settings)?;
    let (mut sent, mut waiting, mut refused, mut doubt, mut setup) = (0, 0, 0, 0, false);
    for path in &files {
        let kept = match outbox::read(path) {
            Ok(kept) => kept,
            Err(e) => {
                eprintln!("charter: error: {e}; left in place");
                waiting += 1;
                continue;
            }
        };
        let envelope = match envelope_of(&kept.message) {
            Ok(envelope) => envelope,
            Err(reason) => {
                eprintln!(
                    "charter: error: {}: cannot send: {reason}; left in place",
                    path.display()
                );
                waiting += 1;
                continue;
            }
        };
        // The state first: if it cannot be opened, the message has not moved.
        let mut answered = records.state(&kept.link)?;
        let sending = outbox.move_to(path, Place::Sending)?;
        let target = answered
            .as_mut()
            .map(|(state, id)| (&mut **state, id.as_str()));
        let delivery = deliver::hand_over(
            &mut client,
            &outbox,
            &sending,
            target,
            &envelope,
            &kept.message,
        )?;
        match &delivery {
            Delivery::Sent => {
                records.mark_answered(&kept.link, &kept.message);
                sent += 1;
            }
            Delivery::Waiting {
                reason, setup: s, ..
            } => {
                eprintln!(
                    "charter: error: {}: {reason}; it keeps waiting",
                    path.display()
                );
                setup |= *s;
                waiting += 1;
            }
            Delivery::Refused { path, reason } => {
                eprintln!(
                    "charter: error: the server refused it for good: {reason}; moved to {}",
                    path.display()
                );
                refused += 1;
            }
            Delivery::InDoubt { path, reason } => {
                eprintln!(
                    "charter: error: {reason}; it may have been delivered and stays in {}",
                    path.display()
                );
                doubt += 1;
            }
        }
    }
    records.finish();
    eprintln!(
        "charter: outbox: {sent} sent, {waiting} still waiting, {refused} refused, {doubt} in doubt"
    );
    Ok(if setup {
        SETUP_WRONG
    } else if waiting > 0 || doubt > 0 {
        KEPT_FOR_RETRY
    } else if refused > 0 {
        REFUSED
    } else {
        0
    })
}

/// Moves refused messages back to waiting.
fn requeue(args: &OutboxRequeueArgs) -> Result<u8, Error> {
    let settings = settings::resolve(None, &args.mail)?;
    let outbox = Outbox::open(&settings.outbox)?;
    let files = if args.files.is_empty() {
        outbox.list(Place::Refused)?
    } else {
        let refused = outbox.list(Place::Refused)?;
        let mut chosen = Vec::new();
        for file in &args.files {
            let name = file.file_name().unwrap_or_default();
            match refused.iter().find(|p| p.file_name() == Some(name)) {
                Some(path) => chosen.push(path.clone()),
                None => {
                    return Err(Error::Usage {
                        message: format!(
                            "{}: not a refused message of the outbox {} (`charter outbox list` shows them)",
                            file.display(),
                            settings.outbox.display()
                        ),
                    });
                }
            }
        }
        chosen
    };
    for path in &files {
        outbox.move_to(path, Place::Waiting)?;
    }
    eprintln!(
        "charter: {} refused message(s) moved back to waiting; `charter outbox send` sends them",
        files.len()
    );
    Ok(0)
}
