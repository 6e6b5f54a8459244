#!/usr/bin/env bash
# Brings what the tests need that npm does not: Debian's Chromium (browser tests; never a downloaded browser)
# and python3-igraph + python3-leidenalg (the Leiden reference that Louvain's modularity is checked against).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import igraph' 2>/dev/null || missing+=(python3-igraph)
/usr/bin/python3 -c 'import leidenalg' 2>/dev/null || missing+=(python3-leidenalg)
/usr/bin/python3 -c 'import networkx' 2>/dev/null || missing+=(python3-networkx)  # independent GEXF/GraphML reader (scripts/networkx-read.py)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing test prerequisites from Debian: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
