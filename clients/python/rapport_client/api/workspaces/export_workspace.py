from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/workspace",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem]:
    """ Export the whole workspace (owners and admins) as NDJSON, for a backup or for leaving:
    one line per resource, `{"type": …, "data": …}`, each as the API shows it, in this
    order: `workspace`, `settings`, `member`, `api_key` (never a secret), `webhook` (never
    a signing secret), `contact`, `connection`, `interaction`, `referral_request`,
    `introduction`. Deleted resources are left out. The file streams as it is read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | None:
    """ Export the whole workspace (owners and admins) as NDJSON, for a backup or for leaving:
    one line per resource, `{"type": …, "data": …}`, each as the API shows it, in this
    order: `workspace`, `settings`, `member`, `api_key` (never a secret), `webhook` (never
    a signing secret), `contact`, `connection`, `interaction`, `referral_request`,
    `introduction`. Deleted resources are left out. The file streams as it is read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem]:
    """ Export the whole workspace (owners and admins) as NDJSON, for a backup or for leaving:
    one line per resource, `{"type": …, "data": …}`, each as the API shows it, in this
    order: `workspace`, `settings`, `member`, `api_key` (never a secret), `webhook` (never
    a signing secret), `contact`, `connection`, `interaction`, `referral_request`,
    `introduction`. Deleted resources are left out. The file streams as it is read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | None:
    """ Export the whole workspace (owners and admins) as NDJSON, for a backup or for leaving:
    one line per resource, `{"type": …, "data": …}`, each as the API shows it, in this
    order: `workspace`, `settings`, `member`, `api_key` (never a secret), `webhook` (never
    a signing secret), `contact`, `connection`, `interaction`, `referral_request`,
    `introduction`. Deleted resources are left out. The file streams as it is read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
