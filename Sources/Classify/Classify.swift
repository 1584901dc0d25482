// Classify: see its files.
