#!/usr/bin/env bash
# Validates docker/compose.yaml with `docker-compose config -q` (no Docker engine needed).
# Installs Debian's docker-compose package first when it is missing and we run as root.
# Usage: docker/validate-compose.sh   (from any directory)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
compose_file="docker/compose.yaml"

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "docker-compose not found: installing Debian's docker-compose package..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "ERROR: docker-compose is not installed (install it with: apt-get install docker-compose)." >&2
    exit 2
  fi
fi

cd "$repo_root"
if [ ! -f "$compose_file" ]; then
  echo "ERROR: $repo_root/$compose_file not found." >&2
  exit 2
fi

echo "Validating $compose_file with $(docker-compose version --short 2>/dev/null || echo docker-compose)..."
if docker-compose -f "$compose_file" config -q; then
  echo "OK: $compose_file is a valid Compose file."
else
  status=$?
  echo "ERROR: $compose_file is NOT valid (docker-compose config exited with $status); see the messages above." >&2
  exit "$status"
fi
