//! What the in-process benches share.

// Each bench is its own crate and uses part of this.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How many times each piece of work is timed.
const RUNS: usize = 15;

/// The best of several runs of `f`, so that a busy moment of the machine does not count. `f`
/// returns something computed from its work, so that the work is not optimised away.
pub fn best(f: impl FnMut() -> usize) -> Duration {
    let [t] = best_each([&mut { f }]);
    t
}

/// The best of several runs of each of `fs`, taken in turns, so that a work and its baseline
/// meet the same moods of the machine.
pub fn best_each<const N: usize>(mut fs: [&mut dyn FnMut() -> usize; N]) -> [Duration; N] {
    let mut best = [Duration::MAX; N];
    for _ in 0..RUNS {
        for (f, best) in fs.iter_mut().zip(&mut best) {
            let start = Instant::now();
            std::hint::black_box(f());
            *best = (*best).min(start.elapsed());
        }
    }
    best
}
