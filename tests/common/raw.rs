//! A small SMTP server written out by hand, for behaviour no well-made server has: a greeting
//! that trickles one byte a second, a server that drops the client right after accepting a
//! message, one that takes a message and never confirms it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server misbehaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Behaves: accepts every command and message, whatever the address syntax.
    Accept,
    /// Sends its greeting one byte a second.
    Trickle,
    /// Accepts each message (250) and closes the connection at once.
    DropAfterAccept,
    /// Reads each message and never answers its final dot.
    NeverConfirm,
}

/// A running raw server: its port, the messages it read (whole, accepted or not) and every
/// command line it got.
pub struct RawServer {
    pub port: u16,
    pub messages: Arc<Mutex<Vec<Vec<u8>>>>,
    pub commands: Arc<Mutex<Vec<String>>>,
}

/// Starts a raw server on a free loopback port.
pub fn start_raw(behaviour: Behaviour) -> RawServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = Arc::new(Mutex::new(Vec::new()));
    let commands = Arc::new(Mutex::new(Vec::new()));
    let (store, log) = (messages.clone(), commands.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (store, log) = (store.clone(), log.clone());
            std::thread::spawn(move || {
                let _ = session(stream, behaviour, &store, &log);
            });
        }
    });
    RawServer {
        port,
        messages,
        commands,
    }
}

fn session(
    mut stream: TcpStream,
    behaviour: Behaviour,
    store: &Mutex<Vec<Vec<u8>>>,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let greeting = b"220 raw.test ESMTP\r\n";
    if behaviour == Behaviour::Trickle {
        for byte in greeting {
            stream.write_all(&[*byte])?;
            std::thread::sleep(Duration::from_secs(1));
        }
    } else {
        stream.write_all(greeting)?;
    }
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        log.lock().unwrap().push(line.trim_end().to_string());
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            stream.write_all(b"250-raw.test\r\n250 8BITMIME\r\n")?;
        } else if command.starts_with("DATA") {
            stream.write_all(b"354 go ahead\r\n")?;
            let mut message = Vec::new();
            loop {
                let mut data_line = Vec::new();
                if reader.read_until(b'\n', &mut data_line)? == 0 {
                    return Ok(());
                }
                if data_line == b".\r\n" {
                    break;
                }
                message.extend_from_slice(&data_line);
            }
            store.lock().unwrap().push(message);
            match behaviour {
                Behaviour::DropAfterAccept => {
                    stream.write_all(b"250 2.0.0 queued\r\n")?;
                    return Ok(());
                }
                Behaviour::NeverConfirm => {
                    std::thread::sleep(Duration::from_secs(600));
                    return Ok(());
                }
                Behaviour::Trickle | Behaviour::Accept => {
                    stream.write_all(b"250 2.0.0 queued\r\n")?
                }
            }
        } else if command.starts_with("QUIT") {
            stream.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            stream.write_all(b"250 ok\r\n")?;
        }
    }
}
