from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.occasion_kind import OccasionKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Occasion")



@_attrs_define
class Occasion:
    """ A day worth a touch: a birthday or another date that matters to a contact.

        Attributes:
            contact_id (UUID):
            date (datetime.date):
            first_name (str):
            kind (OccasionKind):
            label (None | str): The important date's label; null for a birthday.
            last_name (None | str):
            years (int | None): Age or anniversary reached that day, when the year is known.
     """

    contact_id: UUID
    date: datetime.date
    first_name: str
    kind: OccasionKind
    label: None | str
    last_name: None | str
    years: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        date = self.date.isoformat()

        first_name = self.first_name

        kind = self.kind.value

        label: None | str
        label = self.label

        last_name: None | str
        last_name = self.last_name

        years: int | None
        years = self.years


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "date": date,
            "first_name": first_name,
            "kind": kind,
            "label": label,
            "last_name": last_name,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))




        date = datetime.date.fromisoformat(d.pop("date"))




        first_name = d.pop("first_name")

        kind = OccasionKind(d.pop("kind"))




        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))


        def _parse_years(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        years = _parse_years(d.pop("years"))


        occasion = cls(
            contact_id=contact_id,
            date=date,
            first_name=first_name,
            kind=kind,
            label=label,
            last_name=last_name,
            years=years,
        )


        occasion.additional_properties = d
        return occasion

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
