//! The sheet's buttons: print, save as JSON or CSV, review the answers,
//! open another result, start over. The files are written when the user
//! asks for them, from the answers and the plan as they are then; nothing
//! is prepared while the sheet is drawn.

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{Bank, Lang, ResultDoc, result_csv};

use crate::components::{ImportButton, StartOverButton};
use crate::files;
use crate::messages as m;
use crate::session::{Screen, Session};

/// The exchange form of the diagnosis now, dated `date`, with the plan.
fn current_result(session: Session, date: &str) -> Option<(Arc<Bank>, ResultDoc)> {
    let bank = session.bank.get_untracked()?;
    let scores = session.scores.get_untracked()?;
    let profile = session.profile.get_untracked();
    let mut result = session
        .answers
        .with_untracked(|answers| ResultDoc::new(&bank, answers, &scores, profile, date, None));
    result.plan = session.plan.get_untracked();
    Some((bank, result))
}

/// The name a saved file gets: bank and date, so files of several visits
/// sort side by side.
fn file_name(bank: &Bank, date: &str, extension: &str) -> String {
    format!("shindan-{}-{date}.{extension}", bank.id)
}

/// The actions below the sheet; a kiosk offers no files and no printing.
pub fn sheet_actions(
    session: Session,
    date: &str,
    in_kiosk: bool,
    lang: Lang,
) -> impl IntoView + use<> {
    let export_json = {
        let date = date.to_owned();
        move |_| {
            let Some((bank, result)) = current_result(session, &date) else {
                return;
            };
            let name = file_name(&bank, &date, "json");
            let written = serde_json::to_string_pretty(&result)
                .map_err(|error| error.to_string())
                .and_then(|json| {
                    files::download(
                        &name,
                        "application/json",
                        &json,
                        session.lang.get_untracked(),
                    )
                });
            if let Err(error) = written {
                session.tell(m::EXPORT_JSON.text(), vec![error]);
            }
        }
    };
    let export_csv = {
        let date = date.to_owned();
        move |_| {
            let Some((bank, result)) = current_result(session, &date) else {
                return;
            };
            let name = file_name(&bank, &date, "csv");
            let lang = session.lang.get_untracked();
            let csv = result_csv(&result, &bank, lang);
            if let Err(error) = files::download(&name, "text/csv;charset=utf-8", &csv, lang) {
                session.tell(m::EXPORT_CSV.text(), vec![error]);
            }
        }
    };
    view! {
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
    }
}
