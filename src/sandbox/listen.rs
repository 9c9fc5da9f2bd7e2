//! Where the sandbox listens (SPEC §9): on loopback only, as its token and data are for this
//! machine; an address already taken is named with the two ways out.

use std::io::ErrorKind;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};

use crate::error::{Fail, Result};

/// The addresses `--listen` names, every one of them loopback (exit 2 otherwise, before
/// anything is bound or started in the background).
pub(crate) fn loopback_addresses(listen: &str) -> Result<Vec<SocketAddr>> {
    let hint =
        "give a loopback host:port, such as --listen 127.0.0.1:8990 (port 0 picks a free one)";
    let addresses: Vec<SocketAddr> = listen
        .to_socket_addrs()
        .map_err(|e| Fail::usage(format!("--listen {listen:?} is not an address: {e}")).hint(hint))?
        .collect();
    if addresses.is_empty() {
        return Err(Fail::usage(format!("--listen {listen:?} names no address")).hint(hint));
    }
    if let Some(outside) = addresses.iter().find(|a| !a.ip().is_loopback()) {
        return Err(Fail::usage(format!(
            "refusing to listen on {outside}: the sandbox's token and data are for this machine only"
        ))
        .hint(hint));
    }
    Ok(addresses)
}

/// Binds the first of `addresses` that is free; an address in use is exit 1 with a hint.
pub(crate) fn bind(listen: &str, addresses: &[SocketAddr]) -> Result<TcpListener> {
    TcpListener::bind(addresses).map_err(|e| {
        let fail = Fail::other(format!("cannot listen on {listen}: {e}"));
        if e.kind() == ErrorKind::AddrInUse {
            fail.hint(
                "something already listens there, such as a sandbox started earlier: pick a free port with --listen 127.0.0.1:0, or stop that sandbox (kill \"$TFVCS_SANDBOX_PID\")",
            )
        } else {
            fail
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_are_accepted() {
        for good in ["127.0.0.1:0", "[::1]:8990", "localhost:0", "127.1.2.3:9"] {
            assert!(loopback_addresses(good).is_ok(), "{good}");
        }
        for bad in ["0.0.0.0:0", "[::]:0", "192.0.2.1:80", "8990", "127.0.0.1"] {
            let fail = loopback_addresses(bad).unwrap_err();
            assert_eq!(fail.exit as i32, 2, "{bad}");
        }
    }
}
