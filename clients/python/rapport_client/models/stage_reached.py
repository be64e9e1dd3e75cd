from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.request_status import RequestStatus
from typing import cast






T = TypeVar("T", bound="StageReached")



@_attrs_define
class StageReached:
    """ How many requests reached one stage of the pipeline.

        Attributes:
            conversion (float | None): Share of the previous stage that reached this one, 0 to 1; null for the first stage
                or when the previous one is empty.
            reached (int): Requests that reached it.
            stage (RequestStatus): Where an ask stands: `planned → asked → agreed → introduced → meeting_held → won |
                lost`, or `declined` by the referrer, or `withdrawn` by us.
     """

    conversion: float | None
    reached: int
    stage: RequestStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        conversion: float | None
        conversion = self.conversion

        reached = self.reached

        stage = self.stage.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conversion": conversion,
            "reached": reached,
            "stage": stage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_conversion(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion = _parse_conversion(d.pop("conversion"))


        reached = d.pop("reached")

        stage = RequestStatus(d.pop("stage"))




        stage_reached = cls(
            conversion=conversion,
            reached=reached,
            stage=stage,
        )


        stage_reached.additional_properties = d
        return stage_reached

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
