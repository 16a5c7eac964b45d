"""HTML to PDF with WeasyPrint, fetching nothing from outside (decision 0029).

A PDF made on the server must not reach the network: a link to an image on another host
in a text someone entered would make the server fetch it (a request the reader never
sees, and a way to probe internal addresses). `LocalOnlyFetcher` answers only `data:`
addresses and files under the directories a caller names; everything else is refused and
noted. Stylesheets are the app's own static files, read from disk.

Used by the joint programme's PDF and by the reports built on it:

    pdf = render_pdf(html, stylesheets=["office/print.css"])
"""

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher


class FetchRefused(ValueError):
    """An address the PDF may not load (WeasyPrint leaves the resource out)."""


class LocalOnlyFetcher(URLFetcher):
    """Loads `data:` addresses and files under `roots`; refuses every other address and
    remembers it in `refused`."""

    def __init__(self, roots: Iterable[Path] = ()):
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.roots = [Path(root).resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self._inside_roots(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        raise FetchRefused(f"not loaded into a PDF: {url}")

    def _inside_roots(self, url: str) -> bool:
        path = Path(unquote(urlsplit(url).path)).resolve()
        return any(path.is_relative_to(root) for root in self.roots)


def static_stylesheet(name: str) -> str:
    """The text of one of the apps' static stylesheets ("office/print.css")."""
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(f"no static file {name}")
    return Path(found).read_text(encoding="utf-8")


def render_pdf(
    html: str,
    *,
    stylesheets: Iterable[str] = (),
    roots: Iterable[Path] = (),
    fetcher: LocalOnlyFetcher | None = None,
) -> bytes:
    """The PDF of `html`, styled by the named static stylesheets; files under `roots` (and
    `data:` addresses) are the only resources it may load."""
    fetcher = fetcher or LocalOnlyFetcher(roots)
    styles = [CSS(string=static_stylesheet(name), url_fetcher=fetcher) for name in stylesheets]
    document = HTML(string=html, url_fetcher=fetcher, base_url=None)
    return document.write_pdf(stylesheets=styles)
