"""The demo's IMAP server: pymap with its in-memory backend, one account (the desk's).

Run by the demo as ``python -m mailbot.demo.imap_server --host H --port P --user U
--password W``. Its stdin is a pipe from the demo: when the demo dies without stopping
it (kill -9), end of file on stdin ends the server too.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence


def pymap_arguments(host: str, port: int, user: str, password: str) -> list[str]:
    """pymap's command line for an in-memory server on ``host:port`` with one account."""
    return [
        "--host",
        host,
        "--port",
        str(port),
        "--no-tls",
        "dict",
        "--demo-user",
        user,
        "--demo-password",
        password,
    ]


def _exit_when_stdin_closes() -> None:
    sys.stdin.buffer.read()
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m mailbot.demo.imap_server")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args(argv)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()

    from pymap.main import main as pymap_main

    # pymap reads its own command line from sys.argv.
    sys.argv = ["pymap", *pymap_arguments(args.host, args.port, args.user, args.password)]
    pymap_main()


if __name__ == "__main__":
    main()
