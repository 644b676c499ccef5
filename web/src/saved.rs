//! Keeping the diagnosis in this browser (localStorage) so that a reload
//! resumes where the user was. Nothing leaves the browser.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use shindan_engine::{AnswerValue, Lang, Plan, Profile, Tier};

use crate::session::Screen;

/// Storage key of the diagnosis in progress; the suffix is its format.
const SESSION_KEY: &str = "shindan.session.v1";
/// Storage key of the chosen language.
const LANG_KEY: &str = "shindan.lang";

/// A diagnosis in progress, in file form so that it survives bank updates
/// (answers that no longer fit are dropped when read back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Tier of the bank answered (which bank file to load).
    pub tier: Tier,
    /// Id of the bank answered.
    pub bank: String,
    /// The company profile.
    pub profile: Option<Profile>,
    /// Answers by id.
    pub answers: BTreeMap<String, AnswerValue>,
    /// The screen shown.
    pub screen: Screen,
    /// The question page shown.
    pub page: usize,
    /// The last question answered.
    #[serde(default)]
    pub last_question: Option<String>,
    /// Targets and actions set on the result sheet (absent in sessions
    /// saved before 2026-11 and when none are set).
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
}

/// Whether a diagnosis is saved, without reading it: the first load
/// decides with this whether to fetch the code that resumes one.
pub fn present() -> bool {
    LocalStorage::raw()
        .get_item(SESSION_KEY)
        .ok()
        .flatten()
        .is_some()
}

/// The saved diagnosis, if any and readable.
pub fn load() -> Option<Saved> {
    LocalStorage::get(SESSION_KEY).ok()
}

/// Saves the diagnosis. A full or blocked storage loses only persistence,
/// never the answers on screen, so the error is not surfaced.
pub fn store(saved: &Saved) {
    let _ = LocalStorage::set(SESSION_KEY, saved);
}

/// Removes every trace of the diagnosis.
pub fn clear() {
    LocalStorage::delete(SESSION_KEY);
}

/// The language chosen last time.
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get(LANG_KEY).ok()
}

/// Remembers the chosen language; Japanese, the default, leaves no trace
/// (a kiosk reset returns to it after clearing storage).
pub fn store_lang(lang: Lang) {
    if lang == Lang::Ja {
        LocalStorage::delete(LANG_KEY);
    } else {
        let _ = LocalStorage::set(LANG_KEY, lang);
    }
}
