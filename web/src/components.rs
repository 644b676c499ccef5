//! The screens and the pieces they share. Each is a thin view over the
//! session's signals and the engine's plain types.

#[cfg(feature = "tools")]
mod author;
#[cfg(feature = "tools")]
mod consultation;
#[cfg(feature = "tools")]
mod dashboard;
mod dialog;
mod import_button;
#[cfg(feature = "tools")]
mod item_analysis;
mod landing;
mod notice;
mod profile_form;
mod qr_code;
mod question;
mod questionnaire;
mod radar;
mod result_sheet;
mod rich_text;
mod start_over;

#[cfg(feature = "tools")]
pub use author::Author;
#[cfg(feature = "tools")]
pub use consultation::Consultation;
#[cfg(feature = "tools")]
pub use dashboard::Dashboard;
pub use dialog::{AskDialog, Modal};
pub use import_button::ImportButton;
#[cfg(feature = "tools")]
pub use item_analysis::ItemAnalysis;
pub use landing::Landing;
pub use notice::NoticeBox;
pub use profile_form::ProfileForm;
pub use qr_code::QrCodeView;
pub use question::{GateCard, QuestionCard};
pub use questionnaire::{Questionnaire, page_of};
pub use radar::Radar;
pub use result_sheet::ResultSheet;
#[cfg(feature = "tools")]
pub use result_sheet::{action_line, axis_label};
pub use rich_text::RichText;
pub use start_over::StartOverButton;
