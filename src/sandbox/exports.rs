//! The `export NAME=value` lines the sandbox prints for `eval`: every value goes through one
//! POSIX shell quoting, so a `--token` or `--org` holding `;`, `$`, quotes or backticks is
//! data to the shell, never a command.

/// `export NAME=value\n`, the value quoted for a POSIX shell.
pub fn line(name: &str, value: &str) -> String {
    format!("export {name}={}\n", quoted(value))
}

/// The value as is when every character means itself to a shell, else in single quotes
/// (inside which only `'` is special: it ends the quotes, is escaped, and they start again).
fn quoted(value: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,:/@%+=".contains(c);
    if !value.is_empty() && value.chars().all(plain) {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_mean_something_to_a_shell_are_single_quoted() {
        assert_eq!(line("A", "abc.atlasv1.XYZ"), "export A=abc.atlasv1.XYZ\n");
        assert_eq!(
            line("A", "http://127.0.0.1:80"),
            "export A=http://127.0.0.1:80\n"
        );
        assert_eq!(line("A", "x;echo${IFS}hi"), "export A='x;echo${IFS}hi'\n");
        assert_eq!(line("A", "it's"), "export A='it'\\''s'\n");
        assert_eq!(line("A", ""), "export A=''\n");
    }
}
