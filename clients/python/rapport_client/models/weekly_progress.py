from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="WeeklyProgress")



@_attrs_define
class WeeklyProgress:
    """ Asks made this week (from Monday, UTC) against the goal: the member's, or the team's
    goals added up.

        Attributes:
            asked (int):
            goal (int | None): Null when no goal is set.
            week_start (datetime.date):
     """

    asked: int
    goal: int | None
    week_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asked = self.asked

        goal: int | None
        goal = self.goal

        week_start = self.week_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asked": asked,
            "goal": goal,
            "week_start": week_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asked = d.pop("asked")

        def _parse_goal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        goal = _parse_goal(d.pop("goal"))


        week_start = datetime.date.fromisoformat(d.pop("week_start"))




        weekly_progress = cls(
            asked=asked,
            goal=goal,
            week_start=week_start,
        )


        weekly_progress.additional_properties = d
        return weekly_progress

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
