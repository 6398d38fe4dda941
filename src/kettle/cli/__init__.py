"""The `kettle` command: one module per command group."""
