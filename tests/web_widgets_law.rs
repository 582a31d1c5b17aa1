//! The widgets that show the law and a record's progress, in a real
//! browser, against the criteria in their doc comments: legal basis,
//! "why this date?", the life-cycle timeline, tags, notices, a complaint's
//! marks and summary, the required documents, the QR code.
#![cfg(target_arch = "wasm32")]

#[path = "web/mount.rs"]
mod mount;

use mount::prelude::*;
use mount::{sample_complaint, sample_now, sample_submission};
use qujat::engine::calendar;
use qujat::engine::catalog::{self, Situation};
use qujat::engine::deadline;
use qujat::engine::lifecycle::PublicStatus;
use qujat::engine::service::ServiceId;
use qujat::engine::source::Status;
use qujat::engine::term::Channel;
use qujat::ui::labels::{Label, Tagged};
use qujat::ui::state::quotes::{self, Quote, Quotes};
use qujat::ui::widgets::complaint_marks::{Marks, RegistrationDetails};
use qujat::ui::widgets::complaint_summary::{ComplaintSummary, Part};
use qujat::ui::widgets::legal_basis::{Items, LawText, LegalBasis};
use qujat::ui::widgets::notice::{Notice, Tone, warning};
use qujat::ui::widgets::qr_code::{QrCode, ReceiptQr};
use qujat::ui::widgets::required_documents::required_documents;
use qujat::ui::widgets::tag::{Tag, late_tag};
use qujat::ui::widgets::timeline::{EventList, RegionalNote, StatusTag, TargetsTable};
use qujat::ui::widgets::why_this_date::WhyThisDate;
use std::sync::Arc;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn legal_basis_is_a_closed_disclosure_with_the_status_in_words_and_quotes_in_their_language()
{
    let s2 = catalog::service(ServiceId::S2);
    let p = s2.summary.provenance.clone();
    let status = p.status;
    let cites = p.cites.len();
    let p_cites = p.cites.clone();
    assert!(cites > 0);
    let m = Mounted::first_visit(move || view! { <LegalBasis provenance=p /> }).await;
    let details = m.get("details.legal-basis");
    assert!(!details.has_attribute("open"), "closed by default");
    let summary = m.text("details.legal-basis > summary");
    assert!(summary.starts_with(tr::law_show_basis(EN)), "{summary}");
    assert!(summary.contains(status.label(EN)), "the status in words: {summary}");
    assert_eq!(m.attr("summary span", "class").as_deref(), Some(status.tag_class()));
    // The web build's data numbers its quotes; their words come when a
    // basis is first opened. Until then the place says so in words.
    let numbers: Vec<usize> = p_cites.iter().map(|c| c.q.unwrap() as usize).collect();
    assert!(p_cites.iter().all(|c| c.quote.is_empty()), "no words in the web build's data");
    assert_eq!(m.all("q.cite__quote").len(), 0);
    assert_eq!(m.all("span.cite__quote").len(), cites);
    assert_eq!(m.text("span.cite__quote"), tr::law_quote_loading(EN));
    // The list arrives: each cite shows the words its number gives, when
    // they are from the cite's own seed and line.
    let entry =
        |seed: String, line: u32, i: usize| Quote { seed, line, words: format!("words {i}") };
    let mut list: Vec<Quote> =
        (0..=*numbers.iter().max().unwrap()).map(|i| entry("F000".into(), 0, i)).collect();
    for c in &p_cites {
        let i = c.q.unwrap() as usize;
        list[i] = entry(format!("{:?}", c.seed), c.line, i);
    }
    // A number that now names another line (a record of an older build)
    // shows no words.
    let mut shifted = list.clone();
    shifted[numbers[0]].line += 1;
    quotes::set(Quotes::Ready(Arc::new(shifted)));
    m.settle().await;
    let gone = numbers.iter().filter(|n| **n == numbers[0]).count();
    assert_eq!(m.all("q.cite__quote").len(), cites - gone, "another line's words are not shown");
    quotes::set(Quotes::Ready(Arc::new(list)));
    m.settle().await;
    let shown = m.all("q.cite__quote");
    assert_eq!(shown.len(), cites);
    for (q, n) in shown.iter().zip(&numbers) {
        assert_eq!(q.text_content().unwrap(), format!("words {n}"));
        let lang = q.get_attribute("lang").unwrap();
        assert!(lang == "ru" || lang == "kk", "a quote says its language: {lang}");
    }
    // A list that could not be had says where the quote is instead.
    quotes::set(Quotes::Failed);
    m.settle().await;
    assert_eq!(m.all("q.cite__quote").len(), 0);
    assert_eq!(m.text("span.cite__quote"), tr::law_quote_failed(EN));
    quotes::set(Quotes::Idle);
}

#[wasm_bindgen_test]
fn a_quotes_file_is_read_only_when_it_is_this_builds_list() {
    let n: usize = quotes::HEADER.split(' ').nth(1).unwrap().parse().unwrap();
    let body: Vec<String> = (0..n).map(|i| format!("F001\t{i}\tq{i}")).collect();
    let good = format!("{}\n{}\n", quotes::HEADER, body.join("\n"));
    let last = &quotes::parse(&good).unwrap()[n - 1];
    assert_eq!(
        (last.seed.as_str(), last.line, last.words.clone()),
        ("F001", (n - 1) as u32, format!("q{}", n - 1))
    );
    // A line without its seed and line number: refused.
    let bare = good.replacen("F001\t0\t", "", 1);
    assert_eq!(quotes::parse(&bare), None);
    // Another build's list, a short one, a server's fallback page: refused.
    let other = good.replacen("qujat-quotes", "qujat-quotes-x", 1);
    assert_eq!(quotes::parse(&other), None);
    let short = format!("{}\n{}\n", quotes::HEADER, body[1..].join("\n"));
    assert_eq!(quotes::parse(&short), None);
    assert_eq!(quotes::parse("<!DOCTYPE html><html></html>"), None);
    assert_eq!(quotes::parse(""), None);
}

#[wasm_bindgen_test]
async fn law_text_marks_a_working_translation_in_words() {
    let s2 = catalog::service(ServiceId::S2);
    // The English text is a working translation everywhere, said once in
    // the footer; in Kazakh or Russian it is marked where it occurs.
    let text = s2.name.text.clone();
    let working_kk = text.is_working(Lang::Kk);
    let m = Mounted::first_visit(move || {
        provide_context(qujat::ui::state::prefs::CurrentLang(Lang::Kk));
        view! { <p id="t"><LawText text=text /></p> }
    })
    .await;
    assert_eq!(
        m.find("#t .muted").is_some(),
        working_kk,
        "marked exactly when it is a working translation"
    );
    let items = s2.results.clone();
    let n = items.len();
    let m2 = Mounted::new(move || view! { <Items items=items /> }).await;
    assert_eq!(m2.all("ul.law-items > li").len(), n);
    assert_eq!(m2.all("ul.law-items > li details.legal-basis").len(), n, "each with its basis");
}

#[wasm_bindgen_test]
async fn why_this_date_is_a_closed_disclosure_with_the_steps_in_order() {
    let s2 = catalog::service(ServiceId::S2);
    let term = &s2.terms[0];
    let d = deadline::deadline_for(
        &s2.terms,
        term.channel,
        term.location,
        sample_now(),
        calendar::calendar().unwrap(),
    )
    .unwrap();
    let steps = d.explanation.steps.len();
    let assumptions = d.explanation.assumptions.len();
    let explanation = d.explanation.clone();
    let m = Mounted::first_visit(move || view! { <WhyThisDate explanation=explanation /> }).await;
    assert!(!m.get("details.why").has_attribute("open"));
    assert_eq!(m.text("details.why > summary"), tr::common_why_this_date(EN));
    assert_eq!(m.all("ol.why__steps > li").len(), steps, "an ordered list, one step each");
    assert_eq!(m.find("h3.why__assumptions").is_some(), assumptions > 0);
    let last = m.all("ol.why__steps > li").pop().unwrap();
    assert!(
        last.text_content().unwrap().contains(&qujat::ui::format::date(d.due)),
        "the reasoning ends on the date shown"
    );
}

#[wasm_bindgen_test]
async fn why_this_date_says_when_it_was_worked_out_again() {
    let s = sample_submission();
    let fresh = s.deadline().unwrap();
    assert!(!fresh.recomputed, "a new application keeps its own explanation");
    let explanation = fresh.deadline.explanation.clone();
    let m = Mounted::first_visit(move || view! { <WhyThisDate explanation=explanation /> }).await;
    assert!(m.find(".why__recomputed").is_none(), "said only when recomputed");
    drop(m);
    let explanation = fresh.deadline.explanation;
    let m = Mounted::new(move || view! { <WhyThisDate explanation=explanation recomputed=true /> })
        .await;
    assert_eq!(m.text(".why__recomputed"), tr::why_recomputed(EN));
}

#[wasm_bindgen_test]
async fn the_timeline_has_headed_rows_late_in_words_and_machine_readable_times() {
    let s = sample_submission();
    // A month later nothing has been done: every target is late.
    let later = sample_now() + chrono::Duration::days(40);
    let targets = s.targets(later, false).unwrap();
    let n = targets.len();
    let events = s.lifecycle.events.clone();
    let tag = s.clone();
    let m = Mounted::first_visit(move || {
        view! {
            <StatusTag submission=tag />
            <TargetsTable targets=targets now=later />
            <EventList events=events service=ServiceId::S2 />
        }
    })
    .await;
    assert_eq!(m.text("span.tag"), PublicStatus::Delivered.label(EN));
    assert_eq!(m.all("table.targets thead th[scope=col]").len(), 4);
    assert_eq!(m.all("table.targets tbody th[scope=row]").len(), n, "each step names its row");
    let late_rows = m.all("tr.targets__row--late");
    assert!(!late_rows.is_empty());
    for row in late_rows {
        assert!(
            row.text_content().unwrap().contains(tr::life_late(EN)),
            "late is said in words, not only by colour"
        );
    }
    let times = m.all("ol.events time[datetime]");
    assert_eq!(times.len(), 1, "the acceptance event");
    assert!(times[0].get_attribute("datetime").unwrap().starts_with("2025-03-20"));
}

#[wasm_bindgen_test]
async fn tags_and_notices_say_it_in_words() {
    let m = Mounted::first_visit(|| {
        view! {
            <Tag of=Status::LostForce />
            {late_tag()}
            <Notice tone=Tone::Warning alert=true><p id="n1">"Late"</p></Notice>
            <Notice><p id="n2">"Info"</p></Notice>
            {warning("Careful")}
        }
    })
    .await;
    let tags = m.all("span.tag");
    assert_eq!(tags[0].text_content().unwrap(), Status::LostForce.label(EN));
    assert!(tags[0].class_name().contains("tag--lost-force"));
    assert_eq!(tags[1].text_content().unwrap(), tr::life_late(EN));
    let alert = m.get("#n1").parent_element().unwrap();
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(alert.class_name(), "notice notice--warning");
    let info = m.get("#n2").parent_element().unwrap();
    assert_eq!(info.get_attribute("role"), None, "plain content, read in order");
    assert_eq!(info.class_name(), "notice");
    assert_eq!(m.all(".notice--warning").len(), 2);
}

#[wasm_bindgen_test]
async fn a_complaints_marks_and_summary() {
    let c = sample_complaint();
    let (a, b, d) = (c.clone(), c.clone(), c.draft.clone());
    let m = Mounted::first_visit(move || {
        view! {
            <Marks complaint=a />
            <RegistrationDetails complaint=b />
            <ComplaintSummary draft=d parts=vec![Part::Service, Part::Application, Part::Text, Part::From] class="complaint-summary" />
        }
    })
    .await;
    let marks = m.all("ol.marks > li.marks__item");
    assert_eq!(marks.len(), 4, "the four portal marks");
    assert!(marks[0].class_list().contains("marks__item--done"));
    assert!(marks[0].text_content().unwrap().contains(tr::complaint_track_mark_delivered(EN)));
    assert!(
        marks[1].text_content().unwrap().contains(tr::complaint_track_not_yet(EN)),
        "not yet, in words"
    );
    // Not registered yet: the date it would be due, with its reasoning.
    assert_eq!(m.text("p:not(.deadline)"), tr::complaint_filed_waiting(EN));
    assert!(m.find("p.deadline + details.why").is_some());
    // The summary: text verbatim, keys with values.
    assert_eq!(
        m.attr("dl.complaint-summary", "class").as_deref(),
        Some("summary complaint-summary")
    );
    assert_eq!(m.all("dl.complaint-summary .summary__row").len(), 4);
    assert!(m.find("dl.complaint-summary b").is_none(), "the citizen's text is not markup");
    assert!(m.text("dl.complaint-summary").contains("<b>Not ready</b>"));
}

#[wasm_bindgen_test]
async fn required_documents_are_a_list_with_their_basis() {
    let m = Mounted::first_visit(|| required_documents(ServiceId::S2, &[Situation::Loss])).await;
    let docs = m.all("ul.doc-list > li");
    assert!(!docs.is_empty());
    for d in docs {
        assert!(d.query_selector("details.legal-basis").unwrap().is_some());
    }
}

#[wasm_bindgen_test]
async fn the_qr_code_is_an_image_named_by_its_reference() {
    let m = Mounted::first_visit(
        || view! { <QrCode text="S2-250320-ABCDEF" label="QR code of S2-250320-ABCDEF" /> },
    )
    .await;
    assert_eq!(m.attr(".qr__image", "role").as_deref(), Some("img"));
    assert_eq!(m.attr(".qr__image", "aria-label").as_deref(), Some("QR code of S2-250320-ABCDEF"));
    assert_eq!(m.attr("svg", "aria-hidden").as_deref(), Some("true"));
    let d = m.attr("svg path", "d").unwrap();
    assert!(d.starts_with("M0 0h1v1h-1z"), "the finder pattern's first module: {d}");
    // Drawn from the reference's modules, never from markup.
    let (path, width) = qujat::ui::widgets::qr_code::qr_path("S2-250320-ABCDEF").unwrap();
    assert_eq!(d, path);
    assert!(width >= 21);
}

#[wasm_bindgen_test]
async fn a_receipts_code_is_its_signed_code_with_a_check_link_or_else_its_reference() {
    const REFERENCE: &str = "S2-250320-ABCDEF";
    for code in [Some("QJ1-CODE"), None] {
        let m = Mounted::first_visit(move || {
            view! { <ReceiptQr code=code.map(str::to_string) reference=REFERENCE label="QR code of S2-250320-ABCDEF" /> }
        })
        .await;
        assert_eq!(m.all("figure.qr").len(), 1);
        assert_eq!(
            m.attr("figure.qr .qr__image", "aria-label").as_deref(),
            Some("QR code of S2-250320-ABCDEF")
        );
        // The signed code when there is one, else the reference.
        let (path, _) = qujat::ui::widgets::qr_code::qr_path(code.unwrap_or(REFERENCE)).unwrap();
        assert_eq!(m.attr("svg path", "d").unwrap(), path);
        match code {
            Some(code) => {
                let href = m.attr("figcaption a", "href").unwrap();
                assert_eq!(href, qujat::ui::paths::verify_code(code));
                assert_eq!(m.text("figcaption .receipt__code"), code);
            }
            None => assert!(m.find("figcaption").is_none(), "nothing to check"),
        }
    }
}

#[wasm_bindgen_test]
async fn the_regional_note_names_the_regulation_or_says_the_region_has_none() {
    let east = "east-kazakhstan".to_string();
    let applies = Mounted::first_visit(move || {
        view! { <RegionalNote service=ServiceId::S2 channel=Channel::Portal region=Some(east.clone()) /> }
    })
    .await;
    let notes = applies.all("p.regional-note");
    assert_eq!(notes.len(), 2, "the regulation, and the portal mapping as an interpretation");
    assert!(
        applies
            .text("p.regional-note")
            .starts_with(tr::life_regional_applies(EN, "").trim_end_matches('.'))
    );
    assert!(
        applies.find("p.regional-note details.legal-basis .tag--assumption").is_some(),
        "the mapping is tagged an assumption where it is read"
    );

    let elsewhere = Mounted::new(|| {
        view! { <RegionalNote service=ServiceId::S2 channel=Channel::Provider region=Some("almaty-city".to_string()) /> }
    })
    .await;
    let text = elsewhere.text("p.regional-note");
    assert!(text.contains("East Kazakhstan") && text.contains("Almaty"), "{text}");
    assert_eq!(elsewhere.all("p.regional-note").len(), 1);

    let unknown = Mounted::new(|| {
        view! { <RegionalNote service=ServiceId::S2 channel=Channel::Portal region=None /> }
    })
    .await;
    assert!(
        unknown.text("p.regional-note").contains("not known"),
        "a typed school: its region is not known"
    );

    let none = Mounted::new(|| {
        view! { <RegionalNote service=ServiceId::S1 channel=Channel::StateCorporation region=Some("almaty-city".to_string()) /> }
    })
    .await;
    assert!(none.find("p.regional-note").is_none(), "S1 has no regional regulation: nothing");
}

#[wasm_bindgen_test]
async fn an_interpretation_is_read_next_to_its_value_without_opening_the_basis() {
    let p = catalog::notes().portal_steps.clone();
    assert_eq!(p.status, Status::Assumption);
    let note = p.note.clone().expect("the mapping says why").get(EN).to_string();
    let rule = p.rule.clone().expect("a RULES.md resolution");
    let m = Mounted::first_visit(move || view! { <LegalBasis provenance=p /> }).await;
    let reading = m.text(".legal-basis__reading");
    assert!(reading.starts_with(Status::Assumption.label(EN)), "{reading}");
    assert!(reading.contains(&note), "the reasoning: {reading}");
    assert!(reading.contains(&rule), "the resolution: {reading}");
    assert!(m.find("details .legal-basis__reading").is_none(), "outside the closed disclosure");
    assert!(!m.text("details.legal-basis .details__body").contains(&note), "said once");

    // A national item has no reading line: its basis is the quote.
    let national = catalog::service(ServiceId::S2).summary.provenance.clone();
    assert_ne!(national.status, Status::Assumption);
    let m = Mounted::new(move || view! { <LegalBasis provenance=national /> }).await;
    assert!(m.find(".legal-basis__reading").is_none());
}
