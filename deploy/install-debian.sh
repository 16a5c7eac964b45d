#!/usr/bin/env bash
# Install or update Partnerwerk on a Debian 12 (bookworm) server: Debian's packages (Python
# 3.11, nginx, PostgreSQL, Redis), the Python packages from PyPI through pip, a system user,
# the settings in /etc/partnerwerk/env, the database, static files, nginx with TLS, the app
# servers, the background worker, the daily funding reminders and the nightly backup as
# systemd units. Run it again after an update of the code:
# it changes only what is missing or out of date and never overwrites the settings file.
#
#   sudo PARTNERWERK_DOMAIN=partner.example.org deploy/install-debian.sh
#
# Settings of this script (environment variables):
#   PARTNERWERK_DOMAIN     the site's host name (required on the first run)
#   PARTNERWERK_PORTS      the app servers' ports on 127.0.0.1 (default "8001 8002")
#   PARTNERWERK_TLS_CERT   certificate chain and key (PEM) to use; without them the script
#   PARTNERWERK_TLS_KEY    takes Let's Encrypt's for the domain when present, else makes a
#                          self-signed one to start with (replace it: docs/deployment.md)
#   PARTNERWERK_LOAD_REFERENCE=no   leaves out Dortmund's reference data (load-reference)
# The guide is docs/deployment.md. Nothing here is run by the tests.
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/opt/partnerwerk
APP="$PREFIX/app"
VENV="$PREFIX/venv"
VAR=/var/lib/partnerwerk
ETC=/etc/partnerwerk
ENV_FILE="$ETC/env"
PORTS="${PARTNERWERK_PORTS:-8001 8002}"
USER_NAME=partnerwerk

say() { echo "install-debian: $*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run me as root (sudo)."
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null \
  || say "written for Debian 12 (bookworm); continuing on $(. /etc/os-release; echo "$PRETTY_NAME")."

# --- Debian's packages -----------------------------------------------------------------------
# WeasyPrint (the PDF letters) needs Pango, HarfBuzz's subsetting and a font.
PACKAGES=(python3.11 python3.11-venv nginx postgresql postgresql-client
  redis-server openssl ca-certificates curl
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# --- the system user and its directories -------------------------------------------------------
if ! id "$USER_NAME" >/dev/null 2>&1; then
  say "creating the system user $USER_NAME"
  adduser --system --group --home "$VAR" --shell /usr/sbin/nologin "$USER_NAME"
fi
install -d -o "$USER_NAME" -g "$USER_NAME" -m 0750 "$VAR" "$VAR/media" "$VAR/backups" "$VAR/cache"
# nginx (www-data) reads the static files, and nothing else of the var directory.
install -d -o "$USER_NAME" -g "$USER_NAME" -m 0755 "$VAR/static"
chmod 0751 "$VAR"
install -d -m 0755 "$PREFIX" /var/www/acme
install -d -o root -g "$USER_NAME" -m 0750 "$ETC"

# --- the code and its Python packages ----------------------------------------------------------
say "copying the code from $SOURCE to $APP"
rm -rf "$APP.new"
install -d -m 0755 "$APP.new"
tar -C "$SOURCE" --exclude=./.git --exclude=./.venv --exclude=./var --exclude=./node_modules \
  --exclude='*.egg-info' --exclude='__pycache__' -cf - . | tar -C "$APP.new" -xf -
rm -rf "$APP.old"
if [ -d "$APP" ]; then mv "$APP" "$APP.old"; fi
mv "$APP.new" "$APP"
rm -rf "$APP.old"

# The front-end packages come from the npm registry (package-lock.json); a checkout prepared
# with `make setup` brings them along, otherwise Debian's npm fetches them here.
if [ ! -f "$APP/partnerwerk/static/vendor/.copied" ]; then
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
  say "fetching the front-end packages with npm"
  (cd "$APP" && npm ci --no-audit --no-fund --silent && npm run --silent vendor \
    && touch partnerwerk/static/vendor/.copied && rm -rf node_modules)
fi

[ -x "$VENV/bin/python" ] || python3.11 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# Editable: the settings find the reference data and static sources beside the package.
"$VENV/bin/python" -m pip install --quiet -e "$APP"

# --- PostgreSQL: a role and a database of the same name, reached through the local socket
# with peer authentication (no password to keep) --------------------------------------------------
systemctl enable --now postgresql >/dev/null
as_postgres() { runuser -u postgres -- "$@"; }
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" != 1 ]; then
  say "creating the PostgreSQL role $USER_NAME"
  as_postgres createuser "$USER_NAME"
fi
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$USER_NAME'")" != 1 ]; then
  say "creating the PostgreSQL database $USER_NAME"
  as_postgres createdb --owner "$USER_NAME" --encoding UTF8 "$USER_NAME"
fi

# Debian's Redis listens on 127.0.0.1 only; the app uses it as the shared cache.
systemctl enable --now redis-server >/dev/null

# --- the settings (docs/deployment.md has the checklist); written once, then yours ---------------
if [ ! -f "$ENV_FILE" ]; then
  [ -n "${PARTNERWERK_DOMAIN:-}" ] || die "set PARTNERWERK_DOMAIN=your.host.name for the first run."
  say "writing $ENV_FILE"
  secret="$("$VENV/bin/python" -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(64)))')"
  umask 0027
  cat >"$ENV_FILE" <<EOF
# Partnerwerk's settings (docs/deployment.md). Read by the systemd units; no quotes.
PARTNERWERK_ENV=production
PARTNERWERK_SECRET_KEY=$secret
PARTNERWERK_ALLOWED_HOSTS=$PARTNERWERK_DOMAIN
PARTNERWERK_VAR_DIR=$VAR
DATABASE_URL=postgres://%2Fvar%2Frun%2Fpostgresql/$USER_NAME
PARTNERWERK_CACHE=redis
PARTNERWERK_REDIS_URL=redis://127.0.0.1:6379/0
PARTNERWERK_SESSIONS=cached_db
PARTNERWERK_TRUSTED_PROXIES=127.0.0.1
PARTNERWERK_LOG_FORMAT=json
PARTNERWERK_WORKERS=2
PARTNERWERK_FROM_EMAIL=partnerwerk@$PARTNERWERK_DOMAIN
PARTNERWERK_BASE_URL=https://$PARTNERWERK_DOMAIN
EOF
  umask 0022
fi
chown root:"$USER_NAME" "$ENV_FILE"
chmod 0640 "$ENV_FILE"
domain="$(sed -n 's/^PARTNERWERK_ALLOWED_HOSTS=\([^,]*\).*/\1/p' "$ENV_FILE")"
[ -n "$domain" ] || die "$ENV_FILE names no host in PARTNERWERK_ALLOWED_HOSTS."

# Run a command as the app's user with the settings file's environment.
as_app() {
  runuser -u "$USER_NAME" -- env -i PATH=/usr/bin:/bin HOME="$VAR" LANG=C.UTF-8 \
    bash -c 'set -a; . "$0"; set +a; cd "$HOME"; exec "$@"' "$ENV_FILE" "$@"
}
say "migrating the database, loading the reference data, collecting the static files"
as_app "$VENV/bin/partnerwerk" migrate --noinput
if [ "${PARTNERWERK_LOAD_REFERENCE:-yes}" != no ]; then
  as_app "$VENV/bin/partnerwerk" load-reference
fi
as_app "$VENV/bin/partnerwerk" collectstatic --noinput --verbosity 0
as_app "$VENV/bin/partnerwerk" ensure-admin
max_body="$(as_app "$VENV/bin/python" -c 'import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerwerk.settings")
django.setup()
from django.conf import settings
print(settings.PARTNERWERK_SIGNED_IN_MAX_BODY)' | tail -n 1)"
[[ "$max_body" =~ ^[0-9]+$ ]] || die "could not read the largest request body from the settings."

# --- TLS ---------------------------------------------------------------------------------------
cert="${PARTNERWERK_TLS_CERT:-}"
key="${PARTNERWERK_TLS_KEY:-}"
if [ -z "$cert" ] && [ -f "/etc/letsencrypt/live/$domain/fullchain.pem" ]; then
  cert="/etc/letsencrypt/live/$domain/fullchain.pem"
  key="/etc/letsencrypt/live/$domain/privkey.pem"
fi
if [ -z "$cert" ]; then
  cert="$ETC/tls/self-signed.pem"
  key="$ETC/tls/self-signed.key"
  if [ ! -f "$cert" ]; then
    say "no certificate given: making a self-signed one for $domain (replace it, see the guide)"
    install -d -m 0700 "$ETC/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=$domain" \
      -addext "subjectAltName=DNS:$domain" -keyout "$key" -out "$cert" 2>/dev/null
  fi
fi

# --- nginx -------------------------------------------------------------------------------------
servers=""
for port in $PORTS; do
  servers="${servers}server 127.0.0.1:$port max_fails=1 fail_timeout=10s; "
done
sed -e "s|@SERVER_NAME@|$domain|g" -e "s|@HTTP_LISTEN@|80|g" -e "s|@HTTPS_LISTEN@|443|g" \
  -e "s|@TLS_CERTIFICATE@|$cert|g" -e "s|@TLS_CERTIFICATE_KEY@|$key|g" \
  -e "s|@VAR_DIR@|$VAR|g" -e "s|@APP_SERVERS@|$servers|g" -e "s|@MAX_BODY@|$max_body|g" \
  -e "s|@LOG_DIR@|/var/log/nginx|g" \
  "$APP/deploy/nginx/partnerwerk.conf" >/etc/nginx/sites-available/partnerwerk
ln -sf /etc/nginx/sites-available/partnerwerk /etc/nginx/sites-enabled/partnerwerk
rm -f /etc/nginx/sites-enabled/default
nginx -t -q
systemctl enable nginx >/dev/null
systemctl reload-or-restart nginx

# --- the app servers, the worker, the reminders and the backup ---------------------------------
install -m 0644 "$APP/deploy/systemd/partnerwerk@.service" \
  "$APP/deploy/systemd/partnerwerk-worker.service" \
  "$APP/deploy/systemd/partnerwerk-grants-remind.service" \
  "$APP/deploy/systemd/partnerwerk-grants-remind.timer" \
  "$APP/deploy/systemd/partnerwerk-backup.service" \
  "$APP/deploy/systemd/partnerwerk-backup.timer" \
  "$APP/deploy/systemd/partnerwerk-cleanup.service" \
  "$APP/deploy/systemd/partnerwerk-cleanup.timer" /etc/systemd/system/
systemctl daemon-reload
for port in $PORTS; do
  systemctl enable "partnerwerk@$port" >/dev/null
  # One after the other, each ready before the next restarts: the site keeps answering.
  systemctl restart "partnerwerk@$port"
  for _ in $(seq 60); do
    if curl -fsS -o /dev/null -H "Host: $domain" -H "X-Forwarded-Proto: https" \
      "http://127.0.0.1:$port/readyz"; then
      break
    fi
    sleep 1
  done
  curl -fsS -o /dev/null -H "Host: $domain" -H "X-Forwarded-Proto: https" \
    "http://127.0.0.1:$port/readyz" || die "the app server on port $port is not ready: journalctl -u partnerwerk@$port"
done
# The background worker runs the new code too (a task it is running is finished first).
systemctl enable partnerwerk-worker >/dev/null
systemctl restart partnerwerk-worker
if grep -q '^PARTNERWERK_BASE_URL=' "$ENV_FILE"; then
  systemctl enable --now partnerwerk-grants-remind.timer >/dev/null
else
  say "add PARTNERWERK_BASE_URL=https://$domain to $ENV_FILE, then run this script again" \
    "to start the daily funding reminders"
fi
systemctl enable --now partnerwerk-backup.timer >/dev/null
systemctl enable --now partnerwerk-cleanup.timer >/dev/null

say "done: https://$domain/ (app servers on ports $PORTS, a background worker; settings in $ENV_FILE)"
