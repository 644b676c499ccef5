//! Engine enums as command-line values: the ids, their Japanese names in
//! the help and the "did you mean" suggestions all come from the engine's
//! own list of variants, so the command line cannot drift from the engine.
//! The engine knows nothing of clap; the wrapper lives here.

use clap::ValueEnum;
use clap::builder::PossibleValue;
use shindan_engine::{Industry, Text};

/// An engine enum that lists its variants, each with an id and a name.
pub trait Listed: Copy + Send + Sync + 'static {
    /// Every variant, wrapped, in the engine's order.
    const CHOICES: &'static [Choice<Self>];

    /// The id used in files and on the command line.
    fn id(self) -> &'static str;

    /// The name shown beside the id in help.
    fn name(self) -> Text;
}

/// A variant of an engine enum given on the command line (the orphan rule
/// keeps clap's trait off the engine's types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<T>(pub T);

impl<T: Listed> ValueEnum for Choice<T> {
    fn value_variants<'a>() -> &'a [Self] {
        T::CHOICES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.id()).help(self.0.name().ja))
    }
}

impl Listed for Industry {
    const CHOICES: &'static [Choice<Industry>] = &wrap(Industry::ALL);

    fn id(self) -> &'static str {
        self.as_str()
    }

    fn name(self) -> Text {
        Industry::name(self)
    }
}

/// `all` wrapped one by one, at compile time, so the list is a `'static`
/// slice as clap wants it.
const fn wrap<T: Copy, const N: usize>(all: [T; N]) -> [Choice<T>; N] {
    let mut choices = [Choice(all[0]); N];
    let mut at = 1;
    while at < N {
        choices[at] = Choice(all[at]);
        at += 1;
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_industry_is_offered_by_its_id_in_the_engines_order() {
        let offered: Vec<Industry> = Choice::<Industry>::value_variants()
            .iter()
            .map(|choice| choice.0)
            .collect();
        assert_eq!(offered, Industry::ALL);
        for industry in Industry::ALL {
            assert_eq!(
                Choice::<Industry>::from_str(industry.as_str(), false),
                Ok(Choice(industry))
            );
        }
    }
}
