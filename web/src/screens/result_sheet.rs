//! The result sheet: radar, level and meaning per dimension, overall score,
//! strengths and the three weakest areas, gate findings apart, and the next
//! steps with their programs. Every figure is the engine's `ResultDoc` for
//! the current answers, the same as `shindan score` prints.

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{Action, Bank, Lang, MAX_ACTIONS, ResultDoc, encode_handoff, result_csv};

use crate::components::{ImportButton, QrCodeView, Radar, StartOverButton};
use crate::kiosk::use_kiosk;
use crate::messages as m;
use crate::screens::page_of;
use crate::session::{Screen, Session, use_session};
use crate::today::today;
use crate::{banks, files, handoff};

/// How many weakest dimensions the sheet names.
const WEAKEST: usize = 3;

/// The target level chosen for `dimension` (「—」 for none).
fn target_select(session: Session, dimension: &str, lang: Lang) -> impl IntoView + use<> {
    let id = dimension.to_owned();
    let current = {
        let id = id.clone();
        Memo::new(move |_| session.plan.with(|plan| plan.targets.get(&id).copied()))
    };
    let choose = move |event: leptos::ev::Event| {
        let level = event_target_value(&event).parse::<u8>().ok();
        session.plan.update(|plan| plan.set_target(&id, level));
    };
    view! {
        <select
            class="target-select"
            data-testid=format!("target-{dimension}")
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
fn action_editor(session: Session, recommendation: &str, lang: Lang) -> impl IntoView + use<> {
    let id = recommendation.to_owned();
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
                    data-testid=format!("plan-{recommendation}")
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

/// An action as people read it: its next step's text, and "担当: … ・ 期限: …"
/// for what is filled in. Shared by the sheet and the consultation follow-up.
pub fn action_line(bank: &Bank, action: &Action, lang: Lang) -> (String, String) {
    let text = bank
        .recommendations
        .iter()
        .find(|r| r.id == action.recommendation)
        .map_or_else(
            || action.recommendation.clone(),
            |r| r.text.get(lang).to_owned(),
        );
    let who =
        (!action.who.is_empty()).then(|| format!("{}: {}", m::ACTION_WHO.get(lang), action.who));
    let by = (!action.by.is_empty()).then(|| format!("{}: {}", m::ACTION_BY.get(lang), action.by));
    (
        text,
        [who, by]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ・ "),
    )
}

/// The plan as it will be printed and saved: targets, then actions.
fn plan_summary(session: Session, bank: &Arc<Bank>, lang: Lang) -> impl IntoView + use<> {
    let bank = bank.clone();
    move || {
        session.plan.with(|plan| {
            (!plan.is_empty()).then(|| {
                let catalogue = &bank.catalogue;
                let targets = catalogue
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

/// A radar axis label: the area's short name and its level.
pub fn axis_label(name: &str, level: Option<u8>) -> String {
    match level {
        Some(level) => format!("{name} {level}"),
        None => format!("{name} –"),
    }
}

/// The result screen.
#[component]
pub fn ResultSheet() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let date = today();
    // `?demo` shows peers from synthetic reference data (demonstrations).
    let demo = window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .any(|part| part == "demo" || part.starts_with("demo="));
    let kiosk = use_kiosk();
    let in_kiosk = kiosk.is_some();
    let portal = handoff::qr_address(kiosk.and_then(|kiosk| kiosk.portal));
    if session.reference.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            // Without reference data the sheet simply shows no comparison.
            if let Ok(reference) = banks::fetch_reference().await {
                session.reference.set(Some(reference));
            }
        });
    }
    move || {
        let lang = lang.get();
        let (Some(bank), Some(scores)) = (session.bank.get(), session.scores.get()) else {
            return ().into_any();
        };
        let reference = session.reference.get();
        let profile = session.profile.get();
        let result = session
            .answers
            .with(|answers| ResultDoc::new(&bank, answers, &scores, profile.clone(), &date, None));
        let catalogue = &bank.catalogue;
        let name_of = |index: usize| catalogue.dimensions[index].name.get(lang).to_owned();
        let level_text = |level: Option<u8>| match level {
            Some(level) => format!("{} {level}", m::LEVEL.get(lang)),
            None => m::NO_ANSWER.get(lang).to_owned(),
        };
        let score_text = |score: Option<f64>| {
            score
                .map(|s| format!("{s:.1}"))
                .unwrap_or_else(|| "–".to_owned())
        };

        let peers = reference.as_ref().and_then(|reference| {
            profile
                .as_ref()
                .and_then(|profile| {
                    reference.shown_group(&bank.catalogue, bank.tier, profile.industry, demo)
                })
                .map(|group| (reference.clone(), group.clone()))
        });
        let peer_of = |id: &str| {
            peers
                .as_ref()
                .and_then(|(_, group)| group.dimensions.get(id).copied())
        };
        let band = peers.as_ref().map(|_| {
            catalogue
                .dimensions
                .iter()
                .map(|dimension| match peer_of(&dimension.id) {
                    Some(d) => (d.quantiles[2], d.quantiles[4]),
                    None => (0.0, 0.0),
                })
                .collect::<Vec<_>>()
        });
        let radar = view! {
            <Radar
                labels=catalogue
                    .dimensions
                    .iter()
                    .zip(&result.dimensions)
                    .map(|(d, outcome)| axis_label(d.short.get(lang), outcome.level))
                    .collect()
                scores=result.dimensions.iter().map(|d| d.score).collect()
                thresholds=catalogue.level_thresholds
                title=m::RADAR_LABEL.get(lang)
                band=band
            />
        };
        let peer_section = match &peers {
            Some((reference, group)) => view! {
                <section class="peers" data-testid="peers">
                    <h3>{m::PEERS.get(lang)}</h3>
                    <p>
                        {format!(
                            "{} ・ {} ・ n = {} ({} {})",
                            bank.tier.name().get(lang),
                            group.industry.name().get(lang),
                            group.n,
                            reference.edition,
                            reference.date
                        )}
                    </p>
                    <p class="help">{m::PEER_BAND.get(lang)}</p>
                    {reference.synthetic.then(|| view! {
                        <p class="sample-data" data-testid="sample-data"><strong>{m::SAMPLE_DATA.get(lang)}</strong></p>
                    })}
                </section>
            }
            .into_any(),
            None if reference.as_ref().is_some_and(|r| !r.synthetic || demo) => view! {
                <section class="peers" data-testid="peers">
                    <h3>{m::PEERS.get(lang)}</h3>
                    <p>{m::NO_PEERS.get(lang)}</p>
                </section>
            }
            .into_any(),
            None => ().into_any(),
        };
        let rows = catalogue
            .dimensions
            .iter()
            .enumerate()
            .zip(&result.dimensions)
            .map(|((index, dimension), outcome)| {
                let review = page_of(&bank, index).map(|page| {
                    view! {
                        <button
                            type="button"
                            class="link no-print review"
                            data-testid=format!("review-{}", outcome.id)
                            on:click=move |_| {
                                session.page.set(page);
                                session.reviewing.set(true);
                                session.screen.set(Screen::Questions);
                            }
                        >
                            {m::REVIEW_AREA.get(lang)}
                        </button>
                    }
                });
                let meaning = outcome
                    .level
                    .and_then(|level| dimension.levels.get(usize::from(level) - 1))
                    .map(|text| text.get(lang).to_owned())
                    .unwrap_or_default();
                let peer = peer_of(&outcome.id).zip(outcome.score).map(|(d, score)| {
                    let deviation = d
                        .deviation_score(score)
                        .map_or("–".to_owned(), |value| format!("{value:.1}"));
                    (deviation, format!("{:.0}", d.percentile_rank(score)))
                });
                view! {
                    <tr data-dimension=outcome.id.clone()>
                        <th scope="row">{dimension.name.get(lang).to_owned()} {review}</th>
                        <td class="level" data-level=outcome.level.map(|l| l.to_string()).unwrap_or_default()>
                            {level_text(outcome.level)}
                        </td>
                        <td class="score">{score_text(outcome.score)}</td>
                        <td class="peer" data-deviation=peer.as_ref().map(|(deviation, _)| deviation.clone()).unwrap_or_default()>
                            {peer.as_ref().map(|(deviation, percentile)| format!("{} {deviation}, {} {percentile}", m::DEVIATION.get(lang), m::PERCENTILE.get(lang)))}
                        </td>
                        <td>{meaning}</td>
                        <td class="target">{target_select(session, &outcome.id, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let strengths = scores.strengths();
        let weakest = scores.weakest(WEAKEST);
        let list = |indices: Vec<usize>, id: &'static str| {
            if indices.is_empty() {
                view! { <p data-testid=id>{m::NONE_YET.get(lang)}</p> }.into_any()
            } else {
                view! {
                    <ol data-testid=id>
                        {indices
                            .into_iter()
                            .map(|index| {
                                let level = scores.dimensions[index].level;
                                view! { <li>{name_of(index)} " (" {level_text(level)} ")"</li> }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }
        };
        let findings: Vec<_> = scores
            .gate_findings
            .iter()
            .map(|&index| &bank.gates[index])
            .collect();
        let findings_view = if findings.is_empty() {
            view! { <p>{m::NO_GATE_FINDINGS.get(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="findings" data-testid="gate-findings">
                    {findings
                        .into_iter()
                        .map(|gate| {
                            let figure = gate
                                .figure(catalogue, profile.as_ref())
                                .map(|figure| figure.get(lang).to_owned());
                            view! {
                                <li data-gate=gate.id.clone()>
                                    <strong>{gate.text.get(lang).to_owned()}</strong>
                                    <p>{gate.explanation.get(lang).to_owned()}</p>
                                    {figure.map(|figure| view! { <p class="figure" data-testid="gate-figure">{figure}</p> })}
                                    <p class="basis" data-testid="gate-basis">{gate.law.cite().get(lang).to_owned()}</p>
                                    <p class="help">{gate.help.get(lang).to_owned()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        let not_applicable: Vec<String> = bank
            .gates
            .iter()
            .zip(&scores.gates_applicable)
            .filter(|(_, applies)| !**applies)
            .map(|(gate, _)| gate.text.get(lang).to_owned())
            .collect();
        let not_applicable_view = (!not_applicable.is_empty()).then(|| {
            view! {
                <details class="not-applicable" data-testid="gates-not-applicable">
                    <summary>{m::GATES_NOT_APPLICABLE.get(lang)} " (" {not_applicable.len()} ")"</summary>
                    <ul>{not_applicable.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                </details>
            }
        });
        let as_of = bank.as_of_note().map(|note| note.get(lang).to_owned());
        let step_view = |index: usize| {
            let recommendation = &bank.recommendations[index];
            let programs = catalogue
                    .routed(&recommendation.programs)
                    .into_iter()
                    .filter_map(|program| catalogue.programs.get(program))
                    .map(|program| {
                        let name = program.name.get(lang).to_owned();
                        let term = program.term().map(|term| format!("（{}）", term.get(lang)));
                        let link = program
                            .url
                            .as_deref()
                            .filter(|url| url.starts_with("https://") && !in_kiosk);
                        let title = match link {
                            Some(url) => view! {
                                <a href=url.to_owned() rel="noopener noreferrer" target="_blank">{name}</a>
                            }
                            .into_any(),
                            None => view! { <span>{name}</span> }.into_any(),
                        };
                        view! {
                            <li data-program=program.id.clone()>
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
                <li data-recommendation=recommendation.id.clone()>
                    <span class="priority">{m::PRIORITY.get(lang)} " " {recommendation.priority}</span>
                    <p>{recommendation.text.get(lang).to_owned()}</p>
                    <ul class="programs">{programs}</ul>
                    {action_editor(session, &recommendation.id, lang)}
                </li>
            }
        };
        let steps = scores
            .next_steps()
            .iter()
            .map(|&index| step_view(index))
            .collect_view();
        let more_steps = scores.more_steps();
        let more_steps_view = (!more_steps.is_empty()).then(|| {
            view! {
                <details class="more-steps" data-testid="more-steps">
                    <summary>{m::MORE_STEPS.get(lang)} " (" {more_steps.len()} ")"</summary>
                    <ol class="steps">{more_steps.iter().map(|&index| step_view(index)).collect_view()}</ol>
                </details>
            }
        });
        let no_steps = scores.recommendations.is_empty();

        let csv = result_csv(&result, &bank, lang);
        let plan_view = plan_summary(session, &bank, lang);
        let file_stem = format!("shindan-{}-{}", result.bank.id, result.date);
        let export_json = {
            let name = format!("{file_stem}.json");
            let result = result.clone();
            // Written on click, with the plan as it is then.
            move |_| {
                let mut result = result.clone();
                result.plan = session.plan.get_untracked();
                let written = serde_json::to_string_pretty(&result)
                    .map_err(|error| error.to_string())
                    .and_then(|json| files::download(&name, "application/json", &json));
                if let Err(error) = written {
                    session.tell(m::EXPORT_JSON.text(), vec![error]);
                }
            }
        };
        let export_csv = {
            let name = format!("{file_stem}.csv");
            move |_| {
                if let Err(error) = files::download(&name, "text/csv;charset=utf-8", &csv) {
                    session.tell(m::EXPORT_CSV.text(), vec![error]);
                }
            }
        };
        // No QR code when the hand-off cannot be packed (it never fails for
        // a loaded bank; a broken link would be worse than none).
        let take_home = portal.clone().and_then(|portal| {
            let fragment = session
                .answers
                .with(|answers| encode_handoff(&bank, answers, profile.as_ref()).ok())?;
            let handoff_url = format!("{portal}#{fragment}");
            Some(view! {
                <section class="take-home" data-testid="take-home">
                    <h3>{m::TAKE_HOME.get(lang)}</h3>
                    <div class="qr-and-help">
                        <QrCodeView url=handoff_url label=m::QR_LABEL.get(lang) />
                        <p class="help">{m::TAKE_HOME_HELP.get(lang)}</p>
                    </div>
                </section>
            })
        });
        let tier_name = bank.tier.name().get(lang).to_owned();
        let superseded = bank.superseded_note().map(|note| note.get(lang).to_owned());
        let current_edition = superseded.is_none();
        let has_gates = !bank.gates.is_empty() && current_edition;
        // Lets a test (and a reader of the DOM) tell "no peers shown" from
        // "peer data not loaded yet".
        let reference_state = if reference.is_some() {
            "loaded"
        } else {
            "none"
        };
        let profile_line = profile.map(|p| {
            format!(
                "{} ・ {} ・ {}{}",
                p.industry.name().get(lang),
                p.prefecture.name().get(lang),
                p.regular_employees,
                if lang == Lang::Ja {
                    "人"
                } else {
                    " employees"
                }
            )
        });

        view! {
            <article class="result-sheet" data-testid="result-sheet" data-reference=reference_state>
                <header class="sheet-header">
                    <h2 id="page-heading" tabindex="-1">{m::RESULT_HEADING.get(lang)} " — " {bank.title.get(lang).to_owned()}</h2>
                    <dl class="meta">
                        <dt>{m::DATE.get(lang)}</dt>
                        <dd data-testid="result-date">{result.date.clone()}</dd>
                        <dt>{m::BANK.get(lang)}</dt>
                        <dd data-testid="result-bank">{format!("{} {} ({tier_name})", result.bank.id, result.bank.version)}</dd>
                        {profile_line.map(|line| view! { <dt>{m::PROFILE_HEADING.get(lang)}</dt><dd>{line}</dd> })}
                        <dt>{m::COMPLETENESS.get(lang)}</dt>
                        <dd>{format!("{:.0}%", result.completeness * 100.0)}</dd>
                    </dl>
                    {as_of.filter(|_| current_edition).map(|note| view! { <p class="as-of" data-testid="as-of">{note}</p> })}
                    {catalogue.attribution.as_ref().map(|text| view! { <p class="attribution" data-testid="attribution">{text.get(lang).to_owned()}</p> })}
                    {superseded.map(|note| view! { <p class="superseded" data-testid="superseded">{note}</p> })}
                </header>
                <section class="overall" data-testid="overall">
                    <h3>{m::OVERALL.get(lang)}</h3>
                    <p>
                        <span class="big-level">{level_text(result.overall.level)}</span>
                        " ・ " {m::SCORE.get(lang)} " " {score_text(result.overall.score)} " / 100"
                    </p>
                </section>
                <div class="chart-and-table">
                    {radar}
                    <table class="dimensions" data-testid="dimension-table">
                        <thead>
                            <tr>
                                <th scope="col">{m::DIMENSION.get(lang)}</th>
                                <th scope="col">{m::LEVEL.get(lang)}</th>
                                <th scope="col">{m::SCORE.get(lang)}</th>
                                <th scope="col">{m::PEER_COLUMN.get(lang)}</th>
                                <th scope="col">{m::MEANING.get(lang)}</th>
                                <th scope="col">{m::TARGET.get(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {peer_section}
                <section class="strengths">
                    <h3>{m::STRENGTHS.get(lang)}</h3>
                    {list(strengths, "strengths")}
                </section>
                <section class="weakest">
                    <h3>{m::WEAKEST.get(lang)}</h3>
                    {list(weakest, "weakest")}
                </section>
                {has_gates.then(|| view! {
                    <section class="gates">
                        <h3>{m::GATE_FINDINGS.get(lang)}</h3>
                        {findings_view}
                        {not_applicable_view}
                    </section>
                })}
                {current_edition.then(|| view! {
                    <section class="next-steps">
                        <h3>{m::NEXT_STEPS.get(lang)}</h3>
                        {no_steps.then(|| view! { <p>{m::NO_NEXT_STEPS.get(lang)}</p> })}
                        <ol class="steps" data-testid="next-steps">{steps}</ol>
                        {more_steps_view}
                    </section>
                })}
                {plan_view}
                {take_home}
                <div class="actions no-print">
                    {(!in_kiosk).then(|| view! {
                        <button type="button" class="primary" data-testid="print" on:click=|_| { let _ = window().print(); }>
                            {m::PRINT.get(lang)}
                        </button>
                        <button type="button" class="secondary" data-testid="export-json" on:click=export_json>
                            {m::EXPORT_JSON.get(lang)}
                        </button>
                        <button type="button" class="secondary" data-testid="export-csv" on:click=export_csv>
                            {m::EXPORT_CSV.get(lang)}
                        </button>
                    })}
                    <button
                        type="button"
                        class="secondary"
                        data-testid="edit-answers"
                        on:click=move |_| {
                            session.page.set(0);
                            session.screen.set(Screen::Questions);
                        }
                    >
                        {m::EDIT_ANSWERS.get(lang)}
                    </button>
                    {(!in_kiosk).then(|| view! { <ImportButton lang=lang /> })}
                    <StartOverButton lang=lang />
                </div>
            </article>
        }
        .into_any()
    }
}
