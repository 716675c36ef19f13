"""Scale-out: the same library call (``presslint.check_articles``) mapped over partitions on a Dask cluster."""

from __future__ import annotations

from .batch import BatchSummary, check_partition, expand_inputs, run_batch, run_local

__all__ = ["BatchSummary", "check_partition", "expand_inputs", "run_batch", "run_local"]
