#!/usr/bin/env python3
"""End-to-end latency of searchNomenclature over GraphQL (HTTP + token + authorization + Elasticsearch)
on a running local MARC with its demo data (`ops/marc run`). Prints p50/p90/p99/max per caller.

    ops/bench/seeded-search-latency.py [base-url] [searches-per-user] [threads]
"""
import json, random, statistics, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 500
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 4
TEXTS = ["intocmirea in fals", "Întocmirea în fals", "contraventii", "achizitii", "foloase necuvenite", "recrutare",
         "pasapoarte", "permise", "divulgarea", "favorizarea", "evidenta", "", "", "fals", "control"]
SORTS = ["RELEVANCE", "NAME_ASC", "NAME_DESC", "WORK_UNIT_ASC", "ACTIVITY_DESC"]
QUERY = ("query($q: NomenclatureSearchInput!) { searchNomenclature(query: $q) { totalCount "
         "edges { cursor node { id kind name highlight activityName workUnitNames } } pageInfo { endCursor hasNextPage } "
         "facets { kinds { value count } statuses { value count } workUnits { label count } } } }")


def token(user):
    request = urllib.request.Request(f"{BASE}/dev/token?user={user}", method="POST")
    return json.load(urllib.request.urlopen(request))["access_token"]


def search(tok, q):
    body = json.dumps({"query": QUERY, "variables": {"q": q}}).encode()
    request = urllib.request.Request(f"{BASE}/graphql", data=body, headers={
        "Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
    started = time.perf_counter()
    answer = json.load(urllib.request.urlopen(request))
    elapsed = (time.perf_counter() - started) * 1000
    if "errors" in answer:
        raise RuntimeError(answer["errors"])
    return elapsed, answer["data"]["searchNomenclature"]


def one(tok, rnd):
    text = rnd.choice(TEXTS)
    q = {"text": text, "sort": "RELEVANCE" if text else rnd.choice(SORTS[1:]), "first": 20}
    if rnd.random() < 0.3:
        q["kinds"] = [rnd.choice(["ACTIVITY", "TASK", "DOCUMENT", "RISK"])]
    elapsed, result = search(tok, q)
    if rnd.random() < 0.3 and result["pageInfo"]["hasNextPage"]:  # the next page, via the cursor
        q["after"] = result["pageInfo"]["endCursor"]
        elapsed2, _ = search(tok, q)
        return [elapsed, elapsed2]
    return [elapsed]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


for user in ["admin", "member.cluj"]:
    tok = token(user)
    for _ in range(50):  # warm-up
        one(tok, random.Random(1))
    rnd = random.Random(42)
    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        samples = [ms for batch in pool.map(lambda _: one(tok, rnd), range(N)) for ms in batch]
    wall = time.perf_counter() - started
    print(f"{user:12s} searches {len(samples):5d}  p50 {percentile(samples, 50):6.1f} ms  p90 {percentile(samples, 90):6.1f} ms  "
          f"p99 {percentile(samples, 99):6.1f} ms  max {max(samples):6.1f} ms  mean {statistics.mean(samples):6.1f} ms  "
          f"{len(samples) / wall:6.1f} searches/s ({THREADS} threads)")
