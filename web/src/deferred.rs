//! What the landing page does not need. In the first-load build (feature
//! `split`) each group below is a wasm module of its own, split off after
//! linking (`cargo xtask dist`) and fetched the first time one of its
//! functions is called, so a first visit downloads only the frame and the
//! landing page. In the other builds these are plain async functions.
//!
//! - `sheet`: the profile, questions and result screens, and opening a
//!   result file (which ends on the result sheet); fetched as soon as the
//!   visitor reaches for the landing page's buttons, or at start when a
//!   diagnosis is resumed ([`warm_sheet`]).
//! - `resume`: a diagnosis saved in this browser or a QR link, at start or
//!   when the address changes.
//! - `kiosk`: the idle guard and forgetting a visitor.
//!
//! A module that cannot be fetched (offline without the service worker,
//! a file altered on the way) gives [`Unloaded`], shown as a notice; it is
//! fetched again on the next call.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::Lang;

use crate::components::IdleGuard;
use crate::kiosk::{self, Kiosk};
use crate::messages as m;
use crate::screens::{ProfileForm, Questionnaire, ResultSheet};
use crate::session::{Screen, Session, use_session};
use crate::{handoff, import, saved, saving};

/// A deferred module could not be fetched or instantiated.
#[derive(Debug, Clone, Copy)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Unloaded {
        Unloaded
    }
}

impl Unloaded {
    /// Tells the user, in the page's notice area.
    pub fn tell(self, session: Session) {
        session.tell(m::PART_UNAVAILABLE.text(), Vec::new());
    }

    /// In place of the screen that could not come: the way back to the
    /// landing page, where the diagnosis waits and the next try starts.
    pub fn view(self, lang: Lang) -> AnyView {
        let session = use_session();
        view! {
            <div class="notice" role="alert" data-testid="part-unavailable">
                <p class="notice-text">{m::PART_UNAVAILABLE.get(lang)}</p>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| session.screen.set(Screen::Landing)
                >
                    {m::TO_FIRST_PAGE.get(lang)}
                </button>
            </div>
        }
        .into_any()
    }
}

/// Declares a function of a deferred module: split off with
/// `wasm_split(<module>, fallible)` in the first-load build, a plain async
/// function elsewhere; either way `async` and `Result<_, Unloaded>`.
macro_rules! deferred {
    ($module:ident: $(#[$attr:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $out:ty)? $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$attr])*
        pub fn $name($($arg: $ty),*) -> Result<deferred!(@out $($out)?), Unloaded> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        pub async fn $name($($arg: $ty),*) -> Result<deferred!(@out $($out)?), Unloaded> {
            Ok($body)
        }
    };
    (@out $out:ty) => { $out };
    (@out) => { () };
}

deferred! { sheet:
    /// One of the journey's screens after the landing page, with the saving
    /// of the diagnosis while it shows.
    pub fn journey(screen: Screen) -> AnyView {
        saving::keep(use_session());
        match screen {
            Screen::Profile => view! { <ProfileForm /> }.into_any(),
            Screen::Questions => view! { <Questionnaire /> }.into_any(),
            Screen::Result => view! { <ResultSheet /> }.into_any(),
            _ => ().into_any(),
        }
    }
}

deferred! { sheet:
    /// Nothing but the fetch of the `sheet` module.
    pub fn sheet_module() {}
}

deferred! { sheet:
    /// Opens the result file picked in `input`: checked completely before
    /// it replaces anything.
    pub fn import_picked(session: Session, input: web_sys::HtmlInputElement, lang: Lang) {
        import::open_picked(session, input, lang);
    }
}

deferred! { resume:
    /// At start: opens a QR link in the address or resumes the diagnosis
    /// saved in this browser, and in a kiosk notes where visitors begin.
    pub fn restore(session: Session, in_kiosk: bool) {
        if let Some(saved) = handoff::at_start(session, saved::load()) {
            saving::resume(session, saved);
        }
        if in_kiosk {
            kiosk::begin();
        }
    }
}

deferred! { resume:
    /// The address changed: opens it if it is a QR link.
    pub fn link_opened(session: Session) {
        handoff::hash_changed(session);
    }
}

deferred! { kiosk:
    /// The kiosk's idle guard.
    pub fn idle_guard(settings: Kiosk) -> AnyView {
        view! { <IdleGuard kiosk=settings /> }.into_any()
    }
}

deferred! { kiosk:
    /// Forgets the kiosk's visitor.
    pub fn forget_visitor(session: Session) {
        kiosk::forget_visitor(session);
    }
}

/// Starts fetching the `sheet` module: called when the visitor points at,
/// focuses or touches the landing page's buttons, so the next screen is
/// usually there by the click.
pub fn warm_sheet() {
    thread_local! {
        static ASKED: Cell<bool> = const { Cell::new(false) };
    }
    if ASKED.replace(true) {
        return;
    }
    spawn_local(async {
        // A failure shows when a screen itself is asked for; the next
        // reach tries again.
        if sheet_module().await.is_err() {
            ASKED.set(false);
        }
    });
}

/// Runs a deferred function that returns nothing; a failure to load it
/// becomes a notice.
pub fn run(session: Session, task: impl Future<Output = Result<(), Unloaded>> + 'static) {
    spawn_local(async move {
        if let Err(unloaded) = task.await {
            unloaded.tell(session);
        }
    });
}
