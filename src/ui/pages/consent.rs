//! The wizard's consent question: may the school use the document held in
//! the digital-documents service? Consent is confirmed by an SMS code sent
//! to the number registered on the portal (F001 §8).

use leptos::prelude::*;

use crate::engine::application::Answers;
use crate::engine::identity::registry::Person;
use crate::engine::signing::eds::digest_hex;
use crate::engine::signing::otp::Purpose;
use crate::i18n::tr;
use crate::ui::components::{Choice, Radios};
use crate::ui::db::use_db;
use crate::ui::otp::OtpConfirm;
use crate::ui::prefs::use_lang;
use crate::ui::text::ts;

type Change = Box<dyn FnOnce(&mut Answers) + Send + Sync>;

#[component]
pub fn ConsentStep(
    answers: Memo<Answers>,
    has_phone: Signal<bool>,
    person: &'static Person,
    set: Callback<Change>,
    error: Signal<Option<String>>,
    #[prop(into)] flow: String,
) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let flow = StoredValue::new(flow);
    // What the consent code confirms: this flow's "yes" by this person. A
    // code is bound to it when sent; changing the answer forgets the code,
    // so a "yes" given again needs a new one.
    let statement = move || {
        digest_hex(&serde_json::json!({
            "purpose": "consent",
            "question": "use_digital_document",
            "answer": true,
            "flow": flow.get_value(),
            "iin": person.iin,
        }))
    };
    view! {
        <Radios
            name="digital"
            as_heading=true
            legend=ts(tr::wizard_consent_question)
            hint=ts(tr::wizard_consent_hint)
            choices=Signal::stored({
                vec![
                    Choice { value: "yes".into(), label: tr::wizard_consent_yes(lang).into(), hint: None },
                    Choice { value: "no".into(), label: tr::wizard_consent_no(lang).into(), hint: None },
                ]
            })
            selected=Signal::derive(move || answers.get().use_digital_document.map(|u| if u { "yes".to_string() } else { "no".to_string() }))
            on_select=Callback::new(move |v: String| {
                if v != "yes" {
                    db.otp.update(|b| {
                        b.remove(&flow.get_value());
                    });
                }
                set.run(Box::new(move |a: &mut Answers| {
                    a.use_digital_document = Some(v == "yes");
                    if v != "yes" {
                        a.digital_consent_confirmed = false;
                    }
                }))
            })
            error=error
        />
        <Show when=move || answers.get().use_digital_document == Some(true)>
            {move || match (has_phone.get(), person.phone.clone()) {
                (true, Some(phone)) => view! {
                    <OtpConfirm
                        flow=flow.get_value()
                        phone=phone
                        purpose=Purpose::Consent
                        digest=Callback::new(move |()| Some(statement()))
                        on_verified=Callback::new(move |_| set.run(Box::new(|a: &mut Answers| a.digital_consent_confirmed = true)))
                    />
                }
                .into_any(),
                _ => view! { <div class="notice notice--warning"><p>{tr::wizard_consent_no_phone(lang)}</p></div> }.into_any(),
            }}
        </Show>
    }
}
