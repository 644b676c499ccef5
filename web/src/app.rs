//! The frame of the sheet: header with the language switch, the notice
//! area, and the current screen. Restores a saved diagnosis on start and
//! saves every change.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Answers, Lang};

use crate::components::{AskDialog, IdleGuard, NoticeBox};
use crate::kiosk;
use crate::messages::{self as m};
use crate::query::Query;
use crate::saved::{self, Saved};
use crate::screens::{Landing, ProfileForm, Questionnaire, ResultSheet};
use crate::session::{Screen, Session};
use crate::{banks, handoff};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::new(saved::load_lang().unwrap_or_default());
    provide_context(session);
    let kiosk = kiosk::from_query(&Query::of_page());
    provide_context(kiosk.clone());
    if kiosk.is_some()
        && let Some(body) = document().body()
    {
        let _ = body.class_list().add_1("kiosk");
    }
    if let Some(screen) = tool_screen() {
        session.persist.set(false);
        session.screen.set(screen);
    } else {
        if let Some(saved) = handoff::at_start(session, saved::load()) {
            resume(session, saved);
        }
        handoff::watch(session);
        if kiosk.is_some() {
            kiosk::begin();
        }
    }

    // The only effects: mirror state into things outside the reactive
    // system (the document's language, this browser's storage).
    Effect::new(move |_| {
        let lang = session.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(m::APP_TITLE.get(lang));
        saved::store_lang(lang);
    });
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

    let lang = session.lang;
    let header = move || {
        let shown = lang.get();
        view! {
        <header class="app-header">
            <a class="skip" href="#main">
                {m::SKIP_TO_CONTENT.get(shown)}
            </a>
            // The instrument's own title once a bank is chosen (a themed
            // bank's catalogue names itself), the product's before.
            <h1 class="app-title">
                {move || session.bank.with(|bank| match bank {
                    Some(bank) => bank.catalogue.title.get(shown).to_owned(),
                    None => m::APP_TITLE.get(shown).to_owned(),
                })}
            </h1>
            <button
                type="button"
                class="lang-switch"
                data-testid="lang-switch"
                aria-label=m::OTHER_LANGUAGE_LABEL.get(shown)
                on:click=move |_| {
                    lang.update(|lang| *lang = if *lang == Lang::Ja { Lang::En } else { Lang::Ja })
                }
            >
                {m::OTHER_LANGUAGE.get(shown)}
            </button>
        </header>
        }
    };
    let idle_guard = kiosk.map(|kiosk| view! { <IdleGuard kiosk=kiosk /> });
    view! {
        {header}
        {idle_guard}
        <main id="main" tabindex="-1" node_ref=session.focus.main>
            <NoticeBox />
            {move || match session.screen.get() {
                Screen::Landing => view! { <Landing /> }.into_any(),
                Screen::Profile => view! { <ProfileForm /> }.into_any(),
                Screen::Questions => view! { <Questionnaire /> }.into_any(),
                Screen::Result => view! { <ResultSheet /> }.into_any(),
                #[cfg(feature = "tools")]
                Screen::Tool(tool) => view! { <crate::screens::tools::ToolScreen tool=tool /> }.into_any(),
            }}
        </main>
        <AskDialog />
    }
}

/// The tool screen the page was opened for (`?mode=author`, `consult` or
/// `dashboard`); the first-load build has none.
fn tool_screen() -> Option<Screen> {
    #[cfg(feature = "tools")]
    if let Some(tool) = crate::screens::tools::Tool::of_page() {
        return Some(Screen::Tool(tool));
    }
    None
}

/// Restores a saved diagnosis: loads its bank and keeps every answer that
/// still fits it (a bank update may have removed a question). When the bank
/// cannot be had, the user is told; the saved answers stay in storage.
pub(crate) fn resume(session: Session, saved: Saved) {
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
