//! The stylesheet as visitors get it: without its comments. They explain
//! the rules to the people who edit them, and would cost every first load
//! 0.7 KB gzip, a sixth of the stylesheet (BENCHMARKS.md).

/// `css` without its comments; quoted strings are kept whole, so a `/*`
/// inside `content: "…"` stays. An unclosed comment runs to the end, as
/// in a browser.
pub fn without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(open) => {
                kept.push(c);
                if c == '\\' {
                    kept.extend(chars.next());
                } else if c == open {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                kept.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = None;
                for c in chars.by_ref() {
                    if previous == Some('*') && c == '/' {
                        break;
                    }
                    previous = Some(c);
                }
            }
            None => kept.push(c),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_go_and_strings_stay() {
        let css = "/* why */\na { b: c; } /* two\nlines */ d::before { content: \"/* not a comment */\"; }\ne { content: '\\'/*'; }";
        assert_eq!(
            without_comments(css),
            "\na { b: c; }  d::before { content: \"/* not a comment */\"; }\ne { content: '\\'/*'; }"
        );
    }

    #[test]
    fn a_comment_closes_only_at_star_slash() {
        assert_eq!(without_comments("a/*/ b */c"), "ac");
        assert_eq!(without_comments("a/**/c"), "ac");
        assert_eq!(without_comments("a /* never closed"), "a ");
    }
}
