from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.interaction_kind import InteractionKind
from ..models.kind_group import KindGroup
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.external_id import ExternalId





T = TypeVar("T", bound="Interaction")



@_attrs_define
class Interaction:
    """ A touch with one or more contacts.

        Attributes:
            channel (Channel): How the touch happened.
            contact_ids (list[UUID]): Empty on a deleted interaction.
            created_at (datetime.datetime):
            deleted_at (datetime.datetime | None):
            external_ids (list[ExternalId]): The ids other systems know it by; a deleted interaction keeps them, released.
            group (KindGroup): What an interaction does for the relationship: gives value, asks for something, or
                neither. The group drives reciprocity and readiness.
            id (UUID):
            kind (InteractionKind): The kind of touch.
            member_id (UUID):
            notes (None | str):
            occurred_at (datetime.datetime):
            planned (bool):
            summary (None | str):
            updated_at (datetime.datetime):
            version (int):
     """

    channel: Channel
    contact_ids: list[UUID]
    created_at: datetime.datetime
    deleted_at: datetime.datetime | None
    external_ids: list[ExternalId]
    group: KindGroup
    id: UUID
    kind: InteractionKind
    member_id: UUID
    notes: None | str
    occurred_at: datetime.datetime
    planned: bool
    summary: None | str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.external_id import ExternalId # noqa: PLC0415
        channel = self.channel.value

        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)



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



        group = self.group.value

        id = str(self.id)

        kind = self.kind.value

        member_id = str(self.member_id)

        notes: None | str
        notes = self.notes

        occurred_at = self.occurred_at.isoformat()

        planned = self.planned

        summary: None | str
        summary = self.summary

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channel": channel,
            "contact_ids": contact_ids,
            "created_at": created_at,
            "deleted_at": deleted_at,
            "external_ids": external_ids,
            "group": group,
            "id": id,
            "kind": kind,
            "member_id": member_id,
            "notes": notes,
            "occurred_at": occurred_at,
            "planned": planned,
            "summary": summary,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_id import ExternalId # noqa: PLC0415
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))




        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in (_contact_ids):
            contact_ids_item = UUID(contact_ids_item_data)



            contact_ids.append(contact_ids_item)


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


        group = KindGroup(d.pop("group"))




        id = UUID(d.pop("id"))




        kind = InteractionKind(d.pop("kind"))




        member_id = UUID(d.pop("member_id"))




        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        planned = d.pop("planned")

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        interaction = cls(
            channel=channel,
            contact_ids=contact_ids,
            created_at=created_at,
            deleted_at=deleted_at,
            external_ids=external_ids,
            group=group,
            id=id,
            kind=kind,
            member_id=member_id,
            notes=notes,
            occurred_at=occurred_at,
            planned=planned,
            summary=summary,
            updated_at=updated_at,
            version=version,
        )


        interaction.additional_properties = d
        return interaction

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
