//! Email: composing a service's information, reading inquiries where they arrive, matching them
//! to a service, and handing replies to an SMTP server without losing one or sending one twice.

pub mod batch;
pub mod compose;
pub mod deliver;
pub mod headers;
pub mod imap;
pub mod inquiry;
pub mod mailbox;
pub mod maildir;
pub mod matcher;
pub mod outbox;
pub mod preview;
pub mod quoting;
pub mod settings;
pub mod smtp;
pub mod state;
pub mod stop;
pub mod tls;
pub mod url;
pub mod watch;

/// Exit code: a message could not be sent now (or is in doubt) and waits in the outbox.
pub const KEPT_FOR_RETRY: u8 = 3;
/// Exit code: the server refused a message for good; it is kept in the outbox's `refused/`.
pub const REFUSED: u8 = 4;
/// Exit code: the mail set-up is wrong (password, TLS, EHLO name): a person must fix it; the
/// replies wait in the outbox.
pub const SETUP_WRONG: u8 = 5;
