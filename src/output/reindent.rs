//! JSON text re-laid out as `serde_json::to_string_pretty` lays it out, byte by byte, so a
//! list's items reach stdout as the server wrote their strings and numbers.

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
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
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
