//! Values from files echoed back in messages: control characters escaped
//! and long values cut, so a hostile cell can neither drive the terminal
//! (escape sequences, bidi overrides) nor flood it.

/// Characters of an echoed value shown before it is cut with "…".
pub const MAX_ECHO_CHARS: usize = 80;

/// `text` as it may be shown inside a message: control and bidi-control
/// characters written as escapes (`\u{1b}`, `\n`, as `char::escape_debug` does), at most
/// [`MAX_ECHO_CHARS`] characters, then "…".
pub fn echo(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_ECHO_CHARS * 4));
    for (count, c) in text.chars().enumerate() {
        if count == MAX_ECHO_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) || c == '\u{feff}' {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                _ => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that reorder the text around them (a label could show
/// reversed).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_long_values_cut() {
        assert_eq!(echo("\u{1b}]0;PWNED\u{7}"), "\\u{1b}]0;PWNED\\u{7}");
        assert_eq!(echo("a\nb\0"), "a\\nb\\u{0}");
        assert_eq!(echo("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(echo("経営層"), "経営層");
        let long = "x".repeat(10_000);
        assert_eq!(echo(&long).chars().count(), MAX_ECHO_CHARS + 1);
        assert!(echo(&long).ends_with('…'));
    }
}
