"""The `cvmaker` command line: serve the app, mint a local token, export the schema, and (where those parts are
installed) render, list templates and import CVs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from api.settings import Settings

    settings = Settings.from_env()
    if getattr(args, "data_dir", None):
        settings = settings.with_overrides(data_dir=Path(args.data_dir))
    return settings


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    settings = _settings(args)
    if "CVMAKER_PUBLIC_URL" not in os.environ:
        # Signed file links must reach this server; behind a proxy or on a network, set CVMAKER_PUBLIC_URL.
        host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
        settings = settings.with_overrides(public_url=f"http://{host}:{args.port}")
    print(
        f"CV Maker on http://{args.host}:{args.port}  (GraphQL at /graphql, data in {settings.data_dir})",
        file=sys.stderr,
    )
    from api.logs import configure_logging

    listener = configure_logging()
    try:
        # log_config=None: uvicorn's loggers propagate to the root's non-blocking queue instead of their own
        # handlers writing to stderr on the event loop.
        uvicorn.run(
            create_app(settings),
            host=args.host,
            port=args.port,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            log_config=None,
        )
    finally:
        listener.stop()
    return 0


def token(args: argparse.Namespace) -> int:
    from api.composition import build_runtime

    accounts, issuer = build_runtime(_settings(args).with_overrides(auth="local")).local_sign_in()
    user = accounts.ensure_user(args.email)
    print(issuer.user_tokens(user.sub, user.email).access_token)
    return 0


def create_client(args: argparse.Namespace) -> int:
    from api.composition import build_runtime

    accounts, _ = build_runtime(_settings(args).with_overrides(auth="local")).local_sign_in()
    scopes = args.scope or ["cvmaker/read", "cvmaker/write"]
    client_id, secret = accounts.create_client(args.name, scopes)
    print(f"client id: {client_id}\nsecret:    {secret}\n(shown once: keep the secret somewhere safe)")
    return 0


def outbox(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from api.composition import build_outbox

    messages = build_outbox(_settings(args)).messages()
    if args.to:
        messages = [message for message in messages if message.to.lower() == args.to.strip().lower()]
    for message in messages[-args.last :] if args.last else messages:
        sent = datetime.fromtimestamp(message.created_at, UTC).isoformat(timespec="seconds")
        print(f"--- {sent}  to {message.to}\nSubject: {message.subject}\n\n{message.body.rstrip()}\n")
    if not messages:
        print("(the outbox is empty)", file=sys.stderr)
    return 0


def sweep(args: argparse.Namespace) -> int:
    from api.composition import build_runtime

    expiry = build_runtime(_settings(args)).expiry
    if expiry is None:
        print("nothing to sweep: S3's lifecycle rules and DynamoDB's TTL expire files and keys", file=sys.stderr)
        return 0
    swept = expiry.sweep()
    print(f"swept {swept.uploads} uploads, {swept.renders} rendered files, {swept.idempotency_keys} keys")
    return 0


def export_schema(args: argparse.Namespace) -> int:
    from schema.schema import build_schema

    sdl = build_schema().as_str() + "\n"
    if args.out == "-":
        sys.stdout.write(sdl)
    else:
        Path(args.out).write_text(sdl, encoding="utf-8")
    return 0


def _optional_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    # Rendering and import bring heavy libraries: their commands register only when their modules exist.
    try:
        from api.cli_render import add_render_commands
    except ImportError:
        pass
    else:
        add_render_commands(subparsers)
    try:
        from api.cli_import import add_import_commands
    except ImportError:
        pass
    else:
        add_import_commands(subparsers)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="cvmaker", description="CV Maker: write, import, render and tailor CVs.")
    commands = root.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="serve the web app and the GraphQL API")
    serve_cmd.add_argument("--host", default=os.environ.get("CVMAKER_HOST", "127.0.0.1"))
    serve_cmd.add_argument("--port", type=int, default=int(os.environ.get("CVMAKER_PORT", "8000")))
    serve_cmd.add_argument("--data-dir", help="where the SQLite file, files and keys live (default ./.cvmaker)")
    serve_cmd.set_defaults(run=serve)

    token_cmd = commands.add_parser("token", help="print an access token for a local user (created if needed)")
    token_cmd.add_argument("--email", required=True)
    token_cmd.add_argument("--data-dir")
    token_cmd.set_defaults(run=token)

    client_cmd = commands.add_parser("client", help="integrators' clients (OAuth2 client credentials)")
    client_actions = client_cmd.add_subparsers(dest="action", required=True)
    create_cmd = client_actions.add_parser("create", help="create a client and print its id and secret")
    create_cmd.add_argument("--name", required=True)
    create_cmd.add_argument(
        "--scope",
        action="append",
        default=None,
        choices=["cvmaker/read", "cvmaker/write"],
        help="repeat for each scope (default: both)",
    )
    create_cmd.add_argument("--data-dir")
    create_cmd.set_defaults(run=create_client)

    outbox_cmd = commands.add_parser("outbox", help="print the mail the app would have sent (password reset codes)")
    outbox_cmd.add_argument("--to", help="only messages to this email")
    outbox_cmd.add_argument("--last", type=int, default=0, help="only the last N messages")
    outbox_cmd.add_argument("--data-dir")
    outbox_cmd.set_defaults(run=outbox)

    sweep_cmd = commands.add_parser(
        "sweep", help="delete expired uploads (1 day), rendered files (7 days) and idempotency keys (24 hours)"
    )
    sweep_cmd.add_argument("--data-dir")
    sweep_cmd.set_defaults(run=sweep)

    schema_cmd = commands.add_parser("export-schema", help="print the GraphQL SDL")
    schema_cmd.add_argument("--out", default="-")
    schema_cmd.set_defaults(run=export_schema)

    _optional_commands(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
