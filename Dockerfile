FROM python:3.11-slim
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir '.[postgres]' && useradd --create-home mailbot
USER mailbot
WORKDIR /home/mailbot
ENV MAILBOT_CONFIG=/etc/mailbot/mailbot.toml
ENTRYPOINT ["mailbot"]
HEALTHCHECK --interval=5m --timeout=60s CMD ["mailbot", "check"]
CMD ["run"]
