"""`kettle eval`: dataset loaders and metrics for every model-backed judgement."""
