//! One module per subcommand; [`dispatch`] sends the parsed command line to it.

mod bijoy;
mod completions;
mod diff;
mod discover;
mod fix;
mod fmt;
mod import;
mod init;
mod matching;
mod outbox;
mod render;
mod reply;
mod schema;
mod set;
mod validate;

use crate::cli::{Cli, Command};
use crate::error::Error;

pub use completions::script as completion_script;

/// Runs a parsed command line and returns the process exit code.
pub fn dispatch(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Reply(args) => reply::run(&args),
        Command::Outbox { command } => outbox::run(&command),
        Command::Match { charter, text } => matching::run(&charter, &text),
        Command::Set(args) => set::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Fix(args) => fix::run(&args),
        Command::Bijoy(args) => bijoy::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { dir } => completions::man(dir.as_deref()),
        Command::Schema => schema::run(),
    }
}

/// Prints the errors among `diagnostics` to stderr, located in `source`; returns how many.
fn print_errors(name: &str, source: &str, diagnostics: Vec<crate::charter::Diagnostic>) -> usize {
    let errors: Vec<_> = diagnostics
        .into_iter()
        .filter(|d| d.severity == crate::charter::Severity::Error)
        .collect();
    let count = errors.len();
    for finding in crate::report::locate(name, source, errors) {
        eprintln!("{}", crate::report::human(&finding));
    }
    count
}

/// Reads a charter that must be valid: its errors go to stderr and give exit code 1.
fn load_valid(path: &std::path::Path) -> Result<Result<crate::charter::Charter, u8>, Error> {
    let file = crate::charter::read(path)?;
    if !file.loaded.has_errors() {
        return Ok(Ok(file.loaded.charter));
    }
    let count = print_errors(&file.name, &file.source, file.loaded.diagnostics);
    eprintln!(
        "charter: {}: {count} error(s); `charter validate` shows them all",
        file.name
    );
    Ok(Err(1))
}

/// Reads the charters a `--charter FILE|DIR` names: the file, or every `*.toml` in the
/// directory. All must be valid; the errors of any that is not go to stderr, with exit code 1.
fn load_charters(
    path: &std::path::Path,
) -> Result<Result<Vec<crate::charter::Charter>, u8>, Error> {
    if !path.is_dir() {
        return Ok(load_valid(path)?.map(|charter| vec![charter]));
    }
    let files = crate::dir::files(path, Some("toml")).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if files.is_empty() {
        return Err(Error::NoCharters {
            path: path.to_path_buf(),
        });
    }
    let mut charters = Vec::with_capacity(files.len());
    for file in &files {
        match load_valid(file)? {
            Ok(charter) => charters.push(charter),
            Err(code) => return Ok(Err(code)),
        }
    }
    Ok(Ok(charters))
}

/// The SMTP client for the server the settings name, warning when that is plain text across
/// a network. Nothing is connected yet.
fn client(
    settings: &crate::mail::settings::Settings,
) -> Result<(crate::mail::smtp::SmtpUrl, crate::mail::smtp::Client), Error> {
    use crate::mail::smtp::{Client, Security, SmtpUrl, hello};
    let smtp = settings.smtp.as_deref().ok_or(Error::MissingSetting {
        option: "--smtp",
        env: "CHARTER_SMTP",
    })?;
    let url = SmtpUrl::parse(smtp)?;
    if url.security == Security::None && !url.is_loopback() {
        eprintln!(
            "charter: warning: sending to {} without TLS: the message and any password cross the network in plain text",
            url.host
        );
    }
    let hello = match settings.ehlo.as_deref() {
        Some(name) => Some(hello::parse(name).map_err(|reason| Error::Usage {
            message: format!("--ehlo: {reason}"),
        })?),
        None => None,
    };
    let client = Client::new(&url, settings.password.clone(), hello)?;
    Ok((url, client))
}

/// Writes `text` to stdout. A closed pipe (`charter … | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), Error> {
    crate::files::write_stdout(text.as_bytes())
}
