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
    /// Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded).
    ///
    /// A charter with errors is refused with the validator's findings (exit 1); warnings do not
    /// stop rendering.
    Render(RenderArgs),
    /// Email a service's information to a citizen, or answer inquiries (one message, a Maildir or
    /// an IMAP mailbox, once or as they arrive with --watch), over SMTP.
    ///
    /// Exit codes: 0 sent (or printed with --dry-run, or stopped on request), 1 the charter has
    /// errors, 2 usage or I/O error, 3 not sent now and kept in the outbox for `charter outbox
    /// send` (or the IMAP server cannot be reached now), 4 refused by the server for good (kept in
    /// the outbox's refused/ directory), 5 the mail set-up is wrong (a password, a certificate,
    /// the EHLO name, the IMAP mailbox): a person must fix it.
    Reply(ReplyArgs),
    /// Messages that could not be sent: list them, or send them now.
    Outbox {
        /// What to do with the outbox.
        #[command(subcommand)]
        command: OutboxCommand,
    },
    /// Show how an inquiry's text matches a charter's services: ranked, with scores.
    Match {
        /// The charter file, or a directory of charters.
        charter: PathBuf,
        /// The inquiry's text (subject and body).
        text: String,
    },
    /// Change one value of a charter, keeping comments, order and spacing; refused (and the
    /// file untouched) if the result is not a valid charter.
    ///
    /// KEY is a dotted path; services and officers are addressed by id:
    /// `services.e-filing.fee`, `services.e-filing.name.en`, `officers.gro.phone`, `office.website`.
    /// VALUE is a string, or TOML when it starts with `[` or `{` (or for `version` and `updated`).
    Set(SetArgs),
    /// Rewrite charters in the canonical layout (key order of the format, one blank line between
    /// tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments.
    Fmt(FmtArgs),
    /// Mend charters' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is
    /// normalised to NFC, and stray zero-width characters are removed. Comments, layout and every
    /// other byte stay; each change is listed as `file:line: key: old → new`.
    ///
    /// Exit codes: 0 nothing (left) to fix, 1 with --check something would change (or a file
    /// cannot be fixed into a valid charter), 2 usage or I/O error.
    Fix(FixArgs),
    /// Make a charter file from the charter an office already publishes: a web page saved from
    /// a browser, a Word (DOCX) file, or text copied from a page or a PDF.
    ///
    /// Columns are recognised by their headings, Bijoy text is converted, officers are read out
    /// of their cells; what finds no place is kept as `# import:` comments. The report (columns,
    /// services, officers, what was not placed, the validator's findings) goes to stderr, or as
    /// JSON with --format json (to stdout when the charter is written to a file).
    ///
    /// Exit codes: 0 the result is a valid charter, 1 written but it has errors to fix (the
    /// report lists them), 2 the input is unreadable or holds no charter (nothing written).
    Import(ImportArgs),
    /// Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter,
    /// a notice, a table pasted from a Word file. Words that are not Bijoy (English, web
    /// addresses, Unicode Bengali) are left as they are.
    Bijoy(BijoyArgs),
    /// What changed between two versions of a charter, by meaning: services added, removed or
    /// moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error.
    Diff(DiffArgs),
    /// Write a commented starter charter that validates.
    Init(InitArgs),
    /// Print the completion script for a shell.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or with --dir write one page for charter and one for each
    /// subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory.
    Man {
        /// Write every page into this directory (created if missing) instead of printing
        /// charter.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
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

/// Arguments of `charter render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The charter file; several with --out-dir.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The output format.
    #[arg(long, short, value_enum, default_value_t = RenderFormat::Table)]
    pub format: RenderFormat,
    /// Write to this file (whole or not at all; `-` is standard output) instead of standard
    /// output.
    #[arg(long, short, value_name = "PATH", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Render every FILE in one process, in parallel, each into DIR (created if missing) as
    /// NAME.txt, .md, .html, .json or .pdf after its file name.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// The language: English uses the charter's English texts where it has them.
    #[arg(long, value_enum, default_value_t = LangArg::Bn)]
    pub lang: LangArg,
    /// Render only this service (by its id).
    #[arg(long, value_name = "ID")]
    pub service: Option<String>,
    /// Table width in terminal columns [default: the terminal's, or 100 when not a terminal]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
    /// The paper size of a PDF.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// A PDF in portrait instead of the wall copy's landscape.
    #[arg(long)]
    pub portrait: bool,
    /// Write the PDF as PDF/A-2b, for archiving.
    #[arg(long)]
    pub pdfa: bool,
    /// Render a charter that still has errors (an import with gaps): every page marked খসড়া
    /// (draft), every missing value as [ফাঁকা]. Only a file that is not TOML is refused.
    #[arg(long)]
    pub draft: bool,
}

/// Paper sizes for `--format pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter.
    Letter,
    /// US Legal.
    Legal,
}

/// The output formats of `charter render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Tables for a terminal, fitted to its width.
    Table,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// JSON with every derived value.
    Json,
    /// A PDF, shaped Bengali with the fonts embedded (to -o or a pipe).
    Pdf,
}

/// The languages a charter renders in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bengali, as published.
    Bn,
    /// English where the charter has it, Bengali where it does not.
    En,
}

/// Where mail goes and how: shared by `reply` and `outbox`.
///
/// Precedence: command line, then environment, then the config file, then defaults.
#[derive(Debug, Args)]
pub struct MailArgs {
    /// The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required),
    /// add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS
    /// to wait longer than 30 s for a slow server (join several with &). The password comes from
    /// CHARTER_SMTP_PASSWORD or --password-file, never from the URL.
    #[arg(long, env = "CHARTER_SMTP", value_name = "URL")]
    pub smtp: Option<String>,
    /// Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]
    #[arg(long, env = "CHARTER_OUTBOX", value_name = "DIR")]
    pub outbox: Option<PathBuf>,
    /// A file whose first line is the SMTP password.
    #[arg(long, env = "CHARTER_PASSWORD_FILE", value_name = "PATH")]
    pub password_file: Option<PathBuf>,
    /// The name to greet the server with (EHLO): this machine's fully qualified domain name,
    /// or an address literal such as [192.0.2.7] [default: the machine's qualified name, else
    /// the address the connection leaves from]
    #[arg(long, env = "CHARTER_EHLO", value_name = "NAME")]
    pub ehlo: Option<String>,
    /// A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for
    /// --imap and for marking its inquiries answered when `outbox send` delivers their replies.
    #[arg(long, env = "CHARTER_IMAP_PASSWORD_FILE", value_name = "PATH")]
    pub imap_password_file: Option<PathBuf>,
    /// The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file,
    /// sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]
    #[arg(long, env = "CHARTER_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Arguments of `charter reply`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["service", "inquiry", "maildir", "imap"])))]
pub struct ReplyArgs {
    /// The charter file, or a directory of charters (inquiries are matched against all).
    #[arg(long, value_name = "FILE|DIR")]
    pub charter: PathBuf,
    /// Send this service's information (by id) to --to.
    #[arg(long, value_name = "ID", requires = "to")]
    pub service: Option<String>,
    /// The citizen's address, with --service.
    #[arg(long, value_name = "ADDRESS", conflicts_with_all = ["inquiry", "maildir", "imap"])]
    pub to: Option<String>,
    /// Answer the inquiry in this file (an RFC 5322 message; `-` reads standard input).
    #[arg(long, value_name = "PATH|-")]
    pub inquiry: Option<PathBuf>,
    /// Answer every unread inquiry in this Maildir: new/, and cur/ without the S flag. Answered
    /// ones are flagged RS, robot mail S; the rest stay unread for staff.
    #[arg(long, value_name = "DIR")]
    pub maildir: Option<PathBuf>,
    /// Answer every inquiry in this IMAP mailbox that is neither answered nor seen:
    /// imaps://USER@HOST[:993]/MAILBOX (TLS), imap://USER@HOST[:143]/MAILBOX (STARTTLS
    /// required), ?tls=none, ?ca=PATH, ?timeout=SECONDS as for --smtp. Answered ones get
    /// \Answered and \Seen and the reply goes to the \Sent folder; robot mail gets \Seen; the
    /// rest stay unread for staff.
    #[arg(long, value_name = "URL")]
    pub imap: Option<String>,
    /// Keep running: answer each inquiry as it arrives (IMAP IDLE, or the Maildir's change
    /// notices), reconnect after a dropped connection, stop after the reply in flight on
    /// SIGTERM or Ctrl-C. One log line per inquiry.
    #[arg(long, conflicts_with_all = ["service", "inquiry", "dry_run"])]
    pub watch: bool,
    /// With --watch: how often to look at a mailbox that cannot notify (an IMAP server without
    /// IDLE), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub poll: u64,
    /// The record of inquiries answered [default: $XDG_STATE_HOME/charter/replied.json]
    #[arg(long, value_name = "FILE", env = "CHARTER_STATE")]
    pub state: Option<PathBuf>,
    /// At most this many automatic replies to one sender a day.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_per_sender: u32,
    /// The office's address: `office@example.gov.bd` or `Name <office@example.gov.bd>`.
    #[arg(long, env = "CHARTER_FROM", value_name = "ADDRESS")]
    pub from: Option<String>,
    /// Print the message instead of sending it, and record nothing: decoded for reading, or
    /// `--dry-run=raw` as it would go on the wire.
    #[arg(long, value_enum, value_name = "HOW", num_args = 0..=1, require_equals = true, default_missing_value = "decoded")]
    pub dry_run: Option<DryRunArg>,
    /// With --service: attach the service's PDF (its one table, shaped Bengali).
    #[arg(long, requires = "service")]
    pub attach_pdf: bool,
    /// The language of the reply [default: bn; for inquiries, the inquiry's own]
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Where and how to send.
    #[command(flatten)]
    pub mail: MailArgs,
}

/// How `--dry-run` shows a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DryRunArg {
    /// Headers decoded, each text part as text.
    Decoded,
    /// The wire form: encoded headers, base64 parts.
    Raw,
}

/// The subcommands of `charter outbox`.
#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// Send every waiting message; remove only those the server accepted.
    Send(OutboxSendArgs),
    /// List the messages waiting, in doubt and refused.
    List(OutboxListArgs),
    /// Move refused messages back to waiting, once the cause is fixed (all, or the files named).
    Requeue(OutboxRequeueArgs),
}

/// Arguments of `charter outbox send`.
#[derive(Debug, Args)]
pub struct OutboxSendArgs {
    /// Also send the replies in doubt (a run stopped after handing them over, before the server
    /// confirmed them): only once you know they did not arrive.
    #[arg(long)]
    pub in_doubt: bool,
    /// Where and how to send.
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Arguments of `charter outbox list`: only where the outbox is.
#[derive(Debug, Args)]
pub struct OutboxListArgs {
    /// Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]
    #[arg(long, env = "CHARTER_OUTBOX", value_name = "DIR")]
    pub outbox: Option<PathBuf>,
    /// The config file, for its `outbox` key [default: $XDG_CONFIG_HOME/charter/config.toml]
    #[arg(long, env = "CHARTER_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Arguments of `charter outbox requeue`.
#[derive(Debug, Args)]
pub struct OutboxRequeueArgs {
    /// The refused messages to send again [default: all of them]
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where and how to send.
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Arguments of `charter set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Add a service, given as TOML keys on standard input, to the category named by the second
    /// argument (citizen, institutional, internal).
    #[arg(long, conflicts_with = "remove_service")]
    pub add_service: bool,
    /// Remove the service whose id is the second argument.
    #[arg(long)]
    pub remove_service: bool,
    /// The charter file.
    pub file: PathBuf,
    /// KEY (a dotted path); CATEGORY with --add-service; ID with --remove-service.
    #[arg(value_name = "KEY")]
    pub key: String,
    /// The new value.
    #[arg(value_name = "VALUE", required_unless_present_any = ["add_service", "remove_service"])]
    pub value: Option<String>,
}

/// Arguments of `charter fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// List the files that are not formatted, change nothing, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Charter files, or directories of them [default: charters/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `charter fix`.
#[derive(Debug, Args)]
pub struct FixArgs {
    /// List what would change, change nothing, and exit 1 if anything would.
    #[arg(long)]
    pub check: bool,
    /// Charter files, or directories of them [default: charters/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `charter import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The published charter: a file, or `-` for standard input.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write the charter here [default: standard output].
    #[arg(long, short, value_name = "OUT.toml", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Import many inputs at once, one charter each, named after the input (`page.html` →
    /// `DIR/page.toml`).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// What the input is.
    #[arg(long = "from", value_enum, default_value_t = ImportFrom::Auto)]
    pub from: ImportFrom,
    /// An existing charter of this office: services and officers whose Bengali is unchanged
    /// keep its ids (and its keywords and translations), so that `charter diff` shows only what
    /// the page changed.
    #[arg(long, value_name = "EXISTING.toml")]
    pub ids_from: Option<PathBuf>,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = ImportReport::Human)]
    pub format: ImportReport,
}

/// The kinds of input `charter import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFrom {
    /// Decide by the content: a DOCX zip, HTML markup, else text.
    Auto,
    /// Plain text: tab- or pipe-separated, one cell a line or a paragraph.
    Text,
    /// An HTML page.
    Html,
    /// A Word (DOCX) file.
    Docx,
}

/// The report formats of `charter import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportReport {
    /// Lines for people, on stderr.
    Human,
    /// One JSON object per input.
    Json,
}

/// Arguments of `charter bijoy`.
#[derive(Debug, Args)]
pub struct BijoyArgs {
    /// The text file (UTF-8, or Windows-1252 as Word saves "plain text"); `-` or nothing reads
    /// standard input.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Convert every word as Bijoy, without deciding word by word (for text known to be all
    /// Bijoy, where a short English-looking word such as `Ges` (এবং) stands alone).
    #[arg(long)]
    pub all: bool,
}

/// Arguments of `charter diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version.
    pub old: PathBuf,
    /// The new version.
    pub new: PathBuf,
    /// How to show the changes.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// The output formats of `charter diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One change a line.
    Human,
    /// A JSON array of changes, for bots that comment on pull requests.
    Json,
}

/// Arguments of `charter init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The office's name.
    #[arg(long, value_name = "NAME")]
    pub office: Option<String>,
    /// Where to write the charter; an existing file is never overwritten.
    pub path: PathBuf,
}
