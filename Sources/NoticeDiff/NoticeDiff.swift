// NoticeDiff: see its files.
