# One image for the three services: `newsroom service ingest|enrich|publish` (see docker-compose.yml).
# Built from source in a first stage, so `docker compose build` works on a fresh clone.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests \
 && ./mvnw -B -q -pl ops dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib \
 && cp ops/target/newsroom-ops-*.jar ops/target/lib/

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/newsroom newsroom \
 && mkdir -p /var/lib/newsroom /etc/newsroom && chown newsroom /var/lib/newsroom
COPY --from=build /src/ops/target/lib/ /opt/newsroom/lib/
USER newsroom
WORKDIR /var/lib/newsroom
ENV NEWSROOM_MANAGEMENT_HOST=0.0.0.0 \
    NEWSROOM_STATE_DIR=/var/lib/newsroom/state \
    NEWSROOM_LOG_FORMAT=json
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas", \
            "-cp", "/opt/newsroom/lib/*", "dev.newsroom.ops.Newsroom"]
CMD ["--help"]
