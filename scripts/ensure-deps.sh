#!/usr/bin/env bash
# Installs what Selah needs on a fresh Debian machine that has only Node and npm:
# Debian packages (ffmpeg, pocketsphinx + its English model; the SWORD exporter with the
# public-domain WEB and KJV Bibles that scripture snapping reads and Nave's Topical Bible, and
# WordNet, for the local-semantic embedder; espeak-ng, which reads the demo sermons aloud and
# pronounces a manuscript's names; with --test also Chromium, sox, curl, jq) and the npm
# packages. --test covers the tests and every bench:*/eval:* command too: the programs those
# check for first (bench/support/require-tools.ts) come from these packages, or from
# bash and coreutils (mkfifo, seq), which every Debian has.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || packages+=(ffmpeg)
command -v pocketsphinx_continuous >/dev/null || packages+=(pocketsphinx)
[ -d /usr/share/pocketsphinx/model/en-us ] || packages+=(pocketsphinx-en-us)
command -v mod2imp >/dev/null || packages+=(libsword-utils)
[ -f /usr/share/sword/mods.d/engWEB2015eb.conf ] || packages+=(sword-text-web)
[ -f /usr/share/sword/mods.d/engKJV2006eb.conf ] || packages+=(sword-text-kjv)
# The local-semantic embedder builds its lexicon from these on first need (lib/search/embeddings/semantic).
[ -f /usr/share/wordnet/data.noun ] || packages+=(wordnet-base)
[ -f /usr/share/sword/mods.d/nave.conf ] || packages+=(sword-dict-naves)
command -v espeak-ng >/dev/null || packages+=(espeak-ng)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null || packages+=(chromium)
  command -v sox >/dev/null || packages+=(sox)
  # e2e/admin-api.spec.ts runs the README's curl + jq upload script.
  command -v curl >/dev/null || packages+=(curl)
  command -v jq >/dev/null || packages+=(jq)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${packages[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "Selah needs these Debian packages: ${packages[*]}. Install them as root (apt-get install ${packages[*]}) and run again." >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# npm records the installed tree in node_modules/.package-lock.json; reinstall when the lockfile is newer.
if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -f lib/platform/db/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt lib/platform/db/generated/prisma/client.ts ]; then
  npm run --silent db:generate >/dev/null 2>&1
fi
# The local-semantic embedder's lexicon (SELAH_DATA_DIR/semantic, ≈ 7 MB): built once here so the
# first start or test does not wait for it; a no-op when it is already there.
npm run --silent semantic:build
