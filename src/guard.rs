//! Keeping a dependency's panic from reaching the user: the work is run under `catch_unwind`
//! with the panic message kept instead of printed, so that the caller can say which input
//! (which page, which charter field) brought it on, and exit 2.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

/// Runs `work`; a panic inside it becomes `Err` with the panic's message, printed nowhere.
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    // The panic hook is process-wide: two guarded calls at once would restore each other's.
    static HOOK: Mutex<()> = Mutex::new(());
    let _one_at_a_time = HOOK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let message = std::sync::Arc::new(Mutex::new(None::<String>));
    let previous = panic::take_hook();
    let seen = message.clone();
    panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        // Where: the crate's own path (`parley_engine-0.12.0/src/shape/data.rs`), not the
        // registry's folders above it.
        let at = info
            .location()
            .map(|l| {
                let file = l.file();
                let short = file
                    .match_indices('/')
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
                    .iter()
                    .rev()
                    .nth(3)
                    .map_or(file, |&i| &file[i + 1..]);
                format!(" (at {short}:{})", l.line())
            })
            .unwrap_or_default();
        if let Ok(mut slot) = seen.lock() {
            *slot = Some(format!("{text}{at}"));
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    panic::set_hook(previous);
    result.map_err(|_| {
        message
            .lock()
            .ok()
            .and_then(|m| m.clone())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_its_message() {
        let caught = super::catch(|| -> u8 { panic!("slice index starts at 33 but ends at 30") });
        let message = caught.unwrap_err();
        assert!(message.starts_with("slice index starts at 33 but ends at 30 (at src/guard.rs:"));
        assert_eq!(super::catch(|| 7), Ok(7));
    }
}
