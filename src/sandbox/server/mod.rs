//! The sandbox's HTTP server: a `std::net` listener, one thread per connection under a cap,
//! and the limits that keep one slow or idle client from stopping the others — a read
//! deadline for each request head and body, an idle timeout between requests, and, at the
//! cap or when the process runs out of file descriptors, the connection that has waited
//! longest for a request (its head or its body) is closed to make room. The listener never
//! stops on an accept error. `gate.rs` is what each request goes through; `http.rs` the protocol.

mod gate;
mod http;

use std::collections::HashMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(crate) use gate::{Chaos, Sandbox};
use http::{Conn, ReadError, reason, response_bytes};

use super::documents::error;
use super::log::Log;

/// The limits each connection is held to.
pub(crate) struct Limits {
    pub(crate) max_connections: usize,
    /// How long a kept-alive connection may wait for its next request.
    pub(crate) idle: Duration,
    /// How long a request head, or a body, may take to arrive once started.
    pub(crate) transfer: Duration,
}

impl Limits {
    /// A connection cap that leaves room under the process's file-descriptor limit.
    pub(crate) fn for_this_process() -> Limits {
        Limits {
            max_connections: (fd_limit().saturating_sub(64)).clamp(8, 1024),
            idle: Duration::from_secs(30),
            transfer: Duration::from_secs(10),
        }
    }
}

#[cfg(unix)]
fn fd_limit() -> usize {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
        usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX)
    } else {
        256
    }
}

#[cfg(not(unix))]
fn fd_limit() -> usize {
    1024
}

struct Slot {
    stream: Arc<TcpStream>,
    /// Since when the connection has been waiting for a request, its head or its body (none:
    /// busy with a complete request).
    waiting_since: Option<Instant>,
}

/// The open connections, so the one waiting longest can be closed to make room.
struct Registry {
    slots: Mutex<HashMap<u64, Slot>>,
    next: AtomicU64,
    max: usize,
}

impl Registry {
    fn slots(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a connection, first making room if the cap is reached; `None` when full of
    /// connections that are all busy.
    fn admit(&self, stream: Arc<TcpStream>) -> Option<u64> {
        if self.slots().len() >= self.max && !self.evict_longest_waiting() {
            return None;
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.slots().insert(
            id,
            Slot {
                stream,
                waiting_since: Some(Instant::now()),
            },
        );
        Some(id)
    }

    fn set_waiting(&self, id: u64, waiting: bool) {
        if let Some(slot) = self.slots().get_mut(&id) {
            slot.waiting_since = waiting.then(Instant::now);
        }
    }

    fn leave(&self, id: u64) {
        self.slots().remove(&id);
    }

    /// Closes the connection that has waited longest for a request (its head or its body).
    fn evict_longest_waiting(&self) -> bool {
        let mut slots = self.slots();
        let oldest = slots
            .iter()
            .filter_map(|(id, s)| s.waiting_since.map(|t| (t, *id)))
            .min();
        match oldest.and_then(|(_, id)| slots.remove(&id)) {
            Some(slot) => {
                let _ = slot.stream.shutdown(std::net::Shutdown::Both);
                true
            }
            None => false,
        }
    }
}

/// A connection's place in the registry, given back when its thread ends however it ends.
struct Seat<'a>(&'a Registry, u64);

impl Drop for Seat<'_> {
    fn drop(&mut self) {
        self.0.leave(self.1);
    }
}

/// Serves connections on `listener` until the process ends.
pub(crate) fn serve(listener: TcpListener, sandbox: Sandbox, log: Log, limits: Limits) {
    let shared = Arc::new((sandbox, log, limits));
    let registry = Arc::new(Registry {
        slots: Mutex::new(HashMap::new()),
        next: AtomicU64::new(0),
        max: shared.2.max_connections,
    });
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors (or a connection reset before it was accepted):
                // make room and keep listening.
                registry.evict_longest_waiting();
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let stream = Arc::new(stream);
        let Some(id) = registry.admit(Arc::clone(&stream)) else {
            refuse(&stream);
            continue;
        };
        let (shared_c, registry_c, stream_c) = (
            Arc::clone(&shared),
            Arc::clone(&registry),
            Arc::clone(&stream),
        );
        let spawned = std::thread::Builder::new()
            .name("sandbox-connection".into())
            .stack_size(1024 * 1024)
            .spawn(move || {
                let (sandbox, log, limits) = &*shared_c;
                // Left on drop, so that even a panic in a handler frees the slot.
                let seat = Seat(&registry_c, id);
                serve_connection(sandbox, log, limits, seat.0, id, &stream_c);
            });
        if spawned.is_err() {
            registry.leave(id);
            refuse(&stream);
        }
    }
}

/// Tells a connection the sandbox is full, without waiting on it.
fn refuse(stream: &TcpStream) {
    let body = br#"{"errors":[{"status":"503","title":"Service Unavailable","detail":"too many connections"}]}"#;
    let bytes = response_bytes(
        503,
        &[("Retry-After".into(), "1".into())],
        Some(("application/vnd.api+json", body)),
        true,
    );
    let _ = stream.set_nonblocking(true);
    let _ = (&*stream).write_all(&bytes);
}

fn serve_connection(
    sandbox: &Sandbox,
    log: &Log,
    limits: &Limits,
    registry: &Registry,
    id: u64,
    stream: &TcpStream,
) {
    let _ = stream.set_write_timeout(Some(limits.transfer));
    let mut conn = Conn::new(stream);
    loop {
        registry.set_waiting(id, true);
        let head = match conn.read_head(limits.idle, limits.transfer) {
            Ok(head) => head,
            Err(ReadError::Gone) => return,
            Err(ReadError::Status(status)) => {
                let reply = error(status, reason(status), None);
                let body = serde_json::to_vec(&reply.body).expect("documents serialise");
                let bytes =
                    response_bytes(status, &[], Some(("application/vnd.api+json", &body)), true);
                let _ = (&*stream).write_all(&bytes);
                log.line(&format!("- - {status} (unreadable request head)"));
                return;
            }
        };
        // Still evictable while its body is awaited: a stalled body must not hold a slot that
        // a new connection needs. Busy (never closed under it) once the request is complete.
        let started = Instant::now();
        let complete = || registry.set_waiting(id, false);
        let answer = match sandbox.answer(&head, &mut conn, limits.transfer, &complete) {
            Ok(answer) => answer,
            Err(ReadError::Status(status)) => gate::Answer {
                reply: error(status, reason(status), None),
                close: true,
            },
            Err(ReadError::Gone) => {
                log.line(&format!(
                    "{} {} - (the body did not arrive)",
                    head.method, head.target
                ));
                return;
            }
        };
        let close = answer.close || !head.keep_alive();
        let reply = answer.reply;
        let content_type = if head.target.starts_with("/.well-known/") {
            "application/json"
        } else {
            "application/vnd.api+json"
        };
        let body = reply
            .body
            .as_ref()
            .map(|doc| serde_json::to_vec(doc).expect("documents serialise"));
        let mut headers = reply.headers.clone();
        let request_id = sandbox
            .chaos
            .rng
            .lock()
            .map(|mut r| r.alphanumeric(20))
            .unwrap_or_default();
        headers.push(("X-Request-Id".into(), request_id));
        let bytes = response_bytes(
            reply.status,
            &headers,
            body.as_deref().map(|b| (content_type, b)),
            close,
        );
        let written = (&*stream).write_all(&bytes);
        log.line(&format!(
            "{} {} {} {}ms",
            head.method,
            head.target,
            reply.status,
            started.elapsed().as_millis()
        ));
        if close || written.is_err() {
            return;
        }
    }
}
