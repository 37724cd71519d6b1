"""Drives the generated Python helper for test/helper/python-helper.test.ts; prints one JSON line.

Usage: python3 python_driver.py <helper dir> <scenario>. Connection settings come from TEST_* env vars
so each scenario decides which AXEPTIO_* variables the helper itself sees.
"""
import json
import os
import sys
import threading

sys.path.insert(0, sys.argv[1])
import axeptio_token as helper  # noqa: E402

scenario = sys.argv[2]
out = {}


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def provider(**overrides):
    options = dict(
        client_id=os.environ["TEST_CLIENT_ID"],
        client_secret=os.environ["TEST_SECRET"],
        frontegg_url=os.environ["TEST_FRONTEGG_URL"],
        api_url=os.environ["TEST_API_URL"],
    )
    options.update(overrides)
    return helper.AxeptioTokenProvider(**options)


def error_info(error):
    import traceback

    return {"code": error.code, "status": error.status, "text": "".join(traceback.format_exception(type(error), error, error.__traceback__))}


if scenario == "cached-and-concurrent":
    p = provider()
    out["same"] = p.get_access_token() == p.get_access_token()
    shared = provider()
    tokens = []
    threads = [threading.Thread(target=lambda: tokens.append(shared.get_access_token())) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out["distinct"] = len(set(tokens))
    out["count"] = len(tokens)
elif scenario == "refresh":
    clock = FakeClock()
    p = provider(clock=clock)
    first = p.get_access_token()
    clock.t += 3539
    out["cachedBeforeMargin"] = p.get_access_token() == first
    clock.t += 2
    second = p.get_access_token()
    out["renewed"] = second != first
    out["apiStatus"] = p.request("GET", "/projects").status
elif scenario == "refused-refresh":
    clock = FakeClock()
    p = provider(clock=clock)
    first = p.get_access_token()
    clock.t += 3600
    out["renewed"] = p.get_access_token() != first
elif scenario == "retry-5xx":
    sleeps = []
    p = provider(sleep=sleeps.append, retry_base_delay=0.1)
    out["ok"] = bool(p.get_access_token())
    out["sleeps"] = sleeps
elif scenario == "wrong-secret":
    p = provider(client_secret=os.environ["TEST_SECRET"] + "-wrong", sleep=lambda s: None)
    try:
        p.get_access_token()
    except helper.AxeptioAuthError as error:
        out["error"] = error_info(error)
elif scenario == "timeout":
    p = provider(timeout=0.3, max_retries=0)
    try:
        p.get_access_token()
    except helper.AxeptioAuthError as error:
        out["error"] = error_info(error)
elif scenario == "request-401":
    p = provider()
    out["first"] = p.request("GET", "/projects").status
    print("ready", flush=True)
    sys.stdin.readline()  # the test revokes access tokens meanwhile
    response = p.request("GET", "projects", params={"page": 2, "perPage": 5})
    out["second"] = response.status
    out["page"] = response.json()["page"]
    created = p.request("POST", "/v1/projects", json={"name": "From Python"})
    out["created"] = [created.status, created.json()["name"]]
elif scenario == "env":
    try:
        helper.get_axeptio_access_token()
    except helper.AxeptioAuthError as error:
        out["missing"] = error_info(error)
    os.environ["AXEPTIO_CLIENT_ID"] = os.environ["TEST_CLIENT_ID"]
    os.environ["AXEPTIO_CLIENT_SECRET"] = os.environ["TEST_SECRET"]
    os.environ["FRONTEGG_URL"] = os.environ["TEST_FRONTEGG_URL"]
    os.environ["AXEPTIO_API_URL"] = os.environ["TEST_API_URL"]
    out["status"] = helper.axeptio_request("GET", "/projects").status
    out["same"] = helper.get_axeptio_access_token() == helper.get_axeptio_access_token()
else:
    raise SystemExit("unknown scenario " + scenario)

print(json.dumps(out), flush=True)
