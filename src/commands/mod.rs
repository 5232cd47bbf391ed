//! One module per subcommand; [`dispatch`] sends the parsed command line to it.

mod render;
mod schema;
mod validate;

use crate::cli::{Cli, Command};
use crate::error::Error;
use std::io::{self, Write};
use std::path::PathBuf;

/// Runs a parsed command line and returns the process exit code.
pub fn dispatch(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Schema => schema::run(),
    }
}

/// Writes `text` to stdout. A closed pipe (`charter … | head`) is not an error.
fn print(text: &str) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}
