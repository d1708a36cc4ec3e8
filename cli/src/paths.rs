//! How a path argument is understood and named: `-` means standard input,
//! which messages call `<stdin>`. Both `input` (which opens paths) and
//! `failure` (which names them in messages) use it.

use std::path::Path;

/// Whether a path argument means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a path is named in messages.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}
