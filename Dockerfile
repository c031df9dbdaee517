# syntax=docker/dockerfile:1
#
# Decision Ledger: multi-stage image.
#   docker build -t decision-ledger .
#   docker run --rm -p 3000:3000 -e SLACK_SIGNING_SECRET=… -e SLACK_BOT_TOKEN=xoxb-… \
#     -v decision-ledger-data:/app/data decision-ledger
# Without DATABASE_URL the app uses embedded PGlite in DATA_DIR (/app/data, a volume). With
# DATABASE_URL=postgres://… it uses that server (see docker-compose.yml). Migrations run at start-up,
# after the server listens (/healthz answers at once, /readyz once migrated).
# Commands run in the image too, with the app stopped when on the embedded database:
#   docker run --rm -v decision-ledger-data:/app/data decision-ledger npm run cli -- export --out /app/data/adr …

# Node 24 LTS, pinned by digest (the 24-bookworm-slim image of Node 24.18.0): a rebuild gets the
# same base until the digest is updated on purpose.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# ---- build: compile TypeScript (src/ → dist/) with the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app

COPY package.json package-lock.json ./
# Scripts off: `prepare` builds dist/, which needs the sources copied below.
RUN npm ci --no-audit --no-fund --ignore-scripts

COPY scripts/build.mjs scripts/run.mjs ./scripts/
COPY src ./src
# The build's embedded-database template has the migrations applied.
COPY drizzle ./drizzle
RUN npm run build

# ---- runtime: production dependencies, compiled code, SQL migrations and the detector's model ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

# DejaVu Sans draws the digest's cost chart (without a font its labels would be blank); tini is
# PID 1, passing SIGTERM on to node and reaping what it leaves.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core tini \
  && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
# Scripts off: dist/ comes built from the build stage (prepare would need esbuild, a dev dependency).
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# dist/storage/database.js resolves its migrations as ../../drizzle and dist/detector reads
# ../../models: dist/, drizzle/ and models/ are siblings. scripts/run.mjs is `npm start` and
# `npm run cli`; without src/ it runs dist/ as it is.
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY models ./models
COPY scripts/build.mjs scripts/run.mjs ./scripts/

# PGlite's data directory (used when DATABASE_URL is unset), writable by the unprivileged user,
# and a volume: the ledger outlives the container.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]

USER node
ENV DATA_DIR=/app/data \
    PORT=3000
EXPOSE 3000

# Slim images have no curl: ask node itself. /healthz is liveness (the process serves HTTP); a
# load balancer should use /readyz, which also needs the database and finished migrations.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly, not through npm: SIGTERM reaches the app's own drain handler.
CMD ["node", "scripts/run.mjs", "main"]
