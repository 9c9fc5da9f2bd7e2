//! HTTP/1.1 on one connection, over `httparse`: reading a request head within a deadline,
//! reading a body only when asked and within a bound and a deadline, and writing a response
//! in one write (with `TCP_NODELAY` set on the socket, no Nagle stall on keep-alive).

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Largest request head accepted (request line and headers).
pub(crate) const MAX_HEAD: usize = 64 * 1024;
/// Largest request body accepted.
pub(crate) const MAX_BODY: usize = 1 << 20;
const MAX_HEADERS: usize = 64;

/// A parsed request head.
#[derive(Debug)]
pub(crate) struct Head {
    pub(crate) method: String,
    pub(crate) target: String,
    /// HTTP/1.0 (`false`) or 1.1.
    pub(crate) http11: bool,
    pub(crate) headers: Vec<(String, String)>,
}

impl Head {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn values<'h>(&'h self, name: &'h str) -> impl Iterator<Item = &'h str> + 'h {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
    }

    /// How the body is framed, checked once when the head is read: a request that frames it
    /// two ways (`Content-Length` and `Transfer-Encoding`, two different lengths) could be read
    /// one way here and another by a proxy in front (request smuggling, RFC 9112 §6.3), so it
    /// is refused and its connection closed.
    fn framing(&self) -> Result<Framing, ReadError> {
        let lengths: Vec<&str> = self.values("Content-Length").collect();
        let encodings: Vec<&str> = self.values("Transfer-Encoding").collect();
        match (lengths.as_slice(), encodings.as_slice()) {
            ([], []) => Ok(Framing::Length(0)),
            ([], [one]) if one.eq_ignore_ascii_case("chunked") => Ok(Framing::Chunked),
            ([first, rest @ ..], []) if rest.iter().all(|v| v == first) => {
                // Digits only: `parse` would also take `+5`, which a proxy may read otherwise.
                if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ReadError::Status(400));
                }
                first
                    .parse()
                    .map(Framing::Length)
                    .map_err(|_| ReadError::Status(400))
            }
            _ => Err(ReadError::Status(400)),
        }
    }

    /// Whether a body follows the head.
    pub(crate) fn has_body(&self) -> bool {
        !matches!(self.framing(), Ok(Framing::Length(0)))
    }

    /// Whether the client wants the connection kept after the response.
    pub(crate) fn keep_alive(&self) -> bool {
        let connection = self.header("Connection").map(str::to_ascii_lowercase);
        match connection.as_deref() {
            Some(v) if v.contains("close") => false,
            Some(v) if v.contains("keep-alive") => true,
            _ => self.http11,
        }
    }
}

/// How a request's body is delimited.
#[derive(Debug, PartialEq)]
enum Framing {
    Length(usize),
    Chunked,
}

/// Why no request could be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The peer closed, or went quiet past a deadline: close without answering.
    Gone,
    /// An answerable problem: the status to send before closing.
    Status(u16),
}

/// One connection: the socket and bytes read past the previous request.
pub(crate) struct Conn<'a> {
    pub(crate) stream: &'a TcpStream,
    buffer: Vec<u8>,
}

fn would_block(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

impl<'a> Conn<'a> {
    pub(crate) fn new(stream: &'a TcpStream) -> Self {
        Conn {
            stream,
            buffer: Vec::new(),
        }
    }

    /// Reads more bytes, waiting at most until `deadline`.
    fn fill(&mut self, deadline: Instant) -> Result<(), ReadError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::Gone);
        }
        let _ = self
            .stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))));
        let mut chunk = [0u8; 16 * 1024];
        match (&*self.stream).read(&mut chunk) {
            Ok(0) => Err(ReadError::Gone),
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(()),
            Err(e) if would_block(&e) => Err(ReadError::Gone),
            Err(_) => Err(ReadError::Gone),
        }
    }

    /// Waits up to `idle` for a request to start, then up to `deadline` for its whole head.
    pub(crate) fn read_head(
        &mut self,
        idle: Duration,
        deadline: Duration,
    ) -> Result<Head, ReadError> {
        if self.buffer.is_empty() {
            self.fill(Instant::now() + idle)?;
        }
        let until = Instant::now() + deadline;
        loop {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut request = httparse::Request::new(&mut headers);
            match request.parse(&self.buffer) {
                Ok(httparse::Status::Complete(length)) => {
                    let head = Head {
                        method: request.method.unwrap_or("").to_ascii_uppercase(),
                        target: request.path.unwrap_or("/").to_string(),
                        http11: request.version == Some(1),
                        headers: request
                            .headers
                            .iter()
                            .map(|h| {
                                (
                                    h.name.to_string(),
                                    String::from_utf8_lossy(h.value).into_owned(),
                                )
                            })
                            .collect(),
                    };
                    self.buffer.drain(..length);
                    head.framing()?;
                    return Ok(head);
                }
                Ok(httparse::Status::Partial) if self.buffer.len() > MAX_HEAD => {
                    return Err(ReadError::Status(431));
                }
                Ok(httparse::Status::Partial) => self.fill(until)?,
                Err(httparse::Error::TooManyHeaders) => return Err(ReadError::Status(431)),
                Err(_) => return Err(ReadError::Status(400)),
            }
        }
    }

    /// Reads the body `head` announces, at most `MAX_BODY` bytes, within `deadline`.
    pub(crate) fn read_body(
        &mut self,
        head: &Head,
        deadline: Duration,
    ) -> Result<Vec<u8>, ReadError> {
        let until = Instant::now() + deadline;
        if head
            .header("Expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
        {
            let _ = (&*self.stream).write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
        let length = match head.framing()? {
            Framing::Chunked => return self.read_chunked(until),
            Framing::Length(length) => length,
        };
        if length > MAX_BODY {
            return Err(ReadError::Status(413));
        }
        while self.buffer.len() < length {
            self.fill(until)?;
        }
        Ok(self.buffer.drain(..length).collect())
    }

    fn read_line(&mut self, until: Instant) -> Result<String, ReadError> {
        loop {
            if let Some(end) = self.buffer.windows(2).position(|w| w == b"\r\n") {
                let line = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
                self.buffer.drain(..end + 2);
                return Ok(line);
            }
            if self.buffer.len() > MAX_HEAD {
                return Err(ReadError::Status(400));
            }
            self.fill(until)?;
        }
    }

    fn read_chunked(&mut self, until: Instant) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line = self.read_line(until)?;
            let size = line.split(';').next().unwrap_or("").trim();
            if size.is_empty() || !size.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ReadError::Status(400));
            }
            // More hex digits than a number holds: 400, as the size is not even a number.
            let size = usize::from_str_radix(size, 16).map_err(|_| ReadError::Status(400))?;
            if size == 0 {
                // Trailers, up to the empty line.
                while !self.read_line(until)?.is_empty() {}
                return Ok(body);
            }
            // A size near 2^64 must not wrap the sums below: compare against what is left.
            if size > MAX_BODY - body.len() {
                return Err(ReadError::Status(413));
            }
            while self.buffer.len() < size + 2 {
                self.fill(until)?;
            }
            body.extend(self.buffer.drain(..size));
            self.buffer.drain(..2);
        }
    }
}

pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// A whole response in one buffer: status line, headers, `Content-Length`, body.
pub(crate) fn response_bytes(
    status: u16,
    headers: &[(String, String)],
    body: Option<(&str, &[u8])>,
    close: bool,
) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status)).into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    if let Some((content_type, _)) = body {
        out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    }
    let length = body.map_or(0, |(_, b)| b.len());
    if status != 204 {
        out.extend_from_slice(format!("Content-Length: {length}\r\n").as_bytes());
    }
    if close {
        out.extend_from_slice(b"Connection: close\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if let Some((_, bytes)) = body {
        out.extend_from_slice(bytes);
    }
    out
}
