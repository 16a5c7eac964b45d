"""A small HTTP client for the multi-server test: real sockets, a chosen source address,
cookies kept like a browser keeps them, and forms submitted with what a browser would send.

The standard library's http.client is enough and shows exactly what goes over the wire: no
redirect is followed and no header is added behind the test's back.
"""

import http.client
import re
import ssl
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def csrf_token(self) -> str:
        match = CSRF_FIELD.search(self.text)
        assert match, f"no CSRF token in the page ({self.status})"
        return match.group(1)


@dataclass
class Client:
    """Requests to one listening address from `source`; cookies are shared by every client
    given the same `cookies` dict (one browser talking to several servers)."""

    port: int
    tls: bool = False
    source: str = "127.0.0.1"
    headers: dict = field(default_factory=dict)
    cookies: dict = field(default_factory=dict)
    host: str = "127.0.0.1"

    def _connection(self) -> http.client.HTTPConnection:
        address = (self.source, 0)
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # the harness's certificate is self-signed
            return http.client.HTTPSConnection(
                self.host, self.port, context=context, source_address=address, timeout=20
            )
        return http.client.HTTPConnection(self.host, self.port, source_address=address, timeout=20)

    @property
    def secure(self) -> bool:
        return self.tls or self.headers.get("X-Forwarded-Proto") == "https"

    def origin(self) -> str:
        return f"{'https' if self.secure else 'http'}://{self.host}:{self.port}"

    def request(self, method: str, path: str, *, form=None, headers=None) -> Answer:
        sent = {"Host": f"{self.host}:{self.port}", "Connection": "close", **self.headers}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Referer"] = self.origin() + path  # Django's CSRF check over HTTPS wants it
        sent.update(headers or {})
        connection = self._connection()
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        self._keep_cookies(answer)
        return answer

    def get(self, path: str, **kwargs) -> Answer:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, form, **kwargs) -> Answer:
        return self.request("POST", path, form=form, **kwargs)

    def _keep_cookies(self, answer: Answer) -> None:
        for line in answer.headers.get_all("Set-Cookie") or ():
            pair = line.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if "expires=Thu, 01 Jan 1970" in line or "Max-Age=0" in line:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()

    def submit(self, path: str, field_name: str, changes: dict) -> Answer:
        """Open the page at `path`, fill the form that has `field_name` as a browser would
        (with the values shown, `changes` applied) and send it."""
        page = self.get(path)
        assert page.status == 200, f"{path} answered {page.status}"
        parser = FormParser()
        parser.feed(page.text)
        form = next(form for form in parser.forms if field_name in dict(form["fields"]))
        fields = [(name, value) for name, value in form["fields"] if name not in changes]
        fields += list(changes.items())
        return self.post(form["action"] or path, fields)


class FormParser(HTMLParser):
    """The forms of a page with the values a browser would send for each (no file fields)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._open = False
        self._select: dict | None = None
        self._textarea: list | None = None

    def _add(self, name: str, value: str) -> None:
        self.forms[-1]["fields"].append((name, value))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "fields": []})
            self._open = True
        elif not self._open or "disabled" in attributes:
            return
        elif tag == "input" and attributes.get("name"):
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self._add(attributes["name"], attributes.get("value", "on"))
                return
            self._add(attributes["name"], attributes.get("value", ""))
        elif tag == "select" and attributes.get("name"):
            self._select = {"name": attributes["name"], "multiple": "multiple" in attributes}
            self._select.update(first=None, chosen=False)
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attributes:
                self._select["chosen"] = True
                self._add(self._select["name"], value)
        elif tag == "textarea" and attributes.get("name"):
            self._textarea = [attributes["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = False
        elif tag == "select" and self._select is not None:
            select = self._select
            if not select["chosen"] and not select["multiple"] and select["first"] is not None:
                self._add(select["name"], select["first"])  # a browser sends the first option
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self._add(name, value.removeprefix("\n"))  # HTML drops the newline after the tag
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
