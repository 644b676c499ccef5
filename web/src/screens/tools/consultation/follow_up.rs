//! The follow-up of the plan set at an earlier visit: each target with the
//! level reached, each action with whether its next step is still
//! suggested (the engine's `follow_up`).

use leptos::prelude::*;
use shindan_engine::{Bank, Lang, ResultDoc, follow_up};

use crate::components::action_line;
use crate::messages as m;
use crate::messages::tools::consult;

/// The plan set at the latest earlier visit that has one, against `after`:
/// each target with the level reached, each action with whether its next
/// step is still suggested.
pub fn follow_up_view(
    lang: Lang,
    bank: &Bank,
    all: &[ResultDoc],
    after: &ResultDoc,
) -> impl IntoView + use<> {
    let earlier = all
        .iter()
        .filter(|result| result.date < after.date)
        .rev()
        .find(|result| !result.plan.is_empty())?;
    let follow = follow_up(earlier, after)?;
    let catalogue = &bank.catalogue;
    let name_of = |id: &str| catalogue.dimension_name(id, lang);
    let level = |level: Option<u8>| {
        level.map_or("–".to_owned(), |level| {
            format!("{} {level}", m::LEVEL.get(lang))
        })
    };
    let targets = follow
        .targets
        .iter()
        .map(|target| {
            let met = if target.met() {
                consult::TARGET_MET
            } else {
                consult::TARGET_NOT_MET
            };
            view! {
                <tr data-dimension=target.dimension.clone() data-met=target.met().to_string()>
                    <th scope="row">{name_of(&target.dimension)}</th>
                    <td>{level(Some(target.target))}</td>
                    <td>{level(target.actual)}</td>
                    <td>{met.get(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let actions = follow
        .actions
        .iter()
        .map(|outcome| {
            let action = &outcome.action;
            let (text, who_by) = action_line(bank, action, lang);
            let state = if outcome.addressed { consult::ACTION_DONE } else { consult::ACTION_OPEN };
            view! {
                <li data-action=action.recommendation.clone() data-done=outcome.addressed.to_string()>
                    <strong>{state.get(lang)}</strong> " " {text} " " <span class="action-who-by">{who_by}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="follow-up" data-testid="follow-up">
            <h3>{format!("{} ({})", consult::FOLLOW_UP.get(lang), earlier.date)}</h3>
            <table class="dimensions" data-testid="follow-up-targets">
                <thead>
                    <tr>
                        <th scope="col">{m::DIMENSION.get(lang)}</th>
                        <th scope="col">{m::TARGET.get(lang)}</th>
                        <th scope="col">{consult::REACHED.get(lang)}</th>
                        <th scope="col">{consult::TARGET_STATE.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{targets}</tbody>
            </table>
            <ul data-testid="follow-up-actions">{actions}</ul>
        </section>
    })
}
