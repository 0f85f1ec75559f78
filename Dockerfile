# The LIFF page (liff/) is the one thing built: Vite, in a stage of its own, into liff/dist.
FROM node:24-bookworm-slim AS liff
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY liff ./liff
RUN node node_modules/vite/bin/vite.js build liff

# The app runs TypeScript directly on Node 24 (type stripping): no build step.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds the page, which the stage above did (no runtime dependency has an install script).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY src ./src
COPY migrations ./migrations
COPY --from=liff /app/liff/dist ./liff/dist
COPY bin ./bin
COPY scripts ./scripts
# Without DATABASE_URL the embedded database lives here: give it to the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "src/server.ts"]
