//! The one request pacer of a run (SPEC §4 "Pacing"): every request start waits here, and
//! every answer's `X-RateLimit-Limit`, `-Remaining` and `-Reset` are read back into it.
//! `ApiClient` owns one, so every walk, PATCH loop and retry of the run shares one budget.
//!
//! Two records decide when a request may start, and the later of the two wins:
//! - **Our own starts.** At most the limit less one request of margin in any one-second span
//!   (TFE counts per second). This alone holds against a server counting in fixed windows (the
//!   sandbox) and one counting a sliding second, when tfvcs is the only client.
//! - **What the server says remains.** The freshest answer's `Remaining`, less what we started
//!   after the request it answered, may be spent until its `Reset`; then we wait for the reset.
//!   When the server's count of the window is more than our own starts explain, another client
//!   of the same user is spending too: we then take only half of what remains, and half of
//!   the limit by our own record, until a second passes with no answer showing it. (Requests
//!   counted before our first one, such as the tail of a script's previous run, do not count
//!   as spending now.)
//!
//! Before any answer names a limit (and against servers that send none), at most 20 requests a
//! second, evenly spaced. Each 429 halves the own-record cap (recovering after twice the cap of
//! answers without one). Every number a server sends is bounded first: a limit below 1 or not a
//! number is absent, and no wait here is longer than [`MAX_SERVER_WAIT`] or `--timeout`.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::retry::MAX_SERVER_WAIT;

/// Requests per second before any response has named the server's limit.
const DEFAULT_RATE: u32 = 20;
/// The span TFE's limit counts (30 requests per second).
const WINDOW: Duration = Duration::from_secs(1);
/// Requests of the budget left unspent: a request of another client, or one of ours counted
/// in the next window, does not tip the window over.
const MARGIN: u32 = 1;
/// A limit above this is taken as this (a server cannot make the pacer's record unbounded).
const MAX_LIMIT: u32 = 10_000;
/// 429s halve the rate at most this many times (20/s → 0.3/s).
const MAX_SLOWDOWNS: u32 = 6;

/// The rate-limit headers of one answer, bounded: what cannot be used is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RateHeaders {
    /// Requests a window allows: at least 1, at most [`MAX_LIMIT`].
    pub(crate) limit: Option<u32>,
    /// Requests left in the window, at most the limit.
    pub(crate) remaining: Option<u32>,
    /// Until the window refills, at most [`MAX_SERVER_WAIT`].
    pub(crate) reset: Option<Duration>,
}

impl RateHeaders {
    /// Reads `X-RateLimit-Limit`, `-Remaining` and `-Reset` (decimal seconds) as sent.
    pub(crate) fn parse(limit: Option<&str>, remaining: Option<&str>, reset: Option<&str>) -> Self {
        let number = |text: Option<&str>| {
            text.and_then(|t| t.trim().parse::<f64>().ok())
                .filter(|n| n.is_finite() && *n >= 0.0)
        };
        let limit = number(limit)
            .filter(|l| *l >= 1.0)
            .map(|l| l.min(f64::from(MAX_LIMIT)) as u32);
        RateHeaders {
            limit,
            remaining: number(remaining)
                .map(|r| r.min(f64::from(limit.unwrap_or(MAX_LIMIT))) as u32),
            reset: number(reset)
                .map(|s| Duration::from_secs_f64(s.min(MAX_SERVER_WAIT.as_secs_f64()))),
        }
    }
}

/// What one answer said of the current window.
#[derive(Debug, Clone, Copy)]
struct Budget {
    /// When the request it answered started: our starts after it are not in `remaining`.
    started: Instant,
    remaining: u32,
    reset_at: Instant,
    /// Of the window's use the server counted, what our own starts do not explain: another
    /// client of the same user.
    others: u32,
}

/// Another client is taken as spending the same budget when an answer's count holds more
/// than this many requests our record does not explain (one may be ours, counted at the
/// window's edge)...
const OTHERS_NOISE: u32 = 1;
/// A request of ours started this long before a window began may still be counted in it: the
/// server counts it some time after it starts, and answers some time after it counts.
const EDGE_SLACK: Duration = Duration::from_millis(100);
/// ...and for this long after: early in a fixed window its count is low, which does not mean
/// the other client stopped.
const SHARED_FOR: Duration = Duration::from_secs(1);

impl Budget {
    /// How many requests we may start after `started` before the reset: what remains less
    /// the margin; half of it when another client spends too (it sees the same `Remaining`
    /// and may spend it at the same time; each later answer halves what is left again).
    fn allowance(&self, sharing: bool) -> u32 {
        let free = self.remaining.saturating_sub(MARGIN);
        if sharing { free / 2 } else { free }
    }
}

/// Decides when each request of the run starts, shared by every thread.
#[derive(Debug)]
pub(crate) struct Pacer {
    state: Mutex<PacerState>,
}

#[derive(Debug)]
struct PacerState {
    /// The server's limit per window, once an answer named one.
    limit: Option<u32>,
    /// When our recent requests started, oldest first.
    starts: VecDeque<Instant>,
    /// The freshest answer's view of the window.
    budget: Option<Budget>,
    /// How many 429s halved the rate.
    slowdowns: u32,
    /// Until when another client is taken as spending the same budget.
    shared_until: Option<Instant>,
    /// When the first request answered started, and how many requests its answer's window
    /// held that were not ours (spent before we began, or at once).
    began: Option<Instant>,
    before_us: Option<u32>,
    /// Answers without a 429 since the last one.
    calm: u32,
    /// No wait here is longer (the smaller of 60 s and `--timeout`).
    max_wait: Duration,
}

/// Why a request waited, for the `-v` trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    /// It started at once, or waited only for its even spacing or our own record.
    No,
    /// The server's budget was spent: it waited this long for the reset.
    ForReset(Duration),
}

impl PacerState {
    fn new(max_wait: Duration) -> Self {
        PacerState {
            limit: None,
            starts: VecDeque::new(),
            budget: None,
            slowdowns: 0,
            shared_until: None,
            began: None,
            before_us: None,
            calm: 0,
            max_wait,
        }
    }

    /// Requests a window allows us by our own record.
    fn own_cap(&self, now: Instant) -> u32 {
        match self.limit {
            // Sharing the budget with another client: half of it is ours.
            Some(limit) if self.sharing(now) => {
                ((limit.saturating_sub(MARGIN) / 2).max(1) >> self.slowdowns).max(1)
            }
            Some(limit) => (limit.saturating_sub(MARGIN).max(1) >> self.slowdowns).max(1),
            None => (DEFAULT_RATE >> self.slowdowns).max(1),
        }
    }

    /// Whether another client spends the same budget, by the answers of late.
    fn sharing(&self, now: Instant) -> bool {
        self.shared_until.is_some_and(|until| now < until)
    }

    /// The live budget at `now` (before its reset).
    fn live_budget(&self, now: Instant) -> Option<Budget> {
        self.budget.filter(|b| now < b.reset_at)
    }

    /// Forgets starts no rule can still count.
    fn prune(&mut self, now: Instant) {
        let mut keep_from = now.checked_sub(3 * WINDOW).unwrap_or(now);
        if let Some(b) = self.live_budget(now) {
            keep_from = keep_from.min(b.started.checked_sub(2 * WINDOW).unwrap_or(b.started));
        }
        while self.starts.front().is_some_and(|s| *s < keep_from) {
            self.starts.pop_front();
        }
    }

    /// The earliest a request may start, seen at `now`, and whether the server's budget is
    /// what holds it.
    fn earliest(&self, now: Instant) -> (Instant, bool) {
        let cap = self.own_cap(now) as usize;
        let mut at = now;
        if self.limit.is_none() {
            // Evenly spaced: one start every 1/cap seconds.
            if let Some(last) = self.starts.back() {
                at = at.max(*last + WINDOW / cap as u32);
            }
        } else {
            let since = now.checked_sub(WINDOW);
            let in_window = self
                .starts
                .iter()
                .rev()
                .take_while(|s| since.is_none_or(|since| **s > since))
                .count();
            if in_window >= cap {
                at = at.max(self.starts[self.starts.len() - cap] + WINDOW);
            }
        }
        let mut for_reset = false;
        if let Some(b) = self.live_budget(now) {
            let spent = self.starts.iter().filter(|s| **s > b.started).count();
            if spent >= b.allowance(self.sharing(now)) as usize && b.reset_at > at {
                at = b.reset_at;
                for_reset = true;
            }
        }
        (at.min(now + self.max_wait), for_reset)
    }

    /// Learns from the answer to the request started at `started`, seen at `now`.
    fn observe(&mut self, started: Instant, now: Instant, status: u16, headers: RateHeaders) {
        if let Some(limit) = headers.limit {
            self.limit = Some(limit);
        }
        if status == 429 {
            self.slowdowns = (self.slowdowns + 1).min(MAX_SLOWDOWNS);
            self.calm = 0;
        } else {
            self.calm += 1;
            if self.slowdowns > 0 && self.calm >= 2 * self.own_cap(now) {
                self.slowdowns -= 1;
                self.calm = 0;
            }
        }
        // Without a usable limit, `Remaining` and `Reset` mean nothing to go by.
        let Some(limit) = self.limit else {
            return;
        };
        let remaining = match (headers.remaining, status) {
            (Some(remaining), _) => remaining,
            // A 429 without the header: nothing remains until its reset.
            (None, 429) => 0,
            (None, _) => return,
        };
        let reset = headers.reset.unwrap_or(WINDOW).min(self.max_wait);
        let reset_at = now + reset;
        // The window this answer counted: since the oldest request it still holds (a fixed
        // window's start, or a sliding second's oldest request), at most one second back.
        // The server counted each request somewhere between its start and its answer: a
        // start up to one round trip before the window may be in it, and is counted ours.
        // (With room for the server's own work between counting and answering.)
        let round_trip = (now.saturating_duration_since(started) + EDGE_SLACK).min(WINDOW);
        let window_began = started
            .checked_sub(WINDOW)
            .into_iter()
            .chain(reset_at.checked_sub(WINDOW.max(reset)))
            .max()
            .unwrap_or(started);
        let from = window_began.checked_sub(round_trip).unwrap_or(window_began);
        // Requests started after this one may have been counted before it (answers overlap and
        // a server's threads wake in any order): every start until now may be ours in the count.
        let ours = self.starts.iter().filter(|s| **s >= from).count() as u32;
        // A 429 says the window is full, not who filled it: the sharing stays as it was.
        let others = if status == 429 {
            self.budget.map_or(0, |b| b.others)
        } else {
            limit.saturating_sub(remaining).saturating_sub(ours)
        };
        // A window that began before our first request may hold requests of a client that has
        // stopped since (the previous run of a script): only what others spent beyond the
        // count of our first answer is spending now.
        let began = *self.began.get_or_insert(started);
        let before_us = *self.before_us.get_or_insert(others);
        let spending_now = if window_began >= began {
            others
        } else {
            others.saturating_sub(before_us)
        };
        if status != 429 && spending_now > OTHERS_NOISE {
            self.shared_until = Some(now + SHARED_FOR);
        }
        let fresher = match self.live_budget(now) {
            Some(b) => started >= b.started,
            None => true,
        };
        if fresher {
            self.budget = Some(Budget {
                started,
                remaining,
                reset_at,
                others,
            });
        }
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new(MAX_SERVER_WAIT)
    }
}

impl Pacer {
    /// A pacer none of whose waits is longer than `max_wait` (nor 60 s).
    pub(crate) fn new(max_wait: Duration) -> Pacer {
        Pacer {
            state: Mutex::new(PacerState::new(max_wait.min(MAX_SERVER_WAIT))),
        }
    }

    /// Requests per second our own record allows now.
    #[cfg(test)]
    pub(crate) fn per_second(&self) -> u32 {
        self.lock().own_cap(Instant::now())
    }

    /// Blocks until the calling thread may start a request, and records its start. The whole
    /// wait is bounded by `max_wait`: a server cannot stall a request here for longer.
    pub(crate) fn wait(&self) -> (Instant, Held) {
        let entered = Instant::now();
        let mut held_for_reset = false;
        loop {
            let mut state = self.lock();
            let now = Instant::now();
            state.prune(now);
            let (at, for_reset) = state.earliest(now);
            held_for_reset |= for_reset;
            let deadline = entered + state.max_wait;
            if at <= now || now >= deadline {
                state.starts.push_back(now);
                let held = if held_for_reset {
                    Held::ForReset(now - entered)
                } else {
                    Held::No
                };
                return (now, held);
            }
            drop(state);
            std::thread::sleep(at.min(deadline) - now);
        }
    }

    /// Learns from the answer to the request that started at `started`. Returns the new
    /// rate when a 429 lowered it (for the `-v` trace).
    pub(crate) fn observe(
        &self,
        started: Instant,
        status: u16,
        headers: RateHeaders,
    ) -> Option<u32> {
        let mut state = self.lock();
        state.observe(started, Instant::now(), status, headers);
        (status == 429).then(|| state.own_cap(Instant::now()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PacerState> {
        // A thread that panicked while holding the lock left consistent numbers behind.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn headers(limit: &str, remaining: &str, reset: &str) -> RateHeaders {
        RateHeaders::parse(Some(limit), Some(remaining), Some(reset))
    }

    /// Starts requests on `state` as fast as it allows from `t0`, answering each at once with
    /// `answer(i, start)`, until `until`; returns the start offsets in milliseconds.
    fn run(
        state: &mut PacerState,
        t0: Instant,
        until: Duration,
        mut answer: impl FnMut(usize, Instant) -> Option<(u16, RateHeaders)>,
    ) -> Vec<u128> {
        let mut now = t0;
        let mut started = Vec::new();
        loop {
            state.prune(now);
            let (at, _) = state.earliest(now);
            now = now.max(at);
            if now >= t0 + until {
                return started;
            }
            state.starts.push_back(now);
            started.push((now - t0).as_millis());
            if let Some((status, headers)) = answer(started.len() - 1, now) {
                state.observe(now, now, status, headers);
            }
        }
    }

    #[test]
    fn numbers_a_server_sends_are_bounded_or_absent() {
        let parse = |l: &str, r: &str, s: &str| RateHeaders::parse(Some(l), Some(r), Some(s));
        for limit in ["0.001", "1e-30", "0", "-5", "NaN", "inf", "thirty", ""] {
            assert_eq!(parse(limit, "1", "0").limit, None, "{limit}");
        }
        assert_eq!(
            parse("30", "29", "0.5"),
            RateHeaders {
                limit: Some(30),
                remaining: Some(29),
                reset: Some(ms(500)),
            }
        );
        assert_eq!(
            parse("1e30", "1e30", "1e30"),
            RateHeaders {
                limit: Some(MAX_LIMIT),
                remaining: Some(MAX_LIMIT),
                reset: Some(MAX_SERVER_WAIT),
            }
        );
        // Remaining never exceeds the limit; a negative or garbled one is absent.
        assert_eq!(parse("30", "99", "1").remaining, Some(30));
        assert_eq!(
            parse("30", "-1", "x"),
            RateHeaders {
                limit: Some(30),
                remaining: None,
                reset: None,
            }
        );
        // A limit below 1/s leaves the default pacing in place: no panic, no 1,500 s gap.
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        let t0 = Instant::now();
        let starts = run(&mut state, t0, ms(1000), |_, _| {
            Some((200, RateHeaders::parse(Some("1e-30"), None, None)))
        });
        assert_eq!(starts.len(), 20, "{starts:?}");
    }

    #[test]
    fn without_headers_at_most_20_a_second_evenly_spaced() {
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        let t0 = Instant::now();
        let starts = run(&mut state, t0, ms(2000), |_, _| {
            Some((200, RateHeaders::default()))
        });
        assert_eq!(starts.len(), 40);
        assert!(starts.windows(2).all(|w| w[1] - w[0] == 50), "{starts:?}");
    }

    #[test]
    fn remaining_zero_holds_every_request_until_the_reset() {
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        let t0 = Instant::now();
        state.starts.push_back(t0);
        state.observe(t0, t0 + ms(10), 200, headers("30", "0", "0.5"));
        let (at, for_reset) = state.earliest(t0 + ms(10));
        assert_eq!((at - t0, for_reset), (ms(510), true));
        // Remaining 1 is the margin: also held.
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        state.starts.push_back(t0);
        state.observe(t0, t0, 200, headers("30", "1", "0.25"));
        assert_eq!(state.earliest(t0), (t0 + ms(250), true));
        // A reset longer than --timeout (or 60 s) is waited only that long.
        let mut state = PacerState::new(Duration::from_secs(5));
        state.starts.push_back(t0);
        state.observe(t0, t0, 200, headers("30", "0", "3600"));
        assert_eq!(state.earliest(t0).0, t0 + Duration::from_secs(5));
    }

    #[test]
    fn alone_it_spends_the_whole_budget_against_a_fixed_window_server() {
        // The sandbox: fixed one-second windows from the first request, Remaining counting down.
        let limit = 30u32;
        let mut window = (Instant::now(), 0u32);
        let mut limited = 0;
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        let t0 = window.0;
        let starts = run(&mut state, t0, ms(5000), |_, now| {
            if now - window.0 >= WINDOW {
                window = (now, 0);
            }
            window.1 += 1;
            limited += usize::from(window.1 > limit);
            let reset = (WINDOW - (now - window.0)).as_secs_f64().to_string();
            let remaining = limit.saturating_sub(window.1).to_string();
            Some((200, headers("30", &remaining, &reset)))
        });
        assert_eq!(limited, 0);
        // 29 of 30 a window (one of margin): over five seconds, 29 × 5 at least.
        assert!(starts.len() >= 29 * 5, "{}", starts.len());
    }

    #[test]
    fn alone_it_holds_against_a_sliding_window_server() {
        // Reset is when the oldest request of the last second ages out.
        let limit = 30usize;
        let mut seen: VecDeque<Instant> = VecDeque::new();
        let mut limited = 0;
        let mut state = PacerState::new(MAX_SERVER_WAIT);
        let t0 = Instant::now();
        let starts = run(&mut state, t0, ms(5000), |_, now| {
            while seen.front().is_some_and(|s| now - *s >= WINDOW) {
                seen.pop_front();
            }
            seen.push_back(now);
            limited += usize::from(seen.len() > limit);
            let reset = (WINDOW - (now - seen[0])).as_secs_f64().to_string();
            let remaining = limit.saturating_sub(seen.len()).to_string();
            Some((200, headers("30", &remaining, &reset)))
        });
        assert_eq!(limited, 0);
        assert!(starts.len() >= 29 * 5, "{}", starts.len());
    }

    #[test]
    fn another_client_spending_the_budget_slows_it_down() {
        // A fixed-window server where another client spends 20 of 30 a window.
        let run_with = |others_per_window: u32| {
            let limit = 30u32;
            let mut window = (Instant::now(), others_per_window);
            let mut limited = 0;
            let mut state = PacerState::new(MAX_SERVER_WAIT);
            let t0 = window.0;
            let starts = run(&mut state, t0, ms(5000), |_, now| {
                if now - window.0 >= WINDOW {
                    window = (now, others_per_window);
                }
                window.1 += 1;
                limited += usize::from(window.1 > limit);
                let reset = (WINDOW - (now - window.0)).as_secs_f64().to_string();
                let remaining = limit.saturating_sub(window.1).to_string();
                Some((200, headers("30", &remaining, &reset)))
            });
            (starts.len(), limited)
        };
        let (alone, _) = run_with(0);
        let (shared, limited) = run_with(20);
        assert_eq!(limited, 0);
        assert!(shared * 2 < alone, "alone {alone}, shared {shared}");
    }

    /// What happens on the way: a request reaches the server, or its answer comes back.
    enum Event {
        Arrive(usize, Instant),
        Answer(usize, Instant, u32, Duration),
    }

    /// `clients` pacers against one fixed-window server of 30 a second for `seconds`, eight
    /// requests in flight each. A request reaches the server 50 to 89 ms after it starts (so
    /// a later start is often counted first) and its answer comes back 50 ms after that.
    /// Returns the requests each client sent and how many the server refused.
    fn simulate(clients: usize, seconds: u64) -> (Vec<u32>, u32) {
        let limit = 30;
        let t0 = Instant::now();
        let mut window = (t0, 0u32);
        let mut states: Vec<PacerState> = (0..clients)
            .map(|_| PacerState::new(MAX_SERVER_WAIT))
            .collect();
        let mut events: Vec<(Instant, Event)> = Vec::new();
        let mut in_flight = vec![0usize; clients];
        let (mut sent, mut limited) = (vec![0u32; clients], 0);
        let (mut now, mut k) = (t0, 0u64);
        while now < t0 + Duration::from_secs(seconds) {
            events.sort_by_key(|e| e.0);
            while events.first().is_some_and(|e| e.0 <= now) {
                match events.remove(0) {
                    (at, Event::Arrive(c, start)) => {
                        if at - window.0 >= WINDOW {
                            window = (at, 0);
                        }
                        window.1 += 1;
                        limited += u32::from(window.1 > limit);
                        let (remaining, reset) =
                            (limit.saturating_sub(window.1), WINDOW - (at - window.0));
                        events.push((at + ms(50), Event::Answer(c, start, remaining, reset)));
                    }
                    (at, Event::Answer(c, start, remaining, reset)) => {
                        in_flight[c] -= 1;
                        let reset = reset.as_secs_f64().to_string();
                        let answer = headers("30", &remaining.to_string(), &reset);
                        states[c].observe(start, at, 200, answer);
                    }
                }
            }
            let next = (0..clients)
                .filter(|c| in_flight[*c] < 8)
                .map(|c| {
                    states[c].prune(now);
                    (states[c].earliest(now).0, c)
                })
                .min();
            let next_event = events.iter().map(|e| e.0).min();
            match (next, next_event) {
                (Some((at, c)), e) if e.is_none_or(|e| at <= e) => {
                    now = now.max(at);
                    states[c].starts.push_back(now);
                    sent[c] += 1;
                    in_flight[c] += 1;
                    k += 1;
                    events.push((now + ms(50 + (k * 37) % 40), Event::Arrive(c, now)));
                }
                (_, Some(e)) => now = now.max(e),
                _ => unreachable!("a client with nothing in flight may always start"),
            }
        }
        (sent, limited)
    }

    #[test]
    fn alone_with_answers_overlapping_it_keeps_the_servers_pace() {
        // Requests counted out of order must not look like another client spending.
        let (sent, limited) = simulate(1, 10);
        assert_eq!(limited, 0);
        assert!(sent[0] >= 270, "{sent:?}");
    }

    #[test]
    fn two_clients_sharing_one_budget_both_progress_without_429s() {
        let (sent, limited) = simulate(2, 10);
        let total = sent[0] + sent[1];
        assert!(limited * 50 <= total, "{limited} × 429 in {sent:?}");
        // Both get a fair part: neither less than a third of the other's.
        assert!(sent[0] * 3 >= sent[1] && sent[1] * 3 >= sent[0], "{sent:?}");
        // Together they use most of the budget: 10 s at 30 a second.
        assert!(total >= 240, "{sent:?}");
    }

    #[test]
    fn a_429_halves_the_rate_and_calm_answers_restore_it() {
        let pacer = Pacer::default();
        assert_eq!(pacer.per_second(), 20);
        let t0 = Instant::now();
        assert_eq!(pacer.observe(t0, 200, headers("30", "29", "1")), None);
        assert_eq!(pacer.per_second(), 29);
        assert_eq!(pacer.observe(t0, 429, headers("30", "0", "1")), Some(14));
        assert_eq!(pacer.observe(t0, 429, RateHeaders::default()), Some(7));
        // Twice the cap of calm answers undoes one halving.
        for _ in 0..13 {
            pacer.observe(t0, 200, RateHeaders::default());
        }
        assert_eq!(pacer.per_second(), 7);
        pacer.observe(t0, 200, RateHeaders::default());
        assert_eq!(pacer.per_second(), 14);
        for _ in 0..20 {
            pacer.observe(t0, 429, RateHeaders::default());
        }
        assert_eq!(pacer.per_second(), 1);
    }

    #[test]
    fn the_pacer_hands_out_slots_across_threads() {
        // 20/s without headers: 10 starts from 4 threads span at least 9 intervals.
        let pacer = Pacer::default();
        let started = Instant::now();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..3).for_each(|_| _ = pacer.wait()));
            }
        });
        assert!(started.elapsed() >= ms(11 * 50));
    }
}
