//! Shared pieces of the benchmark binaries.
#![deny(missing_docs)]

use std::time::{Duration, Instant};

/// The median of `samples`.
pub fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs `f` and returns how long it took and what it returned.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}
