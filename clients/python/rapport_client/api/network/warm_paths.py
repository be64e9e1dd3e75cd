from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.warm_paths import WarmPaths
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    to_contact_id: UUID | Unset = UNSET,
    to_company: str | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_to_contact_id: str | Unset = UNSET
    if not isinstance(to_contact_id, Unset):
        json_to_contact_id = str(to_contact_id)
    params["to_contact_id"] = json_to_contact_id

    params["to_company"] = to_company

    params["max_hops"] = max_hops

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/network/paths",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WarmPaths | None:
    if response.status_code == 200:
        response_200 = WarmPaths.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WarmPaths]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    to_contact_id: UUID | Unset = UNSET,
    to_company: str | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Response[Problem | WarmPaths]:
    """ Warm paths from the team to a contact (`to_contact_id`) or to anyone at a company
    (`to_company`): chains of people who know each other, at most `max_hops` links long,
    strongest first, each naming whom to ask first with their referral readiness. Links are
    the recorded connections, and each member's own contacts they have been in touch with.
    Nobody within reach: an empty list.

    Args:
        to_contact_id (UUID | Unset):
        to_company (str | Unset): Trimmed text, 1 to 200 characters, on one line.
        max_hops (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WarmPaths]
     """


    kwargs = _get_kwargs(
        to_contact_id=to_contact_id,
to_company=to_company,
max_hops=max_hops,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    to_contact_id: UUID | Unset = UNSET,
    to_company: str | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Problem | WarmPaths | None:
    """ Warm paths from the team to a contact (`to_contact_id`) or to anyone at a company
    (`to_company`): chains of people who know each other, at most `max_hops` links long,
    strongest first, each naming whom to ask first with their referral readiness. Links are
    the recorded connections, and each member's own contacts they have been in touch with.
    Nobody within reach: an empty list.

    Args:
        to_contact_id (UUID | Unset):
        to_company (str | Unset): Trimmed text, 1 to 200 characters, on one line.
        max_hops (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WarmPaths
     """


    return sync_detailed(
        client=client,
to_contact_id=to_contact_id,
to_company=to_company,
max_hops=max_hops,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    to_contact_id: UUID | Unset = UNSET,
    to_company: str | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Response[Problem | WarmPaths]:
    """ Warm paths from the team to a contact (`to_contact_id`) or to anyone at a company
    (`to_company`): chains of people who know each other, at most `max_hops` links long,
    strongest first, each naming whom to ask first with their referral readiness. Links are
    the recorded connections, and each member's own contacts they have been in touch with.
    Nobody within reach: an empty list.

    Args:
        to_contact_id (UUID | Unset):
        to_company (str | Unset): Trimmed text, 1 to 200 characters, on one line.
        max_hops (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WarmPaths]
     """


    kwargs = _get_kwargs(
        to_contact_id=to_contact_id,
to_company=to_company,
max_hops=max_hops,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    to_contact_id: UUID | Unset = UNSET,
    to_company: str | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Problem | WarmPaths | None:
    """ Warm paths from the team to a contact (`to_contact_id`) or to anyone at a company
    (`to_company`): chains of people who know each other, at most `max_hops` links long,
    strongest first, each naming whom to ask first with their referral readiness. Links are
    the recorded connections, and each member's own contacts they have been in touch with.
    Nobody within reach: an empty list.

    Args:
        to_contact_id (UUID | Unset):
        to_company (str | Unset): Trimmed text, 1 to 200 characters, on one line.
        max_hops (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WarmPaths
     """


    return (await asyncio_detailed(
        client=client,
to_contact_id=to_contact_id,
to_company=to_company,
max_hops=max_hops,
limit=limit,

    )).parsed
