//! One question (or gate) as a fieldset: radios for steps, yes/no and single
//! choice, checkboxes for multiple choice, a number field, and "not
//! applicable" where the bank allows it. Every change is checked by the
//! engine (`Answers::set_question`) before it is kept.
//!
//! Each answer's input is transparent and laid over its whole card by the
//! style sheet, and a `.mark` beside the text draws it: a press anywhere on
//! the card lands on the input itself, so the browser skips a label's
//! focus and handed-on click (about 4 ms an answer at 4× CPU slowdown,
//! BENCHMARKS.md). The e2e journey "a press anywhere on an answer lands on
//! its input" holds it.

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{
    Answer, Bank, Choice, GateIndex, Lang, OptionIndex, QuestionIndex, QuestionKind,
};

use crate::components::{RichText, Target};
use crate::messages as m;
use crate::session::{Session, use_session};

/// Records an answer to question `index` and remembers it as the last one.
fn answer(session: Session, bank: &Arc<Bank>, index: QuestionIndex, value: Option<Answer>) {
    let mut kept = true;
    session.answers.update(|answers| {
        kept = answers.set_question(bank, index, value).is_ok();
    });
    if kept {
        session
            .last_question
            .set(bank.questions.get(index.get()).map(|q| q.id.clone()));
    }
}

/// A scored question; `anchor`, when given, keeps its fieldset (the card a
/// reload returns to).
#[component]
pub fn QuestionCard(
    index: QuestionIndex,
    lang: Lang,
    #[prop(optional)] anchor: Target,
) -> impl IntoView {
    let session = use_session();
    let Some(bank) = session.bank.get_untracked() else {
        return ().into_any();
    };
    let question = &bank[index];
    let id = question.id.clone();
    // A memo: an answer elsewhere re-runs this one comparison, not the
    // `checked` of every input on the page.
    let current = Memo::new(move |_| session.answers.with(|answers| answers.question(index)));
    let name = format!("q-{id}");
    let text = &question.text;
    let help = question.help.as_ref();
    let law = question
        .law
        .as_ref()
        .map(|law| law.cite().get(lang).to_owned());

    let inputs = match &question.kind {
        QuestionKind::Ladder { steps } => steps
            .iter()
            .enumerate()
            .map(|(offset, step)| {
                let value = (offset + 1) as u8;
                let bank = bank.clone();
                view! {
                    <label class="choice step">
                        <input
                            type="radio"
                            name=name.clone()
                            value=value.to_string()
                            prop:checked=move || current.get() == Some(Answer::Step(value))
                            on:change=move |_| answer(session, &bank, index, Some(Answer::Step(value)))
                        />
                        {mark()}
                        <span class="step-number">{value}</span>
                        <span>{step.get(lang).to_owned()}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::YesNo => [(true, m::YES), (false, m::NO)]
            .into_iter()
            .map(|(yes, label)| {
                let bank = bank.clone();
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name.clone()
                            value=if yes { "yes" } else { "no" }
                            prop:checked=move || current.get() == Some(Answer::YesNo(yes))
                            on:change=move |_| answer(session, &bank, index, Some(Answer::YesNo(yes)))
                        />
                        {mark()}
                        <span>{label.get(lang)}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Single { options } => options
            .iter()
            .enumerate()
            .map(|(option, choice)| {
                let bank = bank.clone();
                let label = &choice.label;
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name.clone()
                            value=choice.id.clone()
                            prop:checked=move || current.get() == Some(Answer::Choice(OptionIndex::new(option)))
                            on:change=move |_| answer(session, &bank, index, Some(Answer::Choice(OptionIndex::new(option))))
                        />
                        {mark()}
                        <span>{label.get(lang).to_owned()}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Multiple { options, .. } => {
            let exclusive_mask = exclusive_mask(options);
            options
                .iter()
                .enumerate()
                .map(|(option, choice)| {
                    let bank = bank.clone();
                    let label = &choice.label;
                    let bit = 1u64 << option;
                    let exclusive = choice.exclusive;
                    let mask = move || match current.get() {
                        Some(Answer::Choices(mask)) => mask,
                        _ => 0,
                    };
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                name=name.clone()
                                value=choice.id.clone()
                                prop:checked=move || mask() & bit != 0
                                on:change=move |event| {
                                    let checked = event_target_checked(&event);
                                    let next = toggle(mask(), bit, exclusive, exclusive_mask, checked);
                                    let value = (next != 0).then_some(Answer::Choices(next));
                                    answer(session, &bank, index, value);
                                }
                            />
                            {mark()}
                            <span>{label.get(lang).to_owned()}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Number { unit, min, max, .. } => {
            let bank = bank.clone();
            let (min, max) = (*min, *max);
            let problem = RwSignal::new(false);
            let input_id = format!("{name}-input");
            view! {
                <div class="number">
                    <label for=input_id.clone() class="visually-hidden">
                        {text.get(lang).to_owned()}
                    </label>
                    <input
                        id=input_id
                        type="number"
                        inputmode="decimal"
                        min=min.map(|v| v.to_string())
                        max=max.map(|v| v.to_string())
                        aria-invalid=move || problem.get().to_string()
                        prop:value=move || match current.get() {
                            Some(Answer::Number(number)) => number.to_string(),
                            _ => String::new(),
                        }
                        on:input=move |event| {
                            let typed = event_target_value(&event);
                            let typed = typed.trim();
                            if typed.is_empty() {
                                problem.set(false);
                                answer(session, &bank, index, None);
                                return;
                            }
                            let fits = typed.parse::<f64>().ok().filter(|&number| {
                                let mut probe = session.answers.get_untracked();
                                probe
                                    .set_question(&bank, index, Some(Answer::Number(number)))
                                    .is_ok()
                            });
                            problem.set(fits.is_none());
                            if let Some(number) = fits {
                                answer(session, &bank, index, Some(Answer::Number(number)));
                            }
                        }
                    />
                    <span class="unit">{unit.as_ref().map(|u| u.get(lang).to_owned())}</span>
                    <Show when=move || problem.get()>
                        <p class="field-error" role="alert">
                            {range_message(lang, min, max)}
                        </p>
                    </Show>
                </div>
            }
            .into_any()
        }
    };

    let not_applicable = question.allow_na.then(|| {
        let bank = bank.clone();
        let multiple = matches!(
            question.kind,
            QuestionKind::Multiple { .. } | QuestionKind::Number { .. }
        );
        view! {
            <label class="choice not-applicable">
                <input
                    type=if multiple { "checkbox" } else { "radio" }
                    name=name.clone()
                    value="na"
                    prop:checked=move || current.get() == Some(Answer::NotApplicable)
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        let value = checked.then_some(Answer::NotApplicable);
                        answer(session, &bank, index, value);
                    }
                />
                {mark()}
                <span>{m::NOT_APPLICABLE.get(lang)}</span>
            </label>
        }
    });

    view! {
        <fieldset class="question" id=format!("q-{id}") data-question=id.clone() node_ref=anchor>
            <legend>{text.get(lang).to_owned()}</legend>
            {help.map(|help| {
                view! {
                    <details class="help">
                        <summary>{m::HELP.get(lang)}</summary>
                        <RichText text=help.get(lang).to_owned() />
                        {law.clone().map(|law| view! { <p class="basis">{law}</p> })}
                    </details>
                }
            })}
            <div class="choices">{inputs} {not_applicable}</div>
        </fieldset>
    }
    .into_any()
}

/// What draws an answer's state beside its text: the input itself is
/// transparent, laid over the whole card (see the module's comment).
fn mark() -> impl IntoView {
    view! { <span class="mark" aria-hidden="true"></span> }
}

/// The options that exclude all others, as a bit set.
fn exclusive_mask(options: &[Choice]) -> u64 {
    options
        .iter()
        .enumerate()
        .filter(|(_, option)| option.exclusive)
        .fold(0, |mask, (index, _)| mask | 1 << index)
}

/// The selection after ticking or unticking one box: an exclusive option
/// clears the rest, any other option clears the exclusive ones.
fn toggle(mask: u64, bit: u64, exclusive: bool, exclusive_mask: u64, checked: bool) -> u64 {
    match (checked, exclusive) {
        (false, _) => mask & !bit,
        (true, true) => bit,
        (true, false) => (mask | bit) & !exclusive_mask,
    }
}

/// What a number answer must be, with the question's bounds filled in.
fn range_message(lang: Lang, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => m::NUMBER_BETWEEN.fill(lang, &[&min, &max]),
        (Some(min), None) => m::NUMBER_AT_LEAST.fill(lang, &[&min]),
        (None, Some(max)) => m::NUMBER_AT_MOST.fill(lang, &[&max]),
        (None, None) => m::NUMBER_EXPECTED.get(lang).to_owned(),
    }
}

/// An unscored yes/no check.
#[component]
pub fn GateCard(index: GateIndex, lang: Lang) -> impl IntoView {
    let session = use_session();
    let Some(bank) = session.bank.get_untracked() else {
        return ().into_any();
    };
    let gate = &bank[index];
    let text = &gate.text;
    let name = format!("g-{}", gate.id);
    let current = Memo::new(move |_| session.answers.with(|answers| answers.gate(index)));
    let figure = session.profile.with_untracked(|profile| {
        gate.figure(&bank.catalogue, profile.as_ref())
            .map(|figure| figure.get(lang).to_owned())
    });
    view! {
        <fieldset class="question gate" id=name.clone() data-gate=gate.id.clone()>
            <legend>{text.get(lang).to_owned()}</legend>
            {figure.map(|figure| view! { <p class="figure" data-testid="gate-figure">{figure}</p> })}
            <p class="basis">{gate.law.cite().get(lang).to_owned()}</p>
            <div class="choices">
                {[(true, m::YES), (false, m::NO)]
                    .into_iter()
                    .map(|(yes, label)| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=if yes { "yes" } else { "no" }
                                    prop:checked=move || current.get() == Some(yes)
                                    on:change=move |_| {
                                        session.answers.update(|answers| answers.set_gate(index, Some(yes)))
                                    }
                                />
                                {mark()}
                                <span>{label.get(lang)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}
