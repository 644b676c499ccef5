//! The ids of the engine's enums, written once. strum derives them from the
//! variant names in snake_case, the way serde writes the same enums, and
//! [`ids!`] gives an enum that front ends list and parse its `ALL`,
//! `as_str` and `from_id`.

/// `ALL` (every variant, in declaration order, which is also the order of
/// their postcard tags), `as_str` (the id used in files) and `from_id` for
/// an enum deriving strum's `EnumCount`, `VariantArray`, `IntoStaticStr`
/// and `EnumString`.
macro_rules! ids {
    ($name:ident) => {
        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; <$name as strum::EnumCount>::COUNT] =
                crate::model::names::all(<$name as strum::VariantArray>::VARIANTS);

            /// The id used in files.
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// The variant with this id.
            pub fn from_id(id: &str) -> Option<$name> {
                id.parse().ok()
            }
        }
    };
}
pub(crate) use ids;

/// strum's slice of variants as an array, so that `ALL` can be iterated by
/// value and indexed like the hand-written tables it replaces.
pub(crate) const fn all<T: Copy, const N: usize>(variants: &[T]) -> [T; N] {
    let mut all = [variants[0]; N];
    let mut at = 1;
    while at < N {
        all[at] = variants[at];
        at += 1;
    }
    all
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use crate::analysis::FlagKind;
    use crate::{Category, Industry, IndustryGroup, Prefecture, Tier};

    /// The name serde writes for a unit variant.
    fn serde_name(value: impl Serialize) -> String {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(name)) => name,
            other => panic!("not a unit variant: {other:?}"),
        }
    }

    #[test]
    fn ids_are_the_names_serde_writes_and_read_back() {
        for tier in Tier::ALL {
            assert_eq!(tier.as_str(), serde_name(tier));
            assert_eq!(Tier::from_id(tier.as_str()), Some(tier));
        }
        for industry in Industry::ALL {
            assert_eq!(industry.as_str(), serde_name(industry));
            assert_eq!(Industry::from_id(industry.as_str()), Some(industry));
        }
        for prefecture in Prefecture::ALL {
            assert_eq!(prefecture.as_str(), serde_name(prefecture));
            assert_eq!(Prefecture::from_id(prefecture.as_str()), Some(prefecture));
        }
        for group in IndustryGroup::ALL {
            assert_eq!(IndustryGroup::from_id(group.as_str()), Some(group));
        }
        for category in [
            Category::SmallBusiness,
            Category::Sme,
            Category::Midsize,
            Category::Large,
        ] {
            assert_eq!(category.as_str(), serde_name(category));
        }
        for kind in [
            FlagKind::LowAlpha,
            FlagKind::LowItemRest,
            FlagKind::DominantAnswer,
        ] {
            assert_eq!(kind.as_str(), serde_name(kind));
        }
        assert_eq!(Tier::from_id("Small"), None, "ids are case-sensitive");
    }
}
