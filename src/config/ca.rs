//! The CA bundle of `--ca-cert` (or `SSL_CERT_FILE`), bounded in size.

use std::path::Path;

use ureq::tls::{Certificate, PemItem};

use crate::error::{Fail, Result};

/// The most read from a `--ca-cert` file. The whole Mozilla bundle is a quarter of a MiB; a
/// larger file is a mistake (`/dev/zero`, `/dev/stdin` left open), refused rather than read
/// until memory runs out.
const MAX_CA_BUNDLE_BYTES: u64 = 16 << 20;

/// The certificates of `--ca-cert` (or `SSL_CERT_FILE`), which replace the bundled roots;
/// exit 2 when the file cannot be read or holds no PEM certificate.
pub(crate) fn load_ca_bundle(path: &Path) -> Result<Vec<Certificate<'static>>> {
    use std::io::Read;
    let cannot_read =
        |e: std::io::Error| Fail::usage(format!("cannot read --ca-cert {}: {e}", path.display()));
    let mut pem = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_CA_BUNDLE_BYTES + 1).read_to_end(&mut pem))
        .map_err(cannot_read)?;
    if pem.len() as u64 > MAX_CA_BUNDLE_BYTES {
        return Err(Fail::usage(format!(
            "--ca-cert {}: more than 16 MiB; this is not a CA bundle",
            path.display()
        )));
    }
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(Fail::usage(format!(
            "--ca-cert {}: no PEM certificate found",
            path.display()
        )));
    }
    Ok(certs)
}
