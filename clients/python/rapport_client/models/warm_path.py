from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ask_first import AskFirst
  from ..models.path_link import PathLink
  from ..models.path_person import PathPerson





T = TypeVar("T", bound="WarmPath")



@_attrs_define
class WarmPath:
    """ A chain of acquaintance from a member of the team to the target.

        Attributes:
            ask_first (AskFirst): The first contact on the path: the one to ask for the introduction.
            hops (int):
            links (list[PathLink]): The links between consecutive people (one fewer than the people).
            people (list[PathPerson]): The people in order: a member first, the target last.
            strength (float): The product of each link's strength ÷ 5: 1 is a chain of the closest ties.
     """

    ask_first: AskFirst
    hops: int
    links: list[PathLink]
    people: list[PathPerson]
    strength: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ask_first import AskFirst # noqa: PLC0415
        from ..models.path_link import PathLink # noqa: PLC0415
        from ..models.path_person import PathPerson # noqa: PLC0415
        ask_first = self.ask_first.to_dict()

        hops = self.hops

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)



        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)



        strength = self.strength


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ask_first": ask_first,
            "hops": hops,
            "links": links,
            "people": people,
            "strength": strength,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ask_first import AskFirst # noqa: PLC0415
        from ..models.path_link import PathLink # noqa: PLC0415
        from ..models.path_person import PathPerson # noqa: PLC0415
        d = dict(src_dict)
        ask_first = AskFirst.from_dict(d.pop("ask_first"))




        hops = d.pop("hops")

        links = []
        _links = d.pop("links")
        for links_item_data in (_links):
            links_item = PathLink.from_dict(links_item_data)



            links.append(links_item)


        people = []
        _people = d.pop("people")
        for people_item_data in (_people):
            people_item = PathPerson.from_dict(people_item_data)



            people.append(people_item)


        strength = d.pop("strength")

        warm_path = cls(
            ask_first=ask_first,
            hops=hops,
            links=links,
            people=people,
            strength=strength,
        )


        warm_path.additional_properties = d
        return warm_path

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
