from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.workspace_settings_update_cadence_days import WorkspaceSettingsUpdateCadenceDays
  from ..models.workspace_settings_update_weekly_ask_goals import WorkspaceSettingsUpdateWeeklyAskGoals





T = TypeVar("T", bound="WorkspaceSettingsUpdate")



@_attrs_define
class WorkspaceSettingsUpdate:
    """ New settings, replacing the old. Kinds left out take the product's default; members
    left out have no weekly goal.

        Example:
            {'cadence_days': {'client': 21, 'referral_partner': 14}, 'weekly_ask_goals':
                {'0193a5c1-0000-7000-8000-000000000001': 3}}

        Attributes:
            cadence_days (WorkspaceSettingsUpdateCadenceDays):
            weekly_ask_goals (WorkspaceSettingsUpdateWeeklyAskGoals | Unset):
     """

    cadence_days: WorkspaceSettingsUpdateCadenceDays
    weekly_ask_goals: WorkspaceSettingsUpdateWeeklyAskGoals | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.workspace_settings_update_cadence_days import WorkspaceSettingsUpdateCadenceDays # noqa: PLC0415
        from ..models.workspace_settings_update_weekly_ask_goals import WorkspaceSettingsUpdateWeeklyAskGoals # noqa: PLC0415
        cadence_days = self.cadence_days.to_dict()

        weekly_ask_goals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.weekly_ask_goals, Unset):
            weekly_ask_goals = self.weekly_ask_goals.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cadence_days": cadence_days,
        })
        if weekly_ask_goals is not UNSET:
            field_dict["weekly_ask_goals"] = weekly_ask_goals

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_settings_update_cadence_days import WorkspaceSettingsUpdateCadenceDays # noqa: PLC0415
        from ..models.workspace_settings_update_weekly_ask_goals import WorkspaceSettingsUpdateWeeklyAskGoals # noqa: PLC0415
        d = dict(src_dict)
        cadence_days = WorkspaceSettingsUpdateCadenceDays.from_dict(d.pop("cadence_days"))




        _weekly_ask_goals = d.pop("weekly_ask_goals", UNSET)
        weekly_ask_goals: WorkspaceSettingsUpdateWeeklyAskGoals | Unset
        if isinstance(_weekly_ask_goals,  Unset):
            weekly_ask_goals = UNSET
        else:
            weekly_ask_goals = WorkspaceSettingsUpdateWeeklyAskGoals.from_dict(_weekly_ask_goals)




        workspace_settings_update = cls(
            cadence_days=cadence_days,
            weekly_ask_goals=weekly_ask_goals,
        )

        return workspace_settings_update

