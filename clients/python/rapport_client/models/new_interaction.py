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





T = TypeVar("T", bound="NewInteraction")



@_attrs_define
class NewInteraction:
    """ A touch to log.

        Example:
            {'channel': 'in_person', 'contact_ids': ['01a20ab6-5a7b-7445-bdfa-051d68be7186'], 'kind': 'shared_content',
                'occurred_at': '2026-11-20T16:30:00Z', 'summary': 'Gave her the podcast episode on warehouse automation'}

        Attributes:
            channel (Channel): How the touch happened.
            contact_ids (list[UUID]):
            kind (InteractionKind): The kind of touch.
            occurred_at (datetime.datetime):
            external_ids (list[ExternalId] | Unset):
            member_id (None | Unset | UUID): The member who had the interaction; defaults to you.
            notes (None | str | Unset):
            planned (bool | Unset): A future interaction must be planned; planned ones do not count as contact.
            summary (None | str | Unset):
     """

    channel: Channel
    contact_ids: list[UUID]
    kind: InteractionKind
    occurred_at: datetime.datetime
    external_ids: list[ExternalId] | Unset = UNSET
    member_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    planned: bool | Unset = UNSET
    summary: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        channel = self.channel.value

        contact_ids = []
        for componentsschemas_contact_ids_item_data in self.contact_ids:
            componentsschemas_contact_ids_item = str(componentsschemas_contact_ids_item_data)
            contact_ids.append(componentsschemas_contact_ids_item)



        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        external_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = []
            for componentsschemas_external_ids_item_data in self.external_ids:
                componentsschemas_external_ids_item = componentsschemas_external_ids_item_data.to_dict()
                external_ids.append(componentsschemas_external_ids_item)



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

        planned = self.planned

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "channel": channel,
            "contact_ids": contact_ids,
            "kind": kind,
            "occurred_at": occurred_at,
        })
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if planned is not UNSET:
            field_dict["planned"] = planned
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))




        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for componentsschemas_contact_ids_item_data in (_contact_ids):
            componentsschemas_contact_ids_item = UUID(componentsschemas_contact_ids_item_data)



            contact_ids.append(componentsschemas_contact_ids_item)


        kind = InteractionKind(d.pop("kind"))




        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        _external_ids = d.pop("external_ids", UNSET)
        external_ids: list[ExternalId] | Unset = UNSET
        if _external_ids is not UNSET:
            external_ids = []
            for componentsschemas_external_ids_item_data in _external_ids:
                componentsschemas_external_ids_item = ExternalId.from_dict(componentsschemas_external_ids_item_data)



                external_ids.append(componentsschemas_external_ids_item)


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


        planned = d.pop("planned", UNSET)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        new_interaction = cls(
            channel=channel,
            contact_ids=contact_ids,
            kind=kind,
            occurred_at=occurred_at,
            external_ids=external_ids,
            member_id=member_id,
            notes=notes,
            planned=planned,
            summary=summary,
        )

        return new_interaction

