"""`facilitator serve`: the session's pages for phones and browsers on the venue's network."""

from __future__ import annotations

import argparse
import sys

import segno

from facilitator.i18n import t
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.web.app import WebState, create_app
from facilitator.web.events import Broadcast
from facilitator.web.network import bind, check_host, lan_addresses, reachable_hosts, url_host
from facilitator.web.served import ServedSession
from facilitator.web.token import TOKEN_PARAMETER, new_token


def command(args: argparse.Namespace) -> int:
    """Serve the named session, or the newest unfinished one (waiting for one to start)."""
    import uvicorn

    check_host(args.host)
    store, name = SessionStore(args.sessions), args.session
    if name is not None:  # a wrong name fails here, with a message
        store, session = store.resolve(name)
        name = session.id
    sock = bind(args.host, args.port)  # a port in use fails here, with a message
    port = sock.getsockname()[1]
    token = new_token()
    hosts = reachable_hosts(args.host)
    urls = [f"http://{url_host(host)}:{port}/?{TOKEN_PARAMETER}={token}" for host in hosts]
    served = ServedSession(Stage(store, SystemClock(), name), join_url=urls[0])
    state = WebState(served=served, token=token, broadcast=Broadcast(served))
    _announce(args.host, urls)
    config = uvicorn.Config(create_app(state), log_level="warning", access_log=False, lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        state.close()
    return 0


def _announce(host: str, urls: list[str]) -> None:
    """The join address in words and as a QR code, and what to do on a closed address."""
    out = sys.stdout
    print(t("serve.listening"), file=out)
    for url in urls:
        print(f"  {url}", file=out)
    if check_host(host).is_loopback:
        print(t("serve.loopback_only"), file=out)
        others = lan_addresses()
        if others:
            print(t("serve.lan_hint", addresses=", ".join(others)), file=out)
    print(t("serve.scan"), file=out)
    segno.make(urls[0], error="m").terminal(out=out, compact=True, border=2)
    print(t("serve.stop"), file=out, flush=True)
