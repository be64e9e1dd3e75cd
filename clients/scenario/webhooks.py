"""A webhook received and verified with the `standardwebhooks` package, code this project
did not write, against a running server that may call loopback addresses
(`RAPPORT_WEBHOOK_ALLOW_PRIVATE=true`).

Subscribes through the generated Python client, creates a contact, and checks the captured
delivery: its signature verifies with the secret the API gave, a tampered body does not,
and after a rotation both secrets verify. Checked with `mypy --strict`; run by .ci/run
against the release binary.

    python clients/scenario/webhooks.py http://127.0.0.1:8080
"""

import http.server
import queue
import sys
import threading
import uuid
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from rapport_client import AuthenticatedClient, Client
from rapport_client.api.auth import register
from rapport_client.api.contacts import create_contact
from rapport_client.api.webhooks import create_webhook, rotate_webhook_secret
from rapport_client.models import (
    Contact,
    CreatedWebhook,
    EventTypesItem,
    NewContact,
    NewWebhook,
    Register,
    RotatedSecret,
    Session,
)

Captured = tuple[dict[str, str], bytes]


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"webhook scenario failed: {what}")


def receiver(inbox: "queue.Queue[Captured]") -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            inbox.put(({name.lower(): value for name, value in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def verifies(secret: str, captured: Captured) -> bool:
    headers, body = captured
    try:
        Webhook(secret).verify(body, headers)
        return True
    except WebhookVerificationError:
        return False


def main(base_url: str) -> None:
    inbox: "queue.Queue[Captured]" = queue.Queue()
    server = receiver(inbox)
    session = register.sync(
        client=Client(base_url=base_url),
        body=Register(
            email=f"hooks-{uuid.uuid4().hex[:12]}@example.com",
            password="correct horse battery staple",
            name="Hooks",
            workspace_name="Hooks",
        ),
    )
    assert isinstance(session, Session), f"register: {session}"
    client = AuthenticatedClient(base_url=base_url, token=session.access_token)
    url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    created = create_webhook.sync(
        client=client, body=NewWebhook(url=url, event_types=[EventTypesItem.CONTACT_CREATED])
    )
    assert isinstance(created, CreatedWebhook), f"create webhook: {created}"

    contact = create_contact.sync(client=client, body=NewContact(first_name="Verified"))
    assert isinstance(contact, Contact), f"create contact: {contact}"
    captured = inbox.get(timeout=15)
    check(verifies(created.secret, captured), "the signature verifies with the secret given")
    payload = Webhook(created.secret).verify(captured[1], captured[0])
    check(payload["type"] == "contact.created", f"event type: {payload}")
    check(payload["data"]["id"] == str(contact.id), f"event data: {payload}")
    tampered = (captured[0], captured[1].replace(b"Verified", b"Forged"))
    check(not verifies(created.secret, tampered), "a tampered body does not verify")
    check(not verifies("whsec_" + "A" * 44, captured), "another secret does not verify")

    rotated = rotate_webhook_secret.sync(client=client, id=created.id)
    assert isinstance(rotated, RotatedSecret), f"rotate: {rotated}"
    contact = create_contact.sync(client=client, body=NewContact(first_name="Rotated"))
    assert isinstance(contact, Contact)
    captured = inbox.get(timeout=15)
    check(verifies(rotated.secret, captured), "the new secret verifies")
    check(verifies(created.secret, captured), "the old secret verifies during the overlap")
    server.shutdown()
    print("webhook scenario: deliveries verified with standardwebhooks")


if __name__ == "__main__":
    main(sys.argv[1])
