#!/usr/bin/env bash
# Installs the Debian 12 packages cclab needs, only those missing (idempotent; Debian packages only).
# Usage: bash scripts/setup.sh [--test]
set -euo pipefail
PKGS=(g++ make cmake pkg-config git
      libsimgrid-dev libeigen3-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
      libgtest-dev libgmock-dev libbenchmark-dev
      libimgui-dev libglfw3-dev libstb-dev libgl-dev libboost-math-dev libgsl-dev libglpk-dev fonts-dejavu-core)
# `setup.sh --test`: what the test suite needs besides (formatting check, GNU parallel for the
# shard recipe, headless Chromium to render report.html, Xvfb and Mesa to screenshot the GUI,
# clang with libFuzzer for the fuzz targets, ccache for rebuilds: scripts/compiler_cache.sh).
if [ "${1:-}" = "--test" ]; then
  PKGS+=(clang-format time parallel strace chromium xvfb xauth libgl1-mesa-dri clang libclang-rt-14-dev
        ccache)
fi
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "cclab setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
