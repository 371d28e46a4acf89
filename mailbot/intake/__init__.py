"""Pure intake: raw message bytes -> a typed request with its checklist."""
