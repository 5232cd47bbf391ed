//! What a mail server's URL asks for, for SMTP (sending) and IMAP (reading inquiries).
//!
//! `smtps://host[:465]` and `imaps://host[:993]` are TLS from the first byte; `smtp://host[:587]`
//! and `imap://host[:143]` must upgrade with STARTTLS and fail if the server does not offer it;
//! `?tls=none` is plain text, which the user has to ask for. (lettre's own `from_url` reads
//! `smtp://` as plain text.) A password is never part of the URL.

use crate::error::Error;
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

/// The protocol a URL is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// Sending: `smtp://`, `smtps://`.
    Smtp,
    /// Reading a mailbox: `imap://`, `imaps://`.
    Imap,
}

impl Protocol {
    /// The schemes: with STARTTLS, and with implicit TLS.
    fn schemes(self) -> (&'static str, &'static str) {
        match self {
            Protocol::Smtp => ("smtp", "smtps"),
            Protocol::Imap => ("imap", "imaps"),
        }
    }

    /// The port when the URL names none.
    fn default_port(self, security: Security) -> u16 {
        match (self, security) {
            (Protocol::Smtp, Security::Implicit) => 465,
            (Protocol::Smtp, Security::StartTls) => 587,
            (Protocol::Smtp, Security::None) => 25,
            (Protocol::Imap, Security::Implicit) => 993,
            (Protocol::Imap, _) => 143,
        }
    }

    /// Where the password comes from instead of the URL.
    fn password_help(self) -> &'static str {
        match self {
            Protocol::Smtp => "set CHARTER_SMTP_PASSWORD or use --password-file",
            Protocol::Imap => "set CHARTER_IMAP_PASSWORD or use --imap-password-file",
        }
    }
}

/// An SMTP server as a URL names it.
pub type SmtpUrl = ServerUrl;

/// A mail server as a URL names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl {
    /// The protocol.
    pub protocol: Protocol,
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
    /// How long one exchange with the server may take, from connecting to its last answer for
    /// one message (`?timeout=SECONDS`, default 30).
    pub timeout: Duration,
    /// The URL's path without its `/`, percent-decoded: for IMAP, the mailbox (`INBOX`).
    pub path: String,
}

impl ServerUrl {
    /// Parses `smtp://[user@]host[:port][?tls=none&ca=PATH&timeout=S]` or `smtps://…`.
    pub fn parse(text: &str) -> Result<ServerUrl, Error> {
        ServerUrl::parse_for(Protocol::Smtp, text)
    }

    /// Parses a URL of `protocol`: `SCHEME://[user@]host[:port][/PATH][?tls=none&ca=PATH&timeout=S]`.
    pub fn parse_for(protocol: Protocol, text: &str) -> Result<ServerUrl, Error> {
        let fail = |reason: &str| match protocol {
            Protocol::Smtp => Error::SmtpUrl {
                url: redact(text),
                reason: reason.to_string(),
            },
            Protocol::Imap => Error::ImapUrl {
                url: redact(text),
                reason: reason.to_string(),
            },
        };
        let (plain_scheme, tls_scheme) = protocol.schemes();
        let url = url::Url::parse(text).map_err(|e| fail(&e.to_string()))?;
        if url.password().is_some() {
            return Err(fail(&format!(
                "a password in the URL would show in the process list and shell history; {}",
                protocol.password_help()
            )));
        }
        let mut security = match url.scheme() {
            s if s == tls_scheme => Security::Implicit,
            s if s == plain_scheme => Security::StartTls,
            other => {
                return Err(fail(&format!(
                    "the scheme must be {plain_scheme} or {tls_scheme}, not {other}"
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
                        "tls={other} is not known; use tls=none to connect without TLS"
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
        let user = (!url.username().is_empty()).then(|| percent_decode(url.username()));
        // `user%3Apassword@host`: a password hidden in the user name is a password in the URL.
        if user.as_ref().is_some_and(|u| u.contains(':')) {
            return Err(fail(&format!(
                "the user name holds a `:` (a password?); {}",
                protocol.password_help()
            )));
        }
        let path = url.path().trim_start_matches('/');
        Ok(ServerUrl {
            protocol,
            security,
            host,
            port: url.port().unwrap_or(protocol.default_port(security)),
            user,
            ca,
            timeout,
            path: percent_decode(path),
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

    /// The URL as it may be shown: scheme, user, host, port (and for IMAP the mailbox).
    pub fn display(&self) -> String {
        let (plain, tls) = self.protocol.schemes();
        let scheme = if self.security == Security::Implicit {
            tls
        } else {
            plain
        };
        let user = self
            .user
            .as_ref()
            .map_or(String::new(), |u| format!("{u}@"));
        let no_tls = if self.security == Security::None {
            "?tls=none"
        } else {
            ""
        };
        let path = if self.protocol == Protocol::Imap {
            format!("/{}", self.path)
        } else {
            String::new()
        };
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        format!("{scheme}://{user}{host}:{}{path}{no_tls}", self.port)
    }
}

/// `office%40x` is `office@x`: a user name that is an address must be percent-encoded in a URL.
fn percent_decode(s: &str) -> String {
    let query = format!("u={}", s.replace('+', "%2B"));
    url::form_urlencoded::parse(query.as_bytes())
        .next()
        .map_or_else(|| s.to_string(), |(_, v)| v.into_owned())
}

/// The URL with anything that may be a password replaced by `***`, for messages. It works on
/// the text, not on a parsed URL: a URL that fails to parse (a bad port, a forgotten scheme, one
/// slash for two) must not show its password either. Kept: the scheme, the user name, the host
/// and port, the path and the query. A user name with a `:` in it (`user%3Apassword`) shows only
/// what comes before it; a value that is no URL at all shows only when it reads as a host name
/// (`mail.example.gov.bd`), since it may be the password itself (`CHARTER_SMTP=hunter2`).
pub fn redact(text: &str) -> String {
    // The scheme: a known one with or without its slashes, any other word only before `/`.
    // Without one (`user:password@host`, the scheme forgotten) the whole text is the authority.
    let prefix_len = text
        .find(':')
        .filter(|&i| i > 0 && text[..i].chars().all(|c| c.is_ascii_alphabetic()))
        .and_then(|i| {
            let slashes = text[i + 1..]
                .chars()
                .take(2)
                .take_while(|&c| c == '/')
                .count();
            let known = matches!(
                text[..i].to_ascii_lowercase().as_str(),
                "smtp" | "smtps" | "imap" | "imaps"
            );
            (known || slashes > 0).then_some(i + 1 + slashes)
        });
    let (prefix, rest) = text.split_at(prefix_len.unwrap_or(0));
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(authority_len);
    let shown = match authority.rfind('@') {
        Some(at) => {
            let decoded = percent_decode(&authority[..at]);
            match decoded.split_once(':') {
                Some((user, _)) => format!("{user}:***{}", &authority[at..]),
                None => format!("{decoded}{}", &authority[at..]),
            }
        }
        None => match authority.split_once(':') {
            // `host:port` is kept; `user:password` with no host is not.
            Some((before, port)) if !port.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{before}:***")
            }
            None if prefix.is_empty() && !reads_as_host(authority) => "***".to_string(),
            _ => authority.to_string(),
        },
    };
    format!("{prefix}{shown}{after}")
}

/// Whether a value with no scheme reads as a host name (`mail.example.gov.bd`, `127.0.0.1`),
/// not as a password.
fn reads_as_host(text: &str) -> bool {
    text == "localhost"
        || text.contains('.')
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
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
        for url in [
            "smtp://user:hunter2@host:99999",
            "smtp://user:hunter2@host:99999/?tls=none",
            "smtps://user:hunter2@[::1",
            "smtp://a:b:hunter2@host",
        ] {
            let e = SmtpUrl::parse(url).unwrap_err().to_string();
            assert!(!e.contains("hunter2"), "{e}");
            assert!(e.contains("***"), "{e}");
        }
        // A scheme forgotten or cut short, no host, a password encoded into the user name, or
        // a password given where the URL goes: never shown.
        for url in [
            "user:hunter2@mail.example",
            "smtp:/user:hunter2@mail.example",
            "smtp:user:hunter2@mail.example",
            "smtps://user:hunter2",
            "smtp://user%3Ahunter2@mail.example",
            "hunter2",
            "imaps://user:hunter2@",
        ] {
            let e = SmtpUrl::parse(url).unwrap_err().to_string();
            assert!(!e.contains("hunter2"), "{url}: {e}");
        }
        assert_eq!(redact("user:hunter2@mail.example"), "user:***@mail.example");
        assert_eq!(
            redact("smtp:/user:hunter2@h/x?tls=none"),
            "smtp:/user:***@h/x?tls=none"
        );
        assert_eq!(
            redact("smtps://mail.example:465"),
            "smtps://mail.example:465"
        );
        assert_eq!(redact("mail.example.gov.bd"), "mail.example.gov.bd");
        assert_eq!(redact("hunter2"), "***");
        assert!(SmtpUrl::parse("http://mail.example").is_err());
        assert!(SmtpUrl::parse("smtp://mail.example?tls=maybe").is_err());
        assert!(SmtpUrl::parse("smtp://mail.example?port=1").is_err());
    }
}
