"""Implementations of the ports. Imported only by the composition root, `api.composition`."""
