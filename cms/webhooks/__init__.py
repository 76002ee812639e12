"""Webhooks: partners subscribe to content events and receive signed JSON deliveries."""
