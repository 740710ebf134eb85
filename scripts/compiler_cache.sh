# Sourced by scripts/test.sh and scripts/fuzz.sh: a compiler cache when ccache is installed
# (`scripts/setup.sh --test` installs it). Sets `cache_args` for CMake's configure step. The
# cache holds each object file under a hash of its preprocessed source and flags, so a build of
# unchanged sources is a hit, also from another checkout: paths under the source directory are
# hashed relative to it (CCACHE_BASEDIR), and the working directory is left out of the hash of
# builds with debug information (CCACHE_NOHASHDIR; their debug information may then name the
# checkout that first compiled a file). Settings of the caller win. CCLAB_NO_CCACHE=1 turns it
# off. docs/testing.md, "How long it takes".
cache_args=()
if [ -z "${CCLAB_NO_CCACHE:-}" ] && command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
  cache_args=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
else
  cache_args=(-DCMAKE_CXX_COMPILER_LAUNCHER=)
fi
