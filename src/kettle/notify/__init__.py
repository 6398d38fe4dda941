"""Notifications: webhooks (HMAC-signed, retried, every attempt recorded) and e-mail (SMTP)."""
