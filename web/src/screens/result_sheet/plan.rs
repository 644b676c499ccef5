//! The company's plan on the sheet: a target level per area, up to five
//! next steps chosen as actions with who and by when, and the plan as it
//! is printed and saved. Edits go to the session's `Plan` (the engine's
//! type, which keeps its limits).

use leptos::prelude::*;
use shindan_engine::{Lang, MAX_ACTIONS};

use crate::components::action_line;
use crate::messages as m;
use crate::session::Session;

/// The target level chosen for `dimension` (「—」 for none).
pub fn target_select(session: Session, dimension: &str, lang: Lang) -> impl IntoView + use<> {
    let dimension = dimension.to_owned();
    let testid = format!("target-{dimension}");
    let current = {
        let id = dimension.clone();
        Memo::new(move |_| session.plan.with(|plan| plan.targets.get(&id).copied()))
    };
    let choose = move |event: leptos::ev::Event| {
        let level = event_target_value(&event).parse::<u8>().ok();
        session
            .plan
            .update(|plan| plan.set_target(&dimension, level));
    };
    view! {
        <select
            class="target-select"
            data-testid=testid
            aria-label=m::TARGET.get(lang)
            on:change=choose
        >
            <option value="" selected=move || current.get().is_none()>"—"</option>
            {(1..=5u8)
                .map(|level| view! {
                    <option value=level.to_string() selected=move || current.get() == Some(level)>
                        {format!("{} {level}", m::LEVEL.get(lang))}
                    </option>
                })
                .collect_view()}
        </select>
    }
}

/// The choice of a next step as an action, with who and by when once
/// chosen. Memos keep the inputs in place while the user types.
pub fn action_editor(session: Session, recommendation: &str, lang: Lang) -> impl IntoView + use<> {
    let id = recommendation.to_owned();
    let testid = format!("plan-{id}");
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| session.plan.with(|plan| plan.has_action(&id)))
    };
    let full = Memo::new(move |_| session.plan.with(|plan| plan.actions.len() >= MAX_ACTIONS));
    let toggle = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let on = event_target_checked(&event);
            session.plan.update(|plan| {
                if on {
                    // The box is disabled when the plan is full.
                    let _ = plan.add_action(&id);
                } else {
                    plan.remove_action(&id);
                }
            });
        }
    };
    let details = move || {
        chosen.get().then(|| {
            let (who, by) = session.plan.with_untracked(|plan| {
                plan.actions
                    .iter()
                    .find(|action| action.recommendation == id)
                    .map(|action| (action.who.clone(), action.by.clone()))
                    .unwrap_or_default()
            });
            let set_who = {
                let id = id.clone();
                move |event: leptos::ev::Event| {
                    let value = event_target_value(&event);
                    session.plan.update(|plan| {
                        if let Some(action) = plan.action_mut(&id) {
                            action.who = value;
                        }
                    });
                }
            };
            let set_by = {
                let id = id.clone();
                move |event: leptos::ev::Event| {
                    let value = event_target_value(&event);
                    session.plan.update(|plan| {
                        if let Some(action) = plan.action_mut(&id) {
                            action.by = value;
                        }
                    });
                }
            };
            view! {
                <span class="action-details">
                    <label>
                        {m::ACTION_WHO.get(lang)} " "
                        <input type="text" maxlength="60" data-testid=format!("who-{id}") prop:value=who on:change=set_who />
                    </label>
                    <label>
                        {m::ACTION_BY.get(lang)} " "
                        <input type="date" data-testid=format!("by-{id}") prop:value=by on:change=set_by />
                    </label>
                </span>
            }
        })
    };
    view! {
        <div class="action no-print">
            <label>
                <input
                    type="checkbox"
                    data-testid=testid
                    prop:checked=move || chosen.get()
                    disabled=move || full.get() && !chosen.get()
                    on:change=toggle
                />
                " " {m::ADD_TO_PLAN.get(lang)}
            </label>
            {details}
        </div>
    }
}

/// The plan as it will be printed and saved: targets in area order, then
/// actions; nothing while the plan is empty.
pub fn plan_summary(session: Session) -> impl IntoView {
    move || {
        let lang = session.lang.get();
        let bank = session.bank.get()?;
        session.plan.with(|plan| {
            (!plan.is_empty()).then(|| {
                let targets = bank
                    .catalogue
                    .dimensions
                    .iter()
                    .filter_map(|d| plan.targets.get(&d.id).map(|level| (d, *level)))
                    .map(|(d, level)| {
                        view! { <li data-target=d.id.clone()>{format!("{} → {} {level}", d.name.get(lang), m::LEVEL.get(lang))}</li> }
                    })
                    .collect_view();
                let actions = plan
                    .actions
                    .iter()
                    .map(|action| {
                        let (text, detail) = action_line(&bank, action, lang);
                        view! { <li data-action=action.recommendation.clone()>{text} <span class="action-who-by">{detail}</span></li> }
                    })
                    .collect_view();
                view! {
                    <section class="plan" data-testid="plan">
                        <h3>{m::PLAN_HEADING.get(lang)}</h3>
                        <ul class="plan-targets">{targets}</ul>
                        <ol class="plan-actions">{actions}</ol>
                    </section>
                }
            })
        })
    }
}
