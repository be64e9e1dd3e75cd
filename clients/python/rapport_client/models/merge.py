from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.contact import Contact
  from ..models.moved import Moved





T = TypeVar("T", bound="Merge")



@_attrs_define
class Merge:
    """ A merge, made or previewed.

        Attributes:
            contact (Contact): A person in the network.
            dry_run (bool): Whether nothing was done.
            duplicate_id (UUID): The contact merged into it, now a tombstone with `merged_into`.
            filled (list[str]): The contact's fields filled (or, for lists and notes, joined) from the duplicate's.
            moved (Moved): What moved from the duplicate to the contact that stays.
     """

    contact: Contact
    dry_run: bool
    duplicate_id: UUID
    filled: list[str]
    moved: Moved
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.moved import Moved # noqa: PLC0415
        contact = self.contact.to_dict()

        dry_run = self.dry_run

        duplicate_id = str(self.duplicate_id)

        filled = self.filled



        moved = self.moved.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact": contact,
            "dry_run": dry_run,
            "duplicate_id": duplicate_id,
            "filled": filled,
            "moved": moved,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.moved import Moved # noqa: PLC0415
        d = dict(src_dict)
        contact = Contact.from_dict(d.pop("contact"))




        dry_run = d.pop("dry_run")

        duplicate_id = UUID(d.pop("duplicate_id"))




        filled = cast(list[str], d.pop("filled"))


        moved = Moved.from_dict(d.pop("moved"))




        merge = cls(
            contact=contact,
            dry_run=dry_run,
            duplicate_id=duplicate_id,
            filled=filled,
            moved=moved,
        )


        merge.additional_properties = d
        return merge

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
