//! The sheet's header: which bank, when, for which company, how much was
//! answered, and the notes on the edition's law, sources and supersession.

use leptos::prelude::*;
use shindan_engine::{Lang, SheetView, Text};

use crate::components::Target;
use crate::messages as m;

/// The heading (the focus `heading` target) and the facts about this
/// diagnosis.
pub fn header(sheet: &SheetView, date: &str, heading: Target, lang: Lang) -> impl IntoView + use<> {
    let bank = &sheet.bank;
    let bank_line = format!(
        "{} {} ({})",
        bank.id,
        bank.version,
        bank.tier.name().get(lang)
    );
    let profile_line = sheet.profile.as_ref().map(|profile| {
        format!(
            "{} ・ {} ・ {}",
            profile.industry.name().get(lang),
            profile.prefecture.name().get(lang),
            m::EMPLOYEE_COUNT.fill(lang, &[&profile.regular_employees])
        )
    });
    let note = |text: Option<&Text>| text.map(|text| text.get(lang).to_owned());
    view! {
        <header class="sheet-header">
            <h2 id="page-heading" tabindex="-1" node_ref=heading>{m::RESULT_HEADING.get(lang)} " — " {bank.title.get(lang).to_owned()}</h2>
            <dl class="meta">
                <dt>{m::DATE.get(lang)}</dt>
                <dd data-testid="result-date">{date.to_owned()}</dd>
                <dt>{m::BANK.get(lang)}</dt>
                <dd data-testid="result-bank">{bank_line}</dd>
                {profile_line.map(|line| view! { <dt>{m::PROFILE_HEADING.get(lang)}</dt><dd>{line}</dd> })}
                <dt>{m::COMPLETENESS.get(lang)}</dt>
                <dd>{format!("{:.0}%", sheet.completeness * 100.0)}</dd>
            </dl>
            {note(sheet.as_of.as_ref()).map(|note| view! { <p class="as-of" data-testid="as-of">{note}</p> })}
            {note(sheet.attribution).map(|text| view! { <p class="attribution" data-testid="attribution">{text}</p> })}
            {note(sheet.superseded.as_ref()).map(|note| view! { <p class="superseded" data-testid="superseded">{note}</p> })}
        </header>
    }
}
