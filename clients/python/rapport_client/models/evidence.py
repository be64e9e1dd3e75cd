from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.evidence_source import EvidenceSource
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Evidence")



@_attrs_define
class Evidence:
    """ Why two people seem to know each other.

        Attributes:
            introduced_at (datetime.datetime | None):
            introduction_id (None | UUID): The introduction, for `introduction_received` and `introduction_given`.
            reason (str): In plain words, e.g. "Ana Ruiz introduced you to Ben Ortiz on 2026-03-04".
            source (EvidenceSource): What implies a connection.
     """

    introduced_at: datetime.datetime | None
    introduction_id: None | UUID
    reason: str
    source: EvidenceSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        introduced_at: None | str
        if isinstance(self.introduced_at, datetime.datetime):
            introduced_at = self.introduced_at.isoformat()
        else:
            introduced_at = self.introduced_at

        introduction_id: None | str
        if isinstance(self.introduction_id, UUID):
            introduction_id = str(self.introduction_id)
        else:
            introduction_id = self.introduction_id

        reason = self.reason

        source = self.source.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "introduced_at": introduced_at,
            "introduction_id": introduction_id,
            "reason": reason,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_introduced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introduced_at_type_0 = datetime.datetime.fromisoformat(data)



                return introduced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        introduced_at = _parse_introduced_at(d.pop("introduced_at"))


        def _parse_introduction_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                introduction_id_type_0 = UUID(data)



                return introduction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        introduction_id = _parse_introduction_id(d.pop("introduction_id"))


        reason = d.pop("reason")

        source = EvidenceSource(d.pop("source"))




        evidence = cls(
            introduced_at=introduced_at,
            introduction_id=introduction_id,
            reason=reason,
            source=source,
        )


        evidence.additional_properties = d
        return evidence

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
