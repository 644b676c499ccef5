//! The company profile: what the analysis needs to know, nothing about persons.

use serde::{Deserialize, Serialize};

use crate::model::names::ids;
use crate::model::text::Text;
use crate::model::tier::Industry;

/// Where the company is. The sheet is made for Kyushu; others are welcome.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Prefecture {
    /// 福岡県
    Fukuoka = 0,
    /// 佐賀県
    Saga = 1,
    /// 長崎県
    Nagasaki = 2,
    /// 熊本県
    Kumamoto = 3,
    /// 大分県
    Oita = 4,
    /// 宮崎県
    Miyazaki = 5,
    /// 鹿児島県
    Kagoshima = 6,
    /// 九州以外
    Other = 7,
}

ids!(Prefecture);

impl Prefecture {
    /// Display name.
    pub fn name(self) -> Text {
        match self {
            Prefecture::Fukuoka => Text::new("福岡県", "Fukuoka"),
            Prefecture::Saga => Text::new("佐賀県", "Saga"),
            Prefecture::Nagasaki => Text::new("長崎県", "Nagasaki"),
            Prefecture::Kumamoto => Text::new("熊本県", "Kumamoto"),
            Prefecture::Oita => Text::new("大分県", "Oita"),
            Prefecture::Miyazaki => Text::new("宮崎県", "Miyazaki"),
            Prefecture::Kagoshima => Text::new("鹿児島県", "Kagoshima"),
            Prefecture::Other => Text::new("九州以外", "Outside Kyushu"),
        }
    }
}

/// What the company says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Main business.
    pub industry: Industry,
    /// 常時使用する従業員の数.
    pub regular_employees: u32,
    /// 資本金 in yen, if the company has and gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_yen: Option<u64>,
    /// Where it is.
    pub prefecture: Prefecture,
}
