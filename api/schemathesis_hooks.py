"""Hooks for the schemathesis run of scripts/test-server.

An Idempotency-Key names one request: the server answers a key used again for a *different*
request with 422 `idempotency_key_reused` (see the conventions in api/openapi.yaml; the cargo
tests check it). Generated requests draw their keys from a small pool and would reuse them for
different requests, so every well-formed generated key gets a suffix that makes it unique.
Malformed keys are left as they are, so the checks of invalid data still send them.
"""

import itertools
import re

import schemathesis

_WELL_FORMED = re.compile(r"[\x21-\x7E]{1,255}")
_serial = itertools.count()


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    for name in list(case.headers or {}):
        key = case.headers[name]
        if name.lower() == "idempotency-key" and isinstance(key, str) and _WELL_FORMED.fullmatch(key):
            suffix = f"~{next(_serial)}"
            case.headers[name] = key[: 255 - len(suffix)] + suffix
