"""Gunicorn settings that `partnerwerk serve` adds to the command line's."""

import logging
import os
import threading

logger = logging.getLogger("partnerwerk")

# Seconds a worker may spend on one request before gunicorn ends it. The longest request is
# the first write of a large public file after a change (decision 0038: the synthetic
# registry's 300,000 relations are a 55 MB CSV, written in 9 s on a quiet machine and several
# times that under load); nginx's proxy_read_timeout waits a little longer.
timeout = int(os.environ.get("PARTNERWERK_WORKER_TIMEOUT", "120"))


def warm_up() -> None:
    """Load the SDG model and encode the reference texts (a few seconds), so that the first
    suggestion a user asks this worker for answers as fast as the next ones."""
    try:
        from partnerwerk.sdg.suggest import engine

        engine.suggest("Warm-up: load the encoder and the reference texts once.")
    except Exception:  # the app works without suggestions; the first request will retry
        logger.exception("The SDG model could not be loaded at worker start.")


def post_worker_init(worker) -> None:
    """Gunicorn hook: each worker, once started, loads the model beside its first requests."""
    threading.Thread(target=warm_up, name="sdg-warm-up", daemon=True).start()
