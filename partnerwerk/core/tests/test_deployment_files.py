"""The deployment files (deploy/, docs/deployment.md) agree with the settings and each other."""

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
INSTALL = REPO / "deploy" / "install-debian.sh"
NGINX = REPO / "deploy" / "nginx" / "partnerwerk.conf"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"@([A-Z_]+)@", text))


def test_the_guide_lists_every_setting_the_app_reads():
    sources = (REPO / "partnerwerk" / "settings.py").read_text()
    sources += (REPO / "partnerwerk" / "cli.py").read_text()
    settings = set(re.findall(r'"(PARTNERWERK_[A-Z_]+)"', sources)) | {"DATABASE_URL"}
    guide = (REPO / "docs" / "deployment.md").read_text()
    assert len(settings) > 30
    assert sorted(name for name in settings if f"`{name}`" not in guide) == []


def test_the_install_script_fills_every_placeholder_of_the_nginx_configuration():
    filled = set(re.findall(r"s\|@([A-Z_]+)@\|", INSTALL.read_text()))
    assert filled == placeholders(NGINX.read_text())


def test_the_install_script_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(INSTALL)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
