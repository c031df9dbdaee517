# syntax=docker/dockerfile:1
#
# Decision Ledger: multi-stage image.
#   docker build -t decision-ledger .
#   docker run --rm -p 3000:3000 -e SLACK_SIGNING_SECRET=… -e SLACK_BOT_TOKEN=xoxb-… \
#     -v decision-ledger-data:/app/data decision-ledger
# Without DATABASE_URL the app uses embedded PGlite in DATA_DIR (/app/data): mount a volume there to keep it.
# With DATABASE_URL=postgres://… it uses that server (see docker-compose.yml). Migrations run at start-up.

ARG NODE_VERSION=20

# ---- build: compile TypeScript (src/ → dist/) with the dev dependencies ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY tsconfig*.json ./
COPY src ./src
COPY drizzle ./drizzle
# tsc -p tsconfig.build.json: rootDir src, outDir dist → dist/main.js, dist/storage/database.js, …
RUN npm run build

# ---- runtime: production dependencies, compiled code and SQL migrations only ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# The digest's cost chart is drawn with DejaVu Sans; without a font its labels would be blank.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# dist/storage/database.js resolves its migrations as ../../drizzle, so dist/ and drizzle/ must be siblings.
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
# dist/detector/loadDetector.js reads the relitigation model and word vectors from ../../models.
COPY models ./models

# PGlite's data directory (used when DATABASE_URL is unset), writable by the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data

USER node
ENV DATA_DIR=/app/data \
    PORT=3000
EXPOSE 3000

# Slim images have no curl: ask node itself. /healthz is liveness (the process serves HTTP); a
# load balancer should use /readyz, which also needs the database.
# The start period covers migrations, which run before the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# node directly on the compiled code (npm start runs the sources through tsx, a dev dependency): SIGTERM reaches the app's own drain handler.
CMD ["node", "dist/main.js"]
