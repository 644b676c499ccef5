//! The state of one diagnosis: a `Copy` bundle of signals handed to every
//! screen through context. Components read and write these; every decision
//! about answers and scores is the engine's.

use std::sync::Arc;

use leptos::prelude::*;
use shindan_engine::{Answers, Bank, Lang, Plan, Profile, Reference, Scores, Text, score};

use crate::components::Focus;
use crate::messages::{MORE_DETAILS, Msg};

/// Where the user is in the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    /// What the sheet is; start, resume or open a result.
    Landing,
    /// Industry, employees, capital, prefecture; the tier.
    Profile,
    /// The questions, one page per dimension, then the gates.
    Questions,
    /// The result sheet.
    Result,
    /// A screen of the tools build; never saved (the tools keep nothing
    /// in this browser).
    #[cfg(feature = "tools")]
    #[serde(skip)]
    Tool(crate::screens::tools::Tool),
}

/// A message for the user that is not tied to one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What happened, in both languages.
    pub text: Text,
    /// Details from the engine (diagnostics), shown as they are.
    pub details: Vec<String>,
}

/// A question the page asks in its own dialog (`components::dialog`), never
/// with `window.confirm`: a browser dialog stops every timer of the page,
/// a kiosk's idle reset included, until someone answers it.
#[derive(Clone)]
pub struct Ask {
    /// The dialog's heading.
    pub title: Msg,
    /// What happens, and to what.
    pub text: Msg,
    /// The button that goes ahead.
    pub yes: Msg,
    /// The button that leaves things as they are (focused first).
    pub no: Msg,
    /// Runs after "yes".
    pub on_yes: Arc<dyn Fn() + Send + Sync>,
    /// Runs after "no" or Escape.
    pub on_no: Arc<dyn Fn() + Send + Sync>,
    /// `data-testid` of the dialog.
    pub testid: &'static str,
}

impl std::fmt::Debug for Ask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ask").field("testid", &self.testid).finish()
    }
}

/// The signals of one diagnosis.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// The current screen.
    pub screen: RwSignal<Screen>,
    /// What the company said about itself.
    pub profile: RwSignal<Option<Profile>>,
    /// The bank being answered.
    pub bank: RwSignal<Option<Arc<Bank>>>,
    /// The answers so far.
    pub answers: RwSignal<Answers>,
    /// The question page shown (dimension pages, then the gates page).
    pub page: RwSignal<usize>,
    /// The last question answered, to return to it after a reload.
    pub last_question: RwSignal<Option<String>>,
    /// A message to show above the current screen.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether answers are kept in this browser (not while an author tries
    /// an unpublished bank).
    pub persist: RwSignal<bool>,
    /// The engine's scores for the answers so far.
    pub scores: Memo<Option<Arc<Scores>>>,
    /// Peer reference data, once loaded (for percentiles and 偏差値).
    pub reference: RwSignal<Option<Arc<Reference>>>,
    /// The question the page is asking, if any.
    pub dialog: RwSignal<Option<Ask>>,
    /// Targets and actions for the next review, set on the result sheet.
    pub plan: RwSignal<Plan>,
    /// Set when the questions were opened from the result sheet to review
    /// one area: the questionnaire then offers the way straight back.
    pub reviewing: RwSignal<bool>,
    /// Where the focus goes when the page changes (the page's, not the
    /// diagnosis': a reset keeps it).
    pub focus: Focus,
}

impl Session {
    /// A fresh session at the landing screen.
    pub fn new(lang: Lang) -> Session {
        let bank = RwSignal::new(None::<Arc<Bank>>);
        let answers = RwSignal::new(Answers::default());
        let profile = RwSignal::new(None::<Profile>);
        let scores = Memo::new(move |_| {
            bank.with(|bank| {
                bank.as_ref().map(|bank| {
                    Arc::new(answers.with(|answers| {
                        profile.with(|profile| score(bank, answers, profile.as_ref()))
                    }))
                })
            })
        });
        Session {
            lang: RwSignal::new(lang),
            screen: RwSignal::new(Screen::Landing),
            profile,
            bank,
            answers,
            page: RwSignal::new(0),
            last_question: RwSignal::new(None),
            notice: RwSignal::new(None),
            persist: RwSignal::new(true),
            scores,
            reference: RwSignal::new(None),
            dialog: RwSignal::new(None),
            reviewing: RwSignal::new(false),
            plan: RwSignal::new(Plan::default()),
            focus: Focus::new(),
        }
    }

    /// Starts answering `bank`, keeping `answers` (already checked against it).
    pub fn begin(&self, bank: Arc<Bank>, answers: Answers) {
        self.answers.set(answers);
        self.bank.set(Some(bank));
        self.page.set(0);
        self.last_question.set(None);
        self.reviewing.set(false);
        self.plan.set(Plan::default());
    }

    /// Back to a blank sheet.
    pub fn reset(&self) {
        self.profile.set(None);
        self.bank.set(None);
        self.answers.set(Answers::default());
        self.page.set(0);
        self.last_question.set(None);
        self.notice.set(None);
        self.persist.set(true);
        self.dialog.set(None);
        self.reviewing.set(false);
        self.plan.set(Plan::default());
        self.screen.set(Screen::Landing);
    }

    /// Asks `ask` in the page's own dialog (replacing any question asked).
    pub fn ask(&self, ask: Ask) {
        self.dialog.set(Some(ask));
    }

    /// Shows a message in the current language pair, with at most
    /// `SHOWN_DETAILS` details (the rest counted), so a file with thousands
    /// of problems gives a readable notice and a responsive page.
    pub fn tell(&self, text: Text, mut details: Vec<String>) {
        if details.len() > SHOWN_DETAILS {
            let more = details.len() - SHOWN_DETAILS;
            details.truncate(SHOWN_DETAILS);
            let [ja, en] = [Lang::Ja, Lang::En].map(|lang| MORE_DETAILS.fill(lang, &[&more]));
            details.push(format!("{ja} / {en}"));
        }
        self.notice.set(Some(Notice { text, details }));
    }
}

/// The most details a notice lists.
const SHOWN_DETAILS: usize = 50;

/// The session of the running app. The app provides it before drawing
/// anything, so a component drawn without it is a programming error: this
/// panics saying so instead of quietly starting an empty diagnosis that
/// nothing else sees.
#[expect(
    clippy::expect_used,
    reason = "a missing session is a programming error, not a user's input"
)]
pub fn use_session() -> Session {
    use_context::<Session>().expect("the app provides the session before drawing any component")
}
