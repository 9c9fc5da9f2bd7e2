//! SIGINT and SIGTERM during a run of PATCHes (a relink or an undo, SPEC §10 "Interrupted"):
//! caught and remembered instead of ending the process, so that no further PATCH starts, those
//! in flight finish and are journaled, and the summary so far is printed. A second signal
//! ends the process at once (the handler is reset after the first), and the first signal
//! decides the exit code; the journal still holds
//! every PATCH sent. Before the PATCH phase, [`RemoveOnSignal`] lets both signals end the
//! process as usual but first removes the journal that holds only its header.

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

/// Before a run's PATCH phase (during its checks, its walk, its prompt), SIGINT and SIGTERM
/// keep their usual effect, ending the process, but first remove the file given (a journal
/// that holds only its header, which a run that never sent anything must not leave behind).
/// A [`Catch`] installed later takes over both signals. Dropped, the defaults are back.
pub(crate) struct RemoveOnSignal(());

impl RemoveOnSignal {
    pub(crate) fn install(path: &std::path::Path) -> RemoveOnSignal {
        platform::remove_on_signal(path);
        RemoveOnSignal(())
    }
}

/// For another handler that ends the process before the PATCH phase (a prompt's Ctrl-C):
/// removes the file a [`RemoveOnSignal`] guards, if one does. Async-signal-safe.
pub(crate) fn remove_pending_file() {
    platform::remove_pending_file();
}

impl Drop for RemoveOnSignal {
    fn drop(&mut self) {
        platform::restore();
        platform::forget_removal();
    }
}

#[cfg(unix)]
mod platform {
    use super::CAUGHT;
    use crate::error::Exit;
    use std::sync::atomic::{AtomicPtr, Ordering};

    extern "C" fn on_signal(signal: libc::c_int) {
        // The first signal decides the exit code: a SIGINT after a SIGTERM (the other
        // handler is still in place) must not turn 143 into 130. An atomic
        // compare-and-swap is async-signal-safe.
        let _ = CAUGHT.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// The file [`remove_then_die`] removes (null: none). A leaked C string, never freed:
    /// a handler may be reading it.
    static TO_REMOVE: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// Removes the file of [`remove_on_signal`], if any: for a signal handler (another one,
    /// a prompt's, ends the process too). Async-signal-safe: an atomic load and unlink.
    pub(crate) fn remove_pending_file() {
        let path = TO_REMOVE.load(Ordering::SeqCst);
        // SAFETY: `path` is null or a C string leaked by `remove_on_signal`, never freed.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
        }
    }

    extern "C" fn remove_then_die(signal: libc::c_int) {
        remove_pending_file();
        // SAFETY: signal and raise are async-signal-safe; the default action is restored and
        // the signal raised again to end the process as it would have ended.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    pub(crate) fn remove_on_signal(path: &std::path::Path) {
        use std::os::unix::ffi::OsStrExt;
        let Ok(path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return;
        };
        TO_REMOVE.store(path.into_raw(), Ordering::SeqCst);
        set_handler(remove_then_die as *const () as libc::sighandler_t, 0);
    }

    pub(crate) fn forget_removal() {
        TO_REMOVE.store(std::ptr::null_mut(), Ordering::SeqCst);
    }

    fn set_handler(handler: libc::sighandler_t, flags: libc::c_int) {
        for signal in [libc::SIGINT, libc::SIGTERM] {
            // SAFETY: a zeroed sigaction is valid; the handlers only touch atomics and make
            // async-signal-safe calls.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = handler;
                action.sa_flags = flags;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }

    pub(crate) fn install() {
        // SA_RESTART lets the PATCH in flight finish its reads and writes; SA_RESETHAND
        // makes a second signal do what it always does.
        set_handler(
            on_signal as *const () as libc::sighandler_t,
            libc::SA_RESTART | libc::SA_RESETHAND,
        );
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
    pub(crate) fn remove_on_signal(_: &std::path::Path) {}
    pub(crate) fn remove_pending_file() {}
    pub(crate) fn forget_removal() {}
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
