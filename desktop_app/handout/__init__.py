"""The printed handout: request, layout, fonts and saving. Never imports Qt."""
