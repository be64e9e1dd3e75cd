from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.workspace_settings_cadence_days import WorkspaceSettingsCadenceDays
  from ..models.workspace_settings_weekly_ask_goals import WorkspaceSettingsWeeklyAskGoals





T = TypeVar("T", bound="WorkspaceSettings")



@_attrs_define
class WorkspaceSettings:
    """ The workspace's nurturing settings, every kind filled in.

        Example:
            {'cadence_days': {'client': 30, 'colleague': 60, 'family': 90, 'former_client': 90, 'friend': 90, 'neighbor':
                90, 'other': 120, 'prospect': 45, 'referral_partner': 30}, 'updated_at': None, 'weekly_ask_goals':
                {'0193a5c1-0000-7000-8000-000000000001': 3}}

        Attributes:
            cadence_days (WorkspaceSettingsCadenceDays): Days between touches for each relationship kind (a contact's own
                `cadence_days`
                overrides it).
            updated_at (datetime.datetime | None): When the settings were last changed; null while they are the product's
                defaults.
            weekly_ask_goals (WorkspaceSettingsWeeklyAskGoals): Referral asks each member aims to make per week, by member
                id; progress shows in
                `GET /v1/insights/funnel`.
     """

    cadence_days: WorkspaceSettingsCadenceDays
    updated_at: datetime.datetime | None
    weekly_ask_goals: WorkspaceSettingsWeeklyAskGoals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace_settings_cadence_days import WorkspaceSettingsCadenceDays # noqa: PLC0415
        from ..models.workspace_settings_weekly_ask_goals import WorkspaceSettingsWeeklyAskGoals # noqa: PLC0415
        cadence_days = self.cadence_days.to_dict()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        weekly_ask_goals = self.weekly_ask_goals.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cadence_days": cadence_days,
            "updated_at": updated_at,
            "weekly_ask_goals": weekly_ask_goals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_settings_cadence_days import WorkspaceSettingsCadenceDays # noqa: PLC0415
        from ..models.workspace_settings_weekly_ask_goals import WorkspaceSettingsWeeklyAskGoals # noqa: PLC0415
        d = dict(src_dict)
        cadence_days = WorkspaceSettingsCadenceDays.from_dict(d.pop("cadence_days"))




        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        weekly_ask_goals = WorkspaceSettingsWeeklyAskGoals.from_dict(d.pop("weekly_ask_goals"))




        workspace_settings = cls(
            cadence_days=cadence_days,
            updated_at=updated_at,
            weekly_ask_goals=weekly_ask_goals,
        )


        workspace_settings.additional_properties = d
        return workspace_settings

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
