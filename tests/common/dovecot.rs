//! A real IMAP server for the tests: Dovecot (Debian's `dovecot-imapd`) on 127.0.0.1, with TLS
//! from the test's own CA, one user (`office`), an INBOX and a `Sent` folder marked `\Sent`;
//! and a small IMAP client of the test's own (plain text on loopback) that appends inquiries
//! and reads flags and folders back, as a mail program would.

use super::Certificates;
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The test user's password.
pub const PASSWORD: &str = "imap s3cret";

/// A running Dovecot.
pub struct Dovecot {
    dir: tempfile::TempDir,
    child: Option<Child>,
    /// The implicit-TLS port (imaps).
    pub imaps: u16,
    /// The STARTTLS (and, on loopback, plain LOGIN) port.
    pub imap: u16,
}

/// The dovecot binary, or why the test cannot run. `CHARTER_REQUIRE_DOVECOT=1` (set by
/// `.ci/run`) turns its absence into a failure.
pub fn binary() -> Option<PathBuf> {
    let found = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CHARTER_REQUIRE_DOVECOT").is_none(),
            "CHARTER_REQUIRE_DOVECOT is set but dovecot is not installed (apt-get install dovecot-imapd)"
        );
        eprintln!(
            "skipped: this test needs Dovecot (Debian: apt-get install dovecot-imapd); .ci/run installs it"
        );
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Dovecot {
    /// Starts Dovecot with `certs`' leaf certificate; `None` when it is not installed.
    pub fn start(certs: &Certificates) -> Option<Dovecot> {
        let binary = binary()?;
        let dir = tempfile::Builder::new()
            .prefix("dv")
            .tempdir_in("/tmp")
            .unwrap();
        let root = dir.path();
        let (uid, gid, user) = ids();
        let mail = root.join("mail");
        fs::create_dir_all(&mail).unwrap();
        fs::write(root.join("users"), format!("office:{{PLAIN}}{PASSWORD}\n")).unwrap();
        let (imaps, imap) = (free_port(), free_port());
        let as_user = if is_root() {
            String::new()
        } else {
            format!("default_login_user = {user}\ndefault_internal_user = {user}\n")
        };
        let config = format!(
            r#"base_dir = {root}/run
state_dir = {root}/state
listen = 127.0.0.1
protocols = imap
log_path = {root}/log
{as_user}ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \Sent
    auto = create
  }}
}}
"#,
            root = root.display(),
            cert = certs.path("cert.pem"),
            key = certs.path("key.pem"),
        );
        fs::write(root.join("dovecot.conf"), config).unwrap();
        // The mail processes run as an unprivileged user, who must reach the mail.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(root, fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::chown(&mail, Some(uid), Some(gid)).unwrap();
        let mut dovecot = Dovecot {
            dir,
            child: None,
            imaps,
            imap,
        };
        dovecot.child = Some(spawn(&binary, &dovecot.config()));
        dovecot.wait_ready();
        Some(dovecot)
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("dovecot.conf")
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.imap)) {
                let mut greeting = [0u8; 4];
                if stream.read_exact(&mut greeting).is_ok() && &greeting == b"* OK" {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("dovecot did not start: {}", self.log());
    }

    /// Dovecot's log.
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    /// Stops the server (every connection drops) and starts it again on the same ports and mail.
    pub fn restart(&mut self) {
        self.stop();
        self.child = Some(spawn(&binary().unwrap(), &self.config()));
        self.wait_ready();
    }

    /// Stops the server and every process it started: each connection drops, as when the
    /// machine restarts (Dovecot's own shutdown leaves logged-in sessions running).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let children = children_of(child.id());
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(child.id().to_string())
                .args(children.iter().map(u32::to_string))
                .stderr(Stdio::null())
                .status();
            let _ = child.wait();
        }
        // Its IMAP processes may linger a moment after the master.
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.imap)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The URL `charter reply --imap` is given: implicit TLS, the test CA trusted.
    pub fn url(&self, certs: &Certificates) -> String {
        format!(
            "imaps://office@127.0.0.1:{}/INBOX?ca={}",
            self.imaps,
            certs.path("ca.pem")
        )
    }

    /// A client of the test's own, logged in.
    pub fn client(&self) -> Client {
        Client::connect(self.imap)
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        self.stop();
    }
}

fn spawn(binary: &Path, config: &Path) -> Child {
    Command::new(binary)
        .arg("-F")
        .arg("-c")
        .arg(config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    let mut children = Vec::new();
    for entry in fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`: the command may hold spaces, so read after its `)`.
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if parent == Some(pid) {
            children.push(child);
        }
    }
    children
}

fn is_root() -> bool {
    ids().0 == 0
}

/// The uid and gid the mail belongs to, and the user's name: `nobody` under root (Dovecot
/// will not run mail processes as root), else whoever runs the tests.
fn ids() -> (u32, u32, String) {
    use std::os::unix::fs::MetadataExt;
    let me = fs::metadata("/proc/self").unwrap();
    if me.uid() == 0 {
        (65534, 65534, "nobody".into())
    } else {
        let user = std::env::var("USER").unwrap_or_else(|_| "nobody".into());
        (me.uid(), me.gid(), user)
    }
}

/// A minimal IMAP client: enough to append messages and read flags and folders back.
pub struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    tag: u32,
}

/// One message as the server has it.
#[derive(Debug, Clone)]
pub struct Message {
    pub uid: u32,
    pub flags: String,
    pub body: Vec<u8>,
}

impl Client {
    fn connect(port: u16) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut client = Client {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
            tag: 0,
        };
        let mut greeting = String::new();
        client.reader.read_line(&mut greeting).unwrap();
        client.run(&format!("LOGIN office \"{PASSWORD}\""));
        client
    }

    /// Sends a command; returns the untagged lines, each literal's bytes inline.
    fn run(&mut self, command: &str) -> Vec<Vec<u8>> {
        self.run_with(command, None)
    }

    fn run_with(&mut self, command: &str, literal: Option<&[u8]>) -> Vec<Vec<u8>> {
        self.tag += 1;
        let tag = format!("t{}", self.tag);
        let mut out = format!("{tag} {command}").into_bytes();
        if let Some(bytes) = literal {
            out.extend_from_slice(format!(" {{{}+}}\r\n", bytes.len()).as_bytes());
            out.extend_from_slice(bytes);
        }
        out.extend_from_slice(b"\r\n");
        self.writer.write_all(&out).unwrap();
        let mut lines = Vec::new();
        loop {
            let line = self.line();
            if line.starts_with(format!("{tag} ").as_bytes()) {
                let text = String::from_utf8_lossy(&line);
                assert!(text.starts_with(&format!("{tag} OK")), "{command}: {text}");
                lines.push(line);
                return lines;
            }
            lines.push(line);
        }
    }

    /// One response line, with any literals it announces read into it.
    fn line(&mut self) -> Vec<u8> {
        let mut line = Vec::new();
        loop {
            let mut part = Vec::new();
            self.reader.read_until(b'\n', &mut part).unwrap();
            assert!(!part.is_empty(), "the server closed the connection");
            let text = String::from_utf8_lossy(&part).into_owned();
            line.extend_from_slice(&part);
            let Some(size) = text
                .trim_end()
                .strip_suffix('}')
                .and_then(|t| t.rsplit_once('{'))
                .and_then(|(_, n)| n.parse::<usize>().ok())
            else {
                return line;
            };
            let mut literal = vec![0; size];
            self.reader.read_exact(&mut literal).unwrap();
            line.extend_from_slice(&literal);
        }
    }

    /// Appends a message to a folder with these flags (`""` for none); returns its UID.
    pub fn append(&mut self, folder: &str, flags: &str, message: &[u8]) -> u32 {
        let lines = self.run_with(&format!("APPEND {folder} ({flags})"), Some(message));
        let last = String::from_utf8_lossy(lines.last().unwrap()).into_owned();
        last.split("APPENDUID ")
            .nth(1)
            .and_then(|rest| rest.split(' ').nth(1))
            .and_then(|uid| uid.trim_end_matches(']').parse().ok())
            .unwrap_or_else(|| panic!("no APPENDUID in {last}"))
    }

    /// Every message of a folder: UID, flags and bytes (read without setting \Seen).
    pub fn messages(&mut self, folder: &str) -> Vec<Message> {
        self.run(&format!("EXAMINE {folder}"));
        let lines = self.run("UID FETCH 1:* (UID FLAGS BODY.PEEK[])");
        let mut messages = Vec::new();
        for line in lines {
            let text = String::from_utf8_lossy(&line).into_owned();
            if !text.starts_with("* ") || !text.contains("FETCH") {
                continue;
            }
            let uid = text
                .split("UID ")
                .nth(1)
                .and_then(|r| r.split([' ', ')']).next())
                .and_then(|u| u.parse().ok())
                .unwrap();
            let flags = text
                .split("FLAGS (")
                .nth(1)
                .and_then(|r| r.split(')').next())
                .unwrap_or("")
                .to_string();
            let body = text
                .split_once("BODY[] {")
                .and_then(|(_, rest)| rest.split_once('}'))
                .and_then(|(size, _)| size.parse::<usize>().ok())
                .and_then(|size| {
                    let at = line.windows(3).position(|w| w == b"}\r\n")? + 3;
                    Some(line[at..at + size].to_vec())
                })
                .unwrap_or_default();
            messages.push(Message { uid, flags, body });
        }
        messages.sort_by_key(|m| m.uid);
        messages
    }

    /// Changes an INBOX message's flags: `+FLAGS (\\Seen)`, `-FLAGS (…)`.
    pub fn run_store(&mut self, uid: u32, change: &str) {
        self.run("SELECT INBOX");
        self.run(&format!("UID STORE {uid} {change}"));
    }

    /// The flags of each message in a folder, by UID.
    pub fn flags(&mut self, folder: &str) -> BTreeMap<u32, String> {
        self.messages(folder)
            .into_iter()
            .map(|m| (m.uid, m.flags))
            .collect()
    }
}
