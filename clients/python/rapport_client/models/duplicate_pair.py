from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.duplicate_evidence import DuplicateEvidence





T = TypeVar("T", bound="DuplicatePair")



@_attrs_define
class DuplicatePair:
    """ Two contacts that are likely one person.

        Example:
            {'contact_ids': ['0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57', '0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58'], 'evidence':
                [{'kind': 'email', 'value': 'priya@northwind.example'}]}

        Attributes:
            contact_ids (list[UUID]): The older contact first: merging the newer into it keeps the longer history's id.
            evidence (list[DuplicateEvidence]):
     """

    contact_ids: list[UUID]
    evidence: list[DuplicateEvidence]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.duplicate_evidence import DuplicateEvidence # noqa: PLC0415
        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)



        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_ids": contact_ids,
            "evidence": evidence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duplicate_evidence import DuplicateEvidence # noqa: PLC0415
        d = dict(src_dict)
        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in (_contact_ids):
            contact_ids_item = UUID(contact_ids_item_data)



            contact_ids.append(contact_ids_item)


        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in (_evidence):
            evidence_item = DuplicateEvidence.from_dict(evidence_item_data)



            evidence.append(evidence_item)


        duplicate_pair = cls(
            contact_ids=contact_ids,
            evidence=evidence,
        )


        duplicate_pair.additional_properties = d
        return duplicate_pair

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
