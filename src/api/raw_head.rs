//! The head of the last answer as it arrived, kept per thread: ureq refuses a head that is not
//! valid HTTP (a control character in a header) before its status is seen, and a 3xx whose
//! `Location` holds one is still a redirect to report (SPEC §2), with its status and target.

use std::cell::RefCell;

use ureq::Error;
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport,
};

/// More than any head worth reading back; the rest is never looked at.
const MAX_KEPT: usize = 16 * 1024;

thread_local! {
    // ureq is blocking: an answer is read on the thread that sent its request.
    static LAST_HEAD: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// ureq's own connector, with every connection keeping the head of each answer it reads.
#[derive(Debug, Default)]
pub(crate) struct HeadKeepingConnector(DefaultConnector);

impl Connector for HeadKeepingConnector {
    type Out = Box<dyn Transport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<Self::Out>, Error> {
        let connected = self.0.connect(details, chained)?;
        Ok(connected.map(|inner| Box::new(HeadKeeping(inner)) as Box<dyn Transport>))
    }
}

#[derive(Debug)]
struct HeadKeeping(Box<dyn Transport>);

impl Transport for HeadKeeping {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), Error> {
        self.0.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, Error> {
        let more = self.0.await_input(timeout)?;
        let input = self.0.buffers().input();
        // Unread input that starts an answer: its head, as far as it has arrived.
        if input.starts_with(b"HTTP/") {
            let kept = &input[..input.len().min(MAX_KEPT)];
            LAST_HEAD.with(|head| {
                let mut head = head.borrow_mut();
                head.clear();
                head.extend_from_slice(kept);
            });
        }
        Ok(more)
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}

/// Forgets the head kept on this thread: called before each request, so that what is read
/// back is this request's answer.
pub(crate) fn forget() {
    LAST_HEAD.with(|head| head.borrow_mut().clear());
}

/// The status and `Location` (as sent: whoever shows it escapes it) of the answer last read
/// on this thread, if it was a 3xx.
pub(crate) fn last_redirect() -> Option<(u16, Option<String>)> {
    LAST_HEAD.with(|head| redirect_in(&head.borrow()))
}

fn redirect_in(head: &[u8]) -> Option<(u16, Option<String>)> {
    let mut lines = head.split(|b| *b == b'\n');
    // `HTTP/1.1 302 Found`
    let status_line = lines.next()?;
    if !status_line.starts_with(b"HTTP/1.") || status_line.get(8) != Some(&b' ') {
        return None;
    }
    let status: u16 = std::str::from_utf8(status_line.get(9..12)?)
        .ok()?
        .parse()
        .ok()?;
    if !(300..400).contains(&status) {
        return None;
    }
    let location = lines
        .take_while(|line| !line.is_empty() && *line != b"\r")
        .find_map(|line| {
            let colon = line.iter().position(|b| *b == b':')?;
            let (name, value) = (&line[..colon], &line[colon + 1..]);
            name.eq_ignore_ascii_case(b"location")
                .then(|| String::from_utf8_lossy(value).trim().to_string())
        });
    Some((status, location))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_3xx_head_gives_its_status_and_location_and_nothing_else_does() {
        let head =
            b"HTTP/1.1 302 Found\r\nConnection: close\r\nLocation: https://x/\x1b[2J\r\n\r\n";
        assert_eq!(
            redirect_in(head),
            Some((302, Some("https://x/\x1b[2J".to_string())))
        );
        assert_eq!(
            redirect_in(b"HTTP/1.1 301 Moved\r\n\r\nLocation: body"),
            Some((301, None))
        );
        assert_eq!(redirect_in(b"HTTP/1.1 200 OK\r\nLocation: x\r\n\r\n"), None);
        assert_eq!(redirect_in(b"HTTP/1.1 3"), None);
        assert_eq!(redirect_in(b"SSH-2.0-OpenSSH_9.6\r\n"), None);
        assert_eq!(redirect_in(b""), None);
    }
}
