from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_kind import ConnectionKind
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="Connection")



@_attrs_define
class Connection:
    """ Two people who know each other, and how.

        Attributes:
            created_at (datetime.datetime):
            deleted_at (datetime.datetime | None):
            from_ (Person): One end of a connection: a contact of the workspace (`contact_id`) or one of its
                members (`member_id`, a teammate who knows someone). Exactly one is set; the other is
                null (or, in a request, absent). Example: {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'member_id':
                None}.
            id (UUID):
            kind (ConnectionKind): How two people know each other. Only `reports_to` has a direction: `from` reports
                to `to`. The others read the same from either end.
            note (None | str):
            since (datetime.date | None):
            strength (int): 1 (barely) to 5 (closely).
            to (Person): One end of a connection: a contact of the workspace (`contact_id`) or one of its
                members (`member_id`, a teammate who knows someone). Exactly one is set; the other is
                null (or, in a request, absent). Example: {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'member_id':
                None}.
            updated_at (datetime.datetime):
            version (int):
     """

    created_at: datetime.datetime
    deleted_at: datetime.datetime | None
    from_: Person
    id: UUID
    kind: ConnectionKind
    note: None | str
    since: datetime.date | None
    strength: int
    to: Person
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        created_at = self.created_at.isoformat()

        deleted_at: None | str
        if isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        from_ = self.from_.to_dict()

        id = str(self.id)

        kind = self.kind.value

        note: None | str
        note = self.note

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        strength = self.strength

        to = self.to.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "deleted_at": deleted_at,
            "from": from_,
            "id": id,
            "kind": kind,
            "note": note,
            "since": since,
            "strength": strength,
            "to": to,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
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


        from_ = Person.from_dict(d.pop("from"))




        id = UUID(d.pop("id"))




        kind = ConnectionKind(d.pop("kind"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since = _parse_since(d.pop("since"))


        strength = d.pop("strength")

        to = Person.from_dict(d.pop("to"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        connection = cls(
            created_at=created_at,
            deleted_at=deleted_at,
            from_=from_,
            id=id,
            kind=kind,
            note=note,
            since=since,
            strength=strength,
            to=to,
            updated_at=updated_at,
            version=version,
        )


        connection.additional_properties = d
        return connection

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
