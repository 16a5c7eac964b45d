"""The background worker's deployment files (decision 0031) agree with the commands."""

import re
from pathlib import Path

from django.core.management import get_commands

REPO = Path(__file__).resolve().parents[3]
SYSTEMD = REPO / "deploy" / "systemd"


def partnerwerk_commands(unit: Path) -> list[str]:
    return re.findall(r"bin/partnerwerk ([a-z-]+)", unit.read_text())


def main_command(unit: Path) -> str:
    """The command of the unit's ExecStart (ExecStartPre may run others first)."""
    [line] = [line for line in unit.read_text().splitlines() if line.startswith("ExecStart=")]
    [command] = re.findall(r"bin/partnerwerk ([a-z-]+)", line)
    return command


def test_the_install_script_installs_every_systemd_unit_of_the_repository():
    script = (REPO / "deploy" / "install-debian.sh").read_text()

    assert sorted(unit.name for unit in SYSTEMD.iterdir() if unit.name not in script) == []


def test_the_worker_and_reminder_units_run_commands_that_exist():
    commands = get_commands()

    for name in ("partnerwerk-worker.service", "partnerwerk-grants-remind.service"):
        assert main_command(SYSTEMD / name) in ("db-worker", "grants-remind"), name
        for command in partnerwerk_commands(SYSTEMD / name):
            assert command.replace("-", "_") in commands, (name, command)


def test_the_guide_documents_the_worker_command_and_its_unit():
    guide = (REPO / "docs" / "deployment.md").read_text()

    assert "partnerwerk db-worker" in guide and "partnerwerk-worker.service" in guide
