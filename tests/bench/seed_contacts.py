"""Registers a user and loads N synthetic contacts through the public API.

Prints the access token on stdout. Standard library only.
"""
import http.client
import json
import random
import sys
import threading

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
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
        call(c, "POST", "/v1/contacts", {
            "first_name": rng.choice(FIRST),
            "last_name": rng.choice(LAST),
            "emails": [f"person{i}@example.com"],
            "company": rng.choice(COMPANIES),
            "relationship_kind": rng.choice(KINDS),
            "tags": rng.sample(["vip", "golf", "board", "alumni", "local"], 2),
            "trust": rng.randint(1, 5),
            "birthday": {"month": rng.randint(1, 12), "day": rng.randint(1, 28)},
        }, token)


threads = [threading.Thread(target=load, args=(w, 4)) for w in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(token)
