from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.workspace_settings import WorkspaceSettings
from ...models.workspace_settings_update import WorkspaceSettingsUpdate
from typing import cast



def _get_kwargs(
    *,
    body: WorkspaceSettingsUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/workspace/settings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkspaceSettings | None:
    if response.status_code == 200:
        response_200 = WorkspaceSettings.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WorkspaceSettings]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceSettingsUpdate,

) -> Response[Problem | WorkspaceSettings]:
    """ Replace the nurturing settings (owners and admins). Every contact's schedule follows.

    Args:
        body (WorkspaceSettingsUpdate): New settings, replacing the old. Kinds left out take the
            product's default; members
            left out have no weekly goal. Example: {'cadence_days': {'client': 21, 'referral_partner':
            14}, 'weekly_ask_goals': {'0193a5c1-0000-7000-8000-000000000001': 3}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkspaceSettings]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceSettingsUpdate,

) -> Problem | WorkspaceSettings | None:
    """ Replace the nurturing settings (owners and admins). Every contact's schedule follows.

    Args:
        body (WorkspaceSettingsUpdate): New settings, replacing the old. Kinds left out take the
            product's default; members
            left out have no weekly goal. Example: {'cadence_days': {'client': 21, 'referral_partner':
            14}, 'weekly_ask_goals': {'0193a5c1-0000-7000-8000-000000000001': 3}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkspaceSettings
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceSettingsUpdate,

) -> Response[Problem | WorkspaceSettings]:
    """ Replace the nurturing settings (owners and admins). Every contact's schedule follows.

    Args:
        body (WorkspaceSettingsUpdate): New settings, replacing the old. Kinds left out take the
            product's default; members
            left out have no weekly goal. Example: {'cadence_days': {'client': 21, 'referral_partner':
            14}, 'weekly_ask_goals': {'0193a5c1-0000-7000-8000-000000000001': 3}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkspaceSettings]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceSettingsUpdate,

) -> Problem | WorkspaceSettings | None:
    """ Replace the nurturing settings (owners and admins). Every contact's schedule follows.

    Args:
        body (WorkspaceSettingsUpdate): New settings, replacing the old. Kinds left out take the
            product's default; members
            left out have no weekly goal. Example: {'cadence_days': {'client': 21, 'referral_partner':
            14}, 'weekly_ask_goals': {'0193a5c1-0000-7000-8000-000000000001': 3}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkspaceSettings
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
