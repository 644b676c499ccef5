//! Author preview (`?mode=author`, `author` build only): paste or open a
//! bank, see the engine's diagnostics with line and column beside the text
//! as you type, and try the bank in the normal journey without rebuilding.
//! The shipped catalogue is built in; banks are checked against it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shindan_engine::{
    Answers, Bank, Catalogue, Diagnostic, MAX_FILE_BYTES, SourceFile, Text, decode, load_bank,
    load_catalogue, render,
};

use crate::files;
use crate::session::{Screen, use_session};

const CATALOGUE: &str = include_str!("../../../question-banks/catalogue.yaml");
const EXAMPLE_BANK: &str = include_str!("../../../question-banks/small.yaml");

/// What checking the text gave: the file, its diagnostics, the bank if any.
struct Checked {
    file: SourceFile,
    diagnostics: Vec<Diagnostic>,
    bank: Option<Arc<Bank>>,
}

fn check(name: &str, text: &str, catalogue: &Catalogue) -> Checked {
    match decode(name, text.as_bytes()) {
        Ok(file) => {
            let checked = load_bank(&file, catalogue);
            Checked {
                diagnostics: checked.diagnostics,
                bank: checked.value.map(Arc::new),
                file,
            }
        }
        Err(undecodable) => Checked {
            file: undecodable.file,
            diagnostics: vec![undecodable.diagnostic],
            bank: None,
        },
    }
}

/// Byte offset → UTF-16 offset, for selecting a span in the text area.
fn utf16_offset(text: &str, byte: u32) -> u32 {
    let end = (byte as usize).min(text.len());
    let end = (0..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[..end].encode_utf16().count() as u32
}

/// The author screen.
#[component]
pub fn Author() -> impl IntoView {
    let session = use_session();
    let catalogue = load_catalogue(&SourceFile::new("catalogue.yaml", CATALOGUE)).value;
    let Some(catalogue) = catalogue.map(Arc::new) else {
        return view! { <p role="alert">"The shipped catalogue does not load."</p> }.into_any();
    };
    let name = RwSignal::new("bank.yaml".to_owned());
    let text = RwSignal::new(EXAMPLE_BANK.to_owned());
    let editor = NodeRef::<leptos::html::Textarea>::new();
    let checked = Memo::new({
        let catalogue = catalogue.clone();
        move |_| {
            let result = check(&name.get(), &text.get(), &catalogue);
            let lines: Vec<(String, Option<(u32, u32)>)> = result
                .diagnostics
                .iter()
                .map(|diagnostic| {
                    let span = diagnostic.span.map(|span| {
                        let source = result.file.text();
                        (
                            utf16_offset(source, span.start),
                            utf16_offset(source, span.end),
                        )
                    });
                    (render::render(&result.file, diagnostic), span)
                })
                .collect();
            let errors = result.diagnostics.iter().filter(|d| d.is_error()).count();
            (lines, errors, result.bank.map(|bank| bank.id.clone()))
        }
    });

    let open_file = move |event: leptos::ev::Event| {
        let Some(input) = files::input_of(&event) else {
            return;
        };
        spawn_local(async move {
            match files::picked_text(&input, MAX_FILE_BYTES as f64).await {
                Some((picked, Ok(contents))) => {
                    name.set(picked);
                    text.set(contents);
                }
                Some((picked, Err(reason))) => session.tell(
                    Text::new(
                        "問題バンクのファイルを開けませんでした。",
                        "The bank file could not be opened.",
                    ),
                    vec![format!("{picked}: {reason}")],
                ),
                None => {}
            }
        });
    };
    let try_bank = {
        let catalogue = catalogue.clone();
        move |_| {
            let result = check(&name.get_untracked(), &text.get_untracked(), &catalogue);
            if let Some(bank) = result.bank {
                let answers = Answers::new(&bank);
                session.profile.set(None);
                session.begin(bank, answers);
                session.screen.set(Screen::Questions);
            }
        }
    };
    let select = move |(start, end): (u32, u32)| {
        if let Some(area) = editor.get() {
            let _ = area.focus();
            let _ = area.set_selection_range(start, end.max(start + 1));
        }
    };

    view! {
        <section class="author">
            <h2>"問題バンクの確認 / Bank author preview"</h2>
            <p class="lead">
                "問題バンク（YAML）を貼り付けるか開くと、その場で検査します。共有カタログは公開版を使います。 / Paste or open a bank (YAML); it is checked as you type against the shipped catalogue."
            </p>
            <label class="button secondary file-button">
                "ファイルを開く / Open a file"
                <input type="file" class="visually-hidden" accept=".yaml,.yml,text/yaml" on:change=open_file />
            </label>
            <div class="author-panes">
                <div class="field">
                    <label for="bank-source">{move || name.get()}</label>
                    <textarea
                        id="bank-source"
                        data-testid="bank-source"
                        spellcheck="false"
                        node_ref=editor
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    ></textarea>
                </div>
                <div class="diagnostics" aria-live="polite" data-testid="diagnostics">
                    {move || {
                        let (lines, errors, bank) = checked.get();
                        let summary = match (&bank, errors, lines.len()) {
                            (Some(id), _, 0) => format!("問題はありません / No problems — bank `{id}`"),
                            (Some(id), _, warnings) => format!("警告 {warnings} 件 / {warnings} warning(s) — bank `{id}`"),
                            (None, errors, _) => format!("エラー {errors} 件 / {errors} error(s)"),
                        };
                        view! {
                            <p class="summary" data-testid="diagnostics-summary">{summary}</p>
                            <ul>
                                {lines
                                    .into_iter()
                                    .map(|(rendered, span)| {
                                        view! {
                                            <li>
                                                <pre class="diagnostic">{rendered}</pre>
                                                {span.map(|span| view! {
                                                    <button type="button" class="link" on:click=move |_| select(span)>
                                                        "該当箇所へ / Show in the text"
                                                    </button>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    }}
                </div>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    data-testid="try-bank"
                    disabled=move || checked.with(|(_, _, bank)| bank.is_none())
                    on:click=try_bank
                >
                    "この問題バンクで回答してみる / Try this bank"
                </button>
            </div>
        </section>
    }
    .into_any()
}
