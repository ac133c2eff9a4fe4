"""``python -m center`` / ``gjj-center``: run the central service with uvicorn."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from center.config import CenterSettings


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="gjj-center", description="住房公积金自助终端 中心服务 (reference central service)"
    )
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default 8000)")
    parser.add_argument("--database-url", help="SQLAlchemy URL (default sqlite:///./center.db)")
    parser.add_argument(
        "--demo", action="store_true", default=None, help="seed demo residents, enable /demo"
    )
    parser.add_argument("--sms-gateway", choices=("outbox", "log"), help="SMS gateway")
    parser.add_argument("--log-level", help="log level (default INFO)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the center until interrupted; GJJ_CENTER_* variables apply, options win."""
    import uvicorn

    from center.app import create_app

    args = parse_args(argv)
    settings = CenterSettings.from_env(
        host=args.host,
        port=args.port,
        database_url=args.database_url,
        demo=args.demo,
        sms_gateway=args.sms_gateway,
        log_level=args.log_level,
    )
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    app = create_app(settings)
    # No access log: request lines can carry phone numbers (/demo/sms?phone=...).
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        access_log=False,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
