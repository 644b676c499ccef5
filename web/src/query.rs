//! The page's query string — the mode (`?mode=kiosk`, the tools' `author`,
//! `consult` and `dashboard`), the kiosk's settings, `?demo` — read once
//! and as the boot script reads it: the first value given for a key counts.

/// The parameters of a query string, values decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// This page's query.
    pub fn of_page() -> Query {
        Query::parse(
            &leptos::prelude::window()
                .location()
                .search()
                .unwrap_or_default(),
        )
    }

    /// `search`, with or without its `?`; a key without `=` has an empty
    /// value.
    pub fn parse(search: &str) -> Query {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (key, value) = part.split_once('=').unwrap_or((part, ""));
                (key.to_owned(), decode_component(value))
            })
            .collect();
        Query { pairs }
    }

    /// The first value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(known, _)| known == key)
            .map(|(_, value)| value.as_str())
    }

    /// Whether `key` is given, with or without a value.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// A percent-encoded value as text (empty if it is not valid encoding).
fn decode_component(value: &str) -> String {
    js_sys::decode_uri_component(value)
        .ok()
        .and_then(|decoded| decoded.as_string())
        .unwrap_or_default()
}
