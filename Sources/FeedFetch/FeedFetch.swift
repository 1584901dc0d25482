// FeedFetch: see its files.
