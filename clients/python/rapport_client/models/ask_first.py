from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.referral_readiness import ReferralReadiness





T = TypeVar("T", bound="AskFirst")



@_attrs_define
class AskFirst:
    """ The first contact on the path: the one to ask for the introduction.

        Attributes:
            contact_id (UUID):
            last_interaction_at (datetime.datetime | None):
            name (str):
            readiness (ReferralReadiness): Whether you have earned the right to ask a contact for a referral.
     """

    contact_id: UUID
    last_interaction_at: datetime.datetime | None
    name: str
    readiness: ReferralReadiness
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.referral_readiness import ReferralReadiness # noqa: PLC0415
        contact_id = str(self.contact_id)

        last_interaction_at: None | str
        if isinstance(self.last_interaction_at, datetime.datetime):
            last_interaction_at = self.last_interaction_at.isoformat()
        else:
            last_interaction_at = self.last_interaction_at

        name = self.name

        readiness = self.readiness.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_id": contact_id,
            "last_interaction_at": last_interaction_at,
            "name": name,
            "readiness": readiness,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_readiness import ReferralReadiness # noqa: PLC0415
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))




        def _parse_last_interaction_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_interaction_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_interaction_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_interaction_at = _parse_last_interaction_at(d.pop("last_interaction_at"))


        name = d.pop("name")

        readiness = ReferralReadiness.from_dict(d.pop("readiness"))




        ask_first = cls(
            contact_id=contact_id,
            last_interaction_at=last_interaction_at,
            name=name,
            readiness=readiness,
        )


        ask_first.additional_properties = d
        return ask_first

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
