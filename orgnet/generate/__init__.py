"""Synthetic data: a fictional Danish municipality for demos, tests and benchmarks."""

from orgnet.generate.municipality import generate_municipality

__all__ = ["generate_municipality"]
