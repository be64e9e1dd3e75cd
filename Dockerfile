# Build: the database client libraries are compiled from source (bundled), so the
# runtime image needs no libpq, libssl or libsqlite3.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
RUN cargo build --release --locked && strip target/release/rapport

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /var/lib/rapport rapport \
    && mkdir -p /var/lib/rapport && chown rapport /var/lib/rapport
COPY --from=build /src/target/release/rapport /usr/local/bin/rapport
USER rapport
WORKDIR /var/lib/rapport
ENV RAPPORT_HOST=0.0.0.0 RAPPORT_PORT=8080 LOG_FORMAT=json DATABASE_URL=sqlite:///var/lib/rapport/rapport.db
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fs http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["rapport"]
CMD ["serve"]
