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
  from ..models.target import Target





T = TypeVar("T", bound="NewReferralRequest")



@_attrs_define
class NewReferralRequest:
    """ A referral request to record. It starts `planned`; give `status: "asked"` (with
    `ask_channel`) to record an ask already made.

        Example:
            {'business_reason': "Fabrikam is consolidating warehouses; our routing cut a similar client's costs 18%",
                'ideal_introduction': 'Ana, who owns the consolidation budget, over coffee with Priya', 'referrer_id':
                '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'target': {'company': 'Fabrikam', 'name': 'Ana Costa', 'title': 'CFO'}}

        Attributes:
            referrer_id (UUID): The contact we ask for the introduction.
            target (Target): `{"contact_id": …}` for someone in the network, or `{"name": …, "company": …,
                "title": …}` for someone not in it yet. Example: {'company': 'Fabrikam', 'name': 'Ana Costa', 'title': 'CFO'}.
            ask_channel (Channel | None | Unset):
            asked_at (datetime.datetime | None | Unset): When the ask was made, when `status` is `asked` (default: now).
            business_reason (None | str | Unset):
            external_ids (list[ExternalId] | Unset):
            ideal_introduction (None | str | Unset):
            member_id (None | Unset | UUID): The member asking; defaults to you.
            notes (None | str | Unset):
            status (None | RequestStatus | Unset):
     """

    referrer_id: UUID
    target: Target
    ask_channel: Channel | None | Unset = UNSET
    asked_at: datetime.datetime | None | Unset = UNSET
    business_reason: None | str | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    ideal_introduction: None | str | Unset = UNSET
    member_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    status: None | RequestStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.target import Target # noqa: PLC0415
        referrer_id = str(self.referrer_id)

        target = self.target.to_dict()

        ask_channel: None | str | Unset
        if isinstance(self.ask_channel, Unset):
            ask_channel = UNSET
        elif isinstance(self.ask_channel, Channel):
            ask_channel = self.ask_channel.value
        else:
            ask_channel = self.ask_channel

        asked_at: None | str | Unset
        if isinstance(self.asked_at, Unset):
            asked_at = UNSET
        elif isinstance(self.asked_at, datetime.datetime):
            asked_at = self.asked_at.isoformat()
        else:
            asked_at = self.asked_at

        business_reason: None | str | Unset
        if isinstance(self.business_reason, Unset):
            business_reason = UNSET
        else:
            business_reason = self.business_reason

        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



        ideal_introduction: None | str | Unset
        if isinstance(self.ideal_introduction, Unset):
            ideal_introduction = UNSET
        else:
            ideal_introduction = self.ideal_introduction

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        elif isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, RequestStatus):
            status = self.status.value
        else:
            status = self.status


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "referrer_id": referrer_id,
            "target": target,
        })
        if ask_channel is not UNSET:
            field_dict["ask_channel"] = ask_channel
        if asked_at is not UNSET:
            field_dict["asked_at"] = asked_at
        if business_reason is not UNSET:
            field_dict["business_reason"] = business_reason
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if ideal_introduction is not UNSET:
            field_dict["ideal_introduction"] = ideal_introduction
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.target import Target # noqa: PLC0415
        d = dict(src_dict)
        referrer_id = UUID(d.pop("referrer_id"))




        target = Target.from_dict(d.pop("target"))




        def _parse_ask_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ask_channel_type_1 = Channel(data)



                return ask_channel_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        ask_channel = _parse_ask_channel(d.pop("ask_channel", UNSET))


        def _parse_asked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asked_at_type_0 = datetime.datetime.fromisoformat(data)



                return asked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        asked_at = _parse_asked_at(d.pop("asked_at", UNSET))


        def _parse_business_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_reason = _parse_business_reason(d.pop("business_reason", UNSET))


        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


        def _parse_ideal_introduction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ideal_introduction = _parse_ideal_introduction(d.pop("ideal_introduction", UNSET))


        def _parse_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)



                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_status(data: object) -> None | RequestStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = RequestStatus(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        new_referral_request = cls(
            referrer_id=referrer_id,
            target=target,
            ask_channel=ask_channel,
            asked_at=asked_at,
            business_reason=business_reason,
            external_ids=external_ids,
            ideal_introduction=ideal_introduction,
            member_id=member_id,
            notes=notes,
            status=status,
        )

        return new_referral_request

