//! The screens of the journey — landing, profile, questions, result sheet —
//! each a thin view over the session's signals and the engine's plain
//! data; `tools` holds the screens only the tools build has.

mod landing;
mod profile_form;
mod questionnaire;
mod result_sheet;
#[cfg(feature = "tools")]
pub mod tools;

pub use landing::Landing;
pub use profile_form::ProfileForm;
pub use questionnaire::{Questionnaire, page_of};
pub use result_sheet::ResultSheet;
