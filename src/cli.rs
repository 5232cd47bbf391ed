//! The command line: every subcommand and option, in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Validate, render and answer from Bangladesh government citizen charters (সিটিজেন চার্টার).
#[derive(Debug, Parser)]
#[command(name = "charter", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check charter files against the charter format and report every problem.
    ///
    /// Exit codes: 0 every file is valid (warnings allowed unless --strict), 1 a file has errors,
    /// 2 usage or I/O error (a missing path, an unreadable file, no .toml found).
    Validate(ValidateArgs),
    /// Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo.
    Schema,
}

/// Arguments of `charter validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Charter files, or directories to search for *.toml files [default: charters/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to report findings.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

/// The output formats of `charter validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// `file:line:column: error[code]: key: message`, with a source snippet.
    Human,
    /// One JSON array of findings.
    Json,
    /// GitHub Actions workflow commands (::error, ::warning).
    Github,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
}
