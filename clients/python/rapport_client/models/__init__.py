""" Contains all the data models used in inputs/outputs """

from .action import Action
from .action_contact import ActionContact
from .amount import Amount
from .api_key import ApiKey
from .ask_first import AskFirst
from .batch_results import BatchResults
from .birthday import Birthday
from .breakdown import Breakdown
from .change import Change
from .change_data_type_0 import ChangeDataType0
from .change_op import ChangeOp
from .change_role import ChangeRole
from .changes_page import ChangesPage
from .channel import Channel
from .connection import Connection
from .connection_kind import ConnectionKind
from .connection_patch import ConnectionPatch
from .connection_request import ConnectionRequest
from .contact import Contact
from .contact_batch import ContactBatch
from .contact_patch import ContactPatch
from .create_contact import CreateContact
from .create_interaction import CreateInteraction
from .create_op import CreateOp
from .created_api_key import CreatedApiKey
from .created_webhook import CreatedWebhook
from .delete_contact import DeleteContact
from .delete_interaction import DeleteInteraction
from .delete_op import DeleteOp
from .delivery import Delivery
from .delivery_status import DeliveryStatus
from .digest import Digest
from .digest_schedule import DigestSchedule
from .direction import Direction
from .diversity import Diversity
from .duplicate_evidence import DuplicateEvidence
from .duplicate_evidence_kind import DuplicateEvidenceKind
from .duplicate_pair import DuplicatePair
from .effect import Effect
from .email_outcome import EmailOutcome
from .ended_without import EndedWithout
from .errors_format import ErrorsFormat
from .event_types_item import EventTypesItem
from .evidence import Evidence
from .evidence_source import EvidenceSource
from .export_format import ExportFormat
from .external_id import ExternalId
from .factor import Factor
from .field_error import FieldError
from .format_ import Format
from .funnel import Funnel
from .funnel_figures import FunnelFigures
from .funnel_group import FunnelGroup
from .funnel_grouping import FunnelGrouping
from .health import Health
from .import_ import Import
from .import_error import ImportError_
from .import_status import ImportStatus
from .important_date import ImportantDate
from .inbound_email import InboundEmail
from .interaction import Interaction
from .interaction_batch import InteractionBatch
from .interaction_kind import InteractionKind
from .interaction_patch import InteractionPatch
from .introduction import Introduction
from .introduction_patch import IntroductionPatch
from .introduction_request import IntroductionRequest
from .introduction_status import IntroductionStatus
from .invitation import Invitation
from .invitation_status import InvitationStatus
from .joined import Joined
from .kind_group import KindGroup
from .login import Login
from .me import Me
from .member import Member
from .merge import Merge
from .merge_request import MergeRequest
from .moved import Moved
from .new_api_key import NewApiKey
from .new_contact import NewContact
from .new_interaction import NewInteraction
from .new_invitation import NewInvitation
from .new_referral_request import NewReferralRequest
from .new_snooze import NewSnooze
from .new_webhook import NewWebhook
from .nurture_status import NurtureStatus
from .occasion import Occasion
from .occasion_kind import OccasionKind
from .occasions import Occasions
from .on_match import OnMatch
from .operation_result import OperationResult
from .out_of_balance import OutOfBalance
from .page_action import PageAction
from .page_api_key import PageApiKey
from .page_connection import PageConnection
from .page_contact import PageContact
from .page_delivery import PageDelivery
from .page_duplicate_pair import PageDuplicatePair
from .page_import import PageImport
from .page_import_error import PageImportError
from .page_interaction import PageInteraction
from .page_introduction import PageIntroduction
from .page_invitation import PageInvitation
from .page_member import PageMember
from .page_referral_request import PageReferralRequest
from .page_snooze import PageSnooze
from .page_suggestion import PageSuggestion
from .page_webhook import PageWebhook
from .path_link import PathLink
from .path_person import PathPerson
from .person import Person
from .preset import Preset
from .problem import Problem
from .readiness import Readiness
from .received_invitation import ReceivedInvitation
from .received_invitations import ReceivedInvitations
from .reciprocity import Reciprocity
from .reciprocity_insight import ReciprocityInsight
from .record import Record
from .referral_readiness import ReferralReadiness
from .referral_request import ReferralRequest
from .referral_request_patch import ReferralRequestPatch
from .referrer_name import ReferrerName
from .refresh_request import RefreshRequest
from .register import Register
from .relationship_kind import RelationshipKind
from .rename_workspace import RenameWorkspace
from .request_status import RequestStatus
from .request_with_readiness import RequestWithReadiness
from .resource_type import ResourceType
from .role import Role
from .rotated_secret import RotatedSecret
from .scope import Scope
from .session import Session
from .share import Share
from .snooze import Snooze
from .stage_reached import StageReached
from .status_change import StatusChange
from .suggested_person import SuggestedPerson
from .suggestion import Suggestion
from .target import Target
from .target_view import TargetView
from .top_referrer import TopReferrer
from .top_referrers import TopReferrers
from .unasked_client import UnaskedClient
from .unasked_clients import UnaskedClients
from .unconnected import Unconnected
from .update_contact import UpdateContact
from .update_interaction import UpdateInteraction
from .update_op import UpdateOp
from .upsert_contact import UpsertContact
from .upsert_interaction import UpsertInteraction
from .upsert_op import UpsertOp
from .user import User
from .warm_path import WarmPath
from .warm_paths import WarmPaths
from .webhook import Webhook
from .webhook_patch import WebhookPatch
from .weekly_progress import WeeklyProgress
from .workspace import Workspace
from .workspace_membership import WorkspaceMembership
from .workspace_settings import WorkspaceSettings
from .workspace_settings_cadence_days import WorkspaceSettingsCadenceDays
from .workspace_settings_update import WorkspaceSettingsUpdate
from .workspace_settings_update_cadence_days import WorkspaceSettingsUpdateCadenceDays
from .workspace_settings_update_weekly_ask_goals import WorkspaceSettingsUpdateWeeklyAskGoals
from .workspace_settings_weekly_ask_goals import WorkspaceSettingsWeeklyAskGoals

__all__ = (
    "Action",
    "ActionContact",
    "Amount",
    "ApiKey",
    "AskFirst",
    "BatchResults",
    "Birthday",
    "Breakdown",
    "Change",
    "ChangeDataType0",
    "ChangeOp",
    "ChangeRole",
    "ChangesPage",
    "Channel",
    "Connection",
    "ConnectionKind",
    "ConnectionPatch",
    "ConnectionRequest",
    "Contact",
    "ContactBatch",
    "ContactPatch",
    "CreateContact",
    "CreatedApiKey",
    "CreatedWebhook",
    "CreateInteraction",
    "CreateOp",
    "DeleteContact",
    "DeleteInteraction",
    "DeleteOp",
    "Delivery",
    "DeliveryStatus",
    "Digest",
    "DigestSchedule",
    "Direction",
    "Diversity",
    "DuplicateEvidence",
    "DuplicateEvidenceKind",
    "DuplicatePair",
    "Effect",
    "EmailOutcome",
    "EndedWithout",
    "ErrorsFormat",
    "EventTypesItem",
    "Evidence",
    "EvidenceSource",
    "ExportFormat",
    "ExternalId",
    "Factor",
    "FieldError",
    "Format",
    "Funnel",
    "FunnelFigures",
    "FunnelGroup",
    "FunnelGrouping",
    "Health",
    "Import",
    "ImportantDate",
    "ImportError_",
    "ImportStatus",
    "InboundEmail",
    "Interaction",
    "InteractionBatch",
    "InteractionKind",
    "InteractionPatch",
    "Introduction",
    "IntroductionPatch",
    "IntroductionRequest",
    "IntroductionStatus",
    "Invitation",
    "InvitationStatus",
    "Joined",
    "KindGroup",
    "Login",
    "Me",
    "Member",
    "Merge",
    "MergeRequest",
    "Moved",
    "NewApiKey",
    "NewContact",
    "NewInteraction",
    "NewInvitation",
    "NewReferralRequest",
    "NewSnooze",
    "NewWebhook",
    "NurtureStatus",
    "Occasion",
    "OccasionKind",
    "Occasions",
    "OnMatch",
    "OperationResult",
    "OutOfBalance",
    "PageAction",
    "PageApiKey",
    "PageConnection",
    "PageContact",
    "PageDelivery",
    "PageDuplicatePair",
    "PageImport",
    "PageImportError",
    "PageInteraction",
    "PageIntroduction",
    "PageInvitation",
    "PageMember",
    "PageReferralRequest",
    "PageSnooze",
    "PageSuggestion",
    "PageWebhook",
    "PathLink",
    "PathPerson",
    "Person",
    "Preset",
    "Problem",
    "Readiness",
    "ReceivedInvitation",
    "ReceivedInvitations",
    "Reciprocity",
    "ReciprocityInsight",
    "Record",
    "ReferralReadiness",
    "ReferralRequest",
    "ReferralRequestPatch",
    "ReferrerName",
    "RefreshRequest",
    "Register",
    "RelationshipKind",
    "RenameWorkspace",
    "RequestStatus",
    "RequestWithReadiness",
    "ResourceType",
    "Role",
    "RotatedSecret",
    "Scope",
    "Session",
    "Share",
    "Snooze",
    "StageReached",
    "StatusChange",
    "SuggestedPerson",
    "Suggestion",
    "Target",
    "TargetView",
    "TopReferrer",
    "TopReferrers",
    "UnaskedClient",
    "UnaskedClients",
    "Unconnected",
    "UpdateContact",
    "UpdateInteraction",
    "UpdateOp",
    "UpsertContact",
    "UpsertInteraction",
    "UpsertOp",
    "User",
    "WarmPath",
    "WarmPaths",
    "Webhook",
    "WebhookPatch",
    "WeeklyProgress",
    "Workspace",
    "WorkspaceMembership",
    "WorkspaceSettings",
    "WorkspaceSettingsCadenceDays",
    "WorkspaceSettingsUpdate",
    "WorkspaceSettingsUpdateCadenceDays",
    "WorkspaceSettingsUpdateWeeklyAskGoals",
    "WorkspaceSettingsWeeklyAskGoals",
)
