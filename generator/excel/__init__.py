"""The Excel round trip: the sheet layout, writing the workbook, reading it back, the import plan."""
