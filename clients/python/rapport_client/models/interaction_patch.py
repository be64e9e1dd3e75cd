from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.interaction_kind import InteractionKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="InteractionPatch")



@_attrs_define
class InteractionPatch:
    """ Changes to an interaction: absent fields stay, `null` clears `summary` or `notes`.

        Example:
            {'planned': False, 'summary': 'Lunch happened; she offered two introductions'}

        Attributes:
            channel (Channel | Unset): How the touch happened.
            contact_ids (list[UUID] | Unset):
            external_ids (list[ExternalId] | Unset):
            kind (InteractionKind | Unset): The kind of touch.
            member_id (UUID | Unset):
            notes (None | str | Unset):
            occurred_at (datetime.datetime | Unset):
            planned (bool | Unset):
            summary (None | str | Unset):
     """

    channel: Channel | Unset = UNSET
    contact_ids: list[UUID] | Unset = UNSET
    external_ids: list[ExternalId] | Unset = UNSET
    kind: InteractionKind | Unset = UNSET
    member_id: UUID | Unset = UNSET
    notes: None | str | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    planned: bool | Unset = UNSET
    summary: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        contact_ids: list[str] | Unset = UNSET
        if not isinstance(self.contact_ids, Unset):
            contact_ids = []
            for componentsschemas_contact_ids_item_data in self.contact_ids:
                componentsschemas_contact_ids_item = str(componentsschemas_contact_ids_item_data)
                contact_ids.append(componentsschemas_contact_ids_item)



        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        member_id: str | Unset = UNSET
        if not isinstance(self.member_id, Unset):
            member_id = str(self.member_id)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        planned = self.planned

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if channel is not UNSET:
            field_dict["channel"] = channel
        if contact_ids is not UNSET:
            field_dict["contact_ids"] = contact_ids
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if kind is not UNSET:
            field_dict["kind"] = kind
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if planned is not UNSET:
            field_dict["planned"] = planned
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = Channel(_channel)




        _contact_ids = d.pop("contact_ids", UNSET)
        contact_ids: list[UUID] | Unset = UNSET
        if _contact_ids is not UNSET:
            contact_ids = []
            for componentsschemas_contact_ids_item_data in _contact_ids:
                componentsschemas_contact_ids_item = UUID(componentsschemas_contact_ids_item_data)



                contact_ids.append(componentsschemas_contact_ids_item)


        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


        _kind = d.pop("kind", UNSET)
        kind: InteractionKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = InteractionKind(_kind)




        _member_id = d.pop("member_id", UNSET)
        member_id: UUID | Unset
        if isinstance(_member_id,  Unset):
            member_id = UNSET
        else:
            member_id = UUID(_member_id)




        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        _occurred_at = d.pop("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset
        if isinstance(_occurred_at,  Unset):
            occurred_at = UNSET
        else:
            occurred_at = datetime.datetime.fromisoformat(_occurred_at)




        planned = d.pop("planned", UNSET)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        interaction_patch = cls(
            channel=channel,
            contact_ids=contact_ids,
            external_ids=external_ids,
            kind=kind,
            member_id=member_id,
            notes=notes,
            occurred_at=occurred_at,
            planned=planned,
            summary=summary,
        )

        return interaction_patch

