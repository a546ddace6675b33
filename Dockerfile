# Production image of the ledger API (used by docker-compose.yml). better-sqlite3 compiles from source.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Inside the container the API must listen on every interface (the ledger's own default is loopback).
ENV LEDGER_BIND_ADDRESS=0.0.0.0
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The ISO 20022 schemas bank reports are validated against (libs/bank-files reads them beside its sources).
COPY --from=build /app/libs/bank-files/schemas ./libs/bank-files/schemas
COPY --from=build /app/apps/ledger-api/console/dist ./apps/ledger-api/console/dist
COPY --from=build /app/package.json ./package.json
EXPOSE 3000
USER node
CMD ["node", "dist/apps/ledger-api/src/main.js"]
