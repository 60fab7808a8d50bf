# One image for the three services: `newsroom service ingest|enrich|publish` (see docker-compose.yml).
# Built from source, so `docker compose build` works on a fresh clone with nothing installed. The build stage's
# steps are deploy/image-build.sh's; deploy/check-image-build.sh runs this stage without Docker and checks its result.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependency layer: the poms (and the Avro contracts, which the schemas build reads) and nothing else, so that a
# change to the sources reuses the downloaded dependencies and plugins.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY schemas/pom.xml schemas/
COPY schemas/src/main/avro/ schemas/src/main/avro/
COPY devstack/pom.xml devstack/
COPY platform/pom.xml platform/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY publish/pom.xml publish/
COPY ops/pom.xml ops/
COPY console/pom.xml console/
COPY devtools/pom.xml devtools/
COPY benchmarks/pom.xml benchmarks/
COPY systemtest/pom.xml systemtest/
COPY deploy/image-build.sh deploy/
RUN deploy/image-build.sh dependencies
COPY . .
RUN deploy/image-build.sh classpath image/lib

FROM eclipse-temurin:17-jre
# A fixed, numeric non-root user, so that Kubernetes' runAsNonRoot can check it; it owns the state directory, which a
# named volume mounted there starts from (Streams' state stores, checkpoints).
RUN groupadd --system --gid 10001 newsroom \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/newsroom --no-create-home newsroom \
 && mkdir -p /var/lib/newsroom/state /etc/newsroom \
 && chown -R 10001:10001 /var/lib/newsroom
COPY --from=build /src/image/lib/ /opt/newsroom/lib/
COPY --from=build /src/image/sbom.json /opt/newsroom/sbom.json
USER 10001:10001
WORKDIR /var/lib/newsroom
ENV NEWSROOM_MANAGEMENT_HOST=0.0.0.0 \
    NEWSROOM_STATE_DIR=/var/lib/newsroom/state \
    NEWSROOM_LOG_FORMAT=json
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas", \
            "-cp", "/opt/newsroom/lib/*", "dev.newsroom.ops.Newsroom"]
CMD ["--help"]
