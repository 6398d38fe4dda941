"""Cases: the customer, the conversation, its stage in the method and what came of it."""
