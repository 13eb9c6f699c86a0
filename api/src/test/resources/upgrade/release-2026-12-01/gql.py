import json, sys, urllib.request
BASE = "http://localhost:8080"
_tokens = {}
def token(user):
    if user not in _tokens:
        r = urllib.request.urlopen(urllib.request.Request(BASE + "/dev/token?user=" + user, method="POST"))
        _tokens[user] = json.loads(r.read())["access_token"]
    return _tokens[user]
def q(query, variables=None, user="admin", ok=True):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(BASE + "/graphql", data=body, headers={"Content-Type": "application/json", "Authorization": "Bearer " + token(user)})
    try:
        res = json.loads(urllib.request.urlopen(req).read())
    except urllib.error.HTTPError as e:
        res = json.loads(e.read())
    if ok and res.get("errors"):
        raise SystemExit("GraphQL error: %s\n%s" % (json.dumps(res["errors"]), query))
    return res
