//! The questions, one page per dimension and a last page of gates, with a
//! progress bar and back/next. Which questions show is the engine's
//! `visibility`, recomputed as answers change.

use leptos::prelude::*;
use shindan_engine::{Bank, DimensionIndex, GateIndex, Lang, QuestionIndex, Text};

use crate::components::{GateCard, QuestionCard, RichText, StartOverButton, Target};
use crate::messages as m;
use crate::session::{Screen, use_session};

/// A page of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    /// The questions of one dimension.
    Dimension(DimensionIndex),
    /// The unscored compliance checks.
    Gates,
}

/// The pages of `bank`: dimensions that have questions, in catalogue order,
/// then the gates if there are any.
fn pages(bank: &Bank) -> Vec<Page> {
    let mut pages: Vec<Page> = (0..bank.catalogue.dimensions.len())
        .map(DimensionIndex::new)
        .filter(|&dimension| bank.questions.iter().any(|q| q.dimension == dimension))
        .map(Page::Dimension)
        .collect();
    if !bank.gates.is_empty() {
        pages.push(Page::Gates);
    }
    pages
}

/// The page that asks the questions of `dimension`, if it has any.
pub fn page_of(bank: &Bank, dimension: DimensionIndex) -> Option<usize> {
    pages(bank)
        .iter()
        .position(|page| *page == Page::Dimension(dimension))
}

/// The questionnaire screen.
#[component]
pub fn Questionnaire() -> impl IntoView {
    let session = use_session();
    let focus = session.focus;
    let Some(bank) = session.bank.get_untracked() else {
        session.screen.set(Screen::Profile);
        return ().into_any();
    };
    let pages = pages(&bank);
    let page_count = pages.len();
    let page_names: Vec<(usize, Text)> = pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let name = match page {
                Page::Dimension(dimension) => bank.catalogue[*dimension].short.clone(),
                Page::Gates => m::GATES_SHORT.text(),
            };
            (index, name)
        })
        .collect();
    let page = move || session.page.get().min(page_count.saturating_sub(1));
    let progress = move || {
        session.scores.with(|scores| {
            scores.as_ref().map_or((0, 0), |scores| {
                scores
                    .dimensions
                    .iter()
                    .fold((0, 0), |(answered, visible), d| {
                        (answered + d.answered, visible + d.visible)
                    })
            })
        })
    };

    // Back on the page of the last answer after a reload; otherwise (from
    // the profile, or from the result sheet) at the top of the page with the
    // focus on its heading.
    let resume_at = session.last_question.get_untracked();
    let resume_card = Target::new();
    if resume_at.is_some() {
        request_animation_frame(move || {
            if let Some(card) = resume_card.element() {
                card.scroll_into_view();
            }
        });
    } else {
        focus.to_heading();
    }

    let page_view = move |lang: Lang| {
        match pages.get(page()).copied() {
        Some(Page::Dimension(dimension)) => {
            let about = &bank.catalogue[dimension];
            let questions: Vec<usize> = bank
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.dimension == dimension)
                .map(|(index, _)| index)
                .collect();
            let intro = bank
                .intro
                .as_ref()
                .filter(|_| page() == 0)
                .map(|intro| intro.get(lang).to_owned());
            view! {
                {intro.map(|intro| view! { <p class="intro" data-testid="bank-intro">{intro}</p> })}
                <h2 id="page-heading" tabindex="-1" node_ref=focus.heading>{about.name.get(lang).to_owned()}</h2>
                <div class="lead"><RichText text=about.description.get(lang).to_owned() /></div>
                {questions
                    .into_iter()
                    .map(|index| {
                        let resumes_here = resume_at.as_deref() == Some(bank.questions[index].id.as_str());
                        let anchor = if resumes_here { resume_card } else { Target::default() };
                        let visible = move || {
                            session.scores.with(|scores| {
                                scores
                                    .as_ref()
                                    .is_some_and(|s| s.visible.get(index).copied().unwrap_or(false))
                            })
                        };
                        view! {
                            <Show when=visible>
                                <QuestionCard index=QuestionIndex::new(index) lang=lang anchor=anchor />
                            </Show>
                        }
                    })
                    .collect_view()}
            }
            .into_any()
        }
        Some(Page::Gates) => view! {
            <h2 id="page-heading" tabindex="-1" node_ref=focus.heading>{m::GATES_HEADING.get(lang)}</h2>
            <p class="lead">{m::GATES_LEAD.get(lang)}</p>
            {bank.as_of_note().map(|note| view! { <p class="as-of" data-testid="as-of">{note.get(lang).to_owned()}</p> })}
            {(0..bank.gates.len())
                .map(|index| {
                    // A duty that does not bind this company is not asked.
                    let applies = move || {
                        session.scores.with(|scores| {
                            scores.as_ref().is_some_and(|s| {
                                s.gates_applicable.get(index).copied().unwrap_or(true)
                            })
                        })
                    };
                    view! {
                        <Show when=applies>
                            <GateCard index=GateIndex::new(index) lang=lang />
                        </Show>
                    }
                })
                .collect_view()}
        }
        .into_any(),
        None => ().into_any(),
    }
    };

    let back = move |_| {
        if page() == 0 {
            session.screen.set(Screen::Profile);
        } else {
            session.page.set(page() - 1);
            focus.to_heading();
        }
    };
    let next = move |_| {
        if page() + 1 >= page_count {
            session.reviewing.set(false);
            session.screen.set(Screen::Result);
            focus.to_heading();
        } else {
            session.page.set(page() + 1);
            focus.to_heading();
        }
    };
    let back_to_result = move |_| {
        session.reviewing.set(false);
        session.screen.set(Screen::Result);
        focus.to_heading();
    };

    (move || {
        let lang = session.lang.get();
        let page_view = page_view.clone();
        view! {
            <section class="questionnaire">
                <div class="progress" data-testid="progress">
                    <label for="progress-bar">
                        {move || {
                            let (answered, visible) = progress();
                            format!(
                                "{} {answered} / {visible} ・ {} {} / {page_count}",
                                m::PROGRESS.get(lang),
                                m::PAGE.get(lang),
                                page() + 1,
                            )
                        }}
                    </label>
                    <progress
                        id="progress-bar"
                        max=move || progress().1.max(1)
                        value=move || progress().0
                    ></progress>
                </div>
                <form class="questions" on:submit=|event| event.prevent_default()>
                    {move || page_view(lang)}
                </form>
                <div class="actions">
                    <button type="button" class="secondary" data-testid="back" on:click=back>
                        {m::BACK.get(lang)}
                    </button>
                    <button type="button" class="primary" data-testid="next" on:click=next>
                        {move || {
                            if page() + 1 >= page_count {
                                m::SHOW_RESULT.get(lang)
                            } else {
                                m::NEXT.get(lang)
                            }
                        }}
                    </button>
                    {move || session.reviewing.get().then(|| view! {
                        <button type="button" class="secondary" data-testid="back-to-result" on:click=back_to_result>
                            {m::BACK_TO_RESULT.get(lang)}
                        </button>
                    })}
                    <StartOverButton lang=lang />
                </div>
                <nav class="page-nav no-print" aria-label=m::PAGE_NAV.get(lang) data-testid="page-nav">
                    {page_names
                        .iter()
                        .map(|(index, name)| {
                            let index = *index;
                            view! {
                                <button
                                    type="button"
                                    class="link"
                                    data-page=index
                                    aria-current=move || (page() == index).then_some("step")
                                    on:click=move |_| {
                                        session.page.set(index);
                                        focus.to_heading();
                                    }
                                >
                                    {format!("{}. {}", index + 1, name.get(lang))}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
            </section>
        }
    })
    .into_any()
}
