//! The legal and basic checks: each finding with its law, the figure that
//! applies to the company and where to get help, then the duties that do
//! not bind the company.

use leptos::prelude::*;
use shindan_engine::Lang;
use shindan_engine::sheet::GateSection;

use crate::messages as m;

/// The gates section.
pub fn gate_findings(gates: &GateSection, lang: Lang) -> impl IntoView + use<> {
    let findings = if gates.findings.is_empty() {
        view! { <p>{m::NO_GATE_FINDINGS.get(lang)}</p> }.into_any()
    } else {
        view! {
            <ul class="findings" data-testid="gate-findings">
                {gates
                    .findings
                    .iter()
                    .map(|finding| {
                        let figure = finding.figure.as_ref().map(|figure| figure.get(lang).to_owned());
                        view! {
                            <li data-gate=finding.id.to_owned()>
                                <strong>{finding.text.get(lang).to_owned()}</strong>
                                <p>{finding.explanation.get(lang).to_owned()}</p>
                                {figure.map(|figure| view! { <p class="figure" data-testid="gate-figure">{figure}</p> })}
                                <p class="basis" data-testid="gate-basis">{finding.basis.get(lang).to_owned()}</p>
                                <p class="help">{finding.help.get(lang).to_owned()}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let count = gates.not_applicable.len();
    let not_applicable = (count > 0).then(|| {
        view! {
            <details class="not-applicable" data-testid="gates-not-applicable">
                <summary>{m::GATES_NOT_APPLICABLE.get(lang)} " (" {count} ")"</summary>
                <ul>
                    {gates
                        .not_applicable
                        .iter()
                        .map(|text| view! { <li>{text.get(lang).to_owned()}</li> })
                        .collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <section class="gates">
            <h3>{m::GATE_FINDINGS.get(lang)}</h3>
            {findings}
            {not_applicable}
        </section>
    }
}
