//! `charter reply`: email a service's information to a citizen, or answer inquiries.

use super::{KEPT_FOR_RETRY, REFUSED};
use crate::charter::{Charter, suggest};
use crate::cli::{LangArg, ReplyArgs};
use crate::error::Error;
use crate::mail::compose::{Answer, Thread, inquiry_reply, parse_mailbox, service_message};
use crate::mail::inquiry::{self, Inquiry};
use crate::mail::settings::{self, Settings};
use crate::mail::smtp::{Connection, SendError};
use crate::mail::state::{self, State};
use crate::mail::{matcher, outbox};
use crate::render::Lang;
use lettre::message::Mailbox;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

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
    let state_path = args.state.clone().unwrap_or_else(state::default_path);
    // Nothing is recorded on a dry run, so it needs no lock on the state either.
    let state = if args.dry_run {
        None
    } else {
        Some(State::open(&state_path)?)
    };
    let mut responder = Responder {
        charters: &charters,
        from,
        lang: args
            .lang
            .map(|l| if l == LangArg::En { Lang::En } else { Lang::Bn }),
        settings: &settings,
        connection: None,
        state,
        dry_run: args.dry_run,
        max_per_sender: args.max_per_sender,
    };
    match (&args.inquiry, &args.maildir) {
        (Some(path), _) => {
            let bytes = read_inquiry(path)?;
            let outcome = responder.handle(&bytes)?;
            report(&path.display().to_string(), &outcome);
            Ok(outcome.exit_code())
        }
        (None, Some(dir)) => maildir(&mut responder, dir),
        (None, None) => unreachable!("clap requires --service, --inquiry or --maildir"),
    }
}

/// `--service`: one service's information to one address.
fn service(
    args: &ReplyArgs,
    settings: &Settings,
    from: Mailbox,
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
    let message = service_message(
        charter,
        category,
        service,
        &from,
        &to,
        lang,
        attachment.as_ref(),
    )?;
    let bytes = message.formatted();
    if args.dry_run {
        super::print(&String::from_utf8_lossy(&bytes))?;
        return Ok(0);
    }
    let (url, connection) = super::connect(settings)?;
    match connection.send(message.envelope(), &bytes) {
        Ok(()) => {
            eprintln!("charter: sent `{id}` to {to} via {}", url.display());
            Ok(0)
        }
        Err(error) => keep(
            &settings.outbox,
            &bytes,
            &error,
            &format!("to {to} via {}", url.display()),
        ),
    }
}

/// The PDF of one service, to attach: the office's header and the service's table.
fn service_pdf(
    charter: &Charter,
    id: &str,
    lang: Lang,
    path: &Path,
) -> Result<crate::mail::compose::PdfAttachment, Error> {
    use crate::render::pdf::{Paper, PdfOptions};
    let options = PdfOptions {
        paper: Paper::A4,
        portrait: false,
        pdfa: false,
    };
    let bytes =
        crate::render::pdf::charter_pdf(charter, lang, Some(id), &options).map_err(|reason| {
            Error::Unusable {
                path: path.to_path_buf(),
                reason: format!("cannot write the PDF: {reason}"),
            }
        })?;
    Ok(crate::mail::compose::PdfAttachment {
        filename: format!("{id}.pdf"),
        bytes,
    })
}

fn read_inquiry(path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result.map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(bytes)
}

/// What became of one inquiry.
enum Outcome {
    /// Answered: with a service (its id), or with the list of services.
    Answered(Option<String>),
    /// The reply could not be sent now and waits in the outbox (or was refused, and is kept).
    Kept {
        service: Option<String>,
        path: PathBuf,
        refused: bool,
    },
    /// Not answered, and why.
    Skipped(String),
    /// Printed (dry run).
    Printed,
}

impl Outcome {
    fn exit_code(&self) -> u8 {
        match self {
            Outcome::Kept { refused: false, .. } => KEPT_FOR_RETRY,
            Outcome::Kept { refused: true, .. } => REFUSED,
            _ => 0,
        }
    }

    /// Whether the inquiry counts as answered (its Maildir flags get R).
    fn answered(&self) -> bool {
        matches!(self, Outcome::Answered(_) | Outcome::Kept { .. })
    }
}

fn report(what: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Answered(Some(id)) => eprintln!("charter: {what}: answered with `{id}`"),
        Outcome::Answered(None) => eprintln!("charter: {what}: answered with the list of services"),
        Outcome::Kept {
            service,
            path,
            refused,
        } => {
            let with = service
                .as_deref()
                .map_or("the list of services".to_string(), |id| format!("`{id}`"));
            let state = if *refused {
                "was refused by the server; kept in"
            } else {
                "is not sent yet; it waits in"
            };
            eprintln!(
                "charter: {what}: the reply with {with} {state} {}",
                path.display()
            )
        }
        Outcome::Skipped(reason) => eprintln!("charter: {what}: not answered: {reason}"),
        Outcome::Printed => {}
    }
}

/// Answers inquiries: one connection for a whole batch, the state locked throughout.
struct Responder<'a> {
    charters: &'a [Charter],
    from: Mailbox,
    lang: Option<Lang>,
    settings: &'a Settings,
    connection: Option<Connection>,
    state: Option<State>,
    dry_run: bool,
    max_per_sender: u32,
}

impl Responder<'_> {
    fn handle(&mut self, bytes: &[u8]) -> Result<Outcome, Error> {
        let inquiry = match inquiry::read(bytes) {
            Ok(inquiry) => inquiry,
            Err(reason) => return Ok(Outcome::Skipped(reason)),
        };
        if let Some(reason) = &inquiry.skip {
            return Ok(Outcome::Skipped(reason.clone()));
        }
        let Some(sender) = inquiry.from.clone() else {
            return Ok(Outcome::Skipped(
                "it has no sender address to answer".into(),
            ));
        };
        if sender.eq_ignore_ascii_case(self.from.email.as_ref()) {
            return Ok(Outcome::Skipped(
                "it comes from this office's own address".into(),
            ));
        }
        if let Some(state) = &self.state {
            if state.answered(&inquiry.id).is_some() {
                return Ok(Outcome::Skipped(format!(
                    "inquiry <{}> was answered before",
                    inquiry.id
                )));
            }
            if state.replies_today(&sender) >= self.max_per_sender {
                return Ok(Outcome::Skipped(format!(
                    "{sender} already got {} automatic replies today",
                    self.max_per_sender
                )));
            }
        }
        let (message, service) = self.compose(&inquiry, &sender)?;
        let bytes = message.formatted();
        if self.dry_run {
            super::print(&String::from_utf8_lossy(&bytes))?;
            return Ok(Outcome::Printed);
        }
        if self.connection.is_none() {
            self.connection = Some(super::connect(self.settings)?.1);
        }
        let sent = self
            .connection
            .as_ref()
            .map(|c| c.send(message.envelope(), &bytes));
        let outcome = match sent {
            Some(Ok(())) => Outcome::Answered(service),
            Some(Err(SendError::Temporary(reason))) => {
                eprintln!("charter: error: could not send the reply to {sender}: {reason}");
                Outcome::Kept {
                    service,
                    path: outbox::keep(&self.settings.outbox, &bytes, false)?,
                    refused: false,
                }
            }
            Some(Err(SendError::Permanent(reason))) => {
                eprintln!("charter: error: the server refused the reply to {sender}: {reason}");
                Outcome::Kept {
                    service,
                    path: outbox::keep(&self.settings.outbox, &bytes, true)?,
                    refused: true,
                }
            }
            None => unreachable!("connected above"),
        };
        // A reply waiting in the outbox counts as given: a rerun must not write it twice.
        if let Some(state) = &mut self.state {
            state.record(&inquiry.id, &sender)?;
        }
        Ok(outcome)
    }

    fn compose(
        &self,
        inquiry: &Inquiry,
        sender: &str,
    ) -> Result<(lettre::Message, Option<String>), Error> {
        let to = parse_mailbox("the inquiry's sender", sender)?;
        let to = Mailbox::new(
            inquiry
                .from_name
                .clone()
                .filter(|n| !n.contains(['\r', '\n'])),
            to.email,
        );
        let text = format!("{}\n{}", inquiry.subject, inquiry.body);
        let lang = self.lang.unwrap_or(
            if text.chars().any(|c| ('\u{0980}'..='\u{09ff}').contains(&c)) {
                Lang::Bn
            } else {
                Lang::En
            },
        );
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

/// Answers every message in `new/` and moves it to `cur/`, flagged `RS` when answered (or its
/// reply queued) and `S` when skipped.
fn maildir(responder: &mut Responder, dir: &Path) -> Result<u8, Error> {
    let new = dir.join("new");
    let cur = dir.join("cur");
    let files = crate::dir::files(&new, None).map_err(|source| Error::Read {
        path: new.clone(),
        source,
    })?;
    fs::create_dir_all(&cur).map_err(|source| Error::Write {
        path: cur.clone(),
        source,
    })?;
    let total = files.len();
    let (mut answered, mut listed, mut skipped, mut kept, mut refused) = (0, 0, 0, 0, 0);
    let mut code = 0;
    for (i, path) in files.iter().enumerate() {
        let bytes = fs::read(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let outcome = responder.handle(&bytes)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !matches!(outcome, Outcome::Answered(_)) {
            report(&name, &outcome);
        }
        match &outcome {
            Outcome::Answered(Some(_)) => answered += 1,
            Outcome::Answered(None) => listed += 1,
            Outcome::Kept { refused: false, .. } => kept += 1,
            Outcome::Kept { refused: true, .. } => refused += 1,
            Outcome::Skipped(_) => skipped += 1,
            Outcome::Printed => continue, // a dry run moves nothing
        }
        code = code.max(outcome.exit_code());
        let base = name.split(":2,").next().unwrap_or(&name).to_string();
        let flags = if outcome.answered() { "RS" } else { "S" };
        let target = cur.join(format!("{base}:2,{flags}"));
        fs::rename(path, &target).map_err(|source| Error::Write {
            path: target.clone(),
            source,
        })?;
        if total >= 100 && (i + 1) % 100 == 0 {
            eprintln!("charter: {}/{total} inquiries handled", i + 1);
        }
    }
    eprintln!(
        "charter: maildir: {answered} answered with a service, {listed} with the list of services, {skipped} skipped, {kept} waiting in the outbox, {refused} refused"
    );
    Ok(code)
}

/// Keeps an unsent message and says why and where; returns the exit code.
pub(super) fn keep(dir: &Path, bytes: &[u8], error: &SendError, what: &str) -> Result<u8, Error> {
    let (reason, refused) = match error {
        SendError::Temporary(reason) => (reason, false),
        SendError::Permanent(reason) => (reason, true),
    };
    eprintln!("charter: error: could not send {what}: {reason}");
    let path = outbox::keep(dir, bytes, refused)?;
    if refused {
        eprintln!(
            "charter: the server refused it for good; the message is kept in {}",
            path.display()
        );
        Ok(REFUSED)
    } else {
        eprintln!(
            "charter: the message waits in {}; `charter outbox send` retries it",
            path.display()
        );
        Ok(KEPT_FOR_RETRY)
    }
}
