"""Qt plumbing shared by every page: accessibility roles, styles and targets, themes, reflow."""
