"""Axeptio API access tokens through Frontegg client credentials.

Replaces the retired ``POST /auth/local/signin`` (username + password -> long-lived token).
Configure with environment variables, never with literals in code:

    AXEPTIO_CLIENT_ID      Client ID (Axeptio administration -> Settings -> API Access)
    AXEPTIO_CLIENT_SECRET  its secret (shown once at creation; keep it in a secret store)
    AXEPTIO_FRONTEGG_URL   base URL of the token service (fallback: FRONTEGG_URL)
    AXEPTIO_API_URL        base URL of the Axeptio API (default: https://api.axept.io/v1)

Usage::

    response = axeptio_request("GET", "/projects")   # bearer added, 401 -> one forced refresh
    projects = response.json()
    token = get_axeptio_access_token()                # when another HTTP client needs the header

Standard library only (Python >= 3.8).
"""

from __future__ import annotations

import json as _json
import os
import random
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, Mapping, Optional

__all__ = ["AxeptioAuthError", "AxeptioResponse", "AxeptioTokenProvider", "axeptio_request", "get_axeptio_access_token"]

DEFAULT_API_URL = "https://api.axept.io/v1"
EXCHANGE_PATH = "/identity/resources/auth/v2/api-token"
REFRESH_PATH = "/identity/resources/auth/v2/api-token/token/refresh"


class AxeptioAuthError(Exception):
    """Every failure of this module. Messages never contain the secret, a refresh token or an access token.

    ``code`` is one of MISSING_ENV, INVALID_CONFIG, EXCHANGE_FAILED, REFRESH_FAILED,
    INVALID_RESPONSE, TIMEOUT, NETWORK; ``status`` is the HTTP status when there was one.
    """

    def __init__(self, code: str, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class AxeptioResponse:
    """What ``axeptio_request`` returns: like ``fetch``, any HTTP status is a response, not an exception."""

    def __init__(self, status: int, headers: Mapping[str, str], content: bytes) -> None:
        self.status = status
        self.headers = headers
        self.content = content

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return _json.loads(self.content.decode("utf-8")) if self.content else None


class _Token:
    def __init__(self, access_token: str, refresh_token: Optional[str], expires_at: float, lifetime: float) -> None:
        self.access_token = access_token
        self.refresh_token = refresh_token
        # Clock time when the request was sent plus expires_in, so network time never extends it.
        self.expires_at = expires_at
        self.lifetime = lifetime


class _Entry:
    def __init__(self) -> None:
        self.token: Optional[_Token] = None
        # Held during an exchange or refresh: concurrent callers wait for it and reuse its result.
        self.lock = threading.Lock()


class _Reply:
    def __init__(self, status: int, retry_after: Optional[str], content: bytes) -> None:
        self.status = status
        self.retry_after = retry_after
        self.content = content


class AxeptioTokenProvider:
    """Access tokens with their own cache; arguments override the environment variables.

    The environment is read at each call rather than at construction, so importing this module
    never fails and variables set after import (dotenv, test setup) are honoured.
    """

    def __init__(
        self,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        frontegg_url: Optional[str] = None,
        api_url: Optional[str] = None,
        timeout: float = 10.0,
        refresh_margin: float = 60.0,
        max_retries: int = 3,
        retry_base_delay: float = 0.25,
        max_retry_delay: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._frontegg_url = frontegg_url
        self._api_url = api_url
        self._timeout = timeout
        self._margin = refresh_margin
        self._max_retries = max_retries
        self._base_delay = retry_base_delay
        self._max_delay = max_retry_delay
        self._clock = clock
        self._sleep = sleep
        # Keyed by token URL + client ID so a change of configuration never serves another client's token.
        self._entries: Dict[str, _Entry] = {}
        self._entries_lock = threading.Lock()

    def get_access_token(self, force_refresh: bool = False) -> str:
        """A valid access token, from the cache when it is not about to expire."""
        return self._access_token(self._config(), force_refresh)

    def request(self, method: str, path_or_url: str, **kwargs: Any) -> AxeptioResponse:
        """An Axeptio API request with the bearer added; one forced refresh on 401.

        Keyword arguments: ``json``, ``data`` (bytes or str), ``params`` (dict), ``headers`` (dict), ``timeout`` (s).
        """
        config = self._config()
        url = _resolve_api_url(config["api_url"], path_or_url, kwargs.pop("params", None))
        token = self._access_token(config, False)
        response = self._send(method, url, token, **kwargs)
        # Retry once on 401 from the Axeptio API itself: the token may have been revoked early.
        if response.status != 401 or not _same_origin(url, config["api_url"]):
            return response
        return self._send(method, url, self._access_token(config, True, stale_token=token), **kwargs)

    def clear(self) -> None:
        """Forget every cached token (e.g. after rotating the client secret)."""
        with self._entries_lock:
            self._entries.clear()

    # -- configuration -------------------------------------------------------------------------

    def _config(self) -> Dict[str, str]:
        env = os.environ
        client_id = self._client_id or env.get("AXEPTIO_CLIENT_ID", "").strip()
        client_secret = self._client_secret or env.get("AXEPTIO_CLIENT_SECRET", "").strip()
        frontegg_url = self._frontegg_url or env.get("AXEPTIO_FRONTEGG_URL", "").strip() or env.get("FRONTEGG_URL", "").strip()
        api_url = self._api_url or env.get("AXEPTIO_API_URL", "").strip() or DEFAULT_API_URL
        if not client_id:
            raise _missing_env("AXEPTIO_CLIENT_ID", "the Client ID from Axeptio Settings -> API Access")
        if not client_secret:
            raise _missing_env("AXEPTIO_CLIENT_SECRET", "the secret of that API client")
        if not frontegg_url:
            raise _missing_env("AXEPTIO_FRONTEGG_URL", "nor FRONTEGG_URL: the base URL of the token service")
        base = _check_http_url(frontegg_url, "AXEPTIO_FRONTEGG_URL").rstrip("/")
        return {
            "client_id": client_id,
            "client_secret": client_secret,
            "token_url": base + EXCHANGE_PATH,
            "refresh_url": base + REFRESH_PATH,
            "api_url": _check_http_url(api_url, "AXEPTIO_API_URL").rstrip("/"),
        }

    def _entry(self, config: Mapping[str, str]) -> _Entry:
        key = config["token_url"] + "\n" + config["client_id"]
        with self._entries_lock:
            return self._entries.setdefault(key, _Entry())

    # -- token lifecycle -----------------------------------------------------------------------

    def _is_fresh(self, token: _Token) -> bool:
        # A margin capped at half the lifetime: a 120 s token is renewed after 60 s, not on every call.
        margin = min(self._margin, token.lifetime / 2)
        return token.expires_at - self._clock() > margin

    def _access_token(self, config: Mapping[str, str], force: bool, stale_token: Optional[str] = None) -> str:
        entry = self._entry(config)
        seen = entry.token
        if seen is not None and not force and self._is_fresh(seen):
            return seen.access_token
        with entry.lock:
            current = entry.token
            # Someone renewed while we waited for the lock, or after the caller's token was rejected.
            renewed_meanwhile = current is not seen or (
                stale_token is not None and current is not None and current.access_token != stale_token
            )
            if current is not None and self._is_fresh(current) and (not force or renewed_meanwhile):
                return current.access_token
            return self._renew(config, entry, force)

    def _renew(self, config: Mapping[str, str], entry: _Entry, force: bool) -> str:
        previous = entry.token
        try:
            if previous is not None and previous.refresh_token:
                try:
                    body = {"refreshToken": previous.refresh_token}
                    entry.token = self._request_token(config["refresh_url"], body, "REFRESH_FAILED")
                    return entry.token.access_token
                except AxeptioAuthError:
                    # Refresh tokens rotate and can be used up or revoked: drop this one and fall
                    # back to one exchange of the client credentials, which is always allowed.
                    previous.refresh_token = None
            entry.token = self._request_token(
                config["token_url"], {"clientId": config["client_id"], "secret": config["client_secret"]}, "EXCHANGE_FAILED"
            )
            return entry.token.access_token
        except AxeptioAuthError:
            # A token that has not expired yet keeps serving while its early renewal fails transiently.
            if not force and previous is not None and previous.expires_at > self._clock():
                return previous.access_token
            raise

    def _request_token(self, url: str, body: Mapping[str, str], failure_code: str) -> _Token:
        """POST a JSON body to a token route, with timeout and bounded retries; parse the token response."""
        what = "client-credentials exchange" if failure_code == "EXCHANGE_FAILED" else "token refresh"
        attempt = 0
        while True:
            sent_at = self._clock()
            try:
                reply = self._post_once(url, body)
            except AxeptioAuthError as failure:
                if failure.code not in ("TIMEOUT", "NETWORK") or attempt >= self._max_retries:
                    raise AxeptioAuthError(failure.code, "Axeptio %s: %s" % (what, failure)) from None
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            if 200 <= reply.status < 300:
                return _parse_token(reply, sent_at, what)
            # The body of a failed token response never goes into the error: it may echo the request.
            failure = AxeptioAuthError(failure_code, "Axeptio %s failed: HTTP %d" % (what, reply.status), reply.status)
            if not _is_retryable(reply.status) or attempt >= self._max_retries:
                raise failure
            retry_after = _parse_retry_after(reply.retry_after)
            if retry_after is not None and retry_after > self._max_delay:
                raise AxeptioAuthError(
                    failure_code,
                    "Axeptio %s failed: HTTP %d, retry requested after %d s (beyond the %g s bound)"
                    % (what, reply.status, retry_after, self._max_delay),
                    reply.status,
                )
            self._sleep(retry_after if retry_after is not None else self._backoff(attempt))
            attempt += 1

    def _post_once(self, url: str, body: Mapping[str, str]) -> _Reply:
        request = urllib.request.Request(
            url,
            data=_json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return _Reply(response.status, response.headers.get("Retry-After"), response.read())
        except urllib.error.HTTPError as error:
            error.close()
            return _Reply(error.code, error.headers.get("Retry-After") if error.headers else None, b"")
        except (socket.timeout, TimeoutError):
            raise AxeptioAuthError("TIMEOUT", "timed out after %g s" % self._timeout) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (socket.timeout, TimeoutError)):
                raise AxeptioAuthError("TIMEOUT", "timed out after %g s" % self._timeout) from None
            raise AxeptioAuthError("NETWORK", "could not reach the token service (%s)" % type(error.reason).__name__) from None
        except (OSError, ValueError) as error:
            raise AxeptioAuthError("NETWORK", "could not reach the token service (%s)" % type(error).__name__) from None

    def _backoff(self, attempt: int) -> float:
        # Full jitter: callers that failed together do not retry together.
        return random.uniform(0, min(self._max_delay, self._base_delay * (2 ** attempt)))

    # -- API requests --------------------------------------------------------------------------

    def _send(self, method: str, url: str, token: str, json: Any = None, data: Any = None,
              headers: Optional[Mapping[str, str]] = None, timeout: Optional[float] = None) -> AxeptioResponse:
        all_headers = dict(headers or {})
        if json is not None:
            data = _json.dumps(json).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        elif isinstance(data, str):
            data = data.encode("utf-8")
        all_headers["Authorization"] = "Bearer " + token
        request = urllib.request.Request(url, data=data, headers=all_headers, method=method.upper())
        try:
            with urllib.request.urlopen(request, timeout=timeout or 30.0) as response:
                return AxeptioResponse(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            try:
                return AxeptioResponse(error.code, error.headers, error.read())
            finally:
                error.close()


def _parse_token(reply: _Reply, sent_at: float, what: str) -> _Token:
    try:
        payload = _json.loads(reply.content.decode("utf-8"))
    except ValueError:
        raise AxeptioAuthError("INVALID_RESPONSE", "Axeptio %s returned a body that is not JSON" % what, reply.status) from None
    if not isinstance(payload, dict):
        payload = {}
    # The v2 routes answer snake_case; camelCase is accepted too for gateways that reshape it.
    access_token = payload.get("access_token") or payload.get("accessToken")
    refresh_token = payload.get("refresh_token") or payload.get("refreshToken")
    expires_in = payload.get("expires_in", payload.get("expiresIn"))
    if not isinstance(access_token, str) or not access_token:
        raise AxeptioAuthError("INVALID_RESPONSE", "Axeptio %s returned no access_token" % what, reply.status)
    # Trust the server's lifetime (3600 s documented, other deployments differ); without one, stay cautious.
    lifetime = float(expires_in) if isinstance(expires_in, (int, float)) and expires_in > 0 else 300.0
    if not isinstance(refresh_token, str) or not refresh_token:
        refresh_token = None
    return _Token(access_token, refresh_token, sent_at + lifetime, lifetime)


def _missing_env(variable: str, hint: str) -> AxeptioAuthError:
    return AxeptioAuthError("MISSING_ENV", "%s is not set (%s)" % (variable, hint))


def _is_retryable(status: int) -> bool:
    return status in (408, 429) or status >= 500


def _parse_retry_after(header: Optional[str]) -> Optional[float]:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not header or not header.strip():
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return max(0.0, parsedate_to_datetime(header).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _check_http_url(value: str, variable: str) -> str:
    """Validate a configured URL; the message names the variable but not the value (it may hold credentials)."""
    parsed = urllib.parse.urlsplit(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise AxeptioAuthError("INVALID_CONFIG", "%s must be an http(s) URL" % variable)
    return value


def _resolve_api_url(api_url: str, path_or_url: str, params: Optional[Mapping[str, Any]]) -> str:
    """Join a path onto the API base, keeping its ``/v1``; a path already starting with it is not prefixed twice."""
    if path_or_url.lower().startswith(("http://", "https://")):
        url = path_or_url
    else:
        base = urllib.parse.urlsplit(api_url)
        base_path = base.path.rstrip("/")
        path = path_or_url if path_or_url.startswith("/") else "/" + path_or_url
        if base_path and (path == base_path or path.startswith(base_path + "/") or path.startswith(base_path + "?")):
            url = "%s://%s%s" % (base.scheme, base.netloc, path)
        else:
            url = api_url + path
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
    return url


def _same_origin(url: str, api_url: str) -> bool:
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(api_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


# The module-level provider behind the two convenience functions; created on first use.
_default_provider: Optional[AxeptioTokenProvider] = None
_default_provider_lock = threading.Lock()


def _get_default_provider() -> AxeptioTokenProvider:
    global _default_provider
    with _default_provider_lock:
        if _default_provider is None:
            _default_provider = AxeptioTokenProvider()
        return _default_provider


def get_axeptio_access_token(force_refresh: bool = False) -> str:
    """A valid Axeptio access token, configured from the environment."""
    return _get_default_provider().get_access_token(force_refresh)


def axeptio_request(method: str, path_or_url: str, **kwargs: Any) -> AxeptioResponse:
    """An Axeptio API request (paths resolve against AXEPTIO_API_URL) with the bearer added."""
    return _get_default_provider().request(method, path_or_url, **kwargs)
