//! The QR code that takes the result to a phone. The link — the portal's
//! address with the result packed in its fragment — is packed once, when
//! the sheet opens (the answers cannot change while it shows), never while
//! the sheet is redrawn.

use leptos::prelude::*;
use shindan_engine::{Lang, encode_handoff};

use crate::components::QrCodeView;
use crate::messages as m;
use crate::session::Session;

/// The link for the session's diagnosis, when the page has an address a
/// phone can open (`portal`, see `handoff::qr_address`). None when the
/// hand-off cannot be packed (it never fails for a loaded bank; a broken
/// link would be worse than none).
pub fn take_home_link(session: Session, portal: Option<String>) -> Option<String> {
    let portal = portal?;
    let bank = session.bank.get_untracked()?;
    let fragment = session.answers.with_untracked(|answers| {
        session
            .profile
            .with_untracked(|profile| encode_handoff(&bank, answers, profile.as_ref()).ok())
    })?;
    Some(format!("{portal}#{fragment}"))
}

/// The take-home section for `link`.
pub fn take_home(link: Option<String>, lang: Lang) -> impl IntoView {
    link.map(|url| {
        view! {
            <section class="take-home" data-testid="take-home">
                <h3>{m::TAKE_HOME.get(lang)}</h3>
                <div class="qr-and-help">
                    <QrCodeView url=url label=m::QR_LABEL.get(lang) />
                    <p class="help">{m::TAKE_HOME_HELP.get(lang)}</p>
                </div>
            </section>
        }
    })
}
