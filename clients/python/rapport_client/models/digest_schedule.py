from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DigestSchedule")



@_attrs_define
class DigestSchedule:
    """ When a member wants their digest.

        Example:
            {'hour': 8, 'time_zone': 'Europe/Lisbon'}

        Attributes:
            hour (int):
            time_zone (str): An IANA time zone name
     """

    hour: int
    time_zone: str





    def to_dict(self) -> dict[str, Any]:
        hour = self.hour

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hour": hour,
            "time_zone": time_zone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hour = d.pop("hour")

        time_zone = d.pop("time_zone")

        digest_schedule = cls(
            hour=hour,
            time_zone=time_zone,
        )

        return digest_schedule

