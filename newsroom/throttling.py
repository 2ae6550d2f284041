"""API rates counted in the shared cache, so that they hold across workers and machines.

DRF's throttles keep a list of times in the cache and write it back: workers answering one
client at once each append to the list they read, and most hits are lost (one client got
481 answers a minute at 120/minute behind four workers). Here a hit is one atomic increment
of a counter per window, and the rate is judged over a sliding window: the current window's
hits plus the previous window's, weighed by how much of it still lies within the duration.
"""

from rest_framework import throttling


class SlidingWindowMixin:
    """Count hits per `duration` window with the cache's atomic `incr`."""

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = self.timer()
        window, self.elapsed = divmod(now / self.duration, 1)
        current = f"{self.key}:{int(window)}"
        previous = f"{self.key}:{int(window) - 1}"
        self.hits = self.count_hit(current)
        self.earlier = self.cache.get(previous, 0)
        if self.estimate(self.earlier, self.hits, self.elapsed) <= self.num_requests:
            return True
        # A refused request does not count: the client gets the whole rate, not less.
        self.hits = self.cache.decr(current)
        return self.throttle_failure()

    def count_hit(self, key: str) -> int:
        try:
            return self.cache.incr(key)
        except ValueError:
            # Two windows' time: the next window weighs this one.
            self.cache.add(key, 0, timeout=2 * self.duration + 1)
            return self.cache.incr(key)

    @staticmethod
    def estimate(earlier: int, hits: int, elapsed: float) -> float:
        return earlier * (1 - elapsed) + hits

    def wait(self):
        """Seconds until one more request fits the rate."""
        room = self.num_requests - self.hits - 1
        if room >= 0 and self.earlier:
            # Within this window, once enough of the previous one has slid out.
            return max(0.0, (1 - room / self.earlier - self.elapsed) * self.duration)
        # In the next window, where this one's hits are the earlier ones.
        later = max(0.0, 1 - (self.num_requests - 1) / max(self.hits, 1))
        return (1 - self.elapsed + later) * self.duration


class AnonRateThrottle(SlidingWindowMixin, throttling.AnonRateThrottle):
    """Anonymous clients, by address."""


class UserRateThrottle(SlidingWindowMixin, throttling.UserRateThrottle):
    """Authenticated clients, by user; anonymous ones have their own, lower, rate."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
