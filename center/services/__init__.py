"""Business logic of the center's core; errors are :class:`~center.errors.ApiError`."""
