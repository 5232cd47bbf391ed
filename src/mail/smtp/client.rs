//! One SMTP connection for a whole batch, and what each failure to send means.
//!
//! lettre's blocking transport writes a message's body and its final `.` in two writes with
//! Nagle's algorithm on, so every message waits for the server's delayed ACK (about 40 ms), and
//! its pool sends NOOP before each message. Here the TCP stream is opened by us with
//! `TCP_NODELAY`, handed to lettre's async connection, and kept for the batch: no NOOP, and a
//! connection the server closed while idle is opened again once.
//!
//! Each failure is classified by what fixes it ([`Failure`]): the set-up (password, TLS,
//! EHLO name) is a person's job and stops further attempts in the run; a refusal concerns one
//! message; trouble before the message was handed over is worth retrying; trouble after it was
//! handed over, before the server confirmed it, leaves the message *in doubt*.

use super::hello;
use crate::error::Error;
use crate::mail::tls;
use crate::mail::url::{Security, SmtpUrl};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use std::future::Future;
use std::time::Duration;

/// Why a message was not sent, by what fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The account, TLS or EHLO set-up is wrong: nothing will go until a person fixes it.
    Setup(String),
    /// The server refused this message for good (5xx to MAIL, RCPT or DATA).
    Refused(String),
    /// The network or the server is down or busy (connect, 4xx, timeout) and the message was
    /// not handed over: try again later.
    Temporary(String),
    /// The connection failed after the whole message was handed over and before the server
    /// confirmed it: it may or may not have been delivered.
    InDoubt(String),
}

impl Failure {
    /// What went wrong, for a message.
    pub fn reason(&self) -> &str {
        match self {
            Failure::Setup(r)
            | Failure::Refused(r)
            | Failure::Temporary(r)
            | Failure::InDoubt(r) => r,
        }
    }
}

/// A client for one SMTP server, connected on first use and kept for the run.
pub struct Client {
    url: SmtpUrl,
    credentials: Option<Credentials>,
    hello: Option<ClientId>,
    starttls: Option<TlsParameters>,
    implicit: Option<tokio_rustls::TlsConnector>,
    runtime: tokio::runtime::Runtime,
    connection: Option<AsyncSmtpConnection>,
    /// Set when the set-up was found wrong: the rest of the run does not try again.
    setup_failure: Option<String>,
    /// Set when the server could not be reached: the rest of the run does not wait for it again.
    unreachable: Option<String>,
}

impl Client {
    /// A client for `url`, logging in with `password` when the URL names a user, greeting with
    /// `hello` (or the machine's qualified name). Nothing is connected yet.
    pub fn new(
        url: &SmtpUrl,
        password: Option<String>,
        hello: Option<ClientId>,
    ) -> Result<Client, Error> {
        let credentials = match (&url.user, password) {
            (Some(user), Some(password)) => Some(Credentials::new(user.clone(), password)),
            (Some(user), None) => {
                return Err(Error::SmtpUrl {
                    url: url.display(),
                    reason: format!(
                        "it names user {user} but no password was given: set CHARTER_SMTP_PASSWORD or use --password-file"
                    ),
                });
            }
            (None, _) => None,
        };
        let extra_roots = match &url.ca {
            Some(path) => tls::read_ca(path)?,
            None => Vec::new(),
        };
        let (starttls, implicit) = match url.security {
            Security::StartTls => (Some(tls::lettre_parameters(&url.host, &extra_roots)?), None),
            Security::Implicit => (None, Some(tls::connector(&extra_roots)?)),
            Security::None => (None, None),
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|source| Error::Write {
                path: "<async runtime>".into(),
                source,
            })?;
        Ok(Client {
            url: url.clone(),
            credentials,
            hello,
            starttls,
            implicit,
            runtime,
            connection: None,
            setup_failure: None,
            unreachable: None,
        })
    }

    /// Connects now (if not connected), so that set-up mistakes show before any work.
    pub fn connect(&mut self) -> Result<(), Failure> {
        if let Some(reason) = &self.setup_failure {
            return Err(Failure::Setup(reason.clone()));
        }
        if self.connection.is_some() {
            return Ok(());
        }
        if let Some(reason) = &self.unreachable {
            return Err(Failure::Temporary(format!(
                "{reason} (not tried again in this run)"
            )));
        }
        let limit = self.url.timeout;
        let opened = self.runtime.block_on(within(limit, self.open()));
        match opened.and_then(|r| r) {
            Ok(connection) => {
                self.connection = Some(connection);
                Ok(())
            }
            Err(failure) => {
                match &failure {
                    Failure::Setup(reason) => self.setup_failure = Some(reason.clone()),
                    other => self.unreachable = Some(other.reason().to_string()),
                }
                Err(failure)
            }
        }
    }

    /// Sends one formatted message. The whole exchange, from connecting (when needed) to the
    /// server's answer, is bounded by the URL's timeout.
    pub fn send(&mut self, envelope: &Envelope, message: &[u8]) -> Result<(), Failure> {
        let reused = self.connection.is_some();
        self.connect()?;
        match self.transact(envelope, message) {
            // A connection that sat idle may have been closed by the server: open it again
            // once, since nothing of this message was handed over.
            Err(Failure::Temporary(_)) if reused && self.connection.is_none() => {
                self.connect()?;
                self.transact(envelope, message)
            }
            result => result,
        }
    }

    /// Tries the server again on the next message although it could not be reached before: a
    /// watching run calls this before each pass.
    pub fn forget_unreachable(&mut self) {
        self.unreachable = None;
    }

    /// Ends the session politely (QUIT).
    pub fn close(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            let limit = self.url.timeout.min(Duration::from_secs(5));
            let _ = self
                .runtime
                .block_on(within(limit, async { connection.quit().await.ok() }));
        }
    }

    /// One mail transaction on the open connection.
    fn transact(&mut self, envelope: &Envelope, message: &[u8]) -> Result<(), Failure> {
        let limit = self.url.timeout;
        let Some(connection) = self.connection.as_mut() else {
            return Err(Failure::Temporary("not connected".into()));
        };
        let mut handed_over = false;
        let outcome = self.runtime.block_on(within(
            limit,
            transaction(connection, envelope, message, &mut handed_over),
        ));
        let result = match outcome {
            Ok(result) => result,
            Err(timeout) if handed_over => {
                Err(Step::Content(Trouble::Lost(timeout.reason().to_string())))
            }
            Err(timeout) => Err(Step::Envelope(Trouble::Lost(timeout.reason().to_string()))),
        };
        match result {
            Ok(()) => Ok(()),
            Err(Step::Envelope(Trouble::Answer(code, text))) => {
                // The transaction is abandoned; the connection stays usable after RSET.
                let reset = self.runtime.block_on(within(limit, async {
                    connection.command(Rset).await.is_ok()
                }));
                if !matches!(reset, Ok(true)) {
                    self.connection = None;
                }
                Err(answer_failure(code, &text))
            }
            Err(Step::Content(Trouble::Answer(code, text))) => Err(answer_failure(code, &text)),
            Err(Step::Envelope(Trouble::Lost(reason))) => {
                self.connection = None;
                Err(Failure::Temporary(reason))
            }
            Err(Step::Content(Trouble::Lost(reason))) => {
                self.connection = None;
                Err(Failure::InDoubt(format!(
                    "{reason}; the message was handed over but the server did not confirm it"
                )))
            }
        }
    }

    /// Connects, reads the greeting, says EHLO, upgrades to TLS and logs in.
    async fn open(&self) -> Result<AsyncSmtpConnection, Failure> {
        let address = format!("{}:{}", self.url.host, self.url.port);
        let tcp = tokio::net::TcpStream::connect((self.url.host.as_str(), self.url.port))
            .await
            .map_err(|e| Failure::Temporary(format!("cannot connect to {address}: {e}")))?;
        let _ = tcp.set_nodelay(true);
        let local = tcp
            .local_addr()
            .map_err(|e| Failure::Temporary(format!("{address}: {e}")))?;
        let hello = self.hello.clone().unwrap_or_else(|| hello::default(local));
        let stream: Box<dyn lettre::transport::smtp::client::AsyncTokioStream> =
            match &self.implicit {
                Some(connector) => Box::new(
                    tls::handshake(connector, &self.url.host, tcp)
                        .await
                        .map_err(|e| tls_failure(&address, &e))?,
                ),
                None => Box::new(tcp),
            };
        let mut connection = AsyncSmtpConnection::connect_with_transport(stream, &hello)
            .await
            .map_err(|e| greeting_failure(&address, &hello, &e))?;
        if let Some(parameters) = &self.starttls {
            if !connection
                .server_info()
                .supports_feature(Extension::StartTls)
            {
                return Err(Failure::Setup(format!(
                    "{address} does not offer STARTTLS, so the password and the mail would cross the network unencrypted; use smtps:// if the server has TLS on port 465, or add ?tls=none on a network you trust"
                )));
            }
            connection
                .starttls(parameters.clone(), &hello)
                .await
                .map_err(|e| tls_failure(&address, &e))?;
        }
        if let Some(credentials) = &self.credentials {
            let user = self.url.user.as_deref().unwrap_or("");
            connection
                .auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(|e| login_failure(&address, user, &e))?;
        }
        Ok(connection)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.close();
    }
}

/// Which step of a transaction failed, and how.
enum Step {
    /// MAIL, RCPT or DATA: nothing of the message was handed over.
    Envelope(Trouble),
    /// The message and its final dot: the server may have it.
    Content(Trouble),
}

/// A failure within a step.
enum Trouble {
    /// The server answered with an error code.
    Answer(u16, String),
    /// The connection failed or the answer was not understood.
    Lost(String),
}

fn trouble(error: lettre::transport::smtp::Error) -> Trouble {
    match error.status() {
        Some(code) => Trouble::Answer(code_number(code), describe(&error)),
        None => Trouble::Lost(describe(&error)),
    }
}

fn code_number(code: lettre::transport::smtp::response::Code) -> u16 {
    code.to_string().parse().unwrap_or(0)
}

async fn transaction(
    connection: &mut AsyncSmtpConnection,
    envelope: &Envelope,
    message: &[u8],
    handed_over: &mut bool,
) -> Result<(), Step> {
    let mut options = Vec::new();
    let non_ascii = envelope
        .from()
        .into_iter()
        .chain(envelope.to())
        .any(|a: &lettre::Address| !AsRef::<str>::as_ref(a).is_ascii());
    if non_ascii {
        options.push(MailParameter::SmtpUtfEight);
    }
    if !message.is_ascii() {
        options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let envelope_step = |e| Step::Envelope(trouble(e));
    connection
        .command(Mail::new(envelope.from().cloned(), options))
        .await
        .map_err(envelope_step)?;
    for to in envelope.to() {
        connection
            .command(Rcpt::new(to.clone(), Vec::new()))
            .await
            .map_err(envelope_step)?;
    }
    connection.command(Data).await.map_err(envelope_step)?;
    *handed_over = true;
    connection
        .message(message)
        .await
        .map(|_| ())
        .map_err(|e| Step::Content(trouble(e)))
}

/// Runs `future`, or fails with a timeout after `limit`.
async fn within<T>(limit: Duration, future: impl Future<Output = T>) -> Result<T, Failure> {
    tokio::time::timeout(limit, future).await.map_err(|_| {
        Failure::Temporary(format!(
            "the server did not finish answering within {} s (?timeout=)",
            limit.as_secs()
        ))
    })
}

/// A 4xx or 5xx answer to a message.
fn answer_failure(code: u16, text: &str) -> Failure {
    match code {
        // "Authentication required": the URL lacks a user, which is set-up, not this message.
        530 => Failure::Setup(format!(
            "the server wants a login before it takes mail ({text}); name the user in the URL: smtp://user@host"
        )),
        400..=499 => Failure::Temporary(format!("the server cannot take it now: {text}")),
        _ => Failure::Refused(text.to_string()),
    }
}

fn greeting_failure(
    address: &str,
    hello: &ClientId,
    error: &lettre::transport::smtp::Error,
) -> Failure {
    let reason = describe(error);
    match error.status().map(code_number) {
        Some(500..=599)
            if reason.to_ascii_lowercase().contains("helo")
                || reason.to_ascii_lowercase().contains("ehlo")
                || matches!(error.status().map(code_number), Some(501 | 504)) =>
        {
            Failure::Setup(format!(
                "{address} refused our greeting EHLO {hello}: {reason}; set --ehlo (or CHARTER_EHLO, or ehlo in the config file) to this machine's fully qualified name"
            ))
        }
        Some(500..=599) => Failure::Setup(format!("{address} refuses this client: {reason}")),
        _ if is_tls(error) => tls_failure(address, error),
        _ => Failure::Temporary(format!("{address}: {reason}")),
    }
}

fn login_failure(address: &str, user: &str, error: &lettre::transport::smtp::Error) -> Failure {
    let reason = describe(error);
    match error.status().map(code_number) {
        Some(400..=499) => Failure::Temporary(format!("{address}: login failed for now: {reason}")),
        Some(_) => Failure::Setup(format!(
            "{address} refused the login of user {user}: {reason}; check the password (CHARTER_SMTP_PASSWORD, --password-file or password_file in the config file)"
        )),
        None if error.is_client() => Failure::Setup(format!(
            "{address}: cannot log in as {user}: {reason} (the server offers neither PLAIN nor LOGIN)"
        )),
        None => Failure::Temporary(format!("{address}: {reason}")),
    }
}

fn tls_failure(address: &str, error: &(dyn std::error::Error + 'static)) -> Failure {
    let reason = describe(error);
    match tls::rustls_error(error) {
        Some(rustls::Error::InvalidCertificate(_)) => Failure::Setup(format!(
            "{address}: the server's certificate is not trusted: {reason}; if the office uses its own CA, give it with ?ca=/path/ca.pem"
        )),
        Some(_) => Failure::Setup(format!(
            "{address}: TLS failed: {reason}; check smtps:// (TLS from the start, port 465) against smtp:// (STARTTLS, port 587)"
        )),
        None => Failure::Temporary(format!("{address}: {reason}")),
    }
}

fn is_tls(error: &lettre::transport::smtp::Error) -> bool {
    error.is_tls() || tls::rustls_error(error).is_some()
}

/// The error and its causes in one line: lettre's own message is often just "network error".
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
