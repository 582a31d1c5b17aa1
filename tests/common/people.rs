//! The people of the demo registry (`src/engine/data/registry.toml`) that
//! the tests name: each declared once, so a test says who it is about and
//! every file means the same person by the same name.

/// Сұлтанова Әйгерім Нұрланқызы, born 1985, Almaty (Medeu).
pub const SULTANOVA: &str = "850314401018";
/// Жақсылықов Ғалымжан Серікұлы, born 1978, Shymkent.
pub const ZHAKSYLYKOV: &str = "781123301754";
/// Ким Елена Викторовна, born 2001, Almaty (Bostandyk).
pub const KIM: &str = "011219602863";
/// Құрманғазиева Үміт Бақытжанқызы, born 1964, Kaskelen.
pub const KURMANGAZIYEVA: &str = "640811403607";
/// Иванов Сергей Петрович, born 1969, Oskemen.
pub const IVANOV: &str = "690228302494";
