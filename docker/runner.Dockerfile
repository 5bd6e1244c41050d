# syntax=docker/dockerfile:1
# A judge runner: Node 20 + Go 1.26 + bubblewrap. Build from the repository root:
#   docker build -f docker/runner.Dockerfile -t goprep-runner .

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NX_DAEMON=false NX_TUI=false CI=true
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY libs/question-bank/package.json libs/question-bank/
COPY libs/judge/package.json libs/judge/
COPY libs/api-client/package.json libs/api-client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p runner --output-style=stream-without-prefixes \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap ca-certificates util-linux \
 && rm -rf /var/lib/apt/lists/*
COPY --from=golang:1.26-bookworm /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH NODE_ENV=production JUDGE_DATA_DIR=/var/lib/goprep-judge
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/libs/judge/package.json ./libs/judge/package.json
COPY --from=build /src/libs/judge/dist ./libs/judge/dist
COPY --from=build /src/apps/runner/dist ./apps/runner/dist
VOLUME /var/lib/goprep-judge
EXPOSE 9464
CMD ["node", "apps/runner/dist/main.js"]
