//! Colour, when it helps: only on a terminal, and never with `NO_COLOR`.

use std::io::{self, IsTerminal};

use crate::layout::WIDTH;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// Colour if standard output is a terminal and `NO_COLOR` is not set to
    /// a non-empty value (<https://no-color.org>).
    pub fn for_stdout() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Style {
            colour: io::stdout().is_terminal() && !no_color,
        }
    }

    /// No colour, whatever the terminal.
    #[cfg(test)]
    pub fn plain() -> Style {
        Style { colour: false }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// The filled part of a bar.
    pub fn filled(self, text: &str) -> String {
        self.paint("36", text)
    }

    /// A heading drawn across the width: `── line 3 ─────…`.
    pub fn rule(self, heading: &str) -> String {
        let used = heading.chars().count() + 4;
        self.dim(&format!("── {heading} {}", "─".repeat(WIDTH.saturating_sub(used))))
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.colour && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}
