//! Modal dialogs drawn by the page itself: the session's questions
//! (`Session::ask`) and the kiosk's 「続けますか？」. Unlike `window.confirm`
//! they leave the page's timers running, so a kiosk resets even while a
//! question waits. While one shows, the rest of the page is `inert` (no
//! keyboard, pointer or screen-reader access); the focus moves in, and goes
//! back where it was when the dialog closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::session::use_session;

thread_local! {
    /// The open dialogs, the latest last: only it is reachable.
    static OPEN: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes every part of the page but the one holding the latest open dialog
/// inert, or nothing inert when no dialog is open. Recomputed from the
/// whole list each time, so dialogs may close in any order (a kiosk reset
/// closes the idle question and a pending one together).
fn refresh_inert() {
    let top = OPEN.with_borrow(|open| open.last().cloned());
    let Some(body) = document().body() else {
        return;
    };
    let parts = body.children();
    for index in 0..parts.length() {
        let Some(part) = parts.item(index) else {
            continue;
        };
        let reachable = match &top {
            Some(top) => part.contains(Some(top)),
            None => true,
        };
        let _ = if reachable {
            part.remove_attribute("inert")
        } else {
            part.set_attribute("inert", "")
        };
    }
}

/// A modal dialog: an overlay with a centred box. `focus` is a CSS selector
/// inside it for the element focused first; Escape calls `on_escape`.
#[component]
pub fn Modal(
    /// `dialog` or `alertdialog`.
    role: &'static str,
    /// Id of the heading that names the dialog.
    labelledby: &'static str,
    /// Id of the text that describes it.
    describedby: &'static str,
    /// `data-testid` of the overlay.
    testid: &'static str,
    /// Selector of what gets the focus.
    focus: &'static str,
    /// What Escape does.
    on_escape: Callback<()>,
    children: Children,
) -> impl IntoView {
    let overlay = NodeRef::<leptos::html::Div>::new();
    let main = use_session().focus.main;
    // The overlay and the element that had the focus before it opened.
    let opened = StoredValue::new_local(None::<(web_sys::Element, Option<web_sys::Element>)>);
    overlay.on_load(move |overlay| {
        let overlay: web_sys::Element = overlay.into();
        let before = document().active_element();
        OPEN.with_borrow_mut(|open| open.push(overlay.clone()));
        refresh_inert();
        if let Ok(Some(first)) = overlay.query_selector(focus)
            && let Ok(first) = first.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = first.focus();
        }
        opened.set_value(Some((overlay, before)));
    });
    on_cleanup(move || {
        let Some((overlay, before)) = opened.try_update_value(Option::take).flatten() else {
            return;
        };
        OPEN.with_borrow_mut(|open| open.retain(|other| *other != overlay));
        refresh_inert();
        // Back to where the user was; if that is gone (the answer reset
        // the screen), to the main region.
        let target = before
            .filter(|element| {
                element.is_connected() && element.closest("[inert]").ok().flatten().is_none()
            })
            .or_else(|| main.element().map(Into::into));
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
    view! {
        <div
            class="modal-overlay"
            data-testid=testid
            node_ref=overlay
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    on_escape.run(());
                }
            }
        >
            <div
                class="modal"
                role=role
                aria-modal="true"
                aria-labelledby=labelledby
                aria-describedby=describedby
            >
                {children()}
            </div>
        </div>
    }
}

/// The session's question, if one is asked: two buttons, "no" focused
/// first (the choice that changes nothing).
#[component]
pub fn AskDialog() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    move || {
        session.dialog.get().map(|ask| {
            let (title, text, yes, no) = (ask.title, ask.text, ask.yes, ask.no);
            let answer = move |yes: bool| {
                let Some(ask) = session.dialog.get_untracked() else {
                    return;
                };
                session.dialog.set(None);
                if yes { (ask.on_yes)() } else { (ask.on_no)() }
            };
            view! {
                <Modal
                    role="alertdialog"
                    labelledby="ask-title"
                    describedby="ask-text"
                    testid=ask.testid
                    focus="[data-testid=ask-no]"
                    on_escape=Callback::new(move |()| answer(false))
                >
                    <h2 id="ask-title">{move || title.get(lang.get())}</h2>
                    <p id="ask-text">{move || text.get(lang.get())}</p>
                    <div class="actions">
                        <button type="button" class="secondary" data-testid="ask-no" on:click=move |_| answer(false)>
                            {move || no.get(lang.get())}
                        </button>
                        <button type="button" class="primary" data-testid="ask-yes" on:click=move |_| answer(true)>
                            {move || yes.get(lang.get())}
                        </button>
                    </div>
                </Modal>
            }
        })
    }
}
