//! A loopback HTTPS server with the test certificate of `tests/fixtures/tls/` (signed by a
//! test CA no system trusts), answering every request with the same bytes.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

pub struct TlsServer {
    /// `https://127.0.0.1:PORT`.
    pub url: String,
    /// The test CA's certificate, for `--ca-cert`.
    pub ca_pem: std::path::PathBuf,
    answered: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl TlsServer {
    /// Serves `answer` (a whole HTTP response) to every request that completes a handshake.
    pub fn start(answer: Vec<u8>) -> TlsServer {
        let dir = super::fixtures_dir().join("tls");
        let certs: Vec<CertificateDer<'static>> =
            CertificateDer::pem_file_iter(dir.join("server.pem"))
                .unwrap()
                .map(Result::unwrap)
                .collect();
        let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
        let config = Arc::new(
            rustls::ServerConfig::builder()
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .unwrap(),
        );
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let answered = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, stopped) = (Arc::clone(&answered), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(tcp) = stream else { continue };
                let conn = rustls::ServerConnection::new(Arc::clone(&config)).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, tcp);
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                // A client that refuses the certificate ends the handshake: read fails.
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                if head.windows(4).any(|w| w == b"\r\n\r\n") {
                    let _ = tls.write_all(&answer);
                    let _ = tls.flush();
                    count.fetch_add(1, Ordering::SeqCst);
                }
                tls.conn.send_close_notify();
                let _ = tls.flush();
            }
        });
        TlsServer {
            url: format!("https://127.0.0.1:{port}"),
            ca_pem: dir.join("ca.pem"),
            answered,
            stop,
            port,
        }
    }

    /// How many requests got the answer (completed a handshake and sent a request).
    pub fn answered(&self) -> usize {
        self.answered.load(Ordering::SeqCst)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}
