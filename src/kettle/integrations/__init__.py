"""Adapters to things outside Kettle: helpdesk formats, webhooks, the optional LLM."""
