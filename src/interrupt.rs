//! SIGINT and SIGTERM during a run of PATCHes (a relink or an undo, SPEC §10 "Interrupted"):
//! caught and remembered instead of ending the process, so that no further PATCH starts, those
//! in flight finish and are journaled, and the summary so far is printed. A second signal
//! ends the process at once (the handler is reset after the first), and the first signal
//! decides the exit code; the journal still holds
//! every PATCH sent.

use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::Exit;

/// The signal caught while a [`Catch`] was in place (0: none).
static CAUGHT: AtomicI32 = AtomicI32::new(0);

/// While it lives, SIGINT and SIGTERM are caught; dropped, the default actions are back.
pub(crate) struct Catch(());

impl Catch {
    pub(crate) fn install() -> Catch {
        CAUGHT.store(0, Ordering::SeqCst);
        platform::install();
        Catch(())
    }

    /// The exit code of the signal caught so far: 130 for SIGINT, 143 for SIGTERM.
    pub(crate) fn caught(&self) -> Option<Exit> {
        platform::exit_of(CAUGHT.load(Ordering::SeqCst))
    }
}

impl Drop for Catch {
    fn drop(&mut self) {
        platform::restore();
    }
}

#[cfg(unix)]
mod platform {
    use super::CAUGHT;
    use crate::error::Exit;
    use std::sync::atomic::Ordering;

    extern "C" fn on_signal(signal: libc::c_int) {
        // The first signal decides the exit code: a SIGINT after a SIGTERM (the other
        // handler is still in place) must not turn 143 into 130. An atomic
        // compare-and-swap is async-signal-safe.
        let _ = CAUGHT.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
    }

    pub(crate) fn install() {
        for signal in [libc::SIGINT, libc::SIGTERM] {
            // SAFETY: a zeroed sigaction is valid; the handler only stores to an atomic.
            // SA_RESTART lets the PATCH in flight finish its reads and writes; SA_RESETHAND
            // makes a second signal do what it always does.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as *const () as libc::sighandler_t;
                action.sa_flags = libc::SA_RESTART | libc::SA_RESETHAND;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }

    pub(crate) fn restore() {
        for signal in [libc::SIGINT, libc::SIGTERM] {
            // SAFETY: restores the default disposition.
            unsafe {
                libc::signal(signal, libc::SIG_DFL);
            }
        }
    }

    pub(crate) fn exit_of(signal: libc::c_int) -> Option<Exit> {
        match signal {
            libc::SIGINT => Some(Exit::Interrupted),
            libc::SIGTERM => Some(Exit::Terminated),
            _ => None,
        }
    }
}

#[cfg(not(unix))]
mod platform {
    use crate::error::Exit;

    pub(crate) fn install() {}
    pub(crate) fn restore() {}
    pub(crate) fn exit_of(_: i32) -> Option<Exit> {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_signal_is_remembered_while_caught_and_the_first_decides() {
        let catch = Catch::install();
        assert_eq!(catch.caught(), None);
        // SAFETY: raising a signal this process handles.
        unsafe {
            libc::raise(libc::SIGTERM);
        }
        assert_eq!(catch.caught(), Some(Exit::Terminated));
        drop(catch);
        let catch = Catch::install();
        assert_eq!(catch.caught(), None, "a new catch starts clean");
        unsafe {
            libc::raise(libc::SIGINT);
        }
        assert_eq!(catch.caught(), Some(Exit::Interrupted));
        drop(catch);
        // In the same test: the signal state is the process's, shared by parallel tests.
        let catch = Catch::install();
        // SAFETY: raising signals this process handles; SIGTERM's handler resets itself,
        // SIGINT's is still in place when it comes.
        unsafe {
            libc::raise(libc::SIGTERM);
            libc::raise(libc::SIGINT);
        }
        assert_eq!(catch.caught(), Some(Exit::Terminated));
    }
}
