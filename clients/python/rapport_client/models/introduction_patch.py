from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.introduction_status import IntroductionStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="IntroductionPatch")



@_attrs_define
class IntroductionPatch:
    """ Changes to an introduction: absent fields stay, `null` clears the others.

        Example:
            {'currency': 'EUR', 'deal_value': '48000.00', 'status': 'won'}

        Attributes:
            currency (None | str | Unset):
            deal_value (None | str | Unset):
            external_ids (list[ExternalId] | Unset):
            meeting_at (datetime.datetime | None | Unset):
            notes (None | str | Unset):
            status (IntroductionStatus | Unset): What the introduction turned into: `pending → connected → meeting_scheduled
                → met →
                won | lost`, or `no_response`.
     """

    currency: None | str | Unset = UNSET
    deal_value: None | str | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    meeting_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    status: IntroductionStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        deal_value: None | str | Unset
        if isinstance(self.deal_value, Unset):
            deal_value = UNSET
        else:
            deal_value = self.deal_value

        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



        meeting_at: None | str | Unset
        if isinstance(self.meeting_at, Unset):
            meeting_at = UNSET
        elif isinstance(self.meeting_at, datetime.datetime):
            meeting_at = self.meeting_at.isoformat()
        else:
            meeting_at = self.meeting_at

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if deal_value is not UNSET:
            field_dict["deal_value"] = deal_value
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if meeting_at is not UNSET:
            field_dict["meeting_at"] = meeting_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        def _parse_deal_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deal_value = _parse_deal_value(d.pop("deal_value", UNSET))


        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


        def _parse_meeting_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_at_type_0 = datetime.datetime.fromisoformat(data)



                return meeting_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        meeting_at = _parse_meeting_at(d.pop("meeting_at", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        _status = d.pop("status", UNSET)
        status: IntroductionStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = IntroductionStatus(_status)




        introduction_patch = cls(
            currency=currency,
            deal_value=deal_value,
            external_ids=external_ids,
            meeting_at=meeting_at,
            notes=notes,
            status=status,
        )

        return introduction_patch

