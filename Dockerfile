# The service image: compiled TypeScript, migrations applied before it serves (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# The reading room (web/) is built by the install too.
COPY web ./web
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
COPY --from=build /app /app
COPY data ./data
# The playground opens the API guide's examples as tabs.
COPY docs ./docs
# curl-free health check: Node's fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
EXPOSE 4000
USER node
# V8's old space capped at 112 MB + RESPONSE_CACHE_MB + 16 MB (docs/operations.md, "Node's heap").
CMD ["sh", "-c", "npx prisma migrate deploy && exec node --max-old-space-size=$((112 + ${RESPONSE_CACHE_MB:-64} + 16)) dist/main.js"]
