//! Consultation mode (`?mode=consult`, tools build) for support institutions
//! following up a company: open its result files, see before/after on one
//! radar with per-area changes and which suggestions were addressed (the
//! engine's `compare`), the trend over all results, and keep notes per
//! area in the exported file. Printable like the result sheet.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Bank, ResultDoc, Text, changed_dimensions, other_company};

use crate::messages as m;
use crate::messages::tools::consult;
use crate::session::use_session;
use crate::{banks, files};

mod comparison;
mod follow_up;
mod trend;

use comparison::comparison;

/// The consultation screen.
#[component]
pub fn Consultation() -> impl IntoView {
    let session = use_session();
    let results = RwSignal::new(Vec::<ResultDoc>::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let bank = RwSignal::new(None::<Arc<Bank>>);
    // Dimensions whose questions differ between the first and last result's
    // editions, with the two versions (empty when both share an edition).
    let edition_changes = RwSignal::new(None::<(String, String, Vec<String>)>);
    let notes = RwSignal::new(BTreeMap::<String, String>::new());
    // Files that may be another company's, held back until the adviser
    // drops them or confirms they are the same company (e.g. renamed).
    let suspects = RwSignal::new(Vec::<(ResultDoc, Text)>::new());

    let open = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        spawn_local(async move {
            let (mut loaded, mut refused) = (Vec::new(), Vec::new());
            let lang = session.lang.get_untracked();
            for (name, text) in files::picked_texts(&input, files::MAX_RESULT_BYTES, lang).await {
                match text.and_then(|text| {
                    ResultDoc::from_json(&text).map_err(|diagnostic| diagnostic.message)
                }) {
                    Ok(result) => loaded.push(result),
                    Err(reason) => refused.push(format!("{name}: {reason}")),
                }
            }
            input.set_value("");
            loaded.sort_by(|a, b| a.date.cmp(&b.date));
            // The latest visit names the company; others that differ wait.
            let mut held_back = Vec::new();
            if let Some(latest) = loaded.last().cloned() {
                let (same, other): (Vec<_>, Vec<_>) = loaded
                    .into_iter()
                    .map(|result| {
                        let why = other_company(&latest, &result);
                        (result, why)
                    })
                    .partition(|(_, why)| why.is_none());
                loaded = same.into_iter().map(|(result, _)| result).collect();
                held_back = other
                    .into_iter()
                    .filter_map(|(result, why)| why.map(|why| (result, why)))
                    .collect();
            }
            if let Some(first) = loaded.first().cloned() {
                // Another tier's bank (the company grew or shrank) is
                // compared on the areas both share; another bank of the
                // same tier is a different instrument.
                loaded.retain(|result| {
                    let same =
                        result.bank.id == first.bank.id || result.bank.tier != first.bank.tier;
                    if !same {
                        let lang = session.lang.get_untracked();
                        refused.push(
                            consult::OTHER_QUESTION_SET
                                .fill(lang, &[&result.date, &result.bank.id, &first.bank.id]),
                        );
                    }
                    same
                });
                let last = loaded.last().cloned().unwrap_or_else(|| first.clone());
                let after = banks::fetch_edition(last.bank.tier, &last.bank.version).await;
                let before = if first.bank.version == last.bank.version
                    && first.bank.tier == last.bank.tier
                {
                    None
                } else {
                    Some(banks::fetch_edition(first.bank.tier, &first.bank.version).await)
                };
                match (before, after) {
                    (_, Err(error)) | (Some(Err(error)), _) => refused.push(error),
                    (before, Ok(after)) => {
                        // The edition, and the tier too when it changed.
                        let lang = session.lang.get_untracked();
                        let tiers_differ = first.bank.tier != last.bank.tier;
                        let label = |bank: &Bank| {
                            if tiers_differ {
                                format!("{} {}", bank.tier.name().get(lang), bank.version)
                            } else {
                                bank.version.clone()
                            }
                        };
                        edition_changes.set(match before {
                            Some(Ok(before)) => Some((
                                label(&before),
                                label(&after),
                                changed_dimensions(&before, &after),
                            )),
                            _ => None,
                        });
                        bank.set(Some(after));
                    }
                }
            }
            // Shown together, once the banks are in: a held-back file never
            // appears before the results it was held back from.
            suspects.set(held_back);
            notes.set(loaded.last().map(|r| r.notes.clone()).unwrap_or_default());
            results.set(loaded);
            problems.set(refused);
        });
    };

    move || {
        let lang = session.lang.get();
        let list = results.get();
        let comparison_view = match (list.first(), list.last(), bank.get()) {
            (Some(before), Some(after), Some(bank)) if list.len() >= 2 => {
                let changes = edition_changes.get();
                comparison(lang, &bank, before, after, &list, notes, changes).into_any()
            }
            _ => view! { <p data-testid="need-two">{consult::NEED_TWO.get(lang)}</p> }.into_any(),
        };
        view! {
            <section class="consultation" data-testid="consultation">
                <h2>{consult::CONSULT_HEADING.get(lang)}</h2>
                <p class="lead">{consult::CONSULT_LEAD.get(lang)}</p>
                <label class="button secondary file-button no-print">
                    {consult::OPEN_RESULTS.get(lang)}
                    <input
                        type="file"
                        multiple
                        class="visually-hidden"
                        accept=".json,application/json"
                        data-testid="open-results"
                        on:change=open
                    />
                </label>
                {move || {
                    let held = suspects.get();
                    (!held.is_empty()).then(|| view! {
                        <section class="suspects" data-testid="suspects">
                            <p>{consult::OTHER_COMPANY.get(lang)}</p>
                            <ul>
                                {held
                                    .into_iter()
                                    .enumerate()
                                    .map(|(index, (result, why))| {
                                        let line = format!(
                                            "{} {} — {}",
                                            result.date,
                                            result.label.clone().unwrap_or_default(),
                                            why.get(lang)
                                        );
                                        let confirm = move |_| {
                                            let mut held = suspects.get_untracked();
                                            if index < held.len() {
                                                let (result, _) = held.remove(index);
                                                suspects.set(held);
                                                results.update(|list| {
                                                    list.push(result);
                                                    list.sort_by(|a, b| a.date.cmp(&b.date));
                                                });
                                            }
                                        };
                                        let drop = move |_| {
                                            suspects.update(|held| {
                                                if index < held.len() {
                                                    held.remove(index);
                                                }
                                            });
                                        };
                                        view! {
                                            <li data-testid="suspect">
                                                {line} " "
                                                <button type="button" class="secondary" data-testid="suspect-confirm" on:click=confirm>
                                                    {consult::SAME_COMPANY.get(lang)}
                                                </button>
                                                " "
                                                <button type="button" class="secondary" data-testid="suspect-drop" on:click=drop>
                                                    {consult::DROP_FILE.get(lang)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    })
                }}
                <ul class="refused" data-testid="refused">
                    {problems.get().into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                </ul>
                <ol class="loaded" data-testid="loaded">
                    {list
                        .iter()
                        .map(|result| {
                            let overall = result.overall.score.map_or("–".to_owned(), |s| format!("{s:.1}"));
                            view! {
                                <li>
                                    {format!("{} {} — {} {overall}", result.date, result.label.clone().unwrap_or_default(), m::OVERALL.get(lang))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {comparison_view}
            </section>
        }
    }
}
