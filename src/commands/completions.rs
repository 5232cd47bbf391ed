//! `charter completions` and `charter man`: what shells and `man` need, generated from the same
//! command-line definitions the tool parses with.

use crate::cli::Cli;
use crate::error::Error;
use clap::CommandFactory;
use std::path::Path;

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

/// Prints the man page, or with `dir` writes every page into it.
pub fn man(dir: Option<&Path>) -> Result<u8, Error> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(dir) = dir else {
        super::print(&String::from_utf8_lossy(&page(&command)?))?;
        return Ok(0);
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = 0;
    write_pages(&command, dir, &mut written)?;
    eprintln!("charter: wrote {written} man pages to {}", dir.display());
    Ok(0)
}

/// Writes the page of `command` and of each of its subcommands, named as `man` looks them up:
/// `charter-outbox-send.1`.
fn write_pages(command: &clap::Command, dir: &Path, written: &mut usize) -> Result<(), Error> {
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name());
    crate::files::write(&dir.join(format!("{name}.1")), &page(command)?)?;
    *written += 1;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    Ok(())
}

fn page(command: &clap::Command) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    Ok(out)
}
