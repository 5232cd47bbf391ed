//! `charter reply`: email a service's information to a citizen.

use super::{KEPT_FOR_RETRY, REFUSED};
use crate::charter::suggest;
use crate::cli::{LangArg, ReplyArgs};
use crate::error::Error;
use crate::mail::compose::{parse_mailbox, service_message};
use crate::mail::outbox;
use crate::mail::settings;
use crate::mail::smtp::SendError;
use crate::render::Lang;

/// Composes the message and sends it, or keeps it in the outbox when it cannot be sent.
pub fn run(args: &ReplyArgs) -> Result<u8, Error> {
    let settings = settings::resolve(args.from.as_deref(), &args.mail)?;
    let to = parse_mailbox("--to", &args.to)?;
    let from = settings.from.as_deref().ok_or(Error::MissingSetting {
        option: "--from",
        env: "CHARTER_FROM",
    })?;
    let from = parse_mailbox("--from", from)?;
    let charter = match super::load_valid(&args.charter)? {
        Ok(charter) => charter,
        Err(code) => return Ok(code),
    };
    let Some((category, service)) = charter.service(&args.service) else {
        let ids: Vec<&str> = charter
            .services
            .iter()
            .map(|(_, s)| s.id.as_str())
            .collect();
        let suggestion = suggest(&args.service, &ids).map(str::to_string);
        return Err(Error::UnknownService {
            id: args.service.clone(),
            path: args.charter.clone(),
            suggestion,
        });
    };
    let lang = if args.lang == LangArg::En {
        Lang::En
    } else {
        Lang::Bn
    };
    let message = service_message(&charter, category, service, &from, &to, lang)?;
    let bytes = message.formatted();
    if args.dry_run {
        super::print(&String::from_utf8_lossy(&bytes))?;
        return Ok(0);
    }
    let (url, connection) = super::connect(&settings)?;
    match connection.send(message.envelope(), &bytes) {
        Ok(()) => {
            eprintln!(
                "charter: sent `{}` to {to} via {}",
                args.service,
                url.display()
            );
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

/// Keeps an unsent message and says why and where; returns the exit code.
pub(super) fn keep(
    dir: &std::path::Path,
    bytes: &[u8],
    error: &SendError,
    what: &str,
) -> Result<u8, Error> {
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
