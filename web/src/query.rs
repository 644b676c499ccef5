//! The page's query string — the mode (`?mode=kiosk`, the tools' `author`,
//! `consult` and `dashboard`), the kiosk's settings, `?demo` — read as the
//! boot script reads it: the first value given for a key counts.

/// A query string, `?` included or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query(String);

impl Query {
    /// This page's query.
    pub fn of_page() -> Query {
        Query(
            leptos::prelude::window()
                .location()
                .search()
                .unwrap_or_default(),
        )
    }

    /// Its `key=value` parts; a key without `=` has an empty value.
    fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .trim_start_matches('?')
            .split('&')
            .map(|part| part.split_once('=').unwrap_or((part, "")))
    }

    /// The first value given for `key`, decoded (empty if it is not valid
    /// percent-encoding).
    pub fn get(&self, key: &str) -> Option<String> {
        self.pairs()
            .find(|(known, _)| *known == key)
            .map(|(_, value)| {
                js_sys::decode_uri_component(value)
                    .ok()
                    .and_then(|decoded| decoded.as_string())
                    .unwrap_or_default()
            })
    }

    /// Whether `key` is given, with or without a value.
    pub fn has(&self, key: &str) -> bool {
        self.pairs().any(|(known, _)| known == key)
    }
}
