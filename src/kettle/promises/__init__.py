"""Promises and follow-ups: everything the agent's words commit to, tracked until done."""
