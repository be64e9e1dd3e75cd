from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.interaction import Interaction
from ...models.interaction_patch import InteractionPatch
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    system: str,
    id: str,
    *,
    body: InteractionPatch,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/interactions/by-external-id/{system}/{id}".format(system=quote(str(system), safe=""),id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Interaction | Problem | None:
    if response.status_code == 200:
        response_200 = Interaction.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = Interaction.from_dict(response.json())



        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Interaction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    system: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InteractionPatch,

) -> Response[Interaction | Problem]:
    """ Create or update the interaction another system knows by `{system}/{id}` (a CRM's
    logged call, a calendar's event), as a sync does: 201 with the new interaction, or 200
    with the one changed. The body is read as a PATCH: the fields sent are set, `null`
    clears, absent fields stay; creating needs `contact_ids`, `occurred_at`, `channel` and
    `kind`. The interaction keeps this external id whatever `external_ids` the body lists.
    Two callers upserting one new id at once make one interaction.

    Args:
        system (str):
        id (str):
        body (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears
            `summary` or `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered
            two introductions'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
     """


    kwargs = _get_kwargs(
        system=system,
id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    system: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InteractionPatch,

) -> Interaction | Problem | None:
    """ Create or update the interaction another system knows by `{system}/{id}` (a CRM's
    logged call, a calendar's event), as a sync does: 201 with the new interaction, or 200
    with the one changed. The body is read as a PATCH: the fields sent are set, `null`
    clears, absent fields stay; creating needs `contact_ids`, `occurred_at`, `channel` and
    `kind`. The interaction keeps this external id whatever `external_ids` the body lists.
    Two callers upserting one new id at once make one interaction.

    Args:
        system (str):
        id (str):
        body (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears
            `summary` or `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered
            two introductions'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
     """


    return sync_detailed(
        system=system,
id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    system: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InteractionPatch,

) -> Response[Interaction | Problem]:
    """ Create or update the interaction another system knows by `{system}/{id}` (a CRM's
    logged call, a calendar's event), as a sync does: 201 with the new interaction, or 200
    with the one changed. The body is read as a PATCH: the fields sent are set, `null`
    clears, absent fields stay; creating needs `contact_ids`, `occurred_at`, `channel` and
    `kind`. The interaction keeps this external id whatever `external_ids` the body lists.
    Two callers upserting one new id at once make one interaction.

    Args:
        system (str):
        id (str):
        body (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears
            `summary` or `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered
            two introductions'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
     """


    kwargs = _get_kwargs(
        system=system,
id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    system: str,
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InteractionPatch,

) -> Interaction | Problem | None:
    """ Create or update the interaction another system knows by `{system}/{id}` (a CRM's
    logged call, a calendar's event), as a sync does: 201 with the new interaction, or 200
    with the one changed. The body is read as a PATCH: the fields sent are set, `null`
    clears, absent fields stay; creating needs `contact_ids`, `occurred_at`, `channel` and
    `kind`. The interaction keeps this external id whatever `external_ids` the body lists.
    Two callers upserting one new id at once make one interaction.

    Args:
        system (str):
        id (str):
        body (InteractionPatch): Changes to an interaction: absent fields stay, `null` clears
            `summary` or `notes`. Example: {'planned': False, 'summary': 'Lunch happened; she offered
            two introductions'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
     """


    return (await asyncio_detailed(
        system=system,
id=id,
client=client,
body=body,

    )).parsed
