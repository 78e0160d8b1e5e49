"""Building the site safely, for the plugin: `build.SiteBuild` (built whole into a private
folder by `atomic`, swapped in, --strict counted), `background` (the workbook written beside
the build from the catalogue it loaded) and `offline` (no script from another host)."""
