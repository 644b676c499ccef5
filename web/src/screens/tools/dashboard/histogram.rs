//! A distribution's histogram as five small bars, labelled with the counts
//! (not colour alone).

use leptos::prelude::*;
use shindan_engine::{BINS, Lang};

use crate::messages::tools::dashboard as t;

/// Five bars of counts, labelled with the counts (not colour alone).
pub fn histogram(lang: Lang, counts: &[usize; BINS]) -> impl IntoView + use<> {
    let highest = counts.iter().copied().max().unwrap_or(0).max(1);
    let label = format!(
        "{}: {}",
        t::HISTOGRAM.get(lang),
        counts
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" / ")
    );
    let bars = counts
        .iter()
        .enumerate()
        .map(|(bin, &count)| {
            let height = 30.0 * count as f64 / highest as f64;
            view! { <rect class="bar" x=bin * 22 y=format!("{:.1}", 32.0 - height) width="18" height=format!("{height:.1}") /> }
        })
        .collect_view();
    let data = counts
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    view! {
        <svg class="histogram" viewBox="0 0 110 34" role="img" aria-label=label data-counts=data>
            {bars}
        </svg>
    }
}
