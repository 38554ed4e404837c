# strata alone, for teams whose app is not .NET: add your migrations on top and run it as a one-off task.
#
# Build from the repository root:
#   docker build -f deploy/docker/strata.Dockerfile -t strata .
# Use:
#   FROM strata
#   COPY db/migrations/ /migrations/
#   CMD ["up", "--migrations-dir", "/migrations"]

ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Strata.Cli/Strata.Cli.csproj -c Release -r linux-x64 -o /out

FROM ${BASE_IMAGE}
ARG APP_UID=1654
RUN getent passwd "${APP_UID}" >/dev/null \
    || { groupadd --system --gid "${APP_UID}" app \
         && useradd --system --uid "${APP_UID}" --gid app --no-create-home --shell /usr/sbin/nologin app; }
COPY --from=build /out/strata /usr/local/bin/strata
ENV DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/.net
WORKDIR /work
USER ${APP_UID}
ENTRYPOINT ["strata"]
CMD ["--help"]
