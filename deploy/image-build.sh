#!/usr/bin/env sh
# The image's build steps, run by the Dockerfile and by deploy/check-image-build.sh, so that what the check proves
# is what the image gets. From the repository root:
#   deploy/image-build.sh dependencies     # with only the poms present: fills the local Maven repository
#   deploy/image-build.sh classpath DIR    # with the sources: the services' runtime jars into DIR
# The reactor is ops and what it depends on: the service modules, and devstack, built (not shipped) only because the
# service modules' tests name it and Maven resolves the test scope even for a build that skips them. Tests are
# compiled (test-jars link the modules) but not run, the registry distribution is not downloaded, and the jars
# copied are ops' runtime classpath alone.
set -eu
build="-B -q -pl ops -am -DskipTests -Dregistry.distribution.skip=true"

case "${1:-}" in
  dependencies)
    # The same build on the poms alone: it resolves exactly the dependencies and plugins the real one uses, where
    # dependency:go-offline also fetched 180 MB the build never reads (old Jetty, Ehcache, jOOQ).
    ./mvnw $build package
    rm -rf ./*/target
    ;;
  classpath)
    lib="${2:?usage: image-build.sh classpath DIR}"
    ./mvnw $build package
    mkdir -p "$lib"
    # ops/target/service-classpath.txt is the classpath ServiceClasspathTest checks; the image ships exactly it.
    tr ':' '\n' < ops/target/service-classpath.txt | while IFS= read -r entry; do
      cp "$entry" "$lib/"
    done
    find ops/target -maxdepth 1 -name 'newsroom-ops-*.jar' ! -name '*-tests.jar' -exec cp {} "$lib/" \;
    # The SBOM of exactly these jars (CycloneDX, written by the same build), next to them.
    cp ops/target/newsroom-service-bom.json "$lib/../sbom.json"
    ;;
  *)
    echo "usage: deploy/image-build.sh dependencies | classpath DIR" >&2
    exit 2
    ;;
esac
