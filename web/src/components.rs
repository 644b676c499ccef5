//! The pieces the screens share: question cards, the radar, dialogs (the
//! kiosk's idle guard among them), the notice, the focus targets, the QR
//! code, rich text, a plan's action as a line, and the
//! buttons that open a result or start over. Each is a thin view over plain data or the session.

mod action_line;
mod dialog;
mod focus;
mod idle_guard;
mod import_button;
mod notice;
mod qr_code;
mod question;
mod radar;
mod rich_text;
mod start_over;

pub use action_line::action_line;
pub use dialog::{AskDialog, Modal};
pub use focus::{Focus, Target};
pub use idle_guard::IdleGuard;
pub use import_button::ImportButton;
pub use notice::NoticeBox;
pub use qr_code::QrCodeView;
pub use question::{GateCard, QuestionCard};
pub use radar::{Radar, axis_label};
pub use rich_text::RichText;
pub use start_over::StartOverButton;
