from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.evidence_source import EvidenceSource
from ...models.page_suggestion import PageSuggestion
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    source: EvidenceSource | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/network/suggestions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSuggestion | Problem | None:
    if response.status_code == 200:
        response_200 = PageSuggestion.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageSuggestion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    source: EvidenceSource | Unset = UNSET,

) -> Response[PageSuggestion | Problem]:
    """ Connections implied by what is already recorded — introductions received and given, a
    contact's `met_through`, contacts at the same company — that are not recorded yet.
    Strongest evidence first (introductions, newest first; then `met_through`; then
    colleagues by company). Each comes with its evidence in plain words and the body that
    records it with `POST /v1/connections`; once recorded (any kind), a pair is no longer
    suggested. The list holds at most the first 10,000 suggestions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        contact_id (UUID | Unset):
        source (EvidenceSource | Unset): What implies a connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSuggestion | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
contact_id=contact_id,
source=source,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    source: EvidenceSource | Unset = UNSET,

) -> PageSuggestion | Problem | None:
    """ Connections implied by what is already recorded — introductions received and given, a
    contact's `met_through`, contacts at the same company — that are not recorded yet.
    Strongest evidence first (introductions, newest first; then `met_through`; then
    colleagues by company). Each comes with its evidence in plain words and the body that
    records it with `POST /v1/connections`; once recorded (any kind), a pair is no longer
    suggested. The list holds at most the first 10,000 suggestions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        contact_id (UUID | Unset):
        source (EvidenceSource | Unset): What implies a connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSuggestion | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
contact_id=contact_id,
source=source,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    source: EvidenceSource | Unset = UNSET,

) -> Response[PageSuggestion | Problem]:
    """ Connections implied by what is already recorded — introductions received and given, a
    contact's `met_through`, contacts at the same company — that are not recorded yet.
    Strongest evidence first (introductions, newest first; then `met_through`; then
    colleagues by company). Each comes with its evidence in plain words and the body that
    records it with `POST /v1/connections`; once recorded (any kind), a pair is no longer
    suggested. The list holds at most the first 10,000 suggestions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        contact_id (UUID | Unset):
        source (EvidenceSource | Unset): What implies a connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSuggestion | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
contact_id=contact_id,
source=source,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    source: EvidenceSource | Unset = UNSET,

) -> PageSuggestion | Problem | None:
    """ Connections implied by what is already recorded — introductions received and given, a
    contact's `met_through`, contacts at the same company — that are not recorded yet.
    Strongest evidence first (introductions, newest first; then `met_through`; then
    colleagues by company). Each comes with its evidence in plain words and the body that
    records it with `POST /v1/connections`; once recorded (any kind), a pair is no longer
    suggested. The list holds at most the first 10,000 suggestions.

    Args:
        limit (int | Unset):
        cursor (str | Unset):
        contact_id (UUID | Unset):
        source (EvidenceSource | Unset): What implies a connection.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSuggestion | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
contact_id=contact_id,
source=source,

    )).parsed
