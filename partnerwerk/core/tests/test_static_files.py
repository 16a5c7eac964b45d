from io import StringIO

from django.core.management import call_command

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_collectstatic_builds_the_manifest_that_make_run_serves(settings, tmp_path):
    # `make run` collects the static files with the manifest storage; a file that references
    # a missing one (a source map, an image in a stylesheet) would stop it.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    call_command("collectstatic", "--noinput", stdout=StringIO())
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("vendor/leaflet/leaflet.*.js"))
    assert list(tmp_path.glob("portal/portal.*.css"))
