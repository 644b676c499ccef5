//! Whom the company is compared with: the peer group and its source, that
//! the figures are sample data when they are, or that no group fits.

use leptos::prelude::*;
use shindan_engine::Lang;
use shindan_engine::sheet::Peers;

use crate::messages as m;

/// The peers section, when the engine says the sheet speaks of peers.
pub fn peer_section(peers: &Peers, lang: Lang) -> impl IntoView + use<> {
    match peers {
        Peers::Compared(group) => view! {
            <section class="peers" data-testid="peers">
                <h3>{m::PEERS.get(lang)}</h3>
                <p>
                    {format!(
                        "{} ・ {} ・ n = {} ({} {})",
                        group.tier.name().get(lang),
                        group.industry.name().get(lang),
                        group.n,
                        group.edition,
                        group.date
                    )}
                </p>
                <p class="help">{m::PEER_BAND.get(lang)}</p>
                {group.synthetic.then(|| view! {
                    <p class="sample-data" data-testid="sample-data"><strong>{m::SAMPLE_DATA.get(lang)}</strong></p>
                })}
            </section>
        }
        .into_any(),
        Peers::NoGroup => view! {
            <section class="peers" data-testid="peers">
                <h3>{m::PEERS.get(lang)}</h3>
                <p>{m::NO_PEERS.get(lang)}</p>
            </section>
        }
        .into_any(),
        Peers::NotShown => ().into_any(),
    }
}
