from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.funnel import Funnel
from ...models.funnel_grouping import FunnelGrouping
from ...models.problem import Problem
from ...models.relationship_kind import RelationshipKind
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    referrer_id: UUID | Unset = UNSET,
    relationship_kind: RelationshipKind | Unset = UNSET,
    group_by: FunnelGrouping | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_member_id: str | Unset = UNSET
    if not isinstance(member_id, Unset):
        json_member_id = str(member_id)
    params["member_id"] = json_member_id

    json_referrer_id: str | Unset = UNSET
    if not isinstance(referrer_id, Unset):
        json_referrer_id = str(referrer_id)
    params["referrer_id"] = json_referrer_id

    json_relationship_kind: str | Unset = UNSET
    if not isinstance(relationship_kind, Unset):
        json_relationship_kind = relationship_kind.value

    params["relationship_kind"] = json_relationship_kind

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/insights/funnel",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Funnel | Problem | None:
    if response.status_code == 200:
        response_200 = Funnel.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Funnel | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    referrer_id: UUID | Unset = UNSET,
    relationship_kind: RelationshipKind | Unset = UNSET,
    group_by: FunnelGrouping | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Response[Funnel | Problem]:
    """ The referral funnel: of the asks made between `from` and `to`, how many reached each
    stage, the conversion between stages, the median days from ask to introduction and
    from introduction to meeting, and the won value per currency; with `group_by`, the
    same per referrer or per relationship kind.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        member_id (UUID | Unset):
        referrer_id (UUID | Unset):
        relationship_kind (RelationshipKind | Unset): Who the contact is to us; drives the default
            nurturing cadence.
        group_by (FunnelGrouping | Unset): How to break the funnel down.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Funnel | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
member_id=member_id,
referrer_id=referrer_id,
relationship_kind=relationship_kind,
group_by=group_by,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    referrer_id: UUID | Unset = UNSET,
    relationship_kind: RelationshipKind | Unset = UNSET,
    group_by: FunnelGrouping | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Funnel | Problem | None:
    """ The referral funnel: of the asks made between `from` and `to`, how many reached each
    stage, the conversion between stages, the median days from ask to introduction and
    from introduction to meeting, and the won value per currency; with `group_by`, the
    same per referrer or per relationship kind.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        member_id (UUID | Unset):
        referrer_id (UUID | Unset):
        relationship_kind (RelationshipKind | Unset): Who the contact is to us; drives the default
            nurturing cadence.
        group_by (FunnelGrouping | Unset): How to break the funnel down.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Funnel | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
member_id=member_id,
referrer_id=referrer_id,
relationship_kind=relationship_kind,
group_by=group_by,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    referrer_id: UUID | Unset = UNSET,
    relationship_kind: RelationshipKind | Unset = UNSET,
    group_by: FunnelGrouping | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Response[Funnel | Problem]:
    """ The referral funnel: of the asks made between `from` and `to`, how many reached each
    stage, the conversion between stages, the median days from ask to introduction and
    from introduction to meeting, and the won value per currency; with `group_by`, the
    same per referrer or per relationship kind.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        member_id (UUID | Unset):
        referrer_id (UUID | Unset):
        relationship_kind (RelationshipKind | Unset): Who the contact is to us; drives the default
            nurturing cadence.
        group_by (FunnelGrouping | Unset): How to break the funnel down.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Funnel | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
member_id=member_id,
referrer_id=referrer_id,
relationship_kind=relationship_kind,
group_by=group_by,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    referrer_id: UUID | Unset = UNSET,
    relationship_kind: RelationshipKind | Unset = UNSET,
    group_by: FunnelGrouping | Unset = UNSET,
    limit: int | Unset = UNSET,

) -> Funnel | Problem | None:
    """ The referral funnel: of the asks made between `from` and `to`, how many reached each
    stage, the conversion between stages, the median days from ask to introduction and
    from introduction to meeting, and the won value per currency; with `group_by`, the
    same per referrer or per relationship kind.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        member_id (UUID | Unset):
        referrer_id (UUID | Unset):
        relationship_kind (RelationshipKind | Unset): Who the contact is to us; drives the default
            nurturing cadence.
        group_by (FunnelGrouping | Unset): How to break the funnel down.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Funnel | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
member_id=member_id,
referrer_id=referrer_id,
relationship_kind=relationship_kind,
group_by=group_by,
limit=limit,

    )).parsed
