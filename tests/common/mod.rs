//! A real SMTP server for the tests (mailin-embedded on 127.0.0.1), and the certificates for
//! its STARTTLS.
#![allow(dead_code)]

pub mod dovecot;
pub mod pdf;
pub mod raw;
pub mod workspace;

use mailin_embedded::{AuthMechanism, Handler, Response, Server, SslConfig, response};
use std::fs;
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

/// What the server received.
#[derive(Default)]
pub struct Mailbox {
    pub messages: Vec<Received>,
    pub logins: Vec<(String, String)>,
    /// How many SMTP sessions (EHLO/HELO) the clients opened.
    pub sessions: usize,
    /// The name each EHLO/HELO gave.
    pub helo_names: Vec<String>,
}

#[derive(Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

/// Which EHLO names the server takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Helo {
    /// Any name.
    Any,
    /// Fully qualified names and address literals only: 504 to a bare host name, as Postfix
    /// answers with `reject_non_fqdn_helo_hostname`.
    Qualified,
    /// Only this name.
    Only(String),
}

/// How a test server behaves.
pub struct Options<'a> {
    /// The answer to each message's DATA: 250, or a 4xx/5xx refusal.
    pub code: u16,
    /// STARTTLS (and AUTH PLAIN) with these certificates; none: plain text, no STARTTLS.
    pub tls: Option<&'a Certificates>,
    /// Which EHLO names it takes.
    pub helo: Helo,
}

/// A handler that records every message, answers DATA with `code`, and accepts one login.
/// Each connection gets its own clone, with its own message in progress.
#[derive(Clone)]
struct Recorder {
    mailbox: Arc<Mutex<Mailbox>>,
    current: Option<Received>,
    code: u16,
    helo: Helo,
}

impl Handler for Recorder {
    fn helo(&mut self, _ip: IpAddr, domain: &str) -> Response {
        let mut mailbox = self.mailbox.lock().unwrap();
        mailbox.sessions += 1;
        mailbox.helo_names.push(domain.to_string());
        let qualified = domain.contains('.') || domain.starts_with('[');
        match &self.helo {
            Helo::Qualified if !qualified => Response::custom(
                504,
                format!("5.5.2 <{domain}>: Helo command rejected: need fully-qualified hostname"),
            ),
            Helo::Only(name) if name != domain => {
                Response::custom(504, format!("5.5.2 <{domain}>: Helo command rejected"))
            }
            _ => response::OK,
        }
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        self.current = Some(Received {
            from: from.to_string(),
            to: Vec::new(),
            data: Vec::new(),
        });
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if let Some(m) = self.current.as_mut() {
            m.to.push(to.to_string());
        }
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(m) = self.current.as_mut() {
            m.data.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = self.current.take();
        match self.code {
            250 => {
                self.mailbox.lock().unwrap().messages.extend(message);
                response::OK
            }
            code => Response::custom(code, "test server says no".to_string()),
        }
    }

    fn auth_plain(&mut self, _authz: &str, user: &str, password: &str) -> Response {
        self.mailbox
            .lock()
            .unwrap()
            .logins
            .push((user.to_string(), password.to_string()));
        if user == "office" && password == "s3cret pass" {
            response::AUTH_OK
        } else {
            response::INVALID_CREDENTIALS
        }
    }
}

/// A test SMTP server on a free loopback port.
pub struct TestServer {
    pub port: u16,
    pub mailbox: Arc<Mutex<Mailbox>>,
}

impl TestServer {
    /// The bytes of each message received, in order.
    pub fn received(&self) -> Vec<Vec<u8>> {
        self.mailbox
            .lock()
            .unwrap()
            .messages
            .iter()
            .map(|m| m.data.clone())
            .collect()
    }
}

/// Certificates for STARTTLS: a CA the client is told to trust, and a leaf for 127.0.0.1.
pub struct Certificates {
    dir: tempfile::TempDir,
}

impl Certificates {
    pub fn new() -> Certificates {
        let dir = tempfile::tempdir().unwrap();
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "charter test CA");
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let leaf = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()])
            .unwrap()
            .signed_by(&leaf_key, &ca)
            .unwrap();
        fs::write(dir.path().join("ca.pem"), ca.pem()).unwrap();
        fs::write(dir.path().join("cert.pem"), leaf.pem()).unwrap();
        fs::write(dir.path().join("key.pem"), leaf_key.serialize_pem()).unwrap();
        Certificates { dir }
    }

    pub fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }
}

/// A test server that answers DATA with `code`, with STARTTLS when given certificates.
pub fn start(code: u16, tls: Option<&Certificates>) -> TestServer {
    start_with(Options {
        code,
        tls,
        helo: Helo::Any,
    })
}

/// A test server on a free loopback port, behaving as `options` say.
pub fn start_with(options: Options) -> TestServer {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mailbox = Arc::new(Mutex::new(Mailbox::default()));
    let recorder = Recorder {
        mailbox: mailbox.clone(),
        current: None,
        code: options.code,
        helo: options.helo,
    };
    let mut server = Server::new(recorder);
    server
        .with_name("smtp.test")
        .with_tcp_listener(listener)
        .with_num_threads(8);
    if let Some(certs) = options.tls {
        server
            .with_ssl(SslConfig::SelfSigned {
                cert_path: certs.path("cert.pem"),
                key_path: certs.path("key.pem"),
            })
            .unwrap();
        server.with_auth(AuthMechanism::Plain);
    }
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    TestServer { port, mailbox }
}

/// A port where nothing listens.
pub fn dead_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Prints a benchmark's figures: each run's time and rate for `n` messages, and the first
/// run's rate as a ratio of the last's (the baseline measured in the same run).
pub fn print_rates(n: usize, unit: &str, runs: &[(&str, std::time::Duration, &str)]) {
    let rate = |d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!(
        "{n} {unit}, {} cores",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );
    for (name, time, note) in runs {
        println!(
            "{name:<16} {:8.1} ms  {:6.0} {unit}/s  {note}",
            time.as_secs_f64() * 1e3,
            rate(*time)
        );
    }
    if let (Some(first), Some(last)) = (runs.first(), runs.last()) {
        println!(
            "{} runs at {:.2}x the {} baseline",
            first.0,
            rate(first.1) / rate(last.1),
            last.0
        );
    }
}
