//! Where a text rendering goes: its pieces gathered a few kilobytes at a time and handed to a
//! writer, so that a charter of tens of thousands of services is written without its rendering
//! ever being held whole (HTML and tables run to ten times the charter's size; issue 21's bound
//! on memory is ten times the input and 60 MB).

use std::io::{self, Write};

/// Bytes gathered before they are handed on.
const BUFFER_BYTES: usize = 64 * 1024;

/// A rendering being written. Pieces are pushed as onto a `String`; the first error of the
/// writer is kept, later pieces are dropped, and [`Sink::finish`] returns it.
pub struct Sink<'w> {
    buffer: String,
    out: &'w mut dyn Write,
    /// Control characters are made visible ([`crate::bangla::visible_controls`]): text for a
    /// terminal, where a value's escape sequences must be shown, never obeyed.
    visible: bool,
    error: Option<io::Error>,
}

impl<'w> Sink<'w> {
    /// A sink writing to `out`; with `visible`, control characters are shown, not written.
    pub fn new(out: &'w mut dyn Write, visible: bool) -> Self {
        Sink {
            buffer: String::with_capacity(BUFFER_BYTES + 1024),
            out,
            visible,
            error: None,
        }
    }

    /// Appends text.
    pub fn push_str(&mut self, text: &str) {
        self.buffer.push_str(text);
        if self.buffer.len() >= BUFFER_BYTES {
            self.hand_on();
        }
    }

    /// Appends a character.
    pub fn push(&mut self, c: char) {
        self.buffer.push(c);
        if self.buffer.len() >= BUFFER_BYTES {
            self.hand_on();
        }
    }

    fn hand_on(&mut self) {
        if self.error.is_none() {
            let text = if self.visible {
                crate::bangla::visible_controls(&self.buffer)
            } else {
                std::borrow::Cow::Borrowed(self.buffer.as_str())
            };
            if let Err(e) = self.out.write_all(text.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.buffer.clear();
    }

    /// Writes what is left and flushes the writer: the first error met, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.hand_on();
        match self.error.take() {
            Some(e) => Err(e),
            None => self.out.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `render` writes into a sink, as a `String`.
    fn to_string(visible: bool, render: impl FnOnce(&mut Sink)) -> String {
        let mut bytes = Vec::new();
        let mut sink = Sink::new(&mut bytes, visible);
        render(&mut sink);
        sink.finish().expect("a Vec takes every byte");
        String::from_utf8(bytes).expect("the pieces are whole strings")
    }

    /// A writer that takes `room` bytes, then fails.
    struct Full {
        room: usize,
        taken: Vec<u8>,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.taken.len() + buf.len() > self.room {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no space"));
            }
            self.taken.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pieces_arrive_in_order_and_controls_are_shown_across_hand_ons() {
        let piece = "ক\u{1b}[31m|";
        let text = to_string(true, |sink| {
            for _ in 0..50_000 {
                sink.push_str(piece);
            }
            sink.push('\n');
        });
        assert_eq!(text, "ক\u{241b}[31m|".repeat(50_000) + "\n");
        let raw = to_string(false, |sink| sink.push_str(piece));
        assert_eq!(raw, piece);
    }

    #[test]
    fn the_first_error_of_the_writer_is_returned() {
        let mut out = Full {
            room: 100_000,
            taken: Vec::new(),
        };
        let mut sink = Sink::new(&mut out, false);
        for _ in 0..100_000 {
            sink.push_str("abc");
        }
        let error = sink.finish().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert!(out.taken.len() <= 100_000);
    }
}
