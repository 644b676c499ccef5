//! Opening a saved result file: every check happens before anything is
//! replaced, so a bad file leaves the current answers as they were.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Answers, Bank, Lang, Plan, Profile, ResultDoc, Text};
use web_sys::HtmlInputElement;

use crate::messages::{self as m, Msg};
use crate::session::{Screen, Session};
use crate::{banks, files};

/// A result file checked against its bank, ready to replace the session.
pub struct Opened {
    /// The bank it answers.
    pub bank: Arc<Bank>,
    /// Its answers, checked.
    pub answers: Answers,
    /// Its profile.
    pub profile: Option<Profile>,
    /// Its targets and actions.
    pub plan: Plan,
}

/// Why a file was refused: a sentence for the user and the engine's details.
pub struct Refused {
    /// What went wrong.
    pub text: Text,
    /// The engine's diagnostics, one per line.
    pub details: Vec<String>,
}

impl Refused {
    fn new(message: Msg, details: Vec<String>) -> Refused {
        Refused {
            text: message.text(),
            details,
        }
    }
}

/// Opens the result file picked in `input` in place of the session's
/// diagnosis, on the result sheet; a file that cannot be read or is refused
/// leaves everything as it was and says why.
pub fn open_picked(session: Session, input: HtmlInputElement, lang: Lang) {
    spawn_local(async move {
        let picked = files::picked_texts(&input, files::MAX_RESULT_BYTES, lang)
            .await
            .into_iter()
            .next();
        // Let the same file be picked again after a fix.
        input.set_value("");
        let text = match picked {
            None => return,
            Some((_, Ok(text))) => text,
            Some((name, Err(reason))) => {
                session.tell(m::IMPORT_FAILED.text(), vec![format!("{name}: {reason}")]);
                return;
            }
        };
        match open(&text, session.bank.get_untracked()).await {
            Ok(opened) => {
                session.profile.set(opened.profile);
                session.begin(opened.bank, opened.answers);
                session.plan.set(opened.plan);
                session.notice.set(None);
                session.screen.set(Screen::Result);
            }
            Err(refused) => {
                let mut details = vec![refused.text.get(lang).to_owned()];
                details.extend(refused.details);
                session.tell(m::IMPORT_FAILED.text(), details);
            }
        }
    });
}

/// Reads a result file's text; `current` is a bank already loaded (the one
/// an author is trying), used when the result answers it.
pub async fn open(text: &str, current: Option<Arc<Bank>>) -> Result<Opened, Refused> {
    let result = ResultDoc::from_json(text).map_err(|diagnostic| {
        Refused::new(
            m::NOT_A_RESULT,
            vec![format!(
                "{}: {}",
                diagnostic.code.as_str(),
                diagnostic.message
            )],
        )
    })?;
    let bank = match current.filter(|bank| bank.id == result.bank.id) {
        Some(bank) => bank,
        None => {
            let latest = banks::fetch(result.bank.tier)
                .await
                .map_err(|error| Refused::new(m::RESULT_BANK_UNAVAILABLE, vec![error]))?;
            if latest.id != result.bank.id {
                return Err(Refused::new(
                    m::RESULT_BANK_UNKNOWN,
                    vec![format!("bank `{}`", result.bank.id)],
                ));
            }
            if latest.version == result.bank.version {
                latest
            } else {
                // An earlier edition ships beside the current one.
                banks::fetch_edition(result.bank.tier, &result.bank.version)
                    .await
                    .map_err(|error| {
                        Refused::new(
                            m::RESULT_EDITION_UNKNOWN,
                            vec![format!(
                                "{} {}: {error}",
                                result.bank.id, result.bank.version
                            )],
                        )
                    })?
            }
        }
    };
    let (answers, diagnostics) = Answers::from_values(&bank, &result.answers);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .map(|diagnostic| {
            let path = diagnostic.path.as_deref().unwrap_or("");
            format!(
                "{path}: error[{}]: {}",
                diagnostic.code.as_str(),
                diagnostic.message
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(Refused::new(m::RESULT_ANSWERS_DO_NOT_FIT, errors));
    }
    // A plan that does not fit the bank is refused like answers that do not.
    let plan_problems = result.plan.problems(&bank);
    if !plan_problems.is_empty() {
        return Err(Refused::new(m::RESULT_PLAN_DOES_NOT_FIT, plan_problems));
    }
    Ok(Opened {
        bank,
        answers,
        profile: result.profile,
        plan: result.plan,
    })
}
