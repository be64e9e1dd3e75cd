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
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId
  from ..models.target import Target





T = TypeVar("T", bound="ReferralRequestPatch")



@_attrs_define
class ReferralRequestPatch:
    """ Changes to a request: absent fields stay, `null` clears the text fields. A move to
    `asked` needs `ask_channel`.

        Example:
            {'ask_channel': 'in_person', 'status': 'asked'}

        Attributes:
            ask_channel (Channel | Unset): How the touch happened.
            asked_at (datetime.datetime | Unset): When the ask was made, with `status: "asked"` (default: now).
            business_reason (None | str | Unset):
            external_ids (list[ExternalId] | Unset):
            ideal_introduction (None | str | Unset):
            notes (None | str | Unset):
            status (RequestStatus | Unset): Where an ask stands: `planned → asked → agreed → introduced → meeting_held → won
                |
                lost`, or `declined` by the referrer, or `withdrawn` by us.
            target (Target | Unset): `{"contact_id": …}` for someone in the network, or `{"name": …, "company": …,
                "title": …}` for someone not in it yet. Example: {'company': 'Fabrikam', 'name': 'Ana Costa', 'title': 'CFO'}.
     """

    ask_channel: Channel | Unset = UNSET
    asked_at: datetime.datetime | Unset = UNSET
    business_reason: None | str | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    ideal_introduction: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    status: RequestStatus | Unset = UNSET
    target: Target | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.target import Target # noqa: PLC0415
        ask_channel: str | Unset = UNSET
        if not isinstance(self.ask_channel, Unset):
            ask_channel = self.ask_channel.value


        asked_at: str | Unset = UNSET
        if not isinstance(self.asked_at, Unset):
            asked_at = self.asked_at.isoformat()

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

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
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
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        from ..models.target import Target # noqa: PLC0415
        d = dict(src_dict)
        _ask_channel = d.pop("ask_channel", UNSET)
        ask_channel: Channel | Unset
        if isinstance(_ask_channel,  Unset):
            ask_channel = UNSET
        else:
            ask_channel = Channel(_ask_channel)




        _asked_at = d.pop("asked_at", UNSET)
        asked_at: datetime.datetime | Unset
        if isinstance(_asked_at,  Unset):
            asked_at = UNSET
        else:
            asked_at = datetime.datetime.fromisoformat(_asked_at)




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


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        _status = d.pop("status", UNSET)
        status: RequestStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = RequestStatus(_status)




        _target = d.pop("target", UNSET)
        target: Target | Unset
        if isinstance(_target,  Unset):
            target = UNSET
        else:
            target = Target.from_dict(_target)




        referral_request_patch = cls(
            ask_channel=ask_channel,
            asked_at=asked_at,
            business_reason=business_reason,
            external_ids=external_ids,
            ideal_introduction=ideal_introduction,
            notes=notes,
            status=status,
            target=target,
        )

        return referral_request_patch

