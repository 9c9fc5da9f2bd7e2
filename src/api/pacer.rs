//! The one request pacer of a run (SPEC §4): request starts spaced evenly at two thirds of
//! the server's `X-RateLimit-Limit` per second (20 per second until a response names one),
//! halved on each 429. `ApiClient` owns one and waits on it before every attempt, so every
//! walk, PATCH loop and retry of the run shares it.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Requests per second before any response has named the server's limit.
pub(crate) const DEFAULT_RATE: f64 = 20.0;
/// The share of the server's `X-RateLimit-Limit` the pacer uses.
const LIMIT_SHARE: f64 = 2.0 / 3.0;
/// 429s halve the rate at most this many times (20/s → 0.3/s).
const MAX_SLOWDOWNS: u32 = 6;

/// Spaces request starts evenly: one slot every `1 / rate` seconds, shared by every thread.
#[derive(Debug)]
pub(crate) struct Pacer {
    state: Mutex<PacerState>,
}

#[derive(Debug)]
struct PacerState {
    /// The rate the server allows us (two thirds of its limit), or the default.
    base_rate: f64,
    /// How many 429s halved the rate.
    slowdowns: u32,
    /// When the next request may start.
    next_slot: Instant,
}

impl PacerState {
    fn rate(&self) -> f64 {
        self.base_rate / f64::from(1u32 << self.slowdowns)
    }

    fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate())
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new(DEFAULT_RATE)
    }
}

impl Pacer {
    /// A pacer at `per_second` requests per second until a response names a limit.
    pub(crate) fn new(per_second: f64) -> Pacer {
        Pacer {
            state: Mutex::new(PacerState {
                base_rate: per_second.max(f64::MIN_POSITIVE),
                slowdowns: 0,
                next_slot: Instant::now(),
            }),
        }
    }

    /// Requests per second now.
    #[cfg(test)]
    pub(crate) fn per_second(&self) -> f64 {
        self.lock().rate()
    }

    /// Blocks until the calling thread may start a request, and takes that slot.
    pub(crate) fn wait(&self) {
        let slot = {
            let mut state = self.lock();
            let now = Instant::now();
            let slot = state.next_slot.max(now);
            state.next_slot = slot + state.interval();
            slot
        };
        let now = Instant::now();
        if slot > now {
            std::thread::sleep(slot - now);
        }
    }

    /// Learns from a response: its `X-RateLimit-Limit` sets the rate to two thirds of it; a
    /// 429 halves the rate and holds back the next request by one new interval. Returns the
    /// new rate when a 429 lowered it (for the `-v` trace).
    pub(crate) fn observe(&self, status: u16, rate_limit: Option<f64>) -> Option<f64> {
        let mut state = self.lock();
        if let Some(limit) = rate_limit.filter(|l| l.is_finite() && *l > 0.0) {
            state.base_rate = limit * LIMIT_SHARE;
        }
        if status != 429 {
            return None;
        }
        state.slowdowns = (state.slowdowns + 1).min(MAX_SLOWDOWNS);
        let held = Instant::now() + state.interval();
        state.next_slot = state.next_slot.max(held);
        Some(state.rate())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PacerState> {
        // A thread that panicked while holding the lock left consistent numbers behind.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pacer_takes_two_thirds_of_the_server_limit_and_halves_on_429() {
        let pacer = Pacer::default();
        assert_eq!(pacer.per_second(), 20.0);
        assert_eq!(pacer.observe(200, Some(30.0)), None);
        assert_eq!(pacer.per_second(), 20.0);
        assert_eq!(pacer.observe(200, Some(60.0)), None);
        assert_eq!(pacer.per_second(), 40.0);
        assert_eq!(pacer.observe(429, Some(30.0)), Some(10.0));
        assert_eq!(pacer.per_second(), 10.0);
        // A later answer naming the limit again does not undo the slowdown.
        pacer.observe(200, Some(30.0));
        assert_eq!(pacer.per_second(), 10.0);
        for _ in 0..20 {
            pacer.observe(429, None);
        }
        assert_eq!(pacer.per_second(), 20.0 / 64.0);
    }

    #[test]
    fn the_pacer_hands_out_one_slot_per_interval_across_threads() {
        // 1,000/s: 40 slots from 4 threads span at least 39 intervals.
        let pacer = Pacer::new(1_000.0);
        let started = Instant::now();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..10).for_each(|_| pacer.wait()));
            }
        });
        assert!(started.elapsed() >= Duration::from_millis(39));
    }
}
