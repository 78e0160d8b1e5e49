"""Building the site safely: the atomic swap and the workbook built beside it."""
