from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.digest import Digest
from ...models.digest_schedule import DigestSchedule
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    id: UUID,
    *,
    body: DigestSchedule,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/members/{id}/digest".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Digest | Problem | None:
    if response.status_code == 200:
        response_200 = Digest.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Digest | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DigestSchedule,

) -> Response[Digest | Problem]:
    """ Set the hour and time zone of a member's daily digest (the member themself, viewers
    included, or owners and admins): once a day from that hour on, the top of their agenda goes to the
    endpoints subscribed to `nurture.daily_digest`, once however many instances run.

    Args:
        id (UUID):
        body (DigestSchedule): When a member wants their digest. Example: {'hour': 8, 'time_zone':
            'Europe/Lisbon'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Digest | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DigestSchedule,

) -> Digest | Problem | None:
    """ Set the hour and time zone of a member's daily digest (the member themself, viewers
    included, or owners and admins): once a day from that hour on, the top of their agenda goes to the
    endpoints subscribed to `nurture.daily_digest`, once however many instances run.

    Args:
        id (UUID):
        body (DigestSchedule): When a member wants their digest. Example: {'hour': 8, 'time_zone':
            'Europe/Lisbon'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Digest | Problem
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DigestSchedule,

) -> Response[Digest | Problem]:
    """ Set the hour and time zone of a member's daily digest (the member themself, viewers
    included, or owners and admins): once a day from that hour on, the top of their agenda goes to the
    endpoints subscribed to `nurture.daily_digest`, once however many instances run.

    Args:
        id (UUID):
        body (DigestSchedule): When a member wants their digest. Example: {'hour': 8, 'time_zone':
            'Europe/Lisbon'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Digest | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DigestSchedule,

) -> Digest | Problem | None:
    """ Set the hour and time zone of a member's daily digest (the member themself, viewers
    included, or owners and admins): once a day from that hour on, the top of their agenda goes to the
    endpoints subscribed to `nurture.daily_digest`, once however many instances run.

    Args:
        id (UUID):
        body (DigestSchedule): When a member wants their digest. Example: {'hour': 8, 'time_zone':
            'Europe/Lisbon'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Digest | Problem
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
