"""Publish a company's position standards catalogue as a static MkDocs site."""

from .catalog import load_catalog
from .errors import CatalogError, Problem

__all__ = ["CatalogError", "Problem", "load_catalog"]
