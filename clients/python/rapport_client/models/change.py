from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_op import ChangeOp
from ..models.resource_type import ResourceType
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.change_data_type_0 import ChangeDataType0





T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ One change of one resource.

        Example:
            {'changed_at': '2026-12-05T09:30:00Z', 'data': {'first_name': 'Dana', 'id':
                '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'version': 4}, 'id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'op':
                'updated', 'seq': 1042, 'type': 'contact', 'version': 4}

        Attributes:
            changed_at (datetime.datetime):
            data (ChangeDataType0 | None): The resource as its GET showed it right after the change; null for a deletion,
                and
                for a contact merged into another.
            id (UUID):
            merged_into (None | UUID): For a contact merged into another (`op` `merged`, `data` null): that contact. The
                contact that stays has a `merged` change of its own, with its data.
            op (ChangeOp): What a change did to its resource. A writer notes what it did; whether the resource
                still exists is read when the change is published.
            seq (int): Its position in the workspace's feed: changes come in this order, which is the order
                they were committed in.
            type_ (ResourceType): The kinds of resource the feed follows.
            version (int | None): The resource's version after the change (its `ETag`); null for snoozes, members and
                settings, which have none.
     """

    changed_at: datetime.datetime
    data: ChangeDataType0 | None
    id: UUID
    merged_into: None | UUID
    op: ChangeOp
    seq: int
    type_: ResourceType
    version: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_data_type_0 import ChangeDataType0 # noqa: PLC0415
        changed_at = self.changed_at.isoformat()

        data: dict[str, Any] | None
        if isinstance(self.data, ChangeDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        id = str(self.id)

        merged_into: None | str
        if isinstance(self.merged_into, UUID):
            merged_into = str(self.merged_into)
        else:
            merged_into = self.merged_into

        op = self.op.value

        seq = self.seq

        type_ = self.type_.value

        version: int | None
        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "changed_at": changed_at,
            "data": data,
            "id": id,
            "merged_into": merged_into,
            "op": op,
            "seq": seq,
            "type": type_,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_data_type_0 import ChangeDataType0 # noqa: PLC0415
        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))




        def _parse_data(data: object) -> ChangeDataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = ChangeDataType0.from_dict(data)



                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeDataType0 | None, data)

        data = _parse_data(d.pop("data"))


        id = UUID(d.pop("id"))




        def _parse_merged_into(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_type_0 = UUID(data)



                return merged_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))


        op = ChangeOp(d.pop("op"))




        seq = d.pop("seq")

        type_ = ResourceType(d.pop("type"))




        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))


        change = cls(
            changed_at=changed_at,
            data=data,
            id=id,
            merged_into=merged_into,
            op=op,
            seq=seq,
            type_=type_,
            version=version,
        )


        change.additional_properties = d
        return change

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
