"""The multi-server test's nginx: the repository's own configuration with its placeholders
filled, inside a main configuration that keeps every path in the test's folder."""

import os
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
NGINX_TEMPLATE = REPO / "deploy" / "nginx" / "partnerwerk.conf"


def render_nginx(values: dict[str, str]) -> str:
    """The repository's nginx configuration with every @NAME@ replaced."""
    text = NGINX_TEMPLATE.read_text()
    for name, value in values.items():
        assert f"@{name}@" in text, f"{NGINX_TEMPLATE} has no @{name}@"
        text = text.replace(f"@{name}@", value)
    left = set(re.findall(r"@[A-Z_]+@", text))
    assert not left, f"{NGINX_TEMPLATE} needs values for {sorted(left)}"
    return text


def nginx_main_config(folder: Path, site_config: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives, with every path in `folder`."""
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    temp = folder / "nginx-temp"
    return f"""{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/logs/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}  # bench/load_cluster.py: 200 clients
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site_config};
}}
"""


def self_signed_certificate(openssl: str, folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "tls.pem", folder / "tls.key"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        + ["-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    return certificate, key
