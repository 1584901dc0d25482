// NoticeStore: see its files.
