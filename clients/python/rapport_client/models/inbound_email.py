from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.email_outcome import EmailOutcome
from typing import cast

if TYPE_CHECKING:
  from ..models.interaction import Interaction





T = TypeVar("T", bound="InboundEmail")



@_attrs_define
class InboundEmail:
    """ What an inbound email did.

        Attributes:
            interaction (Interaction | None):
            outcome (EmailOutcome): What became of an inbound email.
            unmatched_addresses (list[str]): Its addresses that are no contact's (yours left out).
     """

    interaction: Interaction | None
    outcome: EmailOutcome
    unmatched_addresses: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interaction import Interaction # noqa: PLC0415
        interaction: dict[str, Any] | None
        if isinstance(self.interaction, Interaction):
            interaction = self.interaction.to_dict()
        else:
            interaction = self.interaction

        outcome = self.outcome.value

        unmatched_addresses = self.unmatched_addresses




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "interaction": interaction,
            "outcome": outcome,
            "unmatched_addresses": unmatched_addresses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interaction import Interaction # noqa: PLC0415
        d = dict(src_dict)
        def _parse_interaction(data: object) -> Interaction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interaction_type_1 = Interaction.from_dict(data)



                return interaction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Interaction | None, data)

        interaction = _parse_interaction(d.pop("interaction"))


        outcome = EmailOutcome(d.pop("outcome"))




        unmatched_addresses = cast(list[str], d.pop("unmatched_addresses"))


        inbound_email = cls(
            interaction=interaction,
            outcome=outcome,
            unmatched_addresses=unmatched_addresses,
        )


        inbound_email.additional_properties = d
        return inbound_email

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
