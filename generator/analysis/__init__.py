"""Analysis across sources: timeline, figures, who said what, corroboration, discrepancies."""
