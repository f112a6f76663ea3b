"""The fleet's Celery app, tuned for long, measured jobs (see docs/scale.md).

A journey is acknowledged only once its walk is saved (acks late), a worker takes one
journey at a time (prefetch 1), and a journey whose worker died goes back to the queue:
at once when its pool process was killed, after `redeliver_after` seconds when the whole
machine went. Each store has its own queue, so one store's backlog never holds up another.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from celery import Celery
from celery.signals import worker_ready

REDELIVER_AFTER_S = 900  # longer than any journey: 12 steps of the 30 s step timeout and more
DEFAULT_QUEUE = "auditor"

app = Celery("auditor", include=["auditor.fleet.tasks", "auditor.fleet.schedule"])


def configure(broker: str, redeliver_after: float = REDELIVER_AFTER_S) -> Celery:
    """The app pointed at `broker` (redis://HOST:PORT/DB)."""
    app.conf.update(
        broker_url=broker, task_acks_late=True, task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1, task_default_queue=DEFAULT_QUEUE,
        broker_transport_options={  # look for journeys of vanished workers every 10 s
            "visibility_timeout": redeliver_after, "unacked_restore_throttle": 1,
            "unacked_restore_interval": min(10.0, redeliver_after)},
        broker_connection_retry_on_startup=True, broker_connection_max_retries=3,
        task_serializer="json", accept_content=["json"], result_backend=None,
        task_ignore_result=True, worker_hijack_root_logger=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    return app


def queue_for(site: str) -> str:
    """The store's own queue: its host and port."""
    parsed = urlparse(site)
    return "auditor.store." + re.sub(r"[^a-zA-Z0-9.-]+", "-", parsed.netloc or site)


@worker_ready.connect
def _listen_to_every_store(sender: object, **_: object) -> None:
    """A worker that was starting while a run was submitted missed the call to listen to
    its stores: once ready, it listens to every store queue submitted so far."""
    from auditor.fleet.submit import known_queues

    for queue in known_queues(app.conf.broker_url):
        sender.add_task_queue(queue)
