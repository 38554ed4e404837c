# strata alone, as the migration task of any pipeline (the app need not be .NET): the Native AOT binary and the
# libpg_query it lints with, on a small base with no .NET runtime, no shell and a non-root user.
#
# The build context is an unpacked release archive (scripts/release.sh --image does both):
#   bash scripts/release.sh --image            # or: tar xzf strata-<v>-linux-x64.tar.gz
#   docker build -f deploy/docker/strata.Dockerfile -t strata artifacts/release/strata-<v>-linux-x64
# Use:
#   FROM strata
#   COPY db/migrations/ /migrations/
#   CMD ["up", "--migrations-dir", "/migrations"]

# The binary needs only glibc (2.36 or newer) and the CA certificates runtime-deps provides.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled

FROM ${BASE_IMAGE}
# strata loads the libpg_query that sits beside it, so both live in one folder.
COPY strata libpg_query.so.1504.0 LICENSE THIRD-PARTY-NOTICES /opt/strata/
ENV PATH=/opt/strata:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /work
# The app user of the runtime-deps images; a base without it runs strata as this uid all the same.
USER 1654
ENTRYPOINT ["/opt/strata/strata"]
CMD ["--help"]
