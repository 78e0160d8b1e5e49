"""The catalogue as an Excel workbook HR edits, and the workbook back into the YAML files.

layout.py    the sheets, and every column as one field: where the writer takes its value
             from, where the reader puts it in a position file
write.py     catalogue -> workbook (export); guide.py writes its 说明 sheet
package.py   an .xlsx file opened for import, bounded and checked before openpyxl reads it
rows.py      a sheet's columns found by header, its rows read cell by cell
assemble.py  the rows of every sheet -> each position's data, as layout.py says
read.py      workbook -> positions, checked as the YAML files are (read_workbook)
plan.py      the import plan: files created, changed, moved, renamed, deleted
yamledit.py  a YAML file's text changed to hold new data, comments and layout kept
apply.py     the plan written to the catalogue folder
workbook.py  the names the command line imported before this split, until it imports the above
"""
