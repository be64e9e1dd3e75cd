from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.effect import Effect






T = TypeVar("T", bound="Factor")



@_attrs_define
class Factor:
    """ One factor of the judgement, in plain words.

        Attributes:
            detail (str):  Example: last spoke 12 days ago, within your 30-day cadence.
            effect (Effect): What a factor does to readiness.
            factor (str): `in_touch`, `gave_value`, `thanked_us`, `trust`, `reciprocity` or `open_ask`. An open set:
                more factors may come. Example: in_touch.
            points (int): Points added to the score.
     """

    detail: str
    effect: Effect
    factor: str
    points: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        effect = self.effect.value

        factor = self.factor

        points = self.points


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "effect": effect,
            "factor": factor,
            "points": points,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        effect = Effect(d.pop("effect"))




        factor = d.pop("factor")

        points = d.pop("points")

        factor = cls(
            detail=detail,
            effect=effect,
            factor=factor,
            points=points,
        )


        factor.additional_properties = d
        return factor

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
