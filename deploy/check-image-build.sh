#!/usr/bin/env bash
# What `docker build` does with the Dockerfile's build stage, done without a Docker engine, then checked:
#   1. the build context: this working tree's files as git sees them (tracked and untracked, not ignored; so no
#      target/ and no .git, like .dockerignore), copied to an empty directory;
#   2. a local Maven repository that has never seen this project: the user's, read-only, without dev/newsroom, so
#      that an `install` done earlier cannot hide a build that only works with installed modules;
#   3. the build stage's COPY and RUN instructions, in order, read from the Dockerfile (WORKDIR is the scratch
#      directory; the dependency layer gets only what its COPY lines name);
#   4. the jars the runtime stage copies: none dev-only or test (broker, Scala, JUnit, Testcontainers, devstack),
#      every service module's, and the command line starts from them with `service` and without `demo`.
# Usage: deploy/check-image-build.sh [WORK_DIR]   (kept when given; a temporary one is removed otherwise)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repository="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
if [[ $# -gt 0 ]]; then
  work="$1"; mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/newsroom-image-check.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi
context="$work/context" stage="$work/stage" tail="$work/m2-tail"
rm -rf "$context" "$stage" "$tail"
mkdir -p "$context" "$stage" "$tail/dev" "$work/m2"

(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done \
  | xargs -0 cp --parents -t "$context")

for entry in "$repository"/*; do [[ "$(basename "$entry")" == dev ]] || ln -s "$entry" "$tail/"; done
for entry in "$repository"/dev/*; do [[ "$(basename "$entry")" == newsroom ]] || ln -s "$entry" "$tail/dev/"; done
export MAVEN_ARGS="-Dmaven.repo.local=$work/m2 -Dmaven.repo.local.tail=$tail ${MAVEN_ARGS:-}"

copy() { # COPY src... dest, relative to the context and the stage's WORKDIR, as Docker does it
  local args=("$@") dest="${!#}"
  mkdir -p "$stage/$dest"
  for source in "${args[@]:0:$#-1}"; do
    if [[ -d "$context/$source" ]]; then
      cp -a "$context/$source/." "$stage/$dest/"
    else
      cp -a "$context/$source" "$stage/$dest/"
    fi
  done
}

in_build_stage=false
while IFS= read -r instruction; do
  read -r keyword rest <<<"$instruction"
  case "${keyword^^}" in
    FROM) if $in_build_stage; then break; fi; in_build_stage=true ;;
    COPY) read -r -a sources <<<"$rest"; echo "check-image-build: COPY $rest"; copy "${sources[@]}" ;;
    RUN) echo "check-image-build: RUN $rest"; (cd "$stage" && bash -c "$rest") ;;
    WORKDIR|ENV|ARG|"") ;;
    *) echo "check-image-build: no stand-in for the build stage's $keyword" >&2; exit 1 ;;
  esac
done < <(sed -e '/^\s*#/d' "$root/Dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')

lib_in_stage="$(sed -n 's#^COPY --from=build /src/\([^ ]*\) /opt/newsroom/lib/\?$#\1#p' "$root/Dockerfile")"
lib="$stage/${lib_in_stage:?the runtime stage copies no lib directory from the build stage}"
[[ -d "$lib" ]] || { echo "check-image-build: the build stage made no $lib_in_stage" >&2; exit 1; }

failed=0
dev_only="$(ls "$lib" | grep -E 'kafka_2\.13|kafka-server|kafka-metadata|kafka-raft|kafka-storage|scala|junit|opentest4j|testcontainers|docker-java|assertj|awaitility|archunit|log4j-core|devstack|-tests\.jar' || true)"
if [[ -n "$dev_only" ]]; then
  echo "check-image-build: FAIL dev-only or test jars in the image:" $dev_only; failed=1
fi
for module in schemas platform ingest enrich publish ops; do
  ls "$lib"/newsroom-"$module"-*.jar >/dev/null 2>&1 || { echo "check-image-build: FAIL no newsroom-$module jar"; failed=1; }
done
[[ -s "$lib/../sbom.json" ]] || { echo "check-image-build: FAIL no SBOM beside the jars"; failed=1; }
help="$(java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas -cp "$lib/*" dev.newsroom.ops.Newsroom --help)" \
  || { echo "check-image-build: FAIL the command line does not start from the image's jars"; failed=1; }
grep -qE '^  service ' <<<"$help" || { echo "check-image-build: FAIL no 'service' command in the image"; failed=1; }
if grep -qE '^  (demo|up|bench) ' <<<"$help"; then echo "check-image-build: FAIL dev-stack commands in the image"; failed=1; fi

echo "check-image-build: $(ls "$lib" | wc -l) jars, $(du -sm "$lib" | cut -f1) MB in $lib_in_stage"
[[ $failed -eq 0 ]] && echo "check-image-build: OK" || exit 1
