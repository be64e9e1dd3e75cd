from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.connection_kind import ConnectionKind
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PathLink")



@_attrs_define
class PathLink:
    """ How two consecutive people on a path know each other.

        Attributes:
            connection_id (None | UUID): The recorded connection; null when the member holds the contact in their network
                and has been in touch with them.
            earlier_reports_to_later (bool | None): For `reports_to`: whether the earlier person on the path reports to the
                later one
                (else the later reports to the earlier).
            kind (ConnectionKind | None):
            strength (int): 1 to 5 (for a held contact: their trust, or 3 when unknown).
     """

    connection_id: None | UUID
    earlier_reports_to_later: bool | None
    kind: ConnectionKind | None
    strength: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        connection_id: None | str
        if isinstance(self.connection_id, UUID):
            connection_id = str(self.connection_id)
        else:
            connection_id = self.connection_id

        earlier_reports_to_later: bool | None
        earlier_reports_to_later = self.earlier_reports_to_later

        kind: None | str
        if isinstance(self.kind, ConnectionKind):
            kind = self.kind.value
        else:
            kind = self.kind

        strength = self.strength


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connection_id": connection_id,
            "earlier_reports_to_later": earlier_reports_to_later,
            "kind": kind,
            "strength": strength,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_connection_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                connection_id_type_0 = UUID(data)



                return connection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        connection_id = _parse_connection_id(d.pop("connection_id"))


        def _parse_earlier_reports_to_later(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        earlier_reports_to_later = _parse_earlier_reports_to_later(d.pop("earlier_reports_to_later"))


        def _parse_kind(data: object) -> ConnectionKind | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = ConnectionKind(data)



                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionKind | None, data)

        kind = _parse_kind(d.pop("kind"))


        strength = d.pop("strength")

        path_link = cls(
            connection_id=connection_id,
            earlier_reports_to_later=earlier_reports_to_later,
            kind=kind,
            strength=strength,
        )


        path_link.additional_properties = d
        return path_link

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
