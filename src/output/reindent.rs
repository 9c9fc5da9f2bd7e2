//! JSON text re-laid out as `serde_json::to_string_pretty` lays it out, byte by byte, so a
//! list's items reach stdout as the server wrote their strings and numbers.

use crate::api::nesting::StringScan;

/// The indentation of an item inside the list document's array.
pub(crate) const INDENT: &[u8] = b"    ";

/// JSON text (valid, as the server sent it) laid out as `serde_json::to_string_pretty` lays
/// out a value, nested below [`INDENT`]: a scan of the bytes that drops whitespace between
/// tokens and adds its own, no parsing. Strings and numbers stay as the server wrote them.
pub(crate) fn reindent(compact: &[u8], out: &mut Vec<u8>) {
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend_from_slice(INDENT);
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut scan = StringScan::default();
    let mut depth = 0usize;
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        i += 1;
        if scan.in_string(b) {
            out.push(b);
            continue;
        }
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => {}
            b'{' | b'[' => {
                out.push(b);
                let close = if b == b'{' { b'}' } else { b']' };
                let next = compact[i..]
                    .iter()
                    .position(|c| !c.is_ascii_whitespace())
                    .map(|at| i + at);
                if let Some(at) = next.filter(|at| compact[*at] == close) {
                    out.push(close);
                    i = at + 1;
                } else {
                    depth += 1;
                    newline(out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
}
