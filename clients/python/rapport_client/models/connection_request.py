from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_kind import ConnectionKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="ConnectionRequest")



@_attrs_define
class ConnectionRequest:
    """ The request body of a new connection (also how a suggested connection is offered).

        Example:
            {'from': {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12'}, 'kind': 'family', 'note': "Her mother was the
                VP's executive assistant for twelve years", 'since': '1990-01-01', 'strength': 5, 'to': {'contact_id':
                '0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d'}}

        Attributes:
            from_ (Person): One end of a connection: a contact of the workspace (`contact_id`) or one of its
                members (`member_id`, a teammate who knows someone). Exactly one is set; the other is
                null (or, in a request, absent). Example: {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'member_id':
                None}.
            kind (ConnectionKind): How two people know each other. Only `reports_to` has a direction: `from` reports
                to `to`. The others read the same from either end.
            strength (int):
            to (Person): One end of a connection: a contact of the workspace (`contact_id`) or one of its
                members (`member_id`, a teammate who knows someone). Exactly one is set; the other is
                null (or, in a request, absent). Example: {'contact_id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'member_id':
                None}.
            note (None | str | Unset):
            since (datetime.date | None | Unset): Since when they have known each other (not in the future).
     """

    from_: Person
    kind: ConnectionKind
    strength: int
    to: Person
    note: None | str | Unset = UNSET
    since: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        from_ = self.from_.to_dict()

        kind = self.kind.value

        strength = self.strength

        to = self.to.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from": from_,
            "kind": kind,
            "strength": strength,
            "to": to,
        })
        if note is not UNSET:
            field_dict["note"] = note
        if since is not UNSET:
            field_dict["since"] = since

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        from_ = Person.from_dict(d.pop("from"))




        kind = ConnectionKind(d.pop("kind"))




        strength = d.pop("strength")

        to = Person.from_dict(d.pop("to"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))


        connection_request = cls(
            from_=from_,
            kind=kind,
            strength=strength,
            to=to,
            note=note,
            since=since,
        )

        return connection_request

