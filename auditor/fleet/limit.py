"""At most N journeys at once on one store, across the whole fleet: a lease per journey in
Redis, renewed as the walk goes on, so a machine that dies frees its lease within
LEASE_S and a store is never left locked."""

from __future__ import annotations

import time
import uuid

import redis

LEASE_S = 60.0  # a lease not renewed for this long is a walker gone
KEY_PREFIX = "auditor:walking:"  # + the store's URL: its leases


class StoreLimit:
    """Leases on one store's walking slots, in a Redis sorted set scored by expiry."""

    def __init__(self, broker: str, site: str, slots: int, lease_s: float = LEASE_S,
                 walker: str = "") -> None:
        self._redis = redis.Redis.from_url(broker)
        self._key = f"{KEY_PREFIX}{site}"
        self._slots, self._lease_s = slots, lease_s
        self.token = f"{walker} {uuid.uuid4().hex}"  # who walks, for operators and tests

    def take(self) -> bool:
        """A slot for this walk, if one is free now."""
        now = time.time()
        with self._redis.pipeline() as pipe:
            pipe.zremrangebyscore(self._key, 0, now)
            pipe.zcard(self._key)
            _, taken = pipe.execute()
        if taken >= self._slots:
            return False
        self._redis.zadd(self._key, {self.token: now + self._lease_s})
        if self._redis.zcard(self._key) > self._slots:  # another took one meanwhile: give back
            self.give_back()
            return False
        return True

    def renew(self) -> None:
        self._redis.zadd(self._key, {self.token: time.time() + self._lease_s}, xx=True)

    def give_back(self) -> None:
        self._redis.zrem(self._key, self.token)
