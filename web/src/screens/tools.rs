//! The screens of the tools build: the author preview (`?mode=author`),
//! consultation (`?mode=consult`) and the dashboard (`?mode=dashboard`).

mod author;
mod consultation;
mod dashboard;

pub use author::Author;
pub use consultation::Consultation;
pub use dashboard::Dashboard;
