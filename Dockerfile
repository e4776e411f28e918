# Gridwarden: the API and the map in one image. Used by docker-compose.yml with postgis/postgis.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY db/package.json db/
COPY server/package.json server/
COPY schema/package.json schema/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app /app
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# a 32 MB young generation: fewer scavenges under load (docs/performance.md)
CMD ["node", "--max-semi-space-size=64", "server/dist/main.js"]
