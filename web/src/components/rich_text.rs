//! A bank's longer text (help, an area's description) as paragraphs and
//! lists: the engine's `blocks`, each part a text node, never HTML.

use leptos::prelude::*;
use shindan_engine::{Block, blocks};

/// `text` as `<p>` and `<ul>` elements.
#[component]
pub fn RichText(#[prop(into)] text: String) -> impl IntoView {
    blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(paragraph) => view! { <p>{paragraph}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}
