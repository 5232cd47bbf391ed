//! Stopping a long run cleanly: SIGTERM or Ctrl-C asks it to stop after the inquiry in hand (a
//! reply in flight is finished and recorded); a second one ends the process at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A request to stop, shared between the signal handler and the run.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

/// The exit status when a second signal ends the process at once (128 + SIGINT's number, as
/// shells report it).
const FORCED: i32 = 130;

impl Stop {
    /// A stop that only [`Stop::request`] sets.
    pub fn new() -> Stop {
        Stop::default()
    }

    /// A stop that SIGTERM and SIGINT set; the second such signal exits at once.
    pub fn on_signals() -> std::io::Result<Stop> {
        let stop = Stop::new();
        #[cfg(unix)]
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
            // The order matters: the first signal finds the flag unset and only sets it.
            signal_hook::flag::register_conditional_shutdown(signal, FORCED, stop.0.clone())?;
            signal_hook::flag::register(signal, stop.0.clone())?;
        }
        Ok(stop)
    }

    /// Asks the run to stop.
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Sleeps for `duration`, or less if a stop is asked for; returns whether one was.
    pub fn sleep(&self, duration: Duration) -> bool {
        let end = Instant::now() + duration;
        while !self.requested() {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            std::thread::sleep(left.min(Duration::from_millis(50)));
        }
        true
    }
}
