"""A CRM sync through the generated Python client, against a running server.

Creates an API key; upserts 500 contacts by external id in batches of 100, twice (the
second run changes nothing, and the feed shows nothing new); follows the change feed
through an edit, a deletion, a logged interaction and a merge; and reads a typed problem
on a conflict. Checked with `mypy --strict`; run by .ci/run against the release binary.

    python clients/scenario/sync.py http://127.0.0.1:8080
"""

import datetime
import sys
import uuid

from rapport_client import AuthenticatedClient, Client
from rapport_client.api.auth import register
from rapport_client.api.contacts import contact_batch, create_contact, delete_contact, merge_contact, update_contact
from rapport_client.api.interactions import log_interaction
from rapport_client.api.sync import list_changes
from rapport_client.api.workspaces import create_api_key
from rapport_client.models import (
    Change,
    ChangeOp,
    Channel,
    ContactBatch,
    ContactPatch,
    CreatedApiKey,
    ExternalId,
    InteractionKind,
    MergeRequest,
    NewApiKey,
    NewContact,
    NewInteraction,
    Problem,
    Register,
    ResourceType,
    Scope,
    Session,
    UpsertContact,
    UpsertOp,
)

CONTACTS = 500


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"scenario failed: {what}")


def upsert_all(client: AuthenticatedClient) -> list[tuple[int, uuid.UUID]]:
    """Every contact's status and id, in order."""
    outcomes: list[tuple[int, uuid.UUID]] = []
    for start in range(0, CONTACTS, 100):
        operations: list[UpsertContact] = [
            UpsertContact(
                op=UpsertOp.UPSERT,
                external_id=ExternalId(system="hubspot", id=str(n)),
                contact=ContactPatch(first_name=f"First{n}", emails=[f"person{n}@example.com"]),
            )
            for n in range(start, start + 100)
        ]
        answer = contact_batch.sync(client=client, body=ContactBatch(operations=list(operations)))
        check(not isinstance(answer, Problem) and answer is not None, f"batch {start}: {answer}")
        assert answer is not None and not isinstance(answer, Problem)
        for result in answer.results:
            check(isinstance(result.id, uuid.UUID), f"result {result.index} has no id")
            assert isinstance(result.id, uuid.UUID)
            outcomes.append((result.status, result.id))
    return outcomes


def follow(client: AuthenticatedClient, since: str) -> tuple[list[Change], str]:
    """The feed from `since` to its end, and the token to go on from."""
    changes: list[Change] = []
    while True:
        page = list_changes.sync(client=client, since=since, limit=100)
        check(page is not None and not isinstance(page, Problem), f"feed: {page}")
        assert page is not None and not isinstance(page, Problem)
        changes.extend(page.data)
        since = page.next_token
        if not page.has_more:
            return changes, since


def main(base_url: str) -> None:
    anonymous = Client(base_url=base_url)
    email = f"sync-{uuid.uuid4().hex[:12]}@example.com"
    session = register.sync(
        client=anonymous,
        body=Register(email=email, password="correct horse battery staple", name="Sync", workspace_name="CRM"),
    )
    check(isinstance(session, Session), f"register: {session}")
    assert isinstance(session, Session)
    person = AuthenticatedClient(base_url=base_url, token=session.access_token)
    key = create_api_key.sync(client=person, body=NewApiKey(name="CRM sync", scopes=[Scope.READ, Scope.WRITE]))
    check(isinstance(key, CreatedApiKey) and key.secret.startswith("rk_"), f"api key: {key}")
    assert isinstance(key, CreatedApiKey)
    client = AuthenticatedClient(base_url=base_url, token=key.secret)

    first = upsert_all(client)
    check([status for status, _ in first] == [201] * CONTACTS, "the first run creates every contact")
    start = list_changes.sync(client=client)
    assert start is not None and not isinstance(start, Problem)
    second = upsert_all(client)
    check([status for status, _ in second] == [200] * CONTACTS, "the second run finds every contact")
    check([id for _, id in second] == [id for _, id in first], "the second run finds the same contacts")
    unchanged, since = follow(client, start.next_token)
    check(unchanged == [], f"an unchanged run leaves nothing in the feed: {len(unchanged)} changes")

    (_, ana), (_, ben), (_, gone), (_, dup) = first[0], first[1], first[2], first[3]
    edited = update_contact.sync_detailed(ana, client=client, body=ContactPatch(title="CFO"))
    check(edited.status_code == 200, f"edit: {edited.status_code}")
    deleted = delete_contact.sync_detailed(gone, client=client)
    check(deleted.status_code == 204, f"delete: {deleted.status_code}")
    logged = log_interaction.sync(
        client=client,
        body=NewInteraction(
            contact_ids=[ben],
            occurred_at=datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.timezone.utc),
            channel=Channel.PHONE,
            kind=InteractionKind.CATCH_UP,
        ),
    )
    check(logged is not None and not isinstance(logged, Problem), f"interaction: {logged}")
    merged = merge_contact.sync(ben, client=client, body=MergeRequest(duplicate_id=dup))
    check(merged is not None and not isinstance(merged, Problem), f"merge: {merged}")

    changes, _ = follow(client, since)
    seen = [(change.type_, change.id, change.op) for change in changes]
    expected = [
        (ResourceType.CONTACT, ana, ChangeOp.UPDATED),
        (ResourceType.CONTACT, gone, ChangeOp.DELETED),
        (ResourceType.CONTACT, ben, ChangeOp.UPDATED),
    ]
    check(seen[:3] == expected, f"edit, deletion and the logged interaction's contact: {seen[:3]}")
    check(seen[3][0] == ResourceType.INTERACTION and seen[3][2] == ChangeOp.CREATED, f"the interaction: {seen[3]}")
    merges = {(change.id, change.merged_into) for change in changes if change.op == ChangeOp.MERGED}
    check(merges == {(ben, None), (dup, ben)}, f"the merge: {merges}")

    # Another contact claiming a CRM id that one already has: a typed problem naming it.
    clash = create_contact.sync_detailed(
        client=client,
        body=NewContact(first_name="Clash", external_ids=[ExternalId(system="hubspot", id="0")]),
    )
    check(clash.status_code == 409, f"clash: {clash.status_code}")
    problem = clash.parsed
    check(isinstance(problem, Problem) and problem.code == "external_id_taken", f"clash: {problem}")
    assert isinstance(problem, Problem)
    check(str(ana) in problem.detail, f"the problem names the holder: {problem.detail}")
    print(f"python sync scenario: {CONTACTS} contacts upserted twice, {len(changes)} changes followed")


if __name__ == "__main__":
    main(sys.argv[1])
