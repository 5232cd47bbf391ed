//! `charter reply`: email a service's information to a citizen, or answer inquiries.

use crate::charter::{Charter, suggest};
use crate::cli::{DryRunArg, LangArg, ReplyArgs};
use crate::error::Error;
use crate::mail::batch::{self, DryRun, Outcome, Responder, Sink};
use crate::mail::compose::{parse_mailbox, service_message};
use crate::mail::deliver::{self, Delivery};
use crate::mail::imap::Imap;
use crate::mail::mailbox::Mailbox;
use crate::mail::maildir::Maildir;
use crate::mail::outbox::{Link, Outbox};
use crate::mail::settings::{self, Settings};
use crate::mail::state::{self, State};
use crate::mail::stop::Stop;
use crate::mail::watch;
use crate::render::Lang;
use lettre::message::Mailbox as Address;
use std::path::Path;
use std::time::Duration;

/// The most an inquiry read from a file or standard input may hold: mail servers refuse
/// messages far smaller.
const MAX_INQUIRY: u64 = 64 << 20;

/// Runs `charter reply` in the mode its arguments ask for.
pub fn run(args: &ReplyArgs) -> Result<u8, Error> {
    let settings = settings::resolve(args.from.as_deref(), &args.mail)?;
    let from = settings.from.as_deref().ok_or(Error::MissingSetting {
        option: "--from",
        env: "CHARTER_FROM",
    })?;
    let from = parse_mailbox("--from", from)?;
    if let (Some(id), Some(to)) = (&args.service, &args.to) {
        return service(args, &settings, from, id, to);
    }
    let charters = match super::load_charters(&args.charter)? {
        Ok(charters) => charters,
        Err(code) => return Ok(code),
    };
    let responder = Responder {
        charters: &charters,
        from,
        lang: args
            .lang
            .map(|l| if l == LangArg::En { Lang::En } else { Lang::Bn }),
        max_per_sender: args.max_per_sender,
    };
    let bytes = match &args.inquiry {
        Some(path) => Some(read_inquiry(path)?),
        None => None,
    };
    let mut mailbox: Option<(Box<dyn Mailbox>, &str)> = match (&args.maildir, &args.imap) {
        (Some(dir), _) => Some((Box::new(Maildir::open(dir)?), "maildir")),
        (None, Some(url)) => Some((Box::new(Imap::new(url, settings.imap.clone())?), "imap")),
        (None, None) => None,
    };
    if let Some(how) = args.dry_run {
        let mut out = |text: &str| super::print(text);
        let mut sink = Sink::Print {
            how: dry_run(how),
            out: &mut out,
        };
        return match (&bytes, &mut mailbox) {
            (Some(bytes), _) => {
                let outcome = responder.answer(bytes, Link::default(), &mut sink)?;
                if outcome != Outcome::Printed {
                    eprintln!("charter: {}", outcome.describe());
                }
                Ok(0)
            }
            (None, Some((mailbox, what))) => answer_all(
                &responder,
                mailbox.as_mut(),
                &mut sink,
                &format!("{what} (dry run)"),
            ),
            (None, None) => unreachable!("clap requires --service, --inquiry, --maildir or --imap"),
        };
    }
    // The outbox before the state: `outbox send` takes them in the same order.
    let outbox = Outbox::open(&settings.outbox)?;
    let mut state = State::open(&args.state.clone().unwrap_or_else(state::default_path))?;
    let in_doubt = deliver::reconcile(&mut state, &outbox)?;
    batch::report_in_doubt(&in_doubt);
    let (_, mut client) = super::client(&settings)?;
    let mut sink = Sink::Send {
        client: &mut client,
        outbox: &outbox,
        state: &mut state,
    };
    let code = match (&bytes, &mut mailbox) {
        (Some(bytes), _) => {
            let what = args
                .inquiry
                .as_deref()
                .map_or("-".into(), |p| p.display().to_string());
            let outcome = responder.answer(bytes, Link::default(), &mut sink)?;
            eprintln!("charter: {what}: {}", outcome.describe());
            outcome.exit_code()
        }
        (None, Some((mailbox, _))) if args.watch => {
            let stop = stop()?;
            eprintln!("charter: watching {} for inquiries", describe(args));
            watch::watch(
                &responder,
                mailbox.as_mut(),
                &mut sink,
                &stop,
                Duration::from_secs(args.poll),
            )?
        }
        (None, Some((mailbox, what))) => answer_all(&responder, mailbox.as_mut(), &mut sink, what)?,
        (None, None) => unreachable!("clap requires --service, --inquiry, --maildir or --imap"),
    };
    client.close();
    Ok(if in_doubt.is_empty() {
        code
    } else {
        code.max(crate::mail::KEPT_FOR_RETRY)
    })
}

fn dry_run(how: DryRunArg) -> DryRun {
    match how {
        DryRunArg::Decoded => DryRun::Decoded,
        DryRunArg::Raw => DryRun::Raw,
    }
}

/// The stop that SIGTERM and Ctrl-C ask for.
fn stop() -> Result<Stop, Error> {
    Stop::on_signals().map_err(|e| Error::Usage {
        message: format!("cannot handle signals: {e}"),
    })
}

/// The mailbox a run reads, as messages name it.
fn describe(args: &ReplyArgs) -> String {
    match (&args.maildir, &args.imap) {
        (Some(dir), _) => dir.display().to_string(),
        (None, Some(url)) => crate::mail::smtp::redact(url),
        (None, None) => "-".into(),
    }
}

/// Answers a mailbox and prints the run's summary (also when it stopped early); returns the
/// exit code. SIGTERM or Ctrl-C stops it after the inquiry in hand.
fn answer_all(
    responder: &Responder,
    mailbox: &mut dyn Mailbox,
    sink: &mut Sink,
    what: &str,
) -> Result<u8, Error> {
    let stop = stop()?;
    let pace = batch::Pace {
        stop: Some(&stop),
        log: false,
    };
    let mut summary = batch::Summary::default();
    match batch::answer_mailbox(responder, mailbox, sink, &mut summary, pace) {
        Ok(()) if stop.requested() => {
            eprintln!("{}", summary.report(&format!("{what}, stopped on request")));
            Ok(summary.code)
        }
        Ok(()) => {
            eprintln!("{}", summary.report(what));
            Ok(summary.code)
        }
        Err(error) => {
            eprintln!("{}", summary.report(&format!("{what}, stopped early")));
            Err(error)
        }
    }
}

/// `--service`: one service's information to one address.
fn service(
    args: &ReplyArgs,
    settings: &Settings,
    from: Address,
    id: &str,
    to: &str,
) -> Result<u8, Error> {
    let to = parse_mailbox("--to", to)?;
    let charters = match super::load_charters(&args.charter)? {
        Ok(charters) => charters,
        Err(code) => return Ok(code),
    };
    let Some((charter, category, service)) = charters
        .iter()
        .find_map(|c| c.service(id).map(|(category, s)| (c, category, s)))
    else {
        let ids: Vec<&str> = charters
            .iter()
            .flat_map(|c| c.services.iter().map(|(_, s)| s.id.as_str()))
            .collect();
        let suggestion = suggest(id, &ids).map(str::to_string);
        return Err(Error::UnknownService {
            id: id.to_string(),
            path: args.charter.clone(),
            suggestion,
        });
    };
    let lang = if args.lang == Some(LangArg::En) {
        Lang::En
    } else {
        Lang::Bn
    };
    let attachment = if args.attach_pdf {
        Some(service_pdf(charter, id, lang, &args.charter)?)
    } else {
        None
    };
    let outgoing = service_message(
        charter,
        category,
        service,
        &from,
        &to,
        lang,
        attachment.as_ref(),
    )?;
    if let Some(how) = args.dry_run {
        let text = match dry_run(how) {
            DryRun::Decoded => crate::mail::preview::decoded(&outgoing.bytes),
            DryRun::Raw => String::from_utf8_lossy(&outgoing.bytes).into_owned(),
        };
        super::print(&text)?;
        return Ok(0);
    }
    let outbox = Outbox::open(&settings.outbox)?;
    let (url, mut client) = super::client(settings)?;
    let delivery = deliver::deliver_new(
        &mut client,
        &outbox,
        None,
        &Link::default(),
        &outgoing.envelope,
        &outgoing.bytes,
    )?;
    client.close();
    let what = format!("`{id}` to {to} via {}", url.display());
    Ok(report_delivery(&what, &delivery))
}

/// Says what became of one message; returns the exit code.
pub(super) fn report_delivery(what: &str, delivery: &Delivery) -> u8 {
    use crate::mail::{KEPT_FOR_RETRY, REFUSED, SETUP_WRONG};
    match delivery {
        Delivery::Sent => {
            eprintln!("charter: sent {what}");
            0
        }
        Delivery::Waiting {
            path,
            reason,
            setup,
        } => {
            eprintln!("charter: error: could not send {what}: {reason}");
            eprintln!(
                "charter: the message waits in {}; `charter outbox send` sends it{}",
                path.display(),
                if *setup {
                    " once the set-up is fixed"
                } else {
                    ""
                }
            );
            if *setup { SETUP_WRONG } else { KEPT_FOR_RETRY }
        }
        Delivery::Refused { path, reason } => {
            eprintln!("charter: error: the server refused {what} for good: {reason}");
            eprintln!("charter: the message is kept in {}", path.display());
            REFUSED
        }
        Delivery::InDoubt { path, reason } => {
            eprintln!("charter: error: {what}: {reason}");
            eprintln!(
                "charter: the message may have been delivered; it stays in {}; `charter outbox send --in-doubt` sends it again",
                path.display()
            );
            KEPT_FOR_RETRY
        }
    }
}

/// The PDF of one service, to attach: the office's header and the service's table.
fn service_pdf(
    charter: &Charter,
    id: &str,
    lang: Lang,
    path: &Path,
) -> Result<crate::mail::compose::PdfAttachment, Error> {
    let options = crate::render::Options {
        draft: false,
        lang,
        service: Some(id),
        width: 0,
        pdf: crate::render::pdf::PdfOptions::default(),
    };
    let bytes = super::render::render_warned(charter, crate::render::Format::Pdf, &options, path)?;
    Ok(crate::mail::compose::PdfAttachment {
        filename: format!("{id}.pdf"),
        bytes,
    })
}

/// Reads an inquiry from a file or standard input, refusing one larger than [`MAX_INQUIRY`].
fn read_inquiry(path: &Path) -> Result<Vec<u8>, Error> {
    crate::files::read_input(path, MAX_INQUIRY)
}
