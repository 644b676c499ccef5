//! The diagnosis kept in this browser: saved on every change while a
//! screen of the journey shows, resumed at start.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::Answers;

use crate::banks;
use crate::messages as m;
use crate::saved::{self, Saved};
use crate::session::{Screen, Session};

/// Saves the diagnosis now and on every change, for as long as the calling
/// screen lives (the only effect of the journey: it mirrors state into this
/// browser's storage). The effect only notes that something changed; the
/// writing (the answers as JSON into `localStorage`, about a third of an
/// answer's work) runs in a task of its own right after, so an answer's
/// progress shows without waiting for it, and several changes in one task
/// are written once.
pub fn keep(session: Session) {
    let scheduled = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        session.screen.track();
        session.page.track();
        session.last_question.track();
        session.profile.track();
        session.plan.track();
        session.bank.track();
        session.persist.track();
        session.answers.track();
        if !scheduled.replace(true) {
            let scheduled = Rc::clone(&scheduled);
            set_timeout(
                move || {
                    scheduled.set(false);
                    store_now(session);
                },
                Duration::ZERO,
            );
        }
    });
}

/// Writes the diagnosis as it is when the task runs: after a start over or
/// a kiosk reset (no bank, the landing page) nothing is written.
fn store_now(session: Session) {
    let Some(bank) = session.bank.get_untracked() else {
        return;
    };
    let screen = session.screen.get_untracked();
    if !session.persist.get_untracked() || screen == Screen::Landing {
        return;
    }
    let answers = session
        .answers
        .with_untracked(|answers| answers.to_values(&bank));
    saved::store(&Saved {
        tier: bank.tier,
        bank: bank.id.clone(),
        profile: session.profile.get_untracked(),
        answers,
        screen,
        page: session.page.get_untracked(),
        last_question: session.last_question.get_untracked(),
        plan: session.plan.get_untracked(),
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
