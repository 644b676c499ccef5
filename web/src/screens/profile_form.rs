//! The company profile. The engine classifies the tier as the user types and
//! says why; the user may still choose another question set.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Answers, Industry, Prefecture, Profile, Tier, classify};

use crate::banks;
use crate::messages as m;
use crate::session::{Screen, use_session};

/// Employees as typed: a whole number, 0 or more.
fn parse_employees(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

/// Capital as typed in ¥10,000; empty is "not given".
fn parse_capital(text: &str) -> Result<Option<u64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let man: f64 = text.parse().map_err(|_| ())?;
    if !(0.0..=1.0e9).contains(&man) {
        return Err(());
    }
    Ok(Some((man * 10_000.0).round() as u64))
}

/// The profile screen.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let session = use_session();
    let given = session.profile.get_untracked();
    // No industry is preselected: a default would classify the company
    // under the wrong law without the user noticing.
    let industry = RwSignal::new(given.as_ref().map(|p| p.industry));
    let employees = RwSignal::new(
        given
            .as_ref()
            .map(|p| p.regular_employees.to_string())
            .unwrap_or_default(),
    );
    let capital = RwSignal::new(
        given
            .as_ref()
            .and_then(|p| p.capital_yen)
            .map(|yen| (yen as f64 / 10_000.0).to_string())
            .unwrap_or_default(),
    );
    let prefecture = RwSignal::new(given.as_ref().map_or(Prefecture::Fukuoka, |p| p.prefecture));
    let chosen_tier = RwSignal::new(session.bank.get_untracked().map(|bank| bank.tier));
    let submitted = RwSignal::new(false);
    let loading = RwSignal::new(false);

    let classification = Memo::new(move |_| {
        let employees = parse_employees(&employees.get())?;
        let capital = parse_capital(&capital.get()).ok()?;
        Some(classify(industry.get()?, employees, capital))
    });
    let tier = move || {
        chosen_tier
            .get()
            .or_else(|| classification.get().map(|c| c.tier))
    };
    let employees_invalid = move || submitted.get() && parse_employees(&employees.get()).is_none();
    let industry_missing = move || submitted.get() && industry.get().is_none();
    let capital_invalid = move || parse_capital(&capital.get()).is_err();

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        submitted.set(true);
        let (Some(industry), Some(regular_employees), Ok(capital_yen), Some(tier)) = (
            industry.get_untracked(),
            parse_employees(&employees.get_untracked()),
            parse_capital(&capital.get_untracked()),
            tier(),
        ) else {
            return;
        };
        session.profile.set(Some(Profile {
            industry,
            regular_employees,
            capital_yen,
            prefecture: prefecture.get_untracked(),
        }));
        if session
            .bank
            .with_untracked(|bank| bank.as_ref().is_some_and(|b| b.tier == tier))
        {
            session.screen.set(Screen::Questions);
            return;
        }
        loading.set(true);
        spawn_local(async move {
            let fetched = banks::fetch(tier).await;
            // Before the screen changes: the form and its signals go then.
            loading.set(false);
            match fetched {
                Ok(bank) => {
                    let answers = Answers::new(&bank);
                    session.begin(bank, answers);
                    session.notice.set(None);
                    session.screen.set(Screen::Questions);
                }
                Err(error) => session.tell(m::BANK_UNAVAILABLE.text(), vec![error]),
            }
        });
    };

    move || {
        let lang = session.lang.get();
        view! {
            <form class="profile" on:submit=submit novalidate>
                <h2>{m::PROFILE_HEADING.get(lang)}</h2>
                <div class="field">
                    <label for="industry">{m::INDUSTRY.get(lang)}</label>
                    <select
                        id="industry"
                        data-testid="industry"
                        on:change=move |event| {
                            industry.set(Industry::from_id(&event_target_value(&event)));
                        }
                        aria-invalid=move || industry_missing().to_string()
                    >
                        <option value="" disabled selected=move || industry.get().is_none()>
                            {m::CHOOSE.get(lang)}
                        </option>
                        {Industry::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option
                                        value=option.as_str()
                                        selected=move || industry.get() == Some(option)
                                    >
                                        {option.name().get(lang).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <Show when=industry_missing>
                        <p class="field-error" role="alert">{m::INDUSTRY_MISSING.get(lang)}</p>
                    </Show>
                </div>
                <div class="field">
                    <label for="employees">{m::EMPLOYEES.get(lang)}</label>
                    <input
                        id="employees"
                        data-testid="employees"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        step="1"
                        required
                        aria-describedby="employees-help"
                        aria-invalid=move || employees_invalid().to_string()
                        prop:value=move || employees.get()
                        on:input=move |event| employees.set(event_target_value(&event))
                    />
                    <p id="employees-help" class="help">{m::EMPLOYEES_HELP.get(lang)}</p>
                    <Show when=employees_invalid>
                        <p class="field-error" role="alert">
                            {m::EMPLOYEES_INVALID.get(lang)}
                        </p>
                    </Show>
                </div>
                <div class="field">
                    <label for="capital">{m::CAPITAL.get(lang)}</label>
                    <input
                        id="capital"
                        data-testid="capital"
                        type="number"
                        inputmode="decimal"
                        min="0"
                        aria-invalid=move || capital_invalid().to_string()
                        prop:value=move || capital.get()
                        on:input=move |event| capital.set(event_target_value(&event))
                    />
                    <Show when=capital_invalid>
                        <p class="field-error" role="alert">
                            {m::CAPITAL_INVALID.get(lang)}
                        </p>
                    </Show>
                </div>
                <div class="field">
                    <label for="prefecture">{m::PREFECTURE.get(lang)}</label>
                    <select
                        id="prefecture"
                        data-testid="prefecture"
                        on:change=move |event| {
                            let id = event_target_value(&event);
                            if let Some(found) = Prefecture::ALL.into_iter().find(|p| p.as_str() == id) {
                                prefecture.set(found);
                            }
                        }
                    >
                        {Prefecture::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option
                                        value=option.as_str()
                                        selected=move || prefecture.get() == option
                                    >
                                        {option.name().get(lang).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                {move || {
                    classification
                        .get()
                        .map(|found| {
                            view! {
                                <section class="tier" aria-live="polite" data-testid="tier">
                                    <h3>{m::TIER_RESULT.get(lang)}</h3>
                                    <p class="tier-name">
                                        <strong>{found.tier.name().get(lang).to_owned()}</strong>
                                    </p>
                                    <p class="tier-reason">{found.reason.get(lang).to_owned()}</p>
                                    <fieldset class="choices">
                                        <legend>{m::TIER_CHOICE.get(lang)}</legend>
                                        {Tier::ALL
                                            .into_iter()
                                            .map(|option| {
                                                view! {
                                                    <label class="choice">
                                                        <input
                                                            type="radio"
                                                            name="tier"
                                                            value=option.as_str()
                                                            prop:checked=move || tier() == Some(option)
                                                            on:change=move |_| chosen_tier.set(Some(option))
                                                        />
                                                        <span class="mark" aria-hidden="true"></span>
                                                        <span>{option.name().get(lang).to_owned()}</span>
                                                    </label>
                                                }
                                            })
                                            .collect_view()}
                                    </fieldset>
                                    <Show when=move || tier() != Some(found.tier)>
                                        <p class="help">{m::TIER_CHOSEN_OTHER.get(lang)}</p>
                                    </Show>
                                </section>
                            }
                        })
                }}
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| session.screen.set(Screen::Landing)
                    >
                        {m::BACK.get(lang)}
                    </button>
                    <button type="submit" class="primary" data-testid="profile-next" disabled=move || loading.get()>
                        {move || if loading.get() { m::LOADING_BANK.get(lang) } else { m::NEXT.get(lang) }}
                    </button>
                </div>
            </form>
        }
    }
}
