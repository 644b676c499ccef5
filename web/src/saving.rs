//! The diagnosis kept in this browser: saved on every change while a
//! screen of the journey shows, resumed at start.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::Answers;

use crate::banks;
use crate::messages as m;
use crate::saved::{self, Saved};
use crate::session::{Screen, Session};

/// Saves the diagnosis now and after every change, for as long as the
/// calling screen lives. The writing (every answer as JSON into
/// localStorage) waits for the next task, so a click's answer is painted
/// first and a burst of changes is written once; leaving the page (a
/// reload, a closed tab, a phone putting the browser away) writes at once
/// whatever waits.
pub fn keep(session: Session) {
    Effect::new(move |_| {
        session.screen.track();
        session.page.track();
        session.last_question.track();
        session.profile.track();
        session.plan.track();
        session.bank.track();
        session.answers.track();
        session.persist.track();
        if !PENDING.replace(true) {
            set_timeout(move || store_now(session), Duration::ZERO);
        }
    });
    let flush = move |_| {
        if PENDING.get() {
            store_now(session);
        }
    };
    let handles = [
        window_event_listener_untyped("pagehide", flush),
        window_event_listener_untyped("visibilitychange", flush),
    ];
    on_cleanup(move || handles.into_iter().for_each(WindowListenerHandle::remove));
}

thread_local! {
    /// A change is waiting to be written.
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Writes the session as it is now: a journey screen with a bank and
/// saving on (author mode's trial turns it off).
fn store_now(session: Session) {
    PENDING.set(false);
    let screen = session.screen.get_untracked();
    let Some(bank) = session.bank.get_untracked() else {
        return;
    };
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
