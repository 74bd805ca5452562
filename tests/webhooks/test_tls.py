"""HTTPS webhooks connect to the address the worker approved, and still verify the certificate
against the host name in the URL."""

import os
import shutil
import subprocess

import certifi
import pytest

from cms.webhooks import sender
from tests.webhooks.receiver import Receiver

NAME = "hooks.tls.test"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    openssl = shutil.which("openssl")
    if not openssl:
        if os.environ.get("CI"):
            pytest.fail("openssl is missing; the TLS webhook tests need it to make a certificate")
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={NAME}", "-addext", f"subjectAltName=DNS:{NAME}"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


@pytest.fixture
def tls_receiver(certificate):
    with Receiver(certificate=certificate) as running:
        yield running


@pytest.fixture
def trust(monkeypatch, certificate):
    monkeypatch.setattr(certifi, "where", lambda: certificate[0])


def test_https_to_the_approved_address_verifies_the_host_name(tls_receiver, trust):
    url = f"https://{NAME}:{tls_receiver.port}/hook"
    outcome = sender.post(url, "127.0.0.1", b"{}", {"Content-Type": "application/json"}, 2)
    assert outcome.succeeded, outcome.error
    assert tls_receiver.requests[0]["headers"]["Host"] == f"{NAME}:{tls_receiver.port}"


def test_a_certificate_for_another_name_is_refused(tls_receiver, trust):
    url = f"https://other.tls.test:{tls_receiver.port}/hook"
    outcome = sender.post(url, "127.0.0.1", b"{}", {}, 2)
    assert not outcome.succeeded
    assert "other.tls.test" in outcome.error
    assert tls_receiver.requests == []


def test_an_untrusted_certificate_is_refused(tls_receiver):
    outcome = sender.post(f"https://{NAME}:{tls_receiver.port}/hook", "127.0.0.1", b"{}", {}, 2)
    assert not outcome.succeeded
    assert "certificate verify failed" in outcome.error
    assert tls_receiver.requests == []
