"""With Redis down the API answers uncached, never with an error; when it is back, caching
resumes. Runs its own redis-server on a free port: the shared one is never touched."""

import json
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.demo.quiz_loader import load_demo_quiz
from guides.quiz.scoring import scoring_key

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs the redis-server binary"),
]

URLS = ["/api/v1/guides/", "/api/v1/guides/?locale=zh-hans", "/api/v1/series/"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.process:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def api_keys(self):
        return redis.Redis(port=self.port).keys("*api:v1:*")


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server, settings):
    # Changing CACHES through `settings` resets django.core.cache.caches (setting_changed).
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.caching.redis.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "KEY_PREFIX": "cms",
        }
    }
    return redis_server


def get(client, url):
    """The response and the number of queries it cost; a cached response costs one."""
    with CaptureQueriesContext(connection) as queries:
        started = time.monotonic()
        response = client.get(url)
        elapsed = time.monotonic() - started
    assert response.status_code == 200, (url, response.status_code)
    assert elapsed < 3, f"{url} took {elapsed:.1f} s"
    return response, len(queries)


def test_api_serves_uncached_while_redis_is_down_and_caches_again_after(
    demo_site, client, redis_cache, caplog
):
    for url in URLS:
        first, _ = get(client, url)
        cached, queries = get(client, url)
        assert queries == 1 and cached.content == first.content
    assert len(redis_cache.api_keys()) == len(URLS)

    redis_cache.stop()
    for _ in range(3):
        for url in URLS:
            response, queries = get(client, url)
            assert queries > 1, "served uncached"
            assert json.loads(response.content)
    assert "Cache unavailable" in caplog.text

    redis_cache.start()  # the same port, empty
    assert redis_cache.api_keys() == []
    for url in URLS:
        get(client, url)
        _, queries = get(client, url)
        assert queries == 1, f"{url}: caching resumed"
    assert len(redis_cache.api_keys()) == len(URLS)


def test_quiz_rate_limit_holds_while_redis_is_down(demo_site, client, redis_cache, settings):
    from guides.quiz.ratelimit import process_counts

    process_counts.clear()
    settings.QUIZ_SUBMISSIONS_PER_MINUTE = 2
    quiz, _created = load_demo_quiz(demo_site)
    key = scoring_key(quiz)
    answers = [
        {"question": question_id, "option": next(iter(question.options))}
        for question_id, question in key.questions.items()
    ]
    redis_cache.stop()
    statuses = [
        client.post(
            f"/api/v1/tests/{quiz.slug_en}/results/",
            json.dumps({"answers": answers}),
            content_type="application/json",
        ).status_code
        for _ in range(3)
    ]
    # Counted in the process while Redis is down: neither an error nor an open door.
    assert statuses == [201, 201, 429]
