# The reference app's image. It also carries the strata binary, the app's db/ folder, psql and the database roles'
# bootstrap, so the migration task is this image with its command replaced by `strata-migrate up`
# (deploy/terraform/app/ecs.tf; deploy/docker/strata-migrate.sh runs deploy/sql/bootstrap-roles.sql, then strata).
#
# Build from the repository root:
#   docker build -f deploy/docker/app.Dockerfile -t cruddur .
# Run the app:           docker run -p 8080:8080 -e DATABASE_URL=... cruddur
# Run the migrations:    docker run -e DATABASE_URL=... cruddur strata up --migrations-dir /app/db/migrations
# (the migration task runs `strata-migrate up ...` instead, which sets up the roles first when DB_ADMIN_USER is set)

ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY examples/Cruddur/ examples/Cruddur/
# Both self-contained: the final image needs no .NET runtime, only the libraries runtime-deps provides. strata is
# the single-file JIT build here (Native AOT needs a C toolchain in the build image; the strata image has the AOT one).
# The app's publish output carries its db/ folder (migrations and seeds), which the migration task runs.
RUN dotnet publish examples/Cruddur/Cruddur.csproj -c Release -r linux-x64 --self-contained -o /out/app \
    && dotnet publish src/Strata.Cli/Strata.Cli.csproj -c Release -r linux-x64 -p:PublishAot=false -o /out/strata \
    && test -d /out/app/db/migrations

FROM ${BASE_IMAGE}
ARG APP_UID=1654
# runtime-deps images already have this user; a different base may not. psql runs the roles' bootstrap.
RUN getent passwd "${APP_UID}" >/dev/null \
    || { groupadd --system --gid "${APP_UID}" app \
         && useradd --system --uid "${APP_UID}" --gid app --no-create-home --shell /usr/sbin/nologin app; } \
    && apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /out/app/ /app/
COPY --from=build /out/strata/strata /usr/local/bin/strata
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
COPY deploy/docker/strata-migrate.sh /usr/local/bin/strata-migrate
COPY deploy/sql/bootstrap-roles.sql /usr/local/share/strata/bootstrap-roles.sql

# The single-file strata binary unpacks its native libraries here; the app user has no home directory.
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/.net
EXPOSE 8080
USER ${APP_UID}
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["/usr/local/bin/healthcheck", "/health/live"]
# A command, not an entry point, so that ECS's command override (["strata", "up", ...]) replaces it whole.
CMD ["/app/Cruddur"]
