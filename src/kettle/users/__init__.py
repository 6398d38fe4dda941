"""Users: agents, leads and admins, their teams and hashed API tokens."""
