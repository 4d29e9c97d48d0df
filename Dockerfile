# syntax=docker/dockerfile:1
# The service as an image: built from this folder, so the bpmn/ and forms/ deployed are the ones
# built (they are inside the jar). docker-compose.yml runs it with PostgreSQL and Mailpit.

# --- build: the jar, then split into layers that change at different rates -----------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: this layer is reused until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/through-the-gate-*.jar extract --layers --launcher --destination /layers

# --- run: a JRE, the layers, a user without privileges --------------------------------------------
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin ttg
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
# 8080: Tasklist, Cockpit, the REST APIs. 8081: health and metrics (operators only).
EXPOSE 8080 8081
# PostgreSQL, no demo users; deadlines and the digest's cron are read in UK time.
ENV SPRING_PROFILES_ACTIVE=postgres \
    TZ=Europe/London \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
