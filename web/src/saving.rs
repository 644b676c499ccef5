//! The diagnosis kept in this browser: saved on every change while a
//! screen of the journey shows, resumed at start.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::Answers;

use crate::banks;
use crate::messages as m;
use crate::saved::{self, Saved};
use crate::session::{Screen, Session};

/// Saves the diagnosis now and on every change, for as long as the calling
/// screen lives (the only effect of the journey: it mirrors state into this
/// browser's storage).
pub fn keep(session: Session) {
    Effect::new(move |_| {
        let screen = session.screen.get();
        let page = session.page.get();
        let last_question = session.last_question.get();
        let profile = session.profile.get();
        let plan = session.plan.get();
        let Some(bank) = session.bank.get() else {
            return;
        };
        if !session.persist.get() || screen == Screen::Landing {
            return;
        }
        let answers = session.answers.with(|answers| answers.to_values(&bank));
        saved::store(&Saved {
            tier: bank.tier,
            bank: bank.id.clone(),
            profile,
            answers,
            screen,
            page,
            last_question,
            plan,
        });
    });
}

/// Restores a saved diagnosis: loads its bank and keeps every answer that
/// still fits it (a bank update may have removed a question). When the bank
/// cannot be had, the user is told; the saved answers stay in storage.
pub fn resume(session: Session, saved: Saved) {
    session.profile.set(saved.profile.clone());
    spawn_local(async move {
        let bank = match banks::fetch(saved.tier).await {
            Ok(bank) if bank.id == saved.bank => bank,
            Ok(bank) => {
                let detail = format!("saved: `{}`, available: `{}`", saved.bank, bank.id);
                session.tell(m::SAVED_BANK_GONE.text(), vec![detail]);
                return;
            }
            Err(error) => {
                session.tell(m::BANK_UNAVAILABLE.text(), vec![error]);
                return;
            }
        };
        let (answers, _dropped) = Answers::from_values(&bank, &saved.answers);
        session.begin(bank, answers);
        session.page.set(saved.page);
        session.last_question.set(saved.last_question);
        session.plan.set(saved.plan);
        session.screen.set(saved.screen);
    });
}
