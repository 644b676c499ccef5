//! The QR code that takes the result to a phone. The link (the portal's
//! address with the result packed in its fragment) is packed once when the
//! sheet opens and again only if the answers or the profile change, never
//! on a language switch or any other redraw of the sheet.

use leptos::prelude::*;
use shindan_engine::encode_handoff;

use crate::components::QrCodeView;
use crate::messages as m;
use crate::session::use_session;

/// The take-home section, when the page has an address a phone can open
/// (`portal`, see `handoff::qr_address`). No QR code when the hand-off
/// cannot be packed (it never fails for a loaded bank; a broken link would
/// be worse than none).
#[component]
pub fn TakeHome(portal: Option<String>) -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let link = Memo::new(move |_| {
        let portal = portal.as_deref()?;
        let bank = session.bank.get()?;
        let fragment = session.answers.with(|answers| {
            session
                .profile
                .with(|profile| encode_handoff(&bank, answers, profile.as_ref()).ok())
        })?;
        Some(format!("{portal}#{fragment}"))
    });
    move || {
        link.get().map(|url| {
            view! {
                <section class="take-home" data-testid="take-home">
                    <h3>{move || m::TAKE_HOME.get(lang.get())}</h3>
                    <div class="qr-and-help">
                        <QrCodeView url=url label=Signal::derive(move || m::QR_LABEL.get(lang.get()).to_owned()) />
                        <p class="help">{move || m::TAKE_HOME_HELP.get(lang.get())}</p>
                    </div>
                </section>
            }
        })
    }
}
