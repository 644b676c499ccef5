//! Before and after: both results on one radar, the change per area with
//! the consultant's notes beside it, the follow-up of the earlier plan,
//! the suggestions addressed, new and remaining, the trend, and the print
//! and save buttons.

use std::collections::BTreeMap;

use leptos::prelude::*;
use shindan_engine::{Bank, Lang, ResultDoc, compare};

use super::follow_up::follow_up_view;
use super::trend::trend;
use crate::components::{Radar, axis_label};
use crate::files;
use crate::messages as m;
use crate::messages::tools::consult;
use crate::session::use_session;

/// Before/after, the trend, notes and the print and save buttons.
pub fn comparison(
    lang: Lang,
    bank: &Bank,
    before: &ResultDoc,
    after: &ResultDoc,
    all: &[ResultDoc],
    notes: RwSignal<BTreeMap<String, String>>,
    editions: Option<(String, String, Vec<String>)>,
) -> impl IntoView {
    let change = compare(before, after);
    let changed = editions
        .as_ref()
        .map(|(_, _, changed)| changed.clone())
        .unwrap_or_default();
    let catalogue = &bank.catalogue;
    let name_of = |id: &str| catalogue.dimension_name(id, lang);
    // Each catalogue dimension's (score, level) in `result`.
    let outcome_of = |result: &ResultDoc| {
        catalogue
            .dimensions
            .iter()
            .map(|d| {
                result
                    .dimensions
                    .iter()
                    .find(|r| r.id == d.id)
                    .map_or((None, None), |r| (r.score, r.level))
            })
            .collect::<Vec<_>>()
    };
    let show = |score: Option<f64>, level: Option<u8>| match (score, level) {
        (Some(score), Some(level)) => format!("{score:.1} ({} {level})", m::LEVEL.get(lang)),
        _ => m::NO_ANSWER.get(lang).to_owned(),
    };
    let rows = change
        .dimensions
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let delta = d.delta.map_or("–".to_owned(), |delta| format!("{delta:+.1}"));
            let note_id = format!("note-{id}");
            let row_id = id.clone();
            let delta_attribute = delta.clone();
            let current_note = notes.with_untracked(|notes| notes.get(&id).cloned().unwrap_or_default());
            let questions_changed = changed.contains(&d.id);
            view! {
                <tr data-dimension=row_id data-questions-changed=questions_changed.then_some("true")>
                    <th scope="row">
                        {name_of(&d.id)}
                        {questions_changed.then(|| view! { " " <span class="questions-changed">{consult::QUESTIONS_CHANGED.get(lang)}</span> })}
                    </th>
                    <td>{show(d.before.0, d.before.1)}</td>
                    <td>{show(d.after.0, d.after.1)}</td>
                    <td class="delta" data-delta=delta_attribute>{delta}</td>
                    <td>
                        <label for=note_id.clone() class="visually-hidden">{format!("{} {}", consult::NOTES.get(lang), name_of(&d.id))}</label>
                        <textarea
                            id=note_id
                            class="note"
                            rows="2"
                            prop:value=current_note
                            on:input=move |event| {
                                let text = event_target_value(&event);
                                notes.update(|notes| {
                                    if text.trim().is_empty() {
                                        notes.remove(&id);
                                    } else {
                                        notes.insert(id.clone(), text);
                                    }
                                });
                            }
                        ></textarea>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let texts = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                let text = bank
                    .recommendations
                    .iter()
                    .find(|r| &r.id == id)
                    .map(|r| r.text.get(lang).to_owned())
                    .unwrap_or_else(|| id.clone());
                view! { <li data-recommendation=id.clone()>{text}</li> }
            })
            .collect_view()
    };
    let latest = after.clone();
    let session = use_session();
    let save = move |_| {
        let mut result = latest.clone();
        result.notes = notes.get_untracked();
        let name = format!("shindan-{}-{}-notes.json", result.bank.id, result.date);
        let written = serde_json::to_string_pretty(&result)
            .map_err(|error| error.to_string())
            .and_then(|json| files::download(&name, "application/json", &json, lang));
        if let Err(error) = written {
            session.tell(consult::SAVE_WITH_NOTES.text(), vec![error]);
        }
    };
    view! {
        <section class="compare" data-testid="compare">
            <h3>{format!("{} {} → {} {}", consult::BEFORE.get(lang), before.date, consult::AFTER.get(lang), after.date)}</h3>
            {editions.map(|(from, to, changed)| {
                let names = changed.iter().map(|id| name_of(id)).collect::<Vec<_>>().join("、");
                view! {
                    <p class="editions-differ" data-testid="editions-differ">
                        {format!("{} → {}: ", from, to)}
                        {consult::EDITIONS_DIFFER.get(lang)}
                        " " {names}
                    </p>
                }
            })}
            <div class="chart-and-table">
                <Radar
                    labels=catalogue
                        .dimensions
                        .iter()
                        .zip(outcome_of(after))
                        .map(|(d, (_, level))| axis_label(d.short.get(lang), level))
                        .collect()
                    scores=outcome_of(after).into_iter().map(|(score, _)| score).collect()
                    previous=Some(outcome_of(before).into_iter().map(|(score, _)| score).collect())
                    thresholds=catalogue.level_thresholds
                    title=m::RADAR_LABEL.get(lang)
                />
                <table class="dimensions" data-testid="deltas">
                    <thead>
                        <tr>
                            <th scope="col">{m::DIMENSION.get(lang)}</th>
                            <th scope="col">{consult::BEFORE.get(lang)}</th>
                            <th scope="col">{consult::AFTER.get(lang)}</th>
                            <th scope="col">{consult::CHANGE.get(lang)}</th>
                            <th scope="col">{consult::NOTES.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {follow_up_view(lang, bank, all, after)}
            <h3>{consult::ADDRESSED.get(lang)}</h3>
            <ul data-testid="addressed">{texts(&change.addressed)}</ul>
            <h3>{consult::NEW_SUGGESTIONS.get(lang)}</h3>
            <ul data-testid="new-suggestions">{texts(&change.new)}</ul>
            <h3>{consult::REMAINING.get(lang)}</h3>
            <ul>{texts(&change.remaining)}</ul>
            <h3>{consult::TREND.get(lang)}</h3>
            {trend(lang, bank, all)}
            <div class="actions no-print">
                <button type="button" class="primary" on:click=|_| { let _ = window().print(); }>{m::PRINT.get(lang)}</button>
                <button type="button" class="secondary" data-testid="save-notes" on:click=save>{consult::SAVE_WITH_NOTES.get(lang)}</button>
            </div>
        </section>
    }
}
