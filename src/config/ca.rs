//! The CA bundle of `--ca-cert` (or `SSL_CERT_FILE`): a regular file, bounded in size.

use std::path::PathBuf;

use ureq::tls::{Certificate, PemItem};

use super::regular_file::open_regular_file;
use crate::error::{Exit, Fail, Result};

/// The most read from a `--ca-cert` file. The whole Mozilla bundle is a quarter of a MiB; a
/// larger file is a mistake (`/dev/zero`, `/dev/stdin` left open), refused rather than read
/// until memory runs out.
const MAX_CA_BUNDLE_BYTES: u64 = 16 << 20;

/// A CA bundle to trust instead of the bundled roots, and the option or variable that named it
/// (what its errors say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaBundle {
    pub(crate) path: PathBuf,
    pub(crate) named_by: &'static str,
}

/// The certificates of the CA bundle, which replace the bundled roots; exit 2 when the file
/// is not a regular file, cannot be read or holds no PEM certificate.
pub(crate) fn load_ca_bundle(bundle: &CaBundle) -> Result<Vec<Certificate<'static>>> {
    use std::io::Read;
    let (path, named_by) = (&bundle.path, bundle.named_by);
    let cannot_read =
        |e: std::io::Error| Fail::usage(format!("cannot read {named_by} {}: {e}", path.display()));
    let file = open_regular_file(path, named_by, Exit::Usage)?
        .ok_or_else(|| cannot_read(std::io::ErrorKind::NotFound.into()))?;
    let mut pem = Vec::new();
    file.take(MAX_CA_BUNDLE_BYTES + 1)
        .read_to_end(&mut pem)
        .map_err(cannot_read)?;
    if pem.len() as u64 > MAX_CA_BUNDLE_BYTES {
        return Err(Fail::usage(format!(
            "{named_by} {}: more than 16 MiB; this is not a CA bundle",
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
            "{named_by} {}: no PEM certificate found",
            path.display()
        )));
    }
    Ok(certs)
}
