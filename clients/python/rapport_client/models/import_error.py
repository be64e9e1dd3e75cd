from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ImportError_")



@_attrs_define
class ImportError_:
    """ One record an import refused.

        Example:
            {'field': '/emails/0', 'line': 15, 'reason': '`jane@` is not an email address', 'row': 14}

        Attributes:
            field (None | str): The field at fault, as a pointer into the contact (`/emails/0`), when one is.
            line (int | None): The line of the file the record starts on (CSV).
            reason (str):
            row (int): The record's number among the file's records, from 1 (the header not counted).
     """

    field: None | str
    line: int | None
    reason: str
    row: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        field: None | str
        field = self.field

        line: int | None
        line = self.line

        reason = self.reason

        row = self.row


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "field": field,
            "line": line,
            "reason": reason,
            "row": row,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))


        def _parse_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line = _parse_line(d.pop("line"))


        reason = d.pop("reason")

        row = d.pop("row")

        import_error = cls(
            field=field,
            line=line,
            reason=reason,
            row=row,
        )


        import_error.additional_properties = d
        return import_error

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
