from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.breakdown import Breakdown
  from ..models.unconnected import Unconnected





T = TypeVar("T", bound="Diversity")



@_attrs_define
class Diversity:
    """ 
        Attributes:
            by_industry (Breakdown): The sources by one trait.
            by_profession (Breakdown): The sources by one trait.
            by_relationship_kind (Breakdown): The sources by one trait.
            sources (int): How many referral sources there are.
            unconnected (Unconnected): People who sit in no recorded connection at all (holding a contact is not one):
                current
                members and live contacts, counted on the workspace's cached network.
            warnings (list[str]): When one group holds more than half of the sources, e.g. "7 of your 9 referral
                sources are florists".
     """

    by_industry: Breakdown
    by_profession: Breakdown
    by_relationship_kind: Breakdown
    sources: int
    unconnected: Unconnected
    warnings: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.breakdown import Breakdown # noqa: PLC0415
        from ..models.unconnected import Unconnected # noqa: PLC0415
        by_industry = self.by_industry.to_dict()

        by_profession = self.by_profession.to_dict()

        by_relationship_kind = self.by_relationship_kind.to_dict()

        sources = self.sources

        unconnected = self.unconnected.to_dict()

        warnings = self.warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_industry": by_industry,
            "by_profession": by_profession,
            "by_relationship_kind": by_relationship_kind,
            "sources": sources,
            "unconnected": unconnected,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown import Breakdown # noqa: PLC0415
        from ..models.unconnected import Unconnected # noqa: PLC0415
        d = dict(src_dict)
        by_industry = Breakdown.from_dict(d.pop("by_industry"))




        by_profession = Breakdown.from_dict(d.pop("by_profession"))




        by_relationship_kind = Breakdown.from_dict(d.pop("by_relationship_kind"))




        sources = d.pop("sources")

        unconnected = Unconnected.from_dict(d.pop("unconnected"))




        warnings = cast(list[str], d.pop("warnings"))


        diversity = cls(
            by_industry=by_industry,
            by_profession=by_profession,
            by_relationship_kind=by_relationship_kind,
            sources=sources,
            unconnected=unconnected,
            warnings=warnings,
        )


        diversity.additional_properties = d
        return diversity

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
