#!/bin/sh
# Installs Debian's chromium when absent: the HTML report test renders the report in a real browser.
set -e
command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium)
command -v chromium
