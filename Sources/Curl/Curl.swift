// Curl: see its files.
