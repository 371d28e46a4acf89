FROM python:3.11-slim
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir '.[postgres]' && useradd --create-home mailbot
USER mailbot
WORKDIR /home/mailbot
ENV MAILBOT_CONFIG=/etc/mailbot/mailbot.toml
ENTRYPOINT ["mailbot"]
# `status` reads the database only: healthy while this container's bot polls successfully
# (it logs in to no server, unlike `check`). Unhealthy after 3 poll intervals (5 min at
# least) without a successful poll, or without an OAuth2 token.
HEALTHCHECK --interval=1m --timeout=30s --start-period=2m --retries=3 CMD ["mailbot", "status"]
CMD ["run"]
