// FeedParse: see its files.
