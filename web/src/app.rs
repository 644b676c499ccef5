//! The frame of the sheet: header with the language switch, the notice
//! area, and the current screen. The landing page is drawn at once; the
//! other screens, and resuming a saved diagnosis, come from `deferred`.

use leptos::prelude::*;
use shindan_engine::{Lang, is_handoff_fragment};

use crate::components::{AskDialog, NoticeBox};
use crate::messages::{self as m};
use crate::query::Query;
use crate::screens::Landing;
use crate::session::{Screen, Session};
use crate::{deferred, handoff, kiosk, saved};

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
        // Only a page with something to resume fetches the code for it,
        // and the screens a resumed diagnosis or a link opens on at once.
        let has_link = is_handoff_fragment(&window().location().hash().unwrap_or_default());
        let resumes = saved::present() || has_link;
        if resumes {
            deferred::warm_sheet();
        }
        if resumes || kiosk.is_some() {
            deferred::run(session, deferred::restore(session, kiosk.is_some()));
        }
        handoff::watch(session);
    }

    // Mirrors the language into things outside the reactive system (the
    // document, this browser's storage); saving the diagnosis is the
    // journey's (`saving::keep`).
    Effect::new(move |_| {
        let lang = session.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(m::APP_TITLE.get(lang));
        saved::store_lang(lang);
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
    let idle_guard = kiosk.map(|kiosk| {
        Suspend::new(async move {
            deferred::idle_guard(kiosk)
                .await
                .unwrap_or_else(|unloaded| {
                    unloaded.tell(session);
                    ().into_any()
                })
        })
    });
    view! {
        {header}
        {idle_guard}
        <main id="main" tabindex="-1" node_ref=session.focus.main>
            <NoticeBox />
            {move || match session.screen.get() {
                Screen::Landing => view! { <Landing /> }.into_any(),
                screen @ (Screen::Profile | Screen::Questions | Screen::Result) => Suspend::new(async move {
                    deferred::journey(screen)
                        .await
                        .unwrap_or_else(|unloaded| unloaded.view(lang.get_untracked()))
                })
                .into_any(),
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
