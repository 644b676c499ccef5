//! An action of the company's plan as people read it: the text of its next
//! step, and who does it by when. Shared by the result sheet's plan and
//! the consultation's follow-up of an earlier plan.

use shindan_engine::{Action, Bank, Lang};

use crate::messages as m;

/// The action's next step (its id when the bank no longer has it), and
/// 「担当: … ・ 期限: …」 for what is filled in.
pub fn action_line(bank: &Bank, action: &Action, lang: Lang) -> (String, String) {
    let text = bank
        .recommendations
        .iter()
        .find(|r| r.id == action.recommendation)
        .map_or_else(
            || action.recommendation.clone(),
            |r| r.text.get(lang).to_owned(),
        );
    let who =
        (!action.who.is_empty()).then(|| format!("{}: {}", m::ACTION_WHO.get(lang), action.who));
    let by = (!action.by.is_empty()).then(|| format!("{}: {}", m::ACTION_BY.get(lang), action.by));
    (
        text,
        [who, by]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ・ "),
    )
}
