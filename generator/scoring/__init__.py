"""Scoring appraisals: the rules (shared with the calculator) and batch scoring."""
