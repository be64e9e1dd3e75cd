from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.amount import Amount
  from ..models.ended_without import EndedWithout
  from ..models.stage_reached import StageReached





T = TypeVar("T", bound="FunnelFigures")



@_attrs_define
class FunnelFigures:
    """ 
        Attributes:
            ended_without_win (EndedWithout): Requests that ended without a win.
            median_days_ask_to_introduction (float | None):
            median_days_introduction_to_meeting (float | None):
            stages (list[StageReached]):
            won_value (list[Amount]): Deal value of won introductions answering these requests, per currency.
     """

    ended_without_win: EndedWithout
    median_days_ask_to_introduction: float | None
    median_days_introduction_to_meeting: float | None
    stages: list[StageReached]
    won_value: list[Amount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount # noqa: PLC0415
        from ..models.ended_without import EndedWithout # noqa: PLC0415
        from ..models.stage_reached import StageReached # noqa: PLC0415
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




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ended_without_win": ended_without_win,
            "median_days_ask_to_introduction": median_days_ask_to_introduction,
            "median_days_introduction_to_meeting": median_days_introduction_to_meeting,
            "stages": stages,
            "won_value": won_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount # noqa: PLC0415
        from ..models.ended_without import EndedWithout # noqa: PLC0415
        from ..models.stage_reached import StageReached # noqa: PLC0415
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


        funnel_figures = cls(
            ended_without_win=ended_without_win,
            median_days_ask_to_introduction=median_days_ask_to_introduction,
            median_days_introduction_to_meeting=median_days_introduction_to_meeting,
            stages=stages,
            won_value=won_value,
        )


        funnel_figures.additional_properties = d
        return funnel_figures

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
