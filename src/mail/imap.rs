//! A mailbox on an IMAP server (an office's Gmail, Workspace or ministry account) as a
//! [`Mailbox`].
//!
//! Inquiries are the messages with neither `\Answered` nor `\Seen`, found by a search on the
//! server; only those are fetched, with `BODY.PEEK[]` so that reading one does not mark it
//! seen. Keys are `UIDVALIDITY:UID`: a UID means nothing once the server rebuilds the mailbox
//! (a new UIDVALIDITY), and a later run (`outbox send`) must not flag another message.
//!
//! The connection is opened on first use and dropped on any network error; the next call
//! opens it again. Errors say whether a person must act ([`Error::Mailbox`] `setup`: a refused
//! login, an untrusted certificate, no such mailbox) or the trouble may pass (a dropped
//! connection, a timeout): a watching run waits and reconnects only for the second kind.

use super::mailbox::{Mailbox, Mark};
use super::stop::Stop;
use super::tls;
use super::url::{Protocol, Security, ServerUrl};
use crate::error::Error;
use async_imap::extensions::idle::IdleResponse;
use async_imap::types::{NameAttribute, UnsolicitedResponse};
use futures_util::TryStreamExt;
use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// The largest message fetched: far above what mail servers accept.
const MAX_MESSAGE: u32 = 64 << 20;
/// How many messages are fetched, flagged or appended in one command. Each command costs the
/// server a write to disk: one per batch instead of one per message is what makes a mailbox of
/// hundreds of inquiries quick.
const BATCH: usize = 50;
/// The most bytes fetched ahead in one command.
const BATCH_BYTES: u64 = 16 << 20;
/// How long one IDLE lasts before it is renewed (RFC 2177 asks for less than 29 minutes).
const IDLE_RENEW: Duration = Duration::from_secs(20 * 60);

/// The byte stream under an IMAP session: TLS, or plain text where the user asked for it.
#[derive(Debug)]
enum Stream {
    Plain(TcpStream),
    Tls(Box<tls::TlsStream>),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s).poll_shutdown(cx),
        }
    }
}

type Session = async_imap::Session<Stream>;

/// What a mailbox on a server needs besides its URL.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// The password of the URL's user.
    pub password: Option<String>,
    /// The folder sent replies are kept in; `None`: the one the server marks `\Sent`.
    pub sent_folder: Option<String>,
}

/// An IMAP mailbox of inquiries.
pub struct Imap {
    locator: String,
    url: ServerUrl,
    user: String,
    password: String,
    connector: Option<tokio_rustls::TlsConnector>,
    runtime: tokio::runtime::Runtime,
    session: Option<Session>,
    uid_validity: u32,
    abilities: Abilities,
    /// The sent folder: configured, found (`Some(Some)`), or looked for and absent (`Some(None)`).
    sent: Option<Option<String>>,
    sizes: HashMap<u32, u32>,
    /// New mail reported by the server since the last search.
    news: bool,
    /// Replies sent but not yet kept in the sent folder: a dropped connection does not lose
    /// them while the run goes on.
    unkept: Vec<Vec<u8>>,
    /// The unread UIDs of the last search, in order: bodies are fetched a batch at a time.
    queue: Vec<u32>,
    /// Bodies fetched ahead of their turn.
    bodies: HashMap<u32, Vec<u8>>,
    /// Flags to set, sent a batch at a time (the state file, written before, is what keeps an
    /// inquiry from being answered twice if the run ends before they are).
    marks: Vec<(u32, Mark)>,
}

impl Imap {
    /// A mailbox for `text`, an `imap://` or `imaps://` URL; nothing is connected yet.
    pub fn new(text: &str, access: Access) -> Result<Imap, Error> {
        let url = ServerUrl::parse_for(Protocol::Imap, text)?;
        let user = url.user.clone().ok_or_else(|| Error::ImapUrl {
            url: url.display(),
            reason: "it names no user: imaps://USER@HOST/MAILBOX".into(),
        })?;
        let password = access.password.ok_or(Error::MissingSetting {
            option: "--imap-password-file",
            env: "CHARTER_IMAP_PASSWORD",
        })?;
        let extra = match &url.ca {
            Some(path) => tls::read_ca(path)?,
            None => Vec::new(),
        };
        let connector = match url.security {
            Security::None => None,
            _ => Some(tls::connector(&extra)?),
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::MailSetup {
                reason: format!("cannot start the network runtime: {e}"),
            })?;
        Ok(Imap {
            locator: text.to_string(),
            url: ServerUrl {
                path: if url.path.is_empty() {
                    "INBOX".into()
                } else {
                    url.path.clone()
                },
                ..url
            },
            user,
            password,
            connector,
            runtime,
            session: None,
            uid_validity: 0,
            abilities: Abilities::default(),
            sent: access.sent_folder.map(Some),
            sizes: HashMap::new(),
            news: false,
            unkept: Vec::new(),
            queue: Vec::new(),
            bodies: HashMap::new(),
            marks: Vec::new(),
        })
    }

    /// The mailbox as messages show it: the URL without secrets.
    pub fn display(&self) -> String {
        self.url.display()
    }

    fn failure(&self, reason: String, setup: bool) -> Error {
        Error::Mailbox {
            mailbox: self.url.display(),
            reason,
            setup,
        }
    }

    /// Runs one exchange with the server within the URL's timeout. A network failure drops the
    /// session; a `NO` or `BAD` answer is the caller's to judge.
    fn exchange<T>(
        &mut self,
        what: &str,
        work: impl AsyncFnOnce(&mut Session) -> async_imap::error::Result<T>,
    ) -> Result<Result<T, String>, Error> {
        self.connect()?;
        let limit = self.url.timeout;
        let Some(session) = self.session.as_mut() else {
            unreachable!("connect leaves a session")
        };
        let result = self
            .runtime
            .block_on(async { tokio::time::timeout(limit, work(session)).await });
        match result {
            Ok(Ok(value)) => Ok(Ok(value)),
            Ok(Err(async_imap::error::Error::No(text) | async_imap::error::Error::Bad(text))) => {
                Ok(Err(server_text(&text)))
            }
            Ok(Err(e)) => {
                self.session = None;
                Err(self.failure(format!("{what}: {}", describe(&e)), false))
            }
            Err(_) => {
                self.session = None;
                Err(self.failure(
                    format!(
                        "{what}: no answer within {} s (?timeout= sets the limit)",
                        limit.as_secs()
                    ),
                    false,
                ))
            }
        }
    }

    /// Connects, logs in and selects the mailbox, unless that is done.
    fn connect(&mut self) -> Result<(), Error> {
        if self.session.is_some() {
            return Ok(());
        }
        let limit = self.url.timeout;
        let url = self.url.clone();
        let connector = self.connector.clone();
        let (user, password) = (self.user.clone(), self.password.clone());
        let opened = self.runtime.block_on(async {
            tokio::time::timeout(limit, open(&url, connector, &user, &password)).await
        });
        let (mut session, abilities) = match opened {
            Ok(Ok(opened)) => opened,
            Ok(Err((reason, setup))) => return Err(self.failure(reason, setup)),
            Err(_) => {
                return Err(self.failure(
                    format!(
                        "no answer within {} s while connecting (?timeout= sets the limit)",
                        limit.as_secs()
                    ),
                    false,
                ));
            }
        };
        let mailbox = url.path.clone();
        let selected = self
            .runtime
            .block_on(async { tokio::time::timeout(limit, session.select(&mailbox)).await });
        let selected = match selected {
            Ok(Ok(selected)) => selected,
            Ok(Err(async_imap::error::Error::No(text) | async_imap::error::Error::Bad(text))) => {
                return Err(self.failure(
                    format!(
                        "the server has no mailbox `{mailbox}` to read: {}",
                        server_text(&text)
                    ),
                    true,
                ));
            }
            Ok(Err(e)) => return Err(self.failure(describe(&e), false)),
            Err(_) => return Err(self.failure("no answer to SELECT".into(), false)),
        };
        self.uid_validity = selected.uid_validity.unwrap_or(0);
        self.abilities = abilities;
        self.session = Some(session);
        Ok(())
    }

    /// The folder replies are appended to, found once per run.
    fn sent_folder(&mut self) -> Result<Option<String>, Error> {
        if let Some(found) = &self.sent {
            return Ok(found.clone());
        }
        let listed = self.exchange("LIST", async |s| {
            let names: Vec<_> = s.list(Some(""), Some("*")).await?.try_collect().await?;
            Ok(names
                .iter()
                .find(|n| n.attributes().contains(&NameAttribute::Sent))
                .map(|n| n.name().to_string()))
        })?;
        let found = listed.ok().flatten();
        if found.is_none() {
            eprintln!(
                "charter: warning: {}: no folder is marked \\Sent; replies are not kept on the server (set sent_folder in the config file)",
                self.display()
            );
        }
        self.sent = Some(found.clone());
        Ok(found)
    }

    /// Appends the replies waiting for the sent folder, oldest first: in one MULTIAPPEND
    /// command where the server has it.
    fn keep_unkept(&mut self) -> Result<(), Error> {
        if self.unkept.is_empty() {
            return Ok(());
        }
        let Some(folder) = self.sent_folder()? else {
            self.unkept.clear();
            return Ok(());
        };
        if self.abilities.multiappend
            && let Some(command) = multiappend(&folder, &self.unkept)
        {
            let appended = self.exchange("APPEND", async |s| {
                s.run_command_and_check_ok(&command).await
            })?;
            self.unkept.clear();
            return appended.map_err(|text| Error::MailMessage {
                reason: format!("the server would not keep the replies in {folder}: {text}"),
            });
        }
        while let Some(message) = self.unkept.first().cloned() {
            let appended = self.exchange("APPEND", async |s| {
                s.append(&folder, Some("(\\Seen)"), None, &message).await
            })?;
            self.unkept.remove(0);
            appended.map_err(|text| Error::MailMessage {
                reason: format!("the server would not keep the reply in {folder}: {text}"),
            })?;
        }
        Ok(())
    }

    /// Sets the flags waiting to be set: one command per kind of mark.
    fn flush_marks(&mut self) -> Result<(), Error> {
        for mark in [Mark::Answered, Mark::Filed] {
            let mut uids: Vec<u32> = self
                .marks
                .iter()
                .filter(|(_, m)| *m == mark)
                .map(|(uid, _)| *uid)
                .collect();
            if uids.is_empty() {
                continue;
            }
            uids.sort_unstable();
            let set = uid_set(&uids);
            let flags = match mark {
                Mark::Answered => "+FLAGS.SILENT (\\Answered \\Seen)",
                Mark::Filed => "+FLAGS.SILENT (\\Seen)",
            };
            let stored = self.exchange("STORE", async |s| {
                let _: Vec<_> = s.uid_store(&set, flags).await?.try_collect().await?;
                Ok(())
            })?;
            self.marks.retain(|(_, m)| *m != mark);
            stored.map_err(|text| Error::MailMessage {
                reason: format!("the server would not flag UIDs {set}: {text}"),
            })?;
        }
        Ok(())
    }

    /// `UID FETCH set query`: for each message the server gives, its UID and what `pick` takes
    /// from it.
    fn fetch<T>(
        &mut self,
        set: &str,
        query: &str,
        pick: impl Fn(&async_imap::types::Fetch) -> Option<T>,
    ) -> Result<Result<Vec<(u32, T)>, String>, Error> {
        self.exchange("FETCH", async |s| {
            let fetched: Vec<_> = s.uid_fetch(set, query).await?.try_collect().await?;
            Ok(fetched
                .iter()
                .filter_map(|f| Some((f.uid?, pick(f)?)))
                .collect())
        })
    }

    /// Fetches the bodies of the next batch of the queue, starting at `uid`.
    fn fetch_ahead(&mut self, uid: u32) -> Result<(), Error> {
        let start = self.queue.iter().position(|&u| u == uid).unwrap_or(0);
        let mut batch = Vec::new();
        let mut bytes = 0u64;
        for &next in self.queue[start..].iter() {
            let size = u64::from(self.sizes.get(&next).copied().unwrap_or(0));
            if size > u64::from(MAX_MESSAGE) {
                continue;
            }
            if !batch.is_empty() && (batch.len() >= BATCH || bytes + size > BATCH_BYTES) {
                break;
            }
            batch.push(next);
            bytes += size;
        }
        if !batch.contains(&uid) {
            batch.push(uid);
        }
        batch.sort_unstable();
        let set = uid_set(&batch);
        let fetched = self.fetch(&set, "BODY.PEEK[]", |f| Some(f.body()?.to_vec()))?;
        match fetched {
            Ok(bodies) => {
                self.bodies.extend(bodies);
                Ok(())
            }
            Err(text) => Err(Error::MailMessage {
                reason: format!("the server would not give it: {text}"),
            }),
        }
    }

    /// Whether the server has reported new mail since the last search (it may do so in any
    /// answer).
    fn drain_news(&mut self) -> bool {
        if let Some(session) = &self.session {
            while let Ok(response) = session.unsolicited_responses.try_recv() {
                if matches!(
                    response,
                    UnsolicitedResponse::Exists(_) | UnsolicitedResponse::Recent(_)
                ) {
                    self.news = true;
                }
            }
        }
        std::mem::take(&mut self.news)
    }

    /// The UID a key names in this mailbox as the server numbers it now (connecting first, so
    /// that the UIDVALIDITY compared is the server's).
    fn uid_of(&mut self, key: &str) -> Result<u32, Error> {
        self.connect()?;
        self.parse_key(key)
            .map_err(|reason| Error::MailMessage { reason })
    }

    fn parse_key(&self, key: &str) -> Result<u32, String> {
        let (validity, uid) = key
            .split_once(':')
            .and_then(|(v, u)| Some((v.parse::<u32>().ok()?, u.parse::<u32>().ok()?)))
            .ok_or_else(|| format!("`{key}` is not a message key of this mailbox"))?;
        if validity != self.uid_validity {
            return Err(format!(
                "the server renumbered the mailbox (UIDVALIDITY {validity} is now {}): message {uid} may be another one",
                self.uid_validity
            ));
        }
        Ok(uid)
    }
}

/// Connects to the server, secures the connection and logs in; an error says why and whether
/// a person must fix it.
async fn open(
    url: &ServerUrl,
    connector: Option<tokio_rustls::TlsConnector>,
    user: &str,
    password: &str,
) -> Result<(Session, Abilities), (String, bool)> {
    let address = format!("{}:{}", url.host, url.port);
    let tcp = TcpStream::connect((url.host.as_str(), url.port))
        .await
        .map_err(|e| (format!("cannot connect to {address}: {e}"), false))?;
    let _ = tcp.set_nodelay(true);
    let handshake = async |tcp: TcpStream| -> Result<Stream, (String, bool)> {
        let connector = connector.clone().expect("TLS is asked for");
        tls::handshake(&connector, &url.host, tcp)
            .await
            .map(|s| Stream::Tls(Box::new(s)))
            .map_err(|e| tls_failure(&e))
    };
    let stream = match url.security {
        Security::Implicit => handshake(tcp).await?,
        Security::None => Stream::Plain(tcp),
        Security::StartTls => {
            let mut client = async_imap::Client::new(Stream::Plain(tcp));
            greeting(&mut client).await?;
            client
                .run_command_and_check_ok("STARTTLS", None)
                .await
                .map_err(|e| {
                    (
                        format!(
                            "the server does not offer STARTTLS ({}); use imaps:// or, only on a trusted network, ?tls=none",
                            describe(&e)
                        ),
                        true,
                    )
                })?;
            let Stream::Plain(tcp) = client.into_inner() else {
                unreachable!("the stream is plain before STARTTLS")
            };
            handshake(tcp).await?
        }
    };
    let mut client = async_imap::Client::new(stream);
    if url.security != Security::StartTls {
        greeting(&mut client).await?;
    }
    let mut session = match client.login(user, password).await {
        Ok(session) => session,
        Err((async_imap::error::Error::No(text) | async_imap::error::Error::Bad(text), _)) => {
            return Err((
                format!(
                    "the server refused the login of {user}: {}",
                    server_text(&text)
                ),
                true,
            ));
        }
        Err((e, _)) => return Err((format!("login: {}", describe(&e)), false)),
    };
    let abilities = session
        .capabilities()
        .await
        .map(|c| Abilities {
            idle: c.has_str("IDLE"),
            multiappend: c.has_str("MULTIAPPEND") && c.has_str("LITERAL+"),
        })
        .map_err(|e| (format!("CAPABILITY: {}", describe(&e)), false))?;
    Ok((session, abilities))
}

/// What the server can do beyond IMAP4rev1 that this client uses.
#[derive(Debug, Clone, Copy, Default)]
struct Abilities {
    /// IDLE (RFC 2177): it tells of new mail as it arrives.
    idle: bool,
    /// MULTIAPPEND (RFC 3502) with LITERAL+ (RFC 7888): many messages appended in one command.
    multiappend: bool,
}

/// Reads the server's greeting.
async fn greeting(client: &mut async_imap::Client<Stream>) -> Result<(), (String, bool)> {
    match client.read_response().await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(("the server closed the connection at once".into(), false)),
        Err(e) => Err((tls_failure(&e).0, false)),
    }
}

/// Why a TLS handshake failed: an untrusted or wrong certificate is the set-up's fault.
fn tls_failure(error: &io::Error) -> (String, bool) {
    match tls::rustls_error(error) {
        Some(rustls::Error::InvalidCertificate(reason)) => (
            format!(
                "the server's certificate is not trusted ({reason:?}); if the office has its own CA, add ?ca=/path/ca.pem"
            ),
            true,
        ),
        Some(other) => (format!("TLS: {other}"), true),
        None => (format!("TLS: {error}"), false),
    }
}

/// The server's own words in a `NO` or `BAD` answer, which async-imap gives as
/// `code: …, info: Some("…")`.
fn server_text(text: &str) -> String {
    text.split_once("info: Some(\"")
        .and_then(|(_, rest)| rest.rsplit_once("\")"))
        .map_or_else(|| text.to_string(), |(info, _)| info.replace("\\\"", "\""))
}

/// An IMAP client error in words.
fn describe(error: &async_imap::error::Error) -> String {
    match error {
        async_imap::error::Error::Io(e) => match tls::rustls_error(e) {
            Some(tls) => format!("TLS: {tls}"),
            None => e.to_string(),
        },
        other => other.to_string(),
    }
}

impl Mailbox for Imap {
    fn locator(&self) -> String {
        self.locator.clone()
    }

    fn unread(&mut self) -> Result<Vec<String>, Error> {
        self.flush()?;
        self.drain_news();
        let found = self.exchange("SEARCH", async |s| {
            s.uid_search("UNANSWERED UNSEEN UNDELETED").await
        })?;
        let mut uids: Vec<u32> = found
            .map_err(|text| self.failure(format!("the server refused SEARCH: {text}"), true))?
            .into_iter()
            .collect();
        uids.sort_unstable();
        self.sizes.clear();
        if !uids.is_empty() {
            let set = uid_set(&uids);
            let sizes = self.fetch(&set, "RFC822.SIZE", |f| f.size)?;
            self.sizes = sizes.unwrap_or_default().into_iter().collect();
        }
        let validity = self.uid_validity;
        let keys = uids.iter().map(|uid| format!("{validity}:{uid}")).collect();
        self.bodies.clear();
        self.queue = uids;
        Ok(keys)
    }

    fn read(&mut self, key: &str) -> Result<Vec<u8>, Error> {
        let uid = self.uid_of(key)?;
        if let Some(&size) = self.sizes.get(&uid)
            && size > MAX_MESSAGE
        {
            return Err(Error::MailMessage {
                reason: format!(
                    "it holds {size} bytes, more than any inquiry ({} MiB)",
                    MAX_MESSAGE >> 20
                ),
            });
        }
        if !self.bodies.contains_key(&uid) {
            self.fetch_ahead(uid)?;
        }
        self.bodies.remove(&uid).ok_or_else(|| Error::MailMessage {
            reason: "it is no longer in the mailbox".into(),
        })
    }

    fn mark(&mut self, key: &str, mark: Mark) -> Result<(), Error> {
        let uid = self.uid_of(key)?;
        self.marks.push((uid, mark));
        if self.marks.len() >= BATCH {
            self.flush_marks()?;
        }
        Ok(())
    }

    fn keep_sent(&mut self, message: &[u8]) -> Result<(), Error> {
        self.unkept.push(message.to_vec());
        if self.unkept.len() >= BATCH {
            self.keep_unkept()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Error> {
        self.keep_unkept()?;
        self.flush_marks()
    }

    fn wait(&mut self, stop: &Stop, poll: Duration) -> Result<(), Error> {
        self.flush()?;
        if self.drain_news() {
            return Ok(());
        }
        if !self.abilities.idle {
            stop.sleep(poll);
            return Ok(());
        }
        let session = self.session.take().expect("connected");
        let limit = self.url.timeout;
        let waited = self.runtime.block_on(idle(session, stop, limit));
        match waited {
            Ok(session) => {
                self.session = Some(session);
                self.news = true;
                Ok(())
            }
            Err(e) => Err(self.failure(format!("IDLE: {}", describe(&e)), false)),
        }
    }

    fn describe(&self, key: &str) -> String {
        match key.split_once(':') {
            Some((_, uid)) => format!("UID {uid}"),
            None => key.to_string(),
        }
    }
}

/// Waits in IDLE until the server reports a change, the stop is asked for, or
/// [`IDLE_RENEW`] passes; gives the session back.
async fn idle(
    session: Session,
    stop: &Stop,
    limit: Duration,
) -> async_imap::error::Result<Session> {
    let mut handle = session.idle();
    tokio::time::timeout(limit, handle.init())
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no answer to IDLE"))??;
    {
        let (wait, interrupt) = handle.wait_with_timeout(IDLE_RENEW);
        let stopped = async {
            while !stop.requested() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        };
        tokio::select! {
            response = wait => {
                if let IdleResponse::NewData(_) = response? {}
            }
            () = stopped => drop(interrupt),
        }
    }
    tokio::time::timeout(limit, handle.done())
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no answer to DONE"))?
}

/// One MULTIAPPEND command (RFC 3502, literals as LITERAL+ allows) for `messages`; `None` if
/// one is not text, which the command line must be here.
fn multiappend(folder: &str, messages: &[Vec<u8>]) -> Option<String> {
    let mut command = format!("APPEND {}", quote(folder));
    for message in messages {
        let text = std::str::from_utf8(message).ok()?;
        command.push_str(&format!(" (\\Seen) {{{}+}}\r\n{text}", message.len()));
    }
    Some(command)
}

/// A mailbox name as an IMAP quoted string.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `1,2,5:9` for the UIDs, sorted.
fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        while i + 1 < uids.len() && uids[i + 1] == uids[i] + 1 {
            i += 1;
        }
        if !out.is_empty() {
            out.push(',');
        }
        if uids[i] == start {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{}", uids[i]));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_words_are_kept() {
        assert_eq!(
            server_text(
                r#"code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")"#
            ),
            "[AUTHENTICATIONFAILED] Authentication failed."
        );
        assert_eq!(server_text("plain"), "plain");
    }

    #[test]
    fn uid_sets_are_ranges() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(uid_set(&[4]), "4");
    }

    #[test]
    fn a_url_needs_a_user_and_a_password_from_outside() {
        let e = Imap::new("imaps://mail.example/INBOX", Access::default())
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("names no user"), "{e}");
        let e = Imap::new("imaps://office@mail.example/INBOX", Access::default())
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("CHARTER_IMAP_PASSWORD"), "{e}");
        let e = Imap::new("imaps://office:pw@mail.example/", Access::default())
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("CHARTER_IMAP_PASSWORD") && !e.contains("pw@"),
            "{e}"
        );
        let ok = Imap::new(
            "imap://office%40x.gov.bd@mail.example",
            Access {
                password: Some("p".into()),
                sent_folder: None,
            },
        )
        .unwrap();
        assert_eq!(
            ok.display(),
            "imap://office@x.gov.bd@mail.example:143/INBOX"
        );
    }
}
