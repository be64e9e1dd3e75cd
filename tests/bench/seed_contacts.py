"""Registers a user and loads N synthetic contacts, then M interactions spread over the
last three years, through the public API.

Prints the access token on stdout. Standard library only.
"""
import http.client
import json
import random
import sys
import threading

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
interaction_count = int(sys.argv[4]) if len(sys.argv) > 4 else 0
INTERACTION_KINDS = ["shared_content", "handwritten_note", "birthday_wish", "offered_help", "thanks_sent",
                     "referral_ask", "catch_up", "meeting", "thanks_received"]
CHANNELS = ["in_person", "phone", "video", "email", "letter", "text"]
contact_ids = []
ids_lock = threading.Lock()
KINDS = ["client", "former_client", "prospect", "colleague", "referral_partner", "friend", "family", "neighbor", "other"]
FIRST = ["Ann", "Priya", "Lee", "Omar", "Zoe", "Raj", "Mia", "Kofi", "Ines", "Tom", "Yuki", "Sven"]
LAST = ["Raman", "Berg", "Okafor", "Silva", "Chen", "Novak", "Haddad", "Larsen", "Moreau", "Ito"]
COMPANIES = ["Northwind", "Initech", "Globex", "Umbrella", "Hooli", "Acme", "Stark", "Wayne", "Tyrell", "Soylent"]


def call(conn, method, path, body=None, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} -> {response.status}: {data[:300]!r}")
    return json.loads(data) if data else None


conn = http.client.HTTPConnection(host, port)
session = call(conn, "POST", "/v1/auth/register", {
    "email": f"bench-{random.randrange(10**9)}@example.com",
    "password": "a long benchmark password",
    "name": "Bench",
    "workspace_name": "Benchmark",
})
token = session["access_token"]


def load(worker, workers):
    rng = random.Random(worker)
    c = http.client.HTTPConnection(host, port)
    for i in range(worker, count, workers):
        created = call(c, "POST", "/v1/contacts", {
            "first_name": rng.choice(FIRST),
            "last_name": rng.choice(LAST),
            "emails": [f"person{i}@example.com"],
            "company": rng.choice(COMPANIES),
            "relationship_kind": rng.choice(KINDS),
            "tags": rng.sample(["vip", "golf", "board", "alumni", "local"], 2),
            "trust": rng.randint(1, 5),
            "birthday": {"month": rng.randint(1, 12), "day": rng.randint(1, 28)},
        }, token)
        with ids_lock:
            contact_ids.append(created["id"])


def log(worker, workers):
    import datetime
    rng = random.Random(1000 + worker)
    c = http.client.HTTPConnection(host, port)
    now = datetime.datetime.now(datetime.timezone.utc)
    for _ in range(worker, interaction_count, workers):
        when = now - datetime.timedelta(minutes=rng.randrange(60, 3 * 365 * 24 * 60))
        call(c, "POST", "/v1/interactions", {
            "contact_ids": [rng.choice(contact_ids)],
            "occurred_at": when.isoformat(),
            "channel": rng.choice(CHANNELS),
            "kind": rng.choice(INTERACTION_KINDS),
        }, token)


for stage in (load, log):
    threads = [threading.Thread(target=stage, args=(w, 4)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(token)
