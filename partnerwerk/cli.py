"""The `partnerwerk` command: Django's management commands plus `serve`.

Hyphenated names map to management commands (`load-reference` runs `load_reference`).
"""

import os
import sys


def serve(argv: list[str]) -> None:
    """Serve the app with gunicorn (a production-grade server), static files by whitenoise."""
    args = ["gunicorn", "partnerwerk.wsgi:application", "--access-logfile", "-"]
    args += ["--config", "python:partnerwerk.gunicorn_conf"]
    # Options given on the command line win over the environment's defaults.
    if not any(arg.startswith(("--bind", "-b")) for arg in argv):
        args += ["--bind", os.environ.get("PARTNERWERK_BIND", "127.0.0.1:8000")]
    if not any(arg.startswith(("--workers", "-w")) for arg in argv):
        args += ["--workers", os.environ.get("PARTNERWERK_WORKERS", "2")]
    args += argv
    os.execvp(sys.executable, [sys.executable, "-m", *args])


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
    if argv and argv[0] == "serve":
        serve(argv[1:])
        return
    if argv and not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["partnerwerk", *argv])


if __name__ == "__main__":
    main()
