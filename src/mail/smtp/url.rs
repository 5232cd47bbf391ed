//! The SMTP connection: what a URL asks for, the transport that honours it, and what a failure
//! to send means (try again later, or give up).
//!
//! `smtps://host[:465]` is TLS from the first byte; `smtp://host[:587]` must upgrade with
//! STARTTLS and fails if the server does not offer it; `?tls=none` sends in plain text, which
//! the user has to ask for. lettre's own `from_url` reads `smtp://` as plain text, so the
//! transport is built here.

use crate::error::Error;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};
use std::path::PathBuf;
use std::time::Duration;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (`smtps://`).
    Implicit,
    /// Plain text upgraded with STARTTLS, which the server must offer (`smtp://`).
    StartTls,
    /// No encryption (`?tls=none`).
    None,
}

/// An SMTP server as a URL names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    /// How the connection is protected.
    pub security: Security,
    /// The server.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The user to log in as; the password comes from the environment or a file.
    pub user: Option<String>,
    /// A CA certificate (PEM) to trust besides the usual roots (`?ca=/path/ca.pem`).
    pub ca: Option<PathBuf>,
    /// How long to wait for the server (`?timeout=SECONDS`, default 30).
    pub timeout: Duration,
}

impl SmtpUrl {
    /// Parses `smtp://[user@]host[:port][?tls=none&ca=PATH&timeout=S]` or `smtps://…`.
    pub fn parse(text: &str) -> Result<SmtpUrl, Error> {
        let fail = |reason: &str| Error::SmtpUrl {
            url: redact(text),
            reason: reason.to_string(),
        };
        let url = url::Url::parse(text).map_err(|e| fail(&e.to_string()))?;
        if url.password().is_some() {
            return Err(fail(
                "a password in the URL would show in the process list and shell history; set CHARTER_SMTP_PASSWORD or use --password-file",
            ));
        }
        let mut security = match url.scheme() {
            "smtps" => Security::Implicit,
            "smtp" => Security::StartTls,
            other => {
                return Err(fail(&format!(
                    "the scheme must be smtp or smtps, not {other}"
                )));
            }
        };
        let mut ca = None;
        let mut timeout = Duration::from_secs(30);
        for (key, value) in url.query_pairs() {
            match (key.as_ref(), value.as_ref()) {
                ("tls", "none") => security = Security::None,
                ("tls", "required" | "starttls") if security == Security::StartTls => {}
                ("tls", other) => {
                    return Err(fail(&format!(
                        "tls={other} is not known; use tls=none to send without TLS"
                    )));
                }
                ("ca", path) => ca = Some(PathBuf::from(path)),
                ("timeout", secs) => {
                    let secs: u64 = secs
                        .parse()
                        .map_err(|_| fail("timeout must be a number of seconds"))?;
                    timeout = Duration::from_secs(secs.max(1));
                }
                (other, _) => {
                    return Err(fail(&format!(
                        "unknown parameter `{other}` (known: tls, ca, timeout)"
                    )));
                }
            }
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| fail("it names no host"))?;
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let default_port = match security {
            Security::Implicit => 465,
            Security::StartTls => 587,
            Security::None => 25,
        };
        let user = (!url.username().is_empty()).then(|| percent_decode(url.username()));
        Ok(SmtpUrl {
            security,
            host,
            port: url.port().unwrap_or(default_port),
            user,
            ca,
            timeout,
        })
    }

    /// Whether the server is this machine, where plain text crosses no network.
    pub fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// The URL as it may be shown: scheme, user, host and port.
    pub fn display(&self) -> String {
        let scheme = if self.security == Security::Implicit {
            "smtps"
        } else {
            "smtp"
        };
        let user = self
            .user
            .as_ref()
            .map_or(String::new(), |u| format!("{u}@"));
        let plain = if self.security == Security::None {
            "?tls=none"
        } else {
            ""
        };
        format!("{scheme}://{user}{}:{}{plain}", self.host, self.port)
    }
}

/// `office%40x` is `office@x`: a user name that is an address must be percent-encoded in a URL.
fn percent_decode(s: &str) -> String {
    let query = format!("u={}", s.replace('+', "%2B"));
    url::form_urlencoded::parse(query.as_bytes())
        .next()
        .map_or_else(|| s.to_string(), |(_, v)| v.into_owned())
}

/// The URL with any password replaced, for messages.
fn redact(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => text.to_string(),
    }
}

/// A connection ready to send, built once and used for every message of a run.
pub struct Connection {
    transport: SmtpTransport,
}

/// Why a message was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Worth trying again: the server is down, busy (4xx), slow, or the connection failed.
    Temporary(String),
    /// The server refused the message for good (5xx).
    Permanent(String),
}

impl Connection {
    /// Builds the transport for `url`, logging in with `password` when the URL names a user.
    pub fn new(url: &SmtpUrl, password: Option<String>) -> Result<Connection, Error> {
        let fail = |reason: String| Error::SmtpUrl {
            url: url.display(),
            reason,
        };
        let tls_parameters = || -> Result<TlsParameters, Error> {
            let mut builder = TlsParameters::builder(url.host.clone());
            if let Some(path) = &url.ca {
                let pem = std::fs::read(path).map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                let cert = Certificate::from_pem(&pem)
                    .map_err(|e| fail(format!("ca={}: {e}", path.display())))?;
                builder = builder.add_root_certificate(cert);
            }
            builder.build_rustls().map_err(|e| fail(e.to_string()))
        };
        let tls = match url.security {
            Security::Implicit => Tls::Wrapper(tls_parameters()?),
            Security::StartTls => Tls::Required(tls_parameters()?),
            Security::None => Tls::None,
        };
        let mut builder = SmtpTransport::builder_dangerous(url.host.as_str())
            .port(url.port)
            .tls(tls)
            .timeout(Some(url.timeout));
        if let Some(user) = &url.user {
            let Some(password) = password else {
                return Err(fail(format!(
                    "it names user {user} but no password was given: set CHARTER_SMTP_PASSWORD or use --password-file"
                )));
            };
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        Ok(Connection {
            transport: builder.build(),
        })
    }

    /// Sends one formatted message.
    pub fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), SendError> {
        self.transport
            .send_raw(envelope, message)
            .map(|_| ())
            .map_err(|e| {
                let reason = describe(&e);
                if e.is_permanent() {
                    SendError::Permanent(reason)
                } else {
                    SendError::Temporary(reason)
                }
            })
    }
}

/// The error and its causes in one line: lettre's own message is often just "network error".
fn describe(error: &lettre::transport::smtp::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_the_security_the_user_asked_for() {
        let u = SmtpUrl::parse("smtps://mail.example.gov.bd").unwrap();
        assert_eq!(
            (u.security, u.port, u.user.as_deref()),
            (Security::Implicit, 465, None)
        );
        let u = SmtpUrl::parse("smtp://office%40x@mail.example.gov.bd").unwrap();
        assert_eq!(
            (u.security, u.port, u.user.as_deref()),
            (Security::StartTls, 587, Some("office@x"))
        );
        let u = SmtpUrl::parse("smtp://127.0.0.1:2525?tls=none").unwrap();
        assert_eq!((u.security, u.port), (Security::None, 2525));
        assert!(u.is_loopback());
        let u = SmtpUrl::parse("smtp://h.example:26?ca=/tmp/ca.pem&timeout=5").unwrap();
        assert_eq!(
            (u.ca, u.timeout),
            (Some(PathBuf::from("/tmp/ca.pem")), Duration::from_secs(5))
        );
    }

    #[test]
    fn only_this_machine_counts_as_loopback() {
        for host in ["127.0.0.1", "127.8.0.1", "[::1]", "localhost"] {
            assert!(
                SmtpUrl::parse(&format!("smtp://{host}:25?tls=none"))
                    .unwrap()
                    .is_loopback(),
                "{host}"
            );
        }
        for host in [
            "mail.example.gov.bd",
            "10.0.0.5",
            "192.0.2.1",
            "localhost.example",
        ] {
            assert!(
                !SmtpUrl::parse(&format!("smtp://{host}:25?tls=none"))
                    .unwrap()
                    .is_loopback(),
                "{host}"
            );
        }
    }

    #[test]
    fn passwords_and_unknown_parameters_are_refused() {
        let e = SmtpUrl::parse("smtp://user:secret@mail.example")
            .unwrap_err()
            .to_string();
        assert!(e.contains("CHARTER_SMTP_PASSWORD"), "{e}");
        assert!(!e.contains("secret"), "the secret is not repeated: {e}");
        assert!(SmtpUrl::parse("http://mail.example").is_err());
        assert!(SmtpUrl::parse("smtp://mail.example?tls=maybe").is_err());
        assert!(SmtpUrl::parse("smtp://mail.example?port=1").is_err());
    }
}
