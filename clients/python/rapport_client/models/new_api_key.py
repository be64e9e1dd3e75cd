from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scope import Scope
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="NewApiKey")



@_attrs_define
class NewApiKey:
    """ A key to make.

        Example:
            {'expires_at': '2027-12-01T00:00:00Z', 'name': 'HubSpot sync', 'scopes': ['read', 'write']}

        Attributes:
            name (str): Trimmed text, 1 to 100 characters, on one line.
            scopes (list[Scope]):
            expires_at (datetime.datetime | None | Unset): When the key stops working; never, if absent or null. Must be in
                the future.
     """

    name: str
    scopes: list[Scope]
    expires_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = []
        for componentsschemas_scopes_item_data in self.scopes:
            componentsschemas_scopes_item = componentsschemas_scopes_item_data.value
            scopes.append(componentsschemas_scopes_item)



        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "scopes": scopes,
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for componentsschemas_scopes_item_data in (_scopes):
            componentsschemas_scopes_item = Scope(componentsschemas_scopes_item_data)



            scopes.append(componentsschemas_scopes_item)


        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        new_api_key = cls(
            name=name,
            scopes=scopes,
            expires_at=expires_at,
        )

        return new_api_key

