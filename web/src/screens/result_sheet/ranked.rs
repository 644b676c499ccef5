//! A list of areas by name and level: the strengths, or the areas to work
//! on first.

use leptos::prelude::*;
use shindan_engine::Lang;
use shindan_engine::sheet::RankedArea;

use super::level_text;
use crate::messages::{self as m, Msg};

/// The areas under `heading` in a section of `class`, listed with
/// `testid`, or 「まだありません」 when there are none.
pub fn ranked_list(
    class: &'static str,
    testid: &'static str,
    heading: Msg,
    areas: &[RankedArea],
    lang: Lang,
) -> impl IntoView + use<> {
    let list = if areas.is_empty() {
        view! { <p data-testid=testid>{m::NONE_YET.get(lang)}</p> }.into_any()
    } else {
        view! {
            <ol data-testid=testid>
                {areas
                    .iter()
                    .map(|area| view! { <li>{area.name.get(lang).to_owned()} " (" {level_text(area.level, lang)} ")"</li> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class=class>
            <h3>{heading.get(lang)}</h3>
            {list}
        </section>
    }
}
