//! The QR hand-off in the app: a `#r1.` link opened at start or in a tab
//! where the sheet already runs (`hashchange`), and the address a QR code
//! may carry. A link never silently replaces a diagnosis saved in this
//! browser (the page asks), and its fragment leaves the address bar once
//! read, so a reload resumes what the user did since instead of opening the
//! link again.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Handoff, HandoffError, is_handoff_fragment, parse_handoff};
use wasm_bindgen::JsValue;

use crate::messages as m;
use crate::saved::{self, Saved};
use crate::session::{Ask, Screen, Session};
use crate::{banks, deferred};

/// Reads the fragment at start. Returns the saved diagnosis to resume now,
/// if the link does not stand in its way (otherwise the page asks first).
pub fn at_start(session: Session, saved: Option<Saved>) -> Option<Saved> {
    let fragment = window().location().hash().unwrap_or_default();
    match read(session, &fragment) {
        Some(Some(handoff)) => {
            receive(session, handoff, saved);
            None
        }
        // A damaged link: its notice shows on the first screen, so that no
        // sheet is mistaken for the link's; a reload resumes.
        Some(None) => None,
        None => saved,
    }
}

/// Opens links put into the address bar of a tab where the sheet runs.
pub fn watch(session: Session) {
    let handle = window_event_listener_untyped("hashchange", move |_| {
        // Not for an ordinary fragment (the skip link's `#main`).
        if is_handoff_fragment(&window().location().hash().unwrap_or_default()) {
            deferred::run(session, deferred::link_opened(session));
        }
    });
    on_cleanup(move || handle.remove());
}

/// The address changed: opens a hand-off in it, asking first if this tab
/// holds a diagnosis.
pub fn hash_changed(session: Session) {
    let fragment = window().location().hash().unwrap_or_default();
    if let Some(Some(handoff)) = read(session, &fragment) {
        let in_tab = session.bank.with_untracked(Option::is_some);
        // The tab's diagnosis is in storage too; without one in the
        // tab, one saved by another tab still counts.
        let saved = saved::load().filter(|_| !in_tab);
        if in_tab {
            ask_first(session, handoff, None);
        } else {
            receive(session, handoff, saved);
        }
    }
}

/// `None` if `fragment` is no hand-off; otherwise the hand-off, or
/// `Some(None)` for a damaged one (reported). Either way the fragment is
/// removed from the address bar.
fn read(session: Session, fragment: &str) -> Option<Option<Handoff>> {
    let handoff = match parse_handoff(fragment) {
        Err(HandoffError::NotAHandoff) => return None,
        Err(error) => {
            session.tell(m::HANDOFF_FAILED.text(), vec![error.to_string()]);
            None
        }
        Ok(handoff) => Some(handoff),
    };
    forget_fragment();
    Some(handoff)
}

/// Replaces the current history entry's address with the same one without
/// its fragment.
fn forget_fragment() {
    let location = window().location();
    let address = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// Opens `handoff`, asking first if `saved` holds a diagnosis of this
/// browser (which is resumed if the user keeps it).
fn receive(session: Session, handoff: Handoff, saved: Option<Saved>) {
    match saved {
        Some(saved) => ask_first(session, handoff, Some(saved)),
        None => open(session, handoff),
    }
}

fn ask_first(session: Session, handoff: Handoff, saved: Option<Saved>) {
    let handoff = Arc::new(handoff);
    session.ask(Ask {
        title: m::HANDOFF_TITLE,
        text: m::HANDOFF_REPLACES,
        yes: m::HANDOFF_OPEN,
        no: m::HANDOFF_KEEP,
        on_yes: Arc::new(move || open(session, (*handoff).clone())),
        on_no: Arc::new(move || {
            if let Some(saved) = saved.clone() {
                crate::saving::resume(session, saved);
            }
        }),
        testid: "confirm-handoff",
    });
}

/// Loads the hand-off's bank and shows its result (which then becomes the
/// diagnosis saved in this browser).
fn open(session: Session, handoff: Handoff) {
    spawn_local(async move {
        let opened = match banks::fetch(handoff.tier).await {
            Ok(bank) => handoff
                .open(&bank)
                .map(|(answers, profile)| (bank, answers, profile))
                .map_err(|error| error.to_string()),
            Err(error) => Err(error),
        };
        match opened {
            Ok((bank, answers, profile)) => {
                session.profile.set(profile);
                session.begin(bank, answers);
                session.screen.set(Screen::Result);
            }
            Err(error) => session.tell(m::HANDOFF_FAILED.text(), vec![error]),
        }
    });
}

/// Where a QR code points: the kiosk's portal if one is set, else this
/// page's address if it is on the web. A page opened from a file
/// (`shindan-offline.html`) has no address a phone could open, and its path
/// says things about this computer: no QR code then.
pub fn qr_address(portal: Option<String>) -> Option<String> {
    if portal.is_some() {
        return portal;
    }
    let location = window().location();
    let protocol = location.protocol().unwrap_or_default();
    (protocol == "https:" || protocol == "http:").then(|| {
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    })
}
