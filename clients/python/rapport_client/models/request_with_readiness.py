from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId
  from ..models.referral_readiness import ReferralReadiness
  from ..models.status_change import StatusChange
  from ..models.target_view import TargetView





T = TypeVar("T", bound="RequestWithReadiness")



@_attrs_define
class RequestWithReadiness:
    """ A request as written, with the referrer's readiness judged before the change: a
    request to a referrer who is not ready is recorded all the same, and the client
    decides what to make of the warnings.

        Attributes:
            ask_channel (Channel | None):
            ask_interaction_id (None | UUID): The `referral_ask` interaction logged with the referrer when asking.
            asked_at (datetime.datetime | None):
            business_reason (None | str):
            created_at (datetime.datetime):
            deleted_at (datetime.datetime | None):
            external_ids (list[ExternalId]): The ids other systems know it by; a deleted request keeps them, released.
            history (list[StatusChange]): Every status, oldest first.
            id (UUID):
            ideal_introduction (None | str):
            member_id (UUID): The member asking.
            notes (None | str):
            referrer_id (UUID): The contact asked for the introduction.
            status (RequestStatus): Where an ask stands: `planned → asked → agreed → introduced → meeting_held → won |
                lost`, or `declined` by the referrer, or `withdrawn` by us.
            target (TargetView): Who the request is for, as stored.
            updated_at (datetime.datetime):
            version (int):
            referrer_readiness (None | ReferralReadiness | Unset):
     """

    ask_channel: Channel | None
    ask_interaction_id: None | UUID
    asked_at: datetime.datetime | None
    business_reason: None | str
    created_at: datetime.datetime
    deleted_at: datetime.datetime | None
    external_ids: list[ExternalId]
    history: list[StatusChange]
    id: UUID
    ideal_introduction: None | str
    member_id: UUID
    notes: None | str
    referrer_id: UUID
    status: RequestStatus
    target: TargetView
    updated_at: datetime.datetime
    version: int
    referrer_readiness: None | ReferralReadiness | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.referral_readiness import ReferralReadiness # noqa: PLC0415
        from ..models.status_change import StatusChange # noqa: PLC0415
        from ..models.target_view import TargetView # noqa: PLC0415
        ask_channel: None | str
        if isinstance(self.ask_channel, Channel):
            ask_channel = self.ask_channel.value
        else:
            ask_channel = self.ask_channel

        ask_interaction_id: None | str
        if isinstance(self.ask_interaction_id, UUID):
            ask_interaction_id = str(self.ask_interaction_id)
        else:
            ask_interaction_id = self.ask_interaction_id

        asked_at: None | str
        if isinstance(self.asked_at, datetime.datetime):
            asked_at = self.asked_at.isoformat()
        else:
            asked_at = self.asked_at

        business_reason: None | str
        business_reason = self.business_reason

        created_at = self.created_at.isoformat()

        deleted_at: None | str
        if isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        external_ids = []
        for external_ids_item_data in self.external_ids:
            external_ids_item = external_ids_item_data.to_dict()
            external_ids.append(external_ids_item)



        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        id = str(self.id)

        ideal_introduction: None | str
        ideal_introduction = self.ideal_introduction

        member_id = str(self.member_id)

        notes: None | str
        notes = self.notes

        referrer_id = str(self.referrer_id)

        status = self.status.value

        target = self.target.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version

        referrer_readiness: dict[str, Any] | None | Unset
        if isinstance(self.referrer_readiness, Unset):
            referrer_readiness = UNSET
        elif isinstance(self.referrer_readiness, ReferralReadiness):
            referrer_readiness = self.referrer_readiness.to_dict()
        else:
            referrer_readiness = self.referrer_readiness


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ask_channel": ask_channel,
            "ask_interaction_id": ask_interaction_id,
            "asked_at": asked_at,
            "business_reason": business_reason,
            "created_at": created_at,
            "deleted_at": deleted_at,
            "external_ids": external_ids,
            "history": history,
            "id": id,
            "ideal_introduction": ideal_introduction,
            "member_id": member_id,
            "notes": notes,
            "referrer_id": referrer_id,
            "status": status,
            "target": target,
            "updated_at": updated_at,
            "version": version,
        })
        if referrer_readiness is not UNSET:
            field_dict["referrer_readiness"] = referrer_readiness

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.referral_readiness import ReferralReadiness # noqa: PLC0415
        from ..models.status_change import StatusChange # noqa: PLC0415
        from ..models.target_view import TargetView # noqa: PLC0415
        d = dict(src_dict)
        def _parse_ask_channel(data: object) -> Channel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ask_channel_type_1 = Channel(data)



                return ask_channel_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None, data)

        ask_channel = _parse_ask_channel(d.pop("ask_channel"))


        def _parse_ask_interaction_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ask_interaction_id_type_0 = UUID(data)



                return ask_interaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        ask_interaction_id = _parse_ask_interaction_id(d.pop("ask_interaction_id"))


        def _parse_asked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asked_at_type_0 = datetime.datetime.fromisoformat(data)



                return asked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        asked_at = _parse_asked_at(d.pop("asked_at"))


        def _parse_business_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_reason = _parse_business_reason(d.pop("business_reason"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_deleted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at"))


        external_ids = []
        _external_ids = d.pop("external_ids")
        for external_ids_item_data in (_external_ids):
            external_ids_item = ExternalId.from_dict(external_ids_item_data)



            external_ids.append(external_ids_item)


        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = StatusChange.from_dict(history_item_data)



            history.append(history_item)


        id = UUID(d.pop("id"))




        def _parse_ideal_introduction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ideal_introduction = _parse_ideal_introduction(d.pop("ideal_introduction"))


        member_id = UUID(d.pop("member_id"))




        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        referrer_id = UUID(d.pop("referrer_id"))




        status = RequestStatus(d.pop("status"))




        target = TargetView.from_dict(d.pop("target"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_referrer_readiness(data: object) -> None | ReferralReadiness | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referrer_readiness_type_1 = ReferralReadiness.from_dict(data)



                return referrer_readiness_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralReadiness | Unset, data)

        referrer_readiness = _parse_referrer_readiness(d.pop("referrer_readiness", UNSET))


        request_with_readiness = cls(
            ask_channel=ask_channel,
            ask_interaction_id=ask_interaction_id,
            asked_at=asked_at,
            business_reason=business_reason,
            created_at=created_at,
            deleted_at=deleted_at,
            external_ids=external_ids,
            history=history,
            id=id,
            ideal_introduction=ideal_introduction,
            member_id=member_id,
            notes=notes,
            referrer_id=referrer_id,
            status=status,
            target=target,
            updated_at=updated_at,
            version=version,
            referrer_readiness=referrer_readiness,
        )


        request_with_readiness.additional_properties = d
        return request_with_readiness

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
