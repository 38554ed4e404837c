#!/bin/bash
# Exits 0 when the app answers 200 on a local path (default /health/live). The image has no curl or wget:
# bash's /dev/tcp speaks just enough HTTP/1.0 for a health check.
set -eu
path="${1:-/health/live}"
port="${HEALTHCHECK_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "healthcheck: ${path}: ${status:-no answer}" >&2; exit 1 ;;
esac
