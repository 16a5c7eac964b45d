"""PDFs fetch nothing from outside (core.pdf)."""

import io
import socket

import pytest
from pypdf import PdfReader

from partnerwerk.core.pdf import LocalOnlyFetcher, render_pdf


@pytest.fixture
def connections(monkeypatch):
    """Every network connection attempted while the test runs (none should be)."""
    attempts = []
    original = socket.socket.connect

    def connect(self, address):
        attempts.append(address)
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: attempts.append(a))
    return attempts


def text_of(pdf: bytes) -> str:
    """The PDF's text with each run of white space as one space (lines break anywhere)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_it_makes_a_pdf_with_the_text_of_the_html():
    pdf = render_pdf('<html lang="de"><body><h1>Gemeinsames Handlungsprogramm</h1></body></html>')
    assert pdf.startswith(b"%PDF")
    assert "Gemeinsames Handlungsprogramm" in text_of(pdf)


def test_an_image_on_another_host_is_not_fetched(connections):
    fetcher = LocalOnlyFetcher()
    pdf = render_pdf(
        '<p>Vorher</p><img src="http://example.org/x.png" alt=""><p>Nachher</p>', fetcher=fetcher
    )
    assert fetcher.refused == ["http://example.org/x.png"]
    assert connections == []
    assert "Nachher" in text_of(pdf)


def test_stylesheets_and_fonts_on_other_hosts_are_not_fetched(connections):
    fetcher = LocalOnlyFetcher()
    render_pdf(
        '<link rel="stylesheet" href="https://example.org/style.css">'
        "<style>@font-face { font-family: X; src: url(https://example.org/x.woff2); }"
        "p { font-family: X; background: url(http://example.org/bg.png); }</style><p>Text</p>",
        fetcher=fetcher,
    )
    assert set(fetcher.refused) == {
        "https://example.org/style.css",
        "https://example.org/x.woff2",
        "http://example.org/bg.png",
    }
    assert connections == []


def test_a_local_file_outside_the_named_directories_is_refused(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red; }")
    fetcher = LocalOnlyFetcher(roots=[tmp_path / "allowed"])
    render_pdf(f'<link rel="stylesheet" href="file://{secret}"><p>x</p>', fetcher=fetcher)
    assert fetcher.refused == [f"file://{secret}"]


def test_a_file_under_a_named_directory_and_a_data_address_are_loaded(tmp_path):
    style = tmp_path / "print.css"
    style.write_text("p { color: #123456; }")
    fetcher = LocalOnlyFetcher(roots=[tmp_path])
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
        "YAAAAAYAAjCB0C8AAAAASUVORK5CYII="
    )
    render_pdf(
        f'<link rel="stylesheet" href="file://{style}"><img src="{pixel}" alt=""><p>x</p>',
        fetcher=fetcher,
    )
    assert fetcher.refused == []


def test_the_apps_static_stylesheets_are_read_from_disk(connections):
    pdf = render_pdf("<p>Gedruckt</p>", stylesheets=["office/print.css"])
    assert "Gedruckt" in text_of(pdf)
    assert connections == []
