//! Operator mode (staff bundle): a State Corporation employee on a home
//! visit with a tablet. Everything the mode keeps (visits, citizen data,
//! receipts, the queue) is one JSON document sealed with AES-256-GCM under a
//! key derived from the operator's PIN (PBKDF2, `engine::signing::vault`), stored in
//! `localStorage["qujat.operator"]`; nothing is ever stored in the clear.
//! The key lives only in memory while unlocked; locking (the button, or five
//! minutes without input) drops it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::engine::catalog::ReceiptKind;
use crate::engine::identity::registry;
use crate::engine::service::ServiceId;
use crate::engine::signing::vault::{self, Sealed, VaultError, VaultKey};
use crate::engine::source::Lang;
use crate::engine::visit::{self, Delivery, OperatorData, PinError, Step, Visit};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{ErrorItem, ErrorSummary, FieldError, PageHeading};
use crate::ui::format;
use crate::ui::prefs::use_lang;
use crate::ui::store::{StoreNotice, StoreNotices};
use crate::ui::text::{t, ts};

/// The one localStorage key of operator mode (a sealed blob).
pub const STORAGE_KEY: &str = "qujat.operator";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read_sealed() -> Option<Sealed> {
    let raw = storage()?.get_item(STORAGE_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

fn real_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The unlocked state of operator mode, shared by its pages.
#[derive(Clone, Copy)]
pub struct OperatorVault {
    key: StoredValue<Option<VaultKey>>,
    data: RwSignal<Option<OperatorData>>,
    has_pin: RwSignal<bool>,
    last_input: StoredValue<DateTime<Utc>>,
    notices: StoreNotices,
}

impl OperatorVault {
    /// Starts locked, and watches for inactivity while unlocked.
    pub fn start(notices: StoreNotices) -> OperatorVault {
        let v = OperatorVault {
            key: StoredValue::new(None),
            data: RwSignal::new(None),
            has_pin: RwSignal::new(
                storage()
                    .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                    .is_some(),
            ),
            last_input: StoredValue::new(real_now()),
            notices,
        };
        let touch = move || v.last_input.set_value(real_now());
        let _ = window_event_listener(leptos::ev::pointerdown, move |_| touch());
        let _ = window_event_listener(leptos::ev::keydown, move |_| touch());
        set_interval(
            move || {
                if v.is_unlocked_untracked()
                    && visit::idle_expired(
                        v.last_input.get_value(),
                        real_now(),
                        crate::ui::access::is_on(),
                    )
                {
                    v.lock();
                }
            },
            std::time::Duration::from_secs(5),
        );
        v
    }

    pub fn is_unlocked(&self) -> bool {
        self.data.with(|d| d.is_some())
    }

    fn is_unlocked_untracked(&self) -> bool {
        self.data.with_untracked(|d| d.is_some())
    }

    pub fn has_pin(&self) -> bool {
        self.has_pin.get()
    }

    /// Reads the unlocked data (`None` while locked).
    pub fn with<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        self.data.with(|d| d.as_ref().map(f))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        self.data.with_untracked(|d| d.as_ref().map(f))
    }

    /// Drops the key and the data from memory.
    pub fn lock(&self) {
        self.key.set_value(None);
        self.data.set(None);
    }

    /// First use: derives the key from a new PIN, seeds the visit list and
    /// stores it sealed.
    pub fn set_pin(&self, pin: &str, today: chrono::NaiveDate) -> Result<(), &'static str> {
        let salt = vault::random_bytes::<16>().map_err(|e| e.code())?;
        let key = VaultKey::derive(pin, salt, vault::DEFAULT_ITERATIONS);
        let data = OperatorData {
            visits: visit::seed_visits(today),
        };
        self.save(&key, &data)?;
        self.key.set_value(Some(key));
        self.data.set(Some(data));
        self.has_pin.set(true);
        self.last_input.set_value(real_now());
        Ok(())
    }

    /// Opens the sealed data with the PIN. A wrong PIN changes nothing.
    pub fn unlock(&self, pin: &str) -> Result<(), VaultError> {
        let sealed = read_sealed().ok_or(VaultError::Corrupt)?;
        sealed.check()?;
        let salt = vault::hex_decode_array::<16>(&sealed.salt_hex).ok_or(VaultError::Corrupt)?;
        let key = VaultKey::derive(pin, salt, sealed.iterations);
        let plain = vault::open_with_key(&key, &sealed)?;
        let data: OperatorData = serde_json::from_slice(&plain).map_err(|_| VaultError::Corrupt)?;
        self.key.set_value(Some(key));
        self.data.set(Some(data));
        self.last_input.set_value(real_now());
        Ok(())
    }

    fn save(&self, key: &VaultKey, data: &OperatorData) -> Result<(), &'static str> {
        let nonce = vault::random_bytes::<12>().map_err(|e| e.code())?;
        let json = serde_json::to_vec(data).map_err(|_| "operator-encode")?;
        let sealed = vault::seal_with_key(key, &json, nonce);
        let text = serde_json::to_string(&sealed).map_err(|_| "operator-encode")?;
        if storage()
            .map(|s| s.set_item(STORAGE_KEY, &text).is_err())
            .unwrap_or(true)
        {
            self.notices.push(StoreNotice::NotSaved {
                key: STORAGE_KEY.into(),
            });
            return Err("operator-not-saved");
        }
        Ok(())
    }

    /// Changes the data and stores it sealed at once (every step is saved).
    /// `None` while locked.
    pub fn update<R>(&self, change: impl FnOnce(&mut OperatorData) -> R) -> Option<R> {
        let key = self.key.get_value()?;
        let mut data = self.data.get_untracked()?;
        let out = change(&mut data);
        let _ = self.save(&key, &data);
        self.data.set(Some(data));
        Some(out)
    }
}

pub fn use_vault() -> OperatorVault {
    expect_context::<OperatorVault>()
}

/// A PIN input: password type, digits keyboard, hint beside the label.
#[component]
fn PinField(
    id: &'static str,
    label: fn(Lang) -> &'static str,
    #[prop(optional)] hint: Option<fn(Lang) -> &'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    autocomplete: &'static str,
    on_enter: Callback<()>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="label" for=id>{t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{t(h)}</p> })}
            <FieldError id=err_id.clone() message=error />
            <input
                class="input input--short operator-pin"
                type="password"
                id=id
                name=id
                inputmode="numeric"
                autocomplete=autocomplete
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        on_enter.run(());
                    }
                }
            />
        </div>
    }
}

fn pin_error(lang: Lang, e: PinError) -> &'static str {
    match e {
        PinError::TooShort => tr::operator_pin_too_short(lang),
        PinError::NotDigits => tr::operator_pin_not_digits(lang),
        PinError::Mismatch => tr::operator_pin_mismatch(lang),
        PinError::Trivial => tr::operator_pin_trivial(lang),
        PinError::TooLong => tr::operator_pin_too_long(lang),
    }
}

/// The lock screen: sets the PIN the first time, then asks for it.
#[component]
pub fn Unlock() -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let field_error = move |id: &'static str| {
        Signal::derive(move || {
            errors
                .get()
                .into_iter()
                .find(|e| e.field_id == id)
                .map(|e| e.message)
        })
    };
    let set_up = move || {
        let (p, c) = (pin.get_untracked(), confirm.get_untracked());
        match visit::check_new_pin(&p, &c) {
            Err(e) => {
                let field = if e == PinError::Mismatch {
                    "pin-confirm"
                } else {
                    "pin"
                };
                errors.set(vec![ErrorItem {
                    field_id: field.into(),
                    message: pin_error(lang, e).into(),
                }]);
            }
            Ok(()) => match vault.set_pin(&p, clock.today_untracked()) {
                Ok(()) => errors.set(Vec::new()),
                Err(_) => errors.set(vec![ErrorItem {
                    field_id: "pin".into(),
                    message: tr::operator_not_saved(lang).into(),
                }]),
            },
        }
    };
    let open = move || {
        let p = pin.get_untracked();
        match vault.unlock(&p) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => {
                pin.set(String::new());
                errors.set(vec![ErrorItem {
                    field_id: "pin".into(),
                    message: match e {
                        VaultError::WrongPassword => tr::operator_wrong_pin(lang),
                        _ => tr::operator_corrupt(lang),
                    }
                    .into(),
                }]);
            }
        }
    };
    view! {
        <div class="page page--narrow operator">
            <ErrorSummary errors=Signal::derive(move || errors.get()) />
            {move || {
                if vault.has_pin() {
                    view! {
                        <PageHeading text=ts(tr::operator_unlock_title) />
                        <p>{t(tr::operator_unlock_intro)}</p>
                        <PinField id="pin" label=tr::operator_pin_label value=pin error=field_error("pin")
                            autocomplete="current-password" on_enter=Callback::new(move |_| open()) />
                        <button type="button" class="button" on:click=move |_| open()>{t(tr::operator_unlock)}</button>
                    }
                    .into_any()
                } else {
                    view! {
                        <PageHeading text=ts(tr::operator_setup_title) />
                        <p>{t(tr::operator_setup_intro)}</p>
                        <PinField id="pin" label=tr::operator_new_pin_label hint=tr::operator_new_pin_hint value=pin
                            error=field_error("pin") autocomplete="new-password" on_enter=Callback::new(move |_| set_up()) />
                        <PinField id="pin-confirm" label=tr::operator_confirm_pin_label value=confirm
                            error=field_error("pin-confirm") autocomplete="new-password" on_enter=Callback::new(move |_| set_up()) />
                        <button type="button" class="button" on:click=move |_| set_up()>{t(tr::operator_set_pin)}</button>
                    }
                    .into_any()
                }
            }}
            <p class="hint">{t(tr::operator_privacy)}</p>
            <p><A href="/staff">{t(tr::operator_back_to_staff)}</A></p>
        </div>
    }
}

/// "Lock now".
#[component]
pub fn LockButton() -> impl IntoView {
    let vault = use_vault();
    view! {
        <button type="button" class="button button--secondary operator__lock" on:click=move |_| vault.lock()>
            {t(tr::operator_lock)}
        </button>
    }
}

pub fn service_name(lang: Lang, id: ServiceId) -> String {
    crate::engine::catalog::service(id)
        .name
        .text
        .get(lang)
        .to_string()
}

/// A visit's state in a few words.
pub fn status_label(lang: Lang, v: &Visit) -> &'static str {
    match (&v.step, v.receipt.as_ref()) {
        (Step::Done, Some(r)) if r.kind == ReceiptKind::Refusal => {
            tr::operator_status_refused(lang)
        }
        (Step::Done, Some(r)) => match r.delivery {
            Some(Delivery::Delivered { .. }) => tr::operator_status_delivered(lang),
            _ => tr::operator_status_to_deliver(lang),
        },
        (Step::Identify, _) => tr::operator_status_new(lang),
        _ => tr::operator_status_in_progress(lang),
    }
}

fn visit_rows(lang: Lang, data: &OperatorData) -> Vec<AnyView> {
    data.visits
        .iter()
        .map(|v| {
            let person = registry::find(&v.iin);
            let name = person.map(|p| p.display_name(lang)).unwrap_or_default();
            let address = person
                .map(|p| p.address.get(lang).to_string())
                .unwrap_or_default();
            let status = status_label(lang, v);
            let tag = if v.step == Step::Done {
                "tag tag--done"
            } else {
                "tag"
            };
            view! {
                <tr>
                    <td>{format::date(v.date)}</td>
                    <td><A href=format!("/staff/operator/visits/{}", v.id)>{name}</A></td>
                    <td>{address}</td>
                    <td><abbr title=service_name(lang, v.service)>{v.service.as_str()}</abbr></td>
                    <td><span class=tag>{status}</span></td>
                </tr>
            }
            .into_any()
        })
        .collect()
}

fn delivered_rows(lang: Lang, data: &OperatorData) -> Vec<AnyView> {
    data.visits
        .iter()
        .filter_map(|v| {
            let r = v.receipt.as_ref()?;
            let state = match r.delivery? {
                Delivery::ToDeliver => tr::operator_status_to_deliver(lang).to_string(),
                Delivery::Delivered { at } => tr::operator_delivered_at(lang, &format::date_time(at)),
            };
            Some(view! { <li><span class="operator__number">{r.number.clone()}</span> " — " {state}</li> }.into_any())
        })
        .collect()
}

/// `/staff/operator`: the lock screen, then the visit list and the queue.
#[component]
pub fn OperatorPage() -> impl IntoView {
    let vault = use_vault();
    let unlocked = Memo::new(move |_| vault.is_unlocked());
    move || {
        if unlocked.get() {
            view! { <VisitList /> }.into_any()
        } else {
            view! { <Unlock /> }.into_any()
        }
    }
}

#[component]
fn VisitList() -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let sync_message = RwSignal::new(None::<(bool, String)>);
    let to_deliver = Memo::new(move |_| vault.with(|d| d.to_deliver()).unwrap_or(0));
    let sync = move |_| {
        let online = web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(false);
        let now = clock.now_untracked();
        match vault.update(|d| visit::sync(d, online, now)) {
            Some(Ok(n)) => {
                sync_message.set(Some((true, tr::operator_synced(lang, &n.to_string()))))
            }
            Some(Err(_)) => sync_message.set(Some((false, tr::operator_sync_offline(lang).into()))),
            None => {}
        }
    };
    view! {
        <div class="page operator">
            <div class="operator__bar">
                <PageHeading text=ts(tr::operator_visits_title) />
                <LockButton />
            </div>
            <p>{t(tr::operator_visits_intro)}</p>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{t(tr::operator_visits_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(tr::operator_col_date)}</th>
                            <th scope="col">{t(tr::operator_col_citizen)}</th>
                            <th scope="col">{t(tr::operator_col_address)}</th>
                            <th scope="col">{t(tr::operator_col_service)}</th>
                            <th scope="col">{t(tr::operator_col_status)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || vault.with(|d| visit_rows(lang, d)).unwrap_or_default()}
                    </tbody>
                </table>
            </div>
            <section class="operator__queue" aria-labelledby="queue-heading">
                <h2 id="queue-heading">{t(tr::operator_queue_title)}</h2>
                <p>{move || tr::operator_queue_count(lang, &to_deliver.get().to_string())}</p>
                <ul>{move || vault.with(|d| delivered_rows(lang, d)).unwrap_or_default()}</ul>
                <button type="button" class="button" on:click=sync>{t(tr::operator_sync)}</button>
                <div role="status" class="operator__sync-status">
                    {move || sync_message.get().map(|(ok, m)| view! {
                        <p class=if ok { "notice notice--success" } else { "notice notice--warning" }>{m}</p>
                    })}
                </div>
            </section>
            <p><A href="/staff">{t(tr::operator_back_to_staff)}</A></p>
        </div>
    }
}
