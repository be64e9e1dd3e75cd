from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interaction_kind import InteractionKind
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.action_contact import ActionContact





T = TypeVar("T", bound="Action")



@_attrs_define
class Action:
    """ Something worth doing today for a relationship.

        Example:
            {'contact': {'company': 'Northwind', 'first_name': 'Priya', 'id': '0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12',
                'last_name': 'Shah', 'owner_id': '0193a5c1-0000-7000-8000-000000000001', 'relationship_kind': 'client', 'trust':
                4}, 'due_on': '2026-10-21', 'id': 'touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12', 'priority': 1.95, 'reason':
                'last spoke 94 days ago; you aim for every 30', 'suggested_touch': 'shared_content', 'type': 'touch_overdue'}

        Attributes:
            contact (ActionContact): The contact an action is about.
            due_on (datetime.date): When the touch fell due, or the day of the occasion.
            id (str): An agenda action's id: `touch:<contact id>`, `occasion:<contact id>:<date>`, `thank:<introduction
                id>`, `outcome:<introduction id>` or `follow_up:<referral request id>`.
            priority (float): Higher first: lateness relative to the cadence (or nearness of the occasion),
                weighted by trust and relationship kind.
            reason (str): Why, in words to show the user.
            suggested_touch (InteractionKind): The kind of touch.
            type_ (str): `first_touch` (never contacted), `touch_due`, `touch_overdue`, `revive` (a year or
                more without contact), `birthday`, `important_date`, `thank_referrer` (an
                introduction not yet thanked for), `share_outcome` (a won or lost introduction the
                referrer has not heard about) or `follow_up_ask` (an ask unanswered for two weeks).
                An open set: more types come with new features, so ignore the ones you do not know. Example: touch_overdue.
     """

    contact: ActionContact
    due_on: datetime.date
    id: str
    priority: float
    reason: str
    suggested_touch: InteractionKind
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_contact import ActionContact # noqa: PLC0415
        contact = self.contact.to_dict()

        due_on = self.due_on.isoformat()

        id = self.id

        priority = self.priority

        reason = self.reason

        suggested_touch = self.suggested_touch.value

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact": contact,
            "due_on": due_on,
            "id": id,
            "priority": priority,
            "reason": reason,
            "suggested_touch": suggested_touch,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_contact import ActionContact # noqa: PLC0415
        d = dict(src_dict)
        contact = ActionContact.from_dict(d.pop("contact"))




        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        id = d.pop("id")

        priority = d.pop("priority")

        reason = d.pop("reason")

        suggested_touch = InteractionKind(d.pop("suggested_touch"))




        type_ = d.pop("type")

        action = cls(
            contact=contact,
            due_on=due_on,
            id=id,
            priority=priority,
            reason=reason,
            suggested_touch=suggested_touch,
            type_=type_,
        )


        action.additional_properties = d
        return action

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
