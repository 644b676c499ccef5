//! The next steps, most urgent first, each with the programs that help and
//! the choice to put it in the plan; the rest folded under 「ほかの支援策」.
//! A kiosk links to no program: a visitor must not leave the sheet.

use leptos::prelude::*;
use shindan_engine::Lang;
use shindan_engine::sheet::{NextSteps, Step};

use super::plan::action_editor;
use crate::messages as m;
use crate::session::Session;

/// The next-steps section.
pub fn next_step_list(
    session: Session,
    steps: &NextSteps,
    in_kiosk: bool,
    lang: Lang,
) -> impl IntoView + use<> {
    let none = steps.shown.is_empty() && steps.more.is_empty();
    let count = steps.more.len();
    let more = (count > 0).then(|| {
        view! {
            <details class="more-steps" data-testid="more-steps">
                <summary>{m::MORE_STEPS.get(lang)} " (" {count} ")"</summary>
                <ol class="steps">
                    {steps
                        .more
                        .iter()
                        .map(|step| step_item(session, step, in_kiosk, lang))
                        .collect_view()}
                </ol>
            </details>
        }
    });
    view! {
        <section class="next-steps">
            <h3>{m::NEXT_STEPS.get(lang)}</h3>
            {none.then(|| view! { <p>{m::NO_NEXT_STEPS.get(lang)}</p> })}
            <ol class="steps" data-testid="next-steps">
                {steps
                    .shown
                    .iter()
                    .map(|step| step_item(session, step, in_kiosk, lang))
                    .collect_view()}
            </ol>
            {more}
        </section>
    }
}

/// One next step with its programs.
fn step_item(session: Session, step: &Step, in_kiosk: bool, lang: Lang) -> impl IntoView + use<> {
    let programs = step
        .programs
        .iter()
        .map(|program| {
            let name = program.name.get(lang).to_owned();
            let term = program
                .term
                .as_ref()
                .map(|term| format!("（{}）", term.get(lang)));
            let title = match program.link.filter(|_| !in_kiosk) {
                Some(url) => view! {
                    <a href=url.to_owned() rel="noopener noreferrer" target="_blank">{name}</a>
                }
                .into_any(),
                None => view! { <span>{name}</span> }.into_any(),
            };
            view! {
                <li data-program=program.id.to_owned()>
                    <strong>{title}</strong>
                    {term}
                    " — " {m::PROVIDED_BY.get(lang)} ": " {program.provider.get(lang).to_owned()}
                    <span class="offer">
                        <br />
                        {program.offer.get(lang).to_owned()}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <li data-recommendation=step.id.to_owned()>
            <span class="priority">{m::PRIORITY.get(lang)} " " {step.priority}</span>
            <p>{step.text.get(lang).to_owned()}</p>
            <ul class="programs">{programs}</ul>
            {action_editor(session, step.id, lang)}
        </li>
    }
}
