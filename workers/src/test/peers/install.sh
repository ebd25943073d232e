#!/usr/bin/env bash
# The real peers the integration tests talk to, from Debian: Request Tracker 5 (REST2, SQLite), Prometheus
# Alertmanager, and Chromium for the console's browser tests (driven by playwright-core from console/).
# Installed once (about 3 minutes); later runs find them and return at once.
set -euo pipefail

RT_HOOK=/etc/request-tracker5/RT_SiteConfig.d/90-tierzero-tests.pm
packages=()
[ -x /usr/share/request-tracker5/libexec/rt-server ] || packages+=(request-tracker5)
command -v prometheus-alertmanager >/dev/null 2>&1 || packages+=(prometheus-alertmanager)
[ -x /usr/bin/chromium ] || packages+=(chromium fonts-liberation)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tierzero: the integration tests need ${packages[*]}; run './tierzero test' as root once, or install them with apt-get" >&2
    exit 1
  fi
  echo "tierzero: installing the integration tests' peers: ${packages[*]} (once, about 2 minutes)..." >&2
  debconf-set-selections <<'SEED'
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/rtname string tierzero.test
request-tracker5 request-tracker5/correspondaddress string rt@tierzero.test
request-tracker5 request-tracker5/commentaddress string rt-comment@tierzero.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8088
request-tracker5 request-tracker5/initial-root-password password rootpass
request-tracker5 request-tracker5/install-cronjobs boolean false
SEED
  apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # the package starts Alertmanager as a service; the tests start their own
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now prometheus-alertmanager >/dev/null 2>&1 || true; fi
fi

# Each RT test runs its own RT on a copy of the installed database: its site configuration takes the database and
# the address from the environment.
if [ ! -f "$RT_HOOK" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tierzero: $RT_HOOK is missing; run './tierzero test' as root once" >&2
    exit 1
  fi
  cat > "$RT_HOOK" <<'HOOK'
# TierZero's integration tests run their own Request Tracker: its database and address come from the environment.
if ($ENV{TIERZERO_RT_DATABASE}) {
    Set($DatabaseName, $ENV{TIERZERO_RT_DATABASE});
    Set($WebPath, '');
    Set($WebBaseURL, $ENV{TIERZERO_RT_URL});
    Set($LogToSTDERR, 'warning');
}
1;
HOOK
fi
