"""HTTP layer: dependencies (:mod:`center.api.deps`) and one router per resource."""
