"""Views of the course module: courses for members, the rights pages for workers, exports."""
