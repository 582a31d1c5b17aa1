//! The wizard's consent question: may the school use the document held in
//! the digital-documents service? Consent is confirmed by an SMS code sent
//! to the number registered on the portal (F001 §8).

use leptos::prelude::*;

use super::form::Form;
use crate::engine::application::Field;
use crate::engine::identity::registry::Person;
use crate::engine::signing::eds::digest_hex;
use crate::engine::signing::otp::Purpose;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};
use crate::ui::state::db::use_db;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::otp_confirm::OtpConfirm;
use crate::ui::widgets::radios::{Choice, Radios, yes_no_value};

#[component]
pub fn ConsentStep(form: Form, person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let answers = form.answers;
    let ctx = form.ctx;
    let db = use_db();
    let flow = format!("consent:{}", form.draft.get_value());
    // What the consent code confirms: this flow's "yes" by this person. A
    // code is bound to it when sent; answering "no" forgets the code, so a
    // "yes" given again needs a new one.
    let statement = {
        let flow = flow.clone();
        move || {
            digest_hex(&serde_json::json!({
                "purpose": "consent",
                "question": "use_digital_document",
                "answer": true,
                "flow": flow,
                "iin": person.iin,
            }))
        }
    };
    let forget = {
        let flow = flow.clone();
        move || {
            let _ = db.otp.update(|b| {
                b.remove(&flow);
            });
        }
    };
    view! {
        <Radios
            name="digital"
            as_heading=true
            legend=ts(tr::wizard_consent_question)
            hint=ts(tr::wizard_consent_hint)
            choices=Signal::stored(Choice::yes_no(lang, tr::wizard_consent_yes, tr::wizard_consent_no))
            selected=Signal::derive(move || yes_no_value(answers.get().use_digital_document))
            on_select=Callback::new(move |v: String| {
                let yes = v == "yes";
                if !yes {
                    forget();
                }
                form.set(move |a| {
                    a.use_digital_document = Some(yes);
                    if !yes {
                        a.digital_consent_confirmed = false;
                    }
                })
            })
            error=form.error(Field::DigitalDocument)
        />
        <Show when=move || answers.get().use_digital_document == Some(true)>
            {
                let flow = flow.clone();
                let statement = statement.clone();
                move || match (ctx.get().has_phone, person.phone.clone()) {
                    (true, Some(phone)) => view! {
                        <OtpConfirm flow=flow.clone() phone=phone purpose=Purpose::Consent
                            digest=Callback::new({ let statement = statement.clone(); move |()| Some(statement()) })
                            on_verified=Callback::new(move |_| form.set(|a| a.digital_consent_confirmed = true))
                        />
                    }
                    .into_any(),
                    _ => warning(t(tr::wizard_consent_no_phone)).into_any(),
                }
            }
        </Show>
    }
}
