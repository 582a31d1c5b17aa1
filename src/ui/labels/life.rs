//! An application's life cycle: its public status, the steps, the roles.

use super::{Tagged, labels};
use crate::engine::lifecycle::{PublicStatus, Role, Transition};

labels! {
    PublicStatus {
        PublicStatus::Delivered => life_status_delivered,
        PublicStatus::Registered => life_status_registered,
        PublicStatus::InProgress => life_status_in_progress,
        PublicStatus::Ready => life_status_ready,
        PublicStatus::Issued => life_status_issued,
        PublicStatus::Refused => life_status_refused,
        PublicStatus::RefusedAtAcceptance => life_status_refused_at_acceptance,
        PublicStatus::HeldByProvider => life_status_held_by_provider,
    }
    Transition {
        Transition::Accept => life_transition_accept,
        Transition::RefuseAtAcceptance => life_transition_refuse_at_acceptance,
        Transition::Register => life_transition_register,
        Transition::Assign => life_transition_assign,
        Transition::Prepare => life_transition_prepare,
        Transition::Sign => life_transition_sign,
        Transition::DeliverToStateCorporation => life_transition_deliver_to_state_corporation,
        Transition::Issue => life_transition_issue,
        Transition::Refuse => life_transition_refuse,
        Transition::HandToProvider => life_transition_hand_to_provider,
        Transition::RequestReturn => life_transition_request_return,
        Transition::Return => life_transition_return,
    }
    Role {
        Role::Citizen => life_role_citizen,
        Role::Clerk => life_role_clerk,
        Role::Head => life_role_head,
        Role::Executor => life_role_executor,
        Role::StateCorporation => life_role_state_corporation,
        Role::System => life_role_system,
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
