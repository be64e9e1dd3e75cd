from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Digest")



@_attrs_define
class Digest:
    """ A member's daily digest: when it goes out, and when it last did.

        Attributes:
            hour (int): The hour it goes out at, in `time_zone` (default 8). Example: 8.
            last_sent_on (datetime.date | None): The member's local day it last went out; null if never.
            member_id (UUID):
            next_at (datetime.datetime): When it goes out next, if an endpoint subscribes to `nurture.daily_digest` by then.
            time_zone (str): Default `UTC`. Example: Europe/Lisbon.
     """

    hour: int
    last_sent_on: datetime.date | None
    member_id: UUID
    next_at: datetime.datetime
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        hour = self.hour

        last_sent_on: None | str
        if isinstance(self.last_sent_on, datetime.date):
            last_sent_on = self.last_sent_on.isoformat()
        else:
            last_sent_on = self.last_sent_on

        member_id = str(self.member_id)

        next_at = self.next_at.isoformat()

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "hour": hour,
            "last_sent_on": last_sent_on,
            "member_id": member_id,
            "next_at": next_at,
            "time_zone": time_zone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hour = d.pop("hour")

        def _parse_last_sent_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_sent_on_type_0 = datetime.date.fromisoformat(data)



                return last_sent_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_sent_on = _parse_last_sent_on(d.pop("last_sent_on"))


        member_id = UUID(d.pop("member_id"))




        next_at = datetime.datetime.fromisoformat(d.pop("next_at"))




        time_zone = d.pop("time_zone")

        digest = cls(
            hour=hour,
            last_sent_on=last_sent_on,
            member_id=member_id,
            next_at=next_at,
            time_zone=time_zone,
        )


        digest.additional_properties = d
        return digest

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
