#!/usr/bin/env bash
# Proves the build reproducible: builds the listed artifacts a second time, from a clean copy of the sources in a
# temporary directory, and compares each one's SHA-256 with the artifact the enclosing build just made. Run at
# verify by the benchmarks module (the last of the reactor), so `mvn -B verify` (CI) fails when two clean builds
# differ. Usage: build/reproducible.sh MVN [LOCAL_REPOSITORY]; the list is build/reproducible.list.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mvn="${1:?usage: reproducible.sh MVN [LOCAL_REPOSITORY]}"
repo_args=()
if [[ -n "${2:-}" ]]; then repo_args=("-Dmaven.repo.local=$2"); fi

mapfile -t artifacts < <(grep -v '^\s*#' "$root/build/reproducible.list" | grep -v '^\s*$')
modules="$(printf '%s\n' "${artifacts[@]}" | cut -d/ -f1 | sort -u | paste -sd, -)"
for a in "${artifacts[@]}"; do
  [[ -f "$root/$a" ]] || { echo "reproducible: $a was not built by this build" >&2; exit 1; }
done

copy="$(mktemp -d "${TMPDIR:-/tmp}/lambda-guard-rebuild.XXXXXX")"
trap 'rm -rf "$copy"' EXIT
# A clean copy: the sources without any build output.
tar -C "$root" --exclude=target --exclude=.git -cf - . | tar -C "$copy" -xf -
# The second build: the same modules, without running tests. Not offline: the CycloneDX plugin skips its SBOM
# offline; every artifact is already in the local repository, so nothing is downloaded.
(cd "$copy" && "$mvn" -B -q "${repo_args[@]}" package -DskipTests -pl "$modules" -am) >"$copy.log" 2>&1 || {
  cat "$copy.log" >&2; rm -f "$copy.log"; echo "reproducible: the second build failed" >&2; exit 1; }
rm -f "$copy.log"

differ=0
for a in "${artifacts[@]}"; do
  first="$(sha256sum "$root/$a" | cut -d' ' -f1)"
  second="$(sha256sum "$copy/$a" | cut -d' ' -f1)"
  if [[ "$first" == "$second" ]]; then
    echo "reproducible: $first  $a"
  else
    echo "reproducible: DIFFERS $a ($first, then $second)" >&2
    differ=1
  fi
done
if [[ $differ -ne 0 ]]; then
  echo "reproducible: two clean builds differ; see docs/supply-chain.md" >&2
  exit 1
fi
echo "reproducible: ${#artifacts[@]} artifacts identical in two clean builds"
