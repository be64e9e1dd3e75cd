from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.amount import Amount
  from ..models.ended_without import EndedWithout
  from ..models.funnel_group import FunnelGroup
  from ..models.stage_reached import StageReached
  from ..models.weekly_progress import WeeklyProgress





T = TypeVar("T", bound="Funnel")



@_attrs_define
class Funnel:
    """ How the asks made between `from` and `to` went.

        Attributes:
            ended_without_win (EndedWithout): Requests that ended without a win.
            median_days_ask_to_introduction (float | None):
            median_days_introduction_to_meeting (float | None):
            stages (list[StageReached]):
            won_value (list[Amount]): Deal value of won introductions answering these requests, per currency.
            from_ (datetime.date):
            this_week (WeeklyProgress): Asks made this week (from Monday, UTC) against the goal: the member's, or the team's
                goals added up.
            to (datetime.date):
            groups (list[FunnelGroup] | None | Unset): The same figures per referrer or per relationship kind, most asks
                first; null
                without `group_by`.
     """

    ended_without_win: EndedWithout
    median_days_ask_to_introduction: float | None
    median_days_introduction_to_meeting: float | None
    stages: list[StageReached]
    won_value: list[Amount]
    from_: datetime.date
    this_week: WeeklyProgress
    to: datetime.date
    groups: list[FunnelGroup] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount # noqa: PLC0415
        from ..models.ended_without import EndedWithout # noqa: PLC0415
        from ..models.funnel_group import FunnelGroup # noqa: PLC0415
        from ..models.stage_reached import StageReached # noqa: PLC0415
        from ..models.weekly_progress import WeeklyProgress # noqa: PLC0415
        ended_without_win = self.ended_without_win.to_dict()

        median_days_ask_to_introduction: float | None
        median_days_ask_to_introduction = self.median_days_ask_to_introduction

        median_days_introduction_to_meeting: float | None
        median_days_introduction_to_meeting = self.median_days_introduction_to_meeting

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)



        won_value = []
        for won_value_item_data in self.won_value:
            won_value_item = won_value_item_data.to_dict()
            won_value.append(won_value_item)



        from_ = self.from_.isoformat()

        this_week = self.this_week.to_dict()

        to = self.to.isoformat()

        groups: list[dict[str, Any]] | None | Unset
        if isinstance(self.groups, Unset):
            groups = UNSET
        elif isinstance(self.groups, list):
            groups = []
            for groups_type_0_item_data in self.groups:
                groups_type_0_item = groups_type_0_item_data.to_dict()
                groups.append(groups_type_0_item)


        else:
            groups = self.groups


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ended_without_win": ended_without_win,
            "median_days_ask_to_introduction": median_days_ask_to_introduction,
            "median_days_introduction_to_meeting": median_days_introduction_to_meeting,
            "stages": stages,
            "won_value": won_value,
            "from": from_,
            "this_week": this_week,
            "to": to,
        })
        if groups is not UNSET:
            field_dict["groups"] = groups

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount # noqa: PLC0415
        from ..models.ended_without import EndedWithout # noqa: PLC0415
        from ..models.funnel_group import FunnelGroup # noqa: PLC0415
        from ..models.stage_reached import StageReached # noqa: PLC0415
        from ..models.weekly_progress import WeeklyProgress # noqa: PLC0415
        d = dict(src_dict)
        ended_without_win = EndedWithout.from_dict(d.pop("ended_without_win"))




        def _parse_median_days_ask_to_introduction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days_ask_to_introduction = _parse_median_days_ask_to_introduction(d.pop("median_days_ask_to_introduction"))


        def _parse_median_days_introduction_to_meeting(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days_introduction_to_meeting = _parse_median_days_introduction_to_meeting(d.pop("median_days_introduction_to_meeting"))


        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = StageReached.from_dict(stages_item_data)



            stages.append(stages_item)


        won_value = []
        _won_value = d.pop("won_value")
        for won_value_item_data in (_won_value):
            won_value_item = Amount.from_dict(won_value_item_data)



            won_value.append(won_value_item)


        from_ = datetime.date.fromisoformat(d.pop("from"))




        this_week = WeeklyProgress.from_dict(d.pop("this_week"))




        to = datetime.date.fromisoformat(d.pop("to"))




        def _parse_groups(data: object) -> list[FunnelGroup] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                groups_type_0 = []
                _groups_type_0 = data
                for groups_type_0_item_data in (_groups_type_0):
                    groups_type_0_item = FunnelGroup.from_dict(groups_type_0_item_data)



                    groups_type_0.append(groups_type_0_item)

                return groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FunnelGroup] | None | Unset, data)

        groups = _parse_groups(d.pop("groups", UNSET))


        funnel = cls(
            ended_without_win=ended_without_win,
            median_days_ask_to_introduction=median_days_ask_to_introduction,
            median_days_introduction_to_meeting=median_days_introduction_to_meeting,
            stages=stages,
            won_value=won_value,
            from_=from_,
            this_week=this_week,
            to=to,
            groups=groups,
        )


        funnel.additional_properties = d
        return funnel

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
