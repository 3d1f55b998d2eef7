"""Link stage: indexes and cross-references over the verified data."""
