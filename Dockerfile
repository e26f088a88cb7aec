# syntax=docker/dockerfile:1.7
# One multi-stage image for every Trailmark process; the compose services pick the command.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/collector/package.json apps/collector/
COPY apps/worker/package.json apps/worker/
COPY apps/console/package.json apps/console/
COPY libs/ libs/
COPY tools/ tools/
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN node libs/db/scripts/generate.mjs \
 && npx nx run-many -t build --projects=@trailmark/collector,@trailmark/worker,@trailmark/console

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN groupadd --system trailmark && useradd --system --gid trailmark --home /app trailmark
COPY --from=build --chown=trailmark:trailmark /app /app
USER trailmark
EXPOSE 8080 3000
CMD ["node", "apps/collector/dist/main.js"]
