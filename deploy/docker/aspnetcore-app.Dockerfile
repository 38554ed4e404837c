# An ASP.NET Core app that uses Strata, built from the app's own repository: copy this file there and build with
# the repository root as the context. strata comes from the strata image (deploy/docker/strata.Dockerfile, or a
# registry's copy of it), so the migration task is this image with its command replaced by `strata up`.
#
#   docker build -f aspnetcore-app.Dockerfile --build-arg PROJECT=src/MyApp/MyApp.csproj --build-arg APP=MyApp \
#     --build-arg STRATA_IMAGE=strata:1.2.3 -t myapp .
# Run the app:          docker run -p 8080:8080 -e DATABASE_URL=... myapp
# Run the migrations:   docker run -e DATABASE_URL=... myapp strata up --migrations-dir /app/db/migrations
#
# The app's publish output should carry its db/ folder, e.g. in its .csproj:
#   <None Include="db/**/*.sql" CopyToPublishDirectory="PreserveNewest" />

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG STRATA_IMAGE=strata:latest

FROM ${STRATA_IMAGE} AS strata

FROM ${SDK_IMAGE} AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN test -n "${PROJECT}" || { echo "pass --build-arg PROJECT=path/to/App.csproj" >&2; exit 1; } \
    && dotnet publish "${PROJECT}" -c Release -o /out/app

FROM ${BASE_IMAGE}
ARG APP
ARG APP_UID=1654
WORKDIR /app
COPY --from=build /out/app/ /app/
COPY --from=strata /opt/strata/ /opt/strata/
# The apphost finds its assembly beside its real path, so a link gives the app a name that does not vary.
RUN test -n "${APP}" || { echo "pass --build-arg APP=<the app's assembly name>" >&2; exit 1; } \
    && test -x "/app/${APP}" && ln -s "/app/${APP}" /usr/local/bin/app \
    && /opt/strata/strata --version
ENV PATH=/opt/strata:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER ${APP_UID}
# A command, not an entry point, so that a task's command override (["strata", "up", ...]) replaces it whole.
CMD ["app"]
