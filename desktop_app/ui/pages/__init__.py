"""The program's pages: what fills the window between the navigation bar and the disclaimer."""
