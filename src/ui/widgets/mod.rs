//! The components pages are made of, one file each, following the GOV.UK
//! Design System patterns. Each file's doc comment lists its accessibility
//! acceptance criteria, and `tests/web_widgets*.rs` check them in a real
//! browser. All text arrives translated; what users type is rendered as
//! text only, never as markup.

pub mod announcer;
pub mod back_link;
pub mod browser_notifier;
pub mod busy_button;
pub mod button;
pub mod complaint_marks;
pub mod complaint_summary;
pub mod demo_clock;
pub mod details;
pub mod draft_page;
pub mod error_summary;
pub mod field_error;
pub mod file_upload;
pub mod key_tools;
pub mod later;
pub mod legal_basis;
pub mod not_found;
pub mod notice;
pub mod notifications_link;
pub mod otp_confirm;
pub mod page_heading;
pub mod password_input;
pub mod phone_panel;
pub mod qr_code;
pub mod radios;
pub mod record_page;
pub mod record_table;
pub mod required_documents;
pub mod sign_in_needed;
pub mod signer;
pub mod staff_desk;
pub mod summary_list;
pub mod table;
pub mod tag;
pub mod text_area;
pub mod text_field;
pub mod timeline;
pub mod why_this_date;
