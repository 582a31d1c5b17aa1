//! An application's life cycle: its public status, the steps, the roles.

use super::{Label, Tagged};
use crate::engine::lifecycle::{PublicStatus, Role, Transition};
use crate::engine::source::Lang;
use crate::i18n::tr;

impl Label for PublicStatus {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            PublicStatus::Delivered => tr::life_status_delivered(lang),
            PublicStatus::Registered => tr::life_status_registered(lang),
            PublicStatus::InProgress => tr::life_status_in_progress(lang),
            PublicStatus::Ready => tr::life_status_ready(lang),
            PublicStatus::Issued => tr::life_status_issued(lang),
            PublicStatus::Refused => tr::life_status_refused(lang),
            PublicStatus::RefusedAtAcceptance => tr::life_status_refused_at_acceptance(lang),
            PublicStatus::HeldByProvider => tr::life_status_held_by_provider(lang),
        }
    }
}

impl Tagged for PublicStatus {
    fn tag_class(&self) -> &'static str {
        match self {
            PublicStatus::Issued | PublicStatus::Ready => "tag tag--done",
            PublicStatus::Refused | PublicStatus::RefusedAtAcceptance => "tag tag--late",
            _ => "tag",
        }
    }
}

impl Label for Transition {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Transition::Accept => tr::life_transition_accept(lang),
            Transition::RefuseAtAcceptance => tr::life_transition_refuse_at_acceptance(lang),
            Transition::Register => tr::life_transition_register(lang),
            Transition::Assign => tr::life_transition_assign(lang),
            Transition::Prepare => tr::life_transition_prepare(lang),
            Transition::Sign => tr::life_transition_sign(lang),
            Transition::DeliverToStateCorporation => {
                tr::life_transition_deliver_to_state_corporation(lang)
            }
            Transition::Issue => tr::life_transition_issue(lang),
            Transition::Refuse => tr::life_transition_refuse(lang),
            Transition::HandToProvider => tr::life_transition_hand_to_provider(lang),
            Transition::RequestReturn => tr::life_transition_request_return(lang),
            Transition::Return => tr::life_transition_return(lang),
        }
    }
}

impl Label for Role {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Role::Citizen => tr::life_role_citizen(lang),
            Role::Clerk => tr::life_role_clerk(lang),
            Role::Head => tr::life_role_head(lang),
            Role::Executor => tr::life_role_executor(lang),
            Role::StateCorporation => tr::life_role_state_corporation(lang),
            Role::System => tr::life_role_system(lang),
        }
    }
}
