//! Author preview (`?mode=author`, tools build only): edit a question bank
//! and the catalogue it is written against, see the engine's diagnostics
//! with line and column beside the text, and try the pair in the normal
//! journey without rebuilding. The text is checked after a pause in typing,
//! so a large file never slows the keystrokes down.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{Answers, DocumentKind, Lang, MAX_FILE_BYTES, SourceFile, document_kind};

use crate::files;
use crate::messages::Msg;
use crate::messages::tools::author as m;
use crate::session::{Screen, use_session};

mod check;

use check::{Document, Draft, Drafts, Outcome, check};

const SHIPPED_CATALOGUE: &str = include_str!("../../../../question-banks/catalogue.yaml");
const EXAMPLE_BANK: &str = include_str!("../../../../question-banks/small.yaml");

/// How long typing must pause before the text is checked again.
const CHECK_PAUSE: Duration = Duration::from_millis(350);

/// The line above the list: counts, and the bank's id once it loads.
fn summary(outcome: &Outcome, lang: Lang) -> String {
    let bank = outcome.bank.as_ref().map(|bank| bank.id.as_str());
    match (bank, outcome.errors, outcome.warnings) {
        (Some(id), _, 0) => format!("{} — `{id}`", m::NO_PROBLEMS.get(lang)),
        (Some(id), _, warnings) => {
            format!("{} {warnings} — `{id}`", m::WARNINGS.get(lang))
        }
        (None, errors, _) if outcome.bank_unchecked => format!(
            "{} {errors} — {}",
            m::ERRORS.get(lang),
            m::CATALOGUE_FIRST.get(lang)
        ),
        (None, errors, _) => format!("{} {errors}", m::ERRORS.get(lang)),
    }
}

/// The author screen.
#[component]
pub fn Author() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = RwSignal::new(Draft {
        name: "bank.yaml".to_owned(),
        text: EXAMPLE_BANK.to_owned(),
    });
    let catalogue = RwSignal::new(Draft {
        name: "catalogue.yaml".to_owned(),
        text: SHIPPED_CATALOGUE.to_owned(),
    });
    let shown = RwSignal::new(Document::Bank);
    let draft_of = move |document| match document {
        Document::Bank => bank,
        Document::Catalogue => catalogue,
    };
    // The texts as last checked; typing updates the drafts at once and these
    // only after a pause.
    let settled = RwSignal::new(Drafts {
        bank: bank.get_untracked(),
        catalogue: catalogue.get_untracked(),
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let checking = RwSignal::new(false);
    let settle_now = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(None);
        settled.set(Drafts {
            bank: bank.get_untracked(),
            catalogue: catalogue.get_untracked(),
        });
        checking.set(false);
    };
    let settle_later = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        checking.set(true);
        pending.set_value(set_timeout_with_handle(settle_now, CHECK_PAUSE).ok());
    };
    let outcome = Memo::new(move |_| settled.with(check));
    let editor = NodeRef::<leptos::html::Textarea>::new();

    let edit = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        draft_of(shown.get_untracked()).update(|draft| draft.text = value);
        settle_later();
    };
    let open_file = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        spawn_local(async move {
            let lang = session.lang.get_untracked();
            let picked = files::picked_texts(&input, MAX_FILE_BYTES as f64, lang).await;
            match picked.into_iter().next() {
                Some((name, Ok(text))) => {
                    // The file says what it is; it goes to its own tab.
                    let kind = document_kind(&SourceFile::new(name.clone(), text.clone()));
                    let document = match kind {
                        Ok(DocumentKind::Catalogue) => Document::Catalogue,
                        _ => Document::Bank,
                    };
                    draft_of(document).set(Draft { name, text });
                    shown.set(document);
                    settle_now();
                }
                Some((name, Err(reason))) => {
                    session.tell(m::FILE_UNREADABLE.text(), vec![format!("{name}: {reason}")])
                }
                None => {}
            }
        });
    };
    let try_bank = move |_| {
        settle_now();
        if let Some(bank) = outcome.get_untracked().bank {
            let answers = Answers::new(&bank);
            session.profile.set(None);
            session.begin(bank, answers);
            session.screen.set(Screen::Questions);
        }
    };
    let show_in_text = move |document: Document, (start, end): (u32, u32)| {
        shown.set(document);
        // After the text area shows the other file.
        request_animation_frame(move || {
            if let Some(area) = editor.get_untracked() {
                let _ = area.focus();
                let _ = area.set_selection_range(start, end.max(start + 1));
            }
        });
    };
    let tab = move |document: Document, label: Msg| {
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                data-testid=match document {
                    Document::Bank => "tab-bank",
                    Document::Catalogue => "tab-catalogue",
                }
                aria-selected=move || (shown.get() == document).to_string()
                aria-controls="author-source"
                on:click=move |_| shown.set(document)
            >
                {move || label.get(lang.get())}
                " ("
                {move || draft_of(document).with(|draft| draft.name.clone())}
                ")"
            </button>
        }
    };

    view! {
        <section class="author">
            <h2>{move || m::TITLE.get(lang.get())}</h2>
            <p class="lead">{move || m::LEAD.get(lang.get())}</p>
            <label class="button secondary file-button">
                {move || m::OPEN_FILE.get(lang.get())}
                <input type="file" class="visually-hidden" accept=".yaml,.yml,text/yaml" on:change=open_file />
            </label>
            <div class="author-panes">
                <div class="field">
                    <div role="tablist" class="tabs">
                        {tab(Document::Bank, m::TAB_BANK)}
                        {tab(Document::Catalogue, m::TAB_CATALOGUE)}
                    </div>
                    <textarea
                        id="author-source"
                        data-testid="bank-source"
                        data-document=move || match shown.get() {
                            Document::Bank => "bank",
                            Document::Catalogue => "catalogue",
                        }
                        aria-label=move || m::SOURCE_LABEL.get(lang.get())
                        spellcheck="false"
                        node_ref=editor
                        prop:value=move || draft_of(shown.get()).with(|draft| draft.text.clone())
                        on:input=edit
                    ></textarea>
                </div>
                <div
                    class="diagnostics"
                    aria-live="polite"
                    data-testid="diagnostics"
                    data-state=move || if checking.get() { "checking" } else { "checked" }
                >
                    {move || {
                        let lang = lang.get();
                        let outcome = outcome.get();
                        let more = (outcome.not_shown > 0)
                            .then(|| format!("{} {}", m::MORE.get(lang), outcome.not_shown));
                        view! {
                            <p class="summary" data-testid="diagnostics-summary">
                                {summary(&outcome, lang)}
                            </p>
                            <ul>
                                {outcome
                                    .lines
                                    .into_iter()
                                    .map(|line| {
                                        let document = line.document;
                                        view! {
                                            <li>
                                                <pre class="diagnostic">{line.rendered}</pre>
                                                {line.span.map(|span| view! {
                                                    <button
                                                        type="button"
                                                        class="link"
                                                        on:click=move |_| show_in_text(document, span)
                                                    >
                                                        {m::SHOW_IN_TEXT.get(lang)}
                                                    </button>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {more.map(|more| view! { <p data-testid="diagnostics-more">{more}</p> })}
                        }
                    }}
                </div>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    data-testid="try-bank"
                    disabled=move || checking.get() || outcome.with(|outcome| outcome.bank.is_none())
                    on:click=try_bank
                >
                    {move || m::TRY.get(lang.get())}
                </button>
            </div>
        </section>
    }
}
