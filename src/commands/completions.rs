//! `charter completions` and `charter man`: what shells and `man` need, generated from the same
//! command-line definitions the tool parses with.

use crate::cli::Cli;
use crate::error::Error;
use clap::CommandFactory;

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "charter", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Prints the completion script for `shell`.
pub fn run(shell: clap_complete::Shell) -> Result<u8, Error> {
    super::print(&script(shell))?;
    Ok(0)
}

/// Prints the man page.
pub fn man() -> Result<u8, Error> {
    let mut out = Vec::new();
    let write_error = |source| Error::Write {
        path: "<stdout>".into(),
        source,
    };
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(write_error)?;
    super::print(&String::from_utf8_lossy(&out))?;
    Ok(0)
}
