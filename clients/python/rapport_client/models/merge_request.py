from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="MergeRequest")



@_attrs_define
class MergeRequest:
    """ A merge to make, or to preview.

        Example:
            {'dry_run': True, 'duplicate_id': '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'}

        Attributes:
            duplicate_id (UUID): The contact to merge into this one; it becomes a tombstone.
            dry_run (bool | Unset): Answer what the merge would do, and do nothing.
     """

    duplicate_id: UUID
    dry_run: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        duplicate_id = str(self.duplicate_id)

        dry_run = self.dry_run


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "duplicate_id": duplicate_id,
        })
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duplicate_id = UUID(d.pop("duplicate_id"))




        dry_run = d.pop("dry_run", UNSET)

        merge_request = cls(
            duplicate_id=duplicate_id,
            dry_run=dry_run,
        )

        return merge_request

