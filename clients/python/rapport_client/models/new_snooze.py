from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="NewSnooze")



@_attrs_define
class NewSnooze:
    """ An action to put aside.

        Example:
            {'action_id': 'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'until': '2026-12-01T09:00:00Z'}

        Attributes:
            action_id (str): An agenda action's id: `touch:<contact id>`, `occasion:<contact id>:<date>`,
                `thank:<introduction id>`, `outcome:<introduction id>` or `follow_up:<referral request id>`.
            until (datetime.datetime | None | Unset): Hide the action until then (at most 366 days ahead). Omit it, or send
                null, to
                dismiss the action until the next interaction with the contact.
     """

    action_id: str
    until: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "action_id": action_id,
        })
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action_id = d.pop("action_id")

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)



                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))


        new_snooze = cls(
            action_id=action_id,
            until=until,
        )

        return new_snooze

