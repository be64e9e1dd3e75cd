from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.factor import Factor





T = TypeVar("T", bound="ReferralReadiness")



@_attrs_define
class ReferralReadiness:
    """ Whether you have earned the right to ask a contact for a referral.

        Attributes:
            contact_id (UUID):
            ready (bool): A score of at least `ready_at` and no factor that blocks.
            ready_at (int):
            reasons (list[Factor]): Each factor for or against, in plain words.
            score (int): 0 to 100.
     """

    contact_id: UUID
    ready: bool
    ready_at: int
    reasons: list[Factor]
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.factor import Factor # noqa: PLC0415
        contact_id = str(self.contact_id)

        ready = self.ready

        ready_at = self.ready_at

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "ready": ready,
            "ready_at": ready_at,
            "reasons": reasons,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor import Factor # noqa: PLC0415
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))




        ready = d.pop("ready")

        ready_at = d.pop("ready_at")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = Factor.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        score = d.pop("score")

        referral_readiness = cls(
            contact_id=contact_id,
            ready=ready,
            ready_at=ready_at,
            reasons=reasons,
            score=score,
        )


        referral_readiness.additional_properties = d
        return referral_readiness

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
