import GRDB

/// The database schema, as a list of frozen migrations.
///
/// A shipped migration never changes (GRDB's advice): it describes the past with plain SQL, not
/// with today's types. New tables and columns come as new migrations appended at the end.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ingest") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feed (
                        id TEXT PRIMARY KEY NOT NULL,
                        url TEXT NOT NULL,
                        title TEXT,
                        etag TEXT,
                        lastModified TEXT,
                        lastPollAt DATETIME,
                        lastSuccessAt DATETIME,
                        consecutiveFailures INTEGER NOT NULL DEFAULT 0,
                        lastError TEXT,
                        nextPollAt DATETIME
                    );
                    CREATE TABLE notice (
                        id TEXT PRIMARY KEY NOT NULL,
                        feedID TEXT NOT NULL REFERENCES feed(id),
                        entryID TEXT NOT NULL,
                        title TEXT NOT NULL,
                        link TEXT,
                        published DATETIME,
                        updated DATETIME,
                        categories TEXT NOT NULL DEFAULT '[]',
                        summaryText TEXT NOT NULL DEFAULT '',
                        contentText TEXT NOT NULL DEFAULT '',
                        contentHTML TEXT NOT NULL DEFAULT '',
                        kind TEXT NOT NULL,
                        apis TEXT NOT NULL DEFAULT '[]',
                        scope TEXT NOT NULL,
                        windowStart DATETIME,
                        windowEnd DATETIME,
                        unparsedWindow TEXT,
                        cancels TEXT,
                        cancelsNoticeID TEXT REFERENCES notice(id),
                        status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn', 'expired')),
                        missingPolls INTEGER NOT NULL DEFAULT 0,
                        textHash TEXT NOT NULL,
                        bodyHash TEXT NOT NULL,
                        versionHash TEXT NOT NULL,
                        firstSeenAt DATETIME NOT NULL,
                        lastChangedAt DATETIME NOT NULL,
                        versionCount INTEGER NOT NULL DEFAULT 1,
                        UNIQUE (feedID, entryID)
                    );
                    CREATE INDEX notice_on_published ON notice(published);
                    CREATE INDEX notice_missing ON notice(feedID) WHERE status = 'active' AND missingPolls > 0;
                    CREATE TABLE noticeAlias (
                        feedID TEXT NOT NULL REFERENCES feed(id),
                        alias TEXT NOT NULL,
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        PRIMARY KEY (feedID, alias)
                    );
                    CREATE TABLE noticeVersion (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        seenAt DATETIME NOT NULL,
                        entryID TEXT NOT NULL,
                        title TEXT NOT NULL,
                        link TEXT,
                        published DATETIME,
                        updated DATETIME,
                        categories TEXT NOT NULL DEFAULT '[]',
                        summaryText TEXT NOT NULL DEFAULT '',
                        contentText TEXT NOT NULL DEFAULT '',
                        contentHTML TEXT NOT NULL DEFAULT '',
                        textHash TEXT NOT NULL,
                        bodyHash TEXT NOT NULL,
                        versionHash TEXT NOT NULL,
                        UNIQUE (noticeID, seq)
                    );
                    CREATE TABLE noticeChange (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        feedID TEXT NOT NULL REFERENCES feed(id),
                        change TEXT NOT NULL CHECK (change IN ('baseline','new','changed','withdrawn','expired','reappeared')),
                        at DATETIME NOT NULL,
                        title TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        apis TEXT NOT NULL DEFAULT '[]',
                        scope TEXT NOT NULL,
                        versionSeq INTEGER,
                        previousVersionSeq INTEGER
                    );
                    CREATE INDEX noticeChange_on_at ON noticeChange(at);
                    CREATE INDEX noticeChange_on_noticeID ON noticeChange(noticeID);
                    CREATE TABLE feedPoll (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        feedID TEXT NOT NULL REFERENCES feed(id),
                        startedAt DATETIME NOT NULL,
                        duration DOUBLE NOT NULL,
                        outcome TEXT NOT NULL,
                        httpStatus INTEGER,
                        bytes INTEGER NOT NULL DEFAULT 0,
                        entries INTEGER NOT NULL DEFAULT 0,
                        baseline INTEGER NOT NULL DEFAULT 0,
                        new INTEGER NOT NULL DEFAULT 0,
                        changed INTEGER NOT NULL DEFAULT 0,
                        withdrawn INTEGER NOT NULL DEFAULT 0,
                        expired INTEGER NOT NULL DEFAULT 0,
                        reappeared INTEGER NOT NULL DEFAULT 0,
                        unchanged INTEGER NOT NULL DEFAULT 0,
                        error TEXT
                    );
                    CREATE INDEX feedPoll_on_feedID_startedAt ON feedPoll(feedID, startedAt);
                    """)
        }
        migrator.registerMigration("v2-outbox") { db in
            // The outbox: one row per (change, subscriber, channel), written in the transaction
            // that records the change, so a crash can never leave a change without its alerts.
            try db.execute(
                sql: """
                    ALTER TABLE noticeChange ADD COLUMN routing TEXT;
                    CREATE TABLE delivery (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        changeID INTEGER NOT NULL REFERENCES noticeChange(id) ON DELETE CASCADE,
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        subscriberID TEXT NOT NULL,
                        subscriberName TEXT NOT NULL,
                        subscriberKind TEXT NOT NULL,
                        channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
                        recipients TEXT NOT NULL DEFAULT '[]',
                        reason TEXT NOT NULL,
                        idempotencyKey TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status IN ('pending', 'failed', 'sent', 'dead')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        createdAt DATETIME NOT NULL,
                        nextAttemptAt DATETIME,
                        lastAttemptAt DATETIME,
                        sentAt DATETIME,
                        lastError TEXT
                    );
                    CREATE INDEX delivery_due ON delivery(nextAttemptAt, id) WHERE status IN ('pending', 'failed');
                    CREATE INDEX delivery_on_thread ON delivery(noticeID, subscriberID, channel);
                    CREATE INDEX delivery_on_changeID ON delivery(changeID);
                    CREATE INDEX delivery_on_status ON delivery(status);
                    """)
        }
        migrator.registerMigration("v3-probes") { db in
            // Probe results (pruned after a retention), per-API tracker state, incidents (kept),
            // the notices linked to them, and operators' silences. An incident's alerts are a
            // notice varselvakt writes itself (feed "varselvakt-probes"), so they share routing,
            // outbox and history with Skatteetaten's notices.
            try db.execute(
                sql: """
                    CREATE TABLE probeResult (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        api TEXT NOT NULL,
                        environment TEXT NOT NULL,
                        url TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        up INTEGER NOT NULL,
                        status INTEGER,
                        cause TEXT,
                        detail TEXT,
                        dns DOUBLE NOT NULL DEFAULT 0,
                        connect DOUBLE NOT NULL DEFAULT 0,
                        tls DOUBLE NOT NULL DEFAULT 0,
                        firstByte DOUBLE NOT NULL DEFAULT 0,
                        total DOUBLE NOT NULL DEFAULT 0,
                        certificateExpiresAt DATETIME,
                        conclusive INTEGER NOT NULL DEFAULT 1
                    );
                    CREATE INDEX probeResult_on_api ON probeResult(api, environment, at);
                    CREATE INDEX probeResult_on_at ON probeResult(at);
                    CREATE TABLE probeState (
                        api TEXT NOT NULL,
                        environment TEXT NOT NULL,
                        state TEXT NOT NULL,
                        updatedAt DATETIME NOT NULL,
                        PRIMARY KEY (api, environment)
                    );
                    CREATE TABLE incident (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        api TEXT NOT NULL,
                        environment TEXT NOT NULL,
                        openedAt DATETIME NOT NULL,
                        firstFailureAt DATETIME NOT NULL,
                        resolvedAt DATETIME,
                        cause TEXT NOT NULL,
                        detail TEXT,
                        expectation TEXT,
                        alerted INTEGER NOT NULL DEFAULT 0,
                        noticeID TEXT REFERENCES notice(id)
                    );
                    CREATE INDEX incident_open ON incident(api, environment) WHERE resolvedAt IS NULL;
                    CREATE INDEX incident_on_openedAt ON incident(openedAt);
                    CREATE TABLE incidentNotice (
                        incidentID INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        linkedAt DATETIME NOT NULL,
                        PRIMARY KEY (incidentID, noticeID)
                    );
                    CREATE INDEX incidentNotice_on_noticeID ON incidentNotice(noticeID);
                    CREATE TABLE silence (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        api TEXT NOT NULL,
                        start DATETIME NOT NULL,
                        end DATETIME NOT NULL,
                        reason TEXT NOT NULL,
                        createdAt DATETIME NOT NULL,
                        removedAt DATETIME
                    );
                    """)
        }
        migrator.registerMigration("v4-statuspages") { db in
            // Status pages state facts feeds do not: a severity (`impact`), the components an
            // incident concerns, its status. `facts` keeps them per version (JSON of SourceFacts) so
            // a notice can be reclassified later; `severity` and `unmappedComponents` are the
            // classification's, on the notice and (severity) on each change for routing and history.
            // A status page is read from two documents (incidents, scheduled maintenances), each
            // with its own validators; `sourceDocument` keeps them and the last body, so a poll
            // where only one document changed still sees the whole page.
            try db.execute(
                sql: """
                    ALTER TABLE noticeVersion ADD COLUMN facts TEXT;
                    ALTER TABLE notice ADD COLUMN facts TEXT;
                    ALTER TABLE notice ADD COLUMN severity TEXT;
                    ALTER TABLE notice ADD COLUMN unmappedComponents TEXT NOT NULL DEFAULT '[]';
                    ALTER TABLE noticeChange ADD COLUMN severity TEXT;
                    CREATE TABLE sourceDocument (
                        feedID TEXT NOT NULL,
                        url TEXT NOT NULL,
                        etag TEXT,
                        lastModified TEXT,
                        body BLOB NOT NULL,
                        fetchedAt DATETIME NOT NULL,
                        PRIMARY KEY (feedID, url)
                    );
                    """)
        }
        migrator.registerMigration("v5-unrecognised-apis") { db in
            // API-like names a notice uses that the catalog does not know (JSON array of strings,
            // the classification's `unrecognisedAPIs`), so `varselvakt catalog unknown` can list
            // them with their notices. Rows written before this migration read as none.
            try db.execute(sql: "ALTER TABLE notice ADD COLUMN unrecognisedApis TEXT NOT NULL DEFAULT '[]'")
        }
        migrator.registerMigration("v6-environment") { db in
            // The environment a notice concerns (production, test, both; the classification's
            // `environment`), on the notice and on each change, which routing filters on. Rows
            // written before read as production: an outage or maintenance naming no environment
            // concerns production. `maintenanceWindows` holds every window a notice announces
            // (JSON array of {"start","end"} in the store's date text, end null when not given);
            // windowStart/windowEnd stay the first, which older readers and the probes use.
            try db.execute(
                sql: """
                    ALTER TABLE notice ADD COLUMN environment TEXT NOT NULL DEFAULT 'production';
                    ALTER TABLE notice ADD COLUMN maintenanceWindows TEXT NOT NULL DEFAULT '[]';
                    ALTER TABLE noticeChange ADD COLUMN environment TEXT NOT NULL DEFAULT 'production';
                    """)
        }
        migrator.registerMigration("v7-history") { db in
            // Issue 11: KS support's history pages and API.
            // `noticeSearch` is the FTS5 index over each notice's title and text (summary and
            // content). It keeps its own copy of the text, keyed by `noticeSearchKey.id`: a stable
            // integer per notice, because `notice` has a TEXT key and its implicit rowid may change
            // on VACUUM, which would silently detach an external-content index. Triggers keep both
            // in step with every write to `notice`, so no ingest path can forget it; existing rows
            // are indexed here. `unicode61 remove_diacritics 2` folds case and accents ("pa" finds
            // "på"); æ and ø have no decomposition and stay letters of their own.
            // `operatorAction` records what an operator did (send a delivery again, add or expire a
            // silence), by whom and when; `target` is "delivery:ID" or "silence:ID".
            // The indexes serve keyset pagination (notices by publication, newest first), the
            // subscribers page (newest delivery per subscriber) and the timeline (sent deliveries).
            try db.execute(
                sql: """
                    CREATE TABLE noticeSearchKey (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        noticeID TEXT NOT NULL UNIQUE REFERENCES notice(id) ON DELETE CASCADE
                    );
                    CREATE VIRTUAL TABLE noticeSearch USING fts5(
                        title, body, tokenize = 'unicode61 remove_diacritics 2'
                    );
                    INSERT INTO noticeSearchKey (noticeID) SELECT id FROM notice ORDER BY firstSeenAt, id;
                    INSERT INTO noticeSearch (rowid, title, body)
                        SELECT k.id, n.title, n.summaryText || char(10) || n.contentText
                        FROM noticeSearchKey AS k JOIN notice AS n ON n.id = k.noticeID;
                    CREATE TRIGGER notice_search_insert AFTER INSERT ON notice BEGIN
                        INSERT INTO noticeSearchKey (noticeID) VALUES (new.id);
                        INSERT INTO noticeSearch (rowid, title, body) VALUES (
                            (SELECT id FROM noticeSearchKey WHERE noticeID = new.id),
                            new.title, new.summaryText || char(10) || new.contentText);
                    END;
                    CREATE TRIGGER notice_search_update AFTER UPDATE OF title, summaryText, contentText ON notice BEGIN
                        UPDATE noticeSearch SET title = new.title, body = new.summaryText || char(10) || new.contentText
                        WHERE rowid = (SELECT id FROM noticeSearchKey WHERE noticeID = new.id);
                    END;
                    CREATE TRIGGER notice_search_delete AFTER DELETE ON notice BEGIN
                        DELETE FROM noticeSearch WHERE rowid = (SELECT id FROM noticeSearchKey WHERE noticeID = old.id);
                        DELETE FROM noticeSearchKey WHERE noticeID = old.id;
                    END;
                    CREATE INDEX notice_on_sortAt ON notice(COALESCE(published, firstSeenAt), id);
                    CREATE INDEX delivery_on_subscriber ON delivery(subscriberID, id);
                    CREATE INDEX delivery_on_sentAt ON delivery(sentAt) WHERE sentAt IS NOT NULL;
                    CREATE TABLE operatorAction (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at DATETIME NOT NULL,
                        user TEXT NOT NULL,
                        action TEXT NOT NULL CHECK (action IN ('send_again', 'add_silence', 'expire_silence')),
                        target TEXT NOT NULL,
                        detail TEXT
                    );
                    CREATE INDEX operatorAction_on_target ON operatorAction(target);
                    CREATE INDEX operatorAction_on_at ON operatorAction(at);
                    """)
        }
        migrator.registerMigration("v8-window-ends") { db in
            // The status page and the timeline ask for maintenance that has not ended yet; without
            // help that is a scan of every notice with a window and a JSON decode of each (80 ms
            // with 10,000 notices). `windowsEndAt` is when a notice's last announced window ends
            // (its start when it has no end), over `windowStart/windowEnd` and every window in
            // `maintenanceWindows` (the same text date format, so MAX compares them as text).
            // Triggers keep it in step with every write, as for the search index; the partial
            // indexes make "active, not ended" and "cancelled by another notice" index lookups.
            // `noticeAPI` lists each notice under each API it names, with its sort time, so "the
            // newest notice about X" is one index seek per API instead of a scan of every notice.
            let windowsEnd = """
                (SELECT MAX(e) FROM (
                    SELECT COALESCE(new.windowEnd, new.windowStart) AS e
                    UNION ALL
                    SELECT COALESCE(json_extract(w.value, '$.end'), json_extract(w.value, '$.start'))
                    FROM json_each(CASE WHEN json_valid(new.maintenanceWindows) THEN new.maintenanceWindows ELSE '[]' END) AS w))
                """
            try db.execute(
                sql: """
                    ALTER TABLE notice ADD COLUMN windowsEndAt DATETIME;
                    CREATE TRIGGER notice_windows_end_insert AFTER INSERT ON notice BEGIN
                        UPDATE notice SET windowsEndAt = \(windowsEnd) WHERE id = new.id;
                    END;
                    CREATE TRIGGER notice_windows_end_update AFTER UPDATE OF windowStart, windowEnd, maintenanceWindows ON notice
                    BEGIN
                        UPDATE notice SET windowsEndAt = \(windowsEnd) WHERE id = new.id;
                    END;
                    UPDATE notice SET windowStart = windowStart WHERE windowStart IS NOT NULL OR maintenanceWindows != '[]';
                    CREATE INDEX notice_on_windowsEndAt ON notice(windowsEndAt) WHERE status = 'active';
                    CREATE INDEX notice_on_cancelsNoticeID ON notice(cancelsNoticeID) WHERE cancelsNoticeID IS NOT NULL;
                    CREATE INDEX delivery_waiting_since ON delivery(createdAt) WHERE status IN ('pending', 'failed');
                    CREATE TABLE noticeAPI (
                        noticeID TEXT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        api TEXT NOT NULL,
                        feedID TEXT NOT NULL,
                        sortAt DATETIME NOT NULL,
                        PRIMARY KEY (noticeID, api)
                    ) WITHOUT ROWID;
                    CREATE INDEX noticeAPI_newest ON noticeAPI(api, sortAt, noticeID);
                    INSERT OR IGNORE INTO noticeAPI (noticeID, api, feedID, sortAt)
                        SELECT n.id, a.value, n.feedID, COALESCE(n.published, n.firstSeenAt)
                        FROM notice AS n, json_each(CASE WHEN json_valid(n.apis) THEN n.apis ELSE '[]' END) AS a;
                    CREATE TRIGGER notice_api_insert AFTER INSERT ON notice BEGIN
                        INSERT OR IGNORE INTO noticeAPI (noticeID, api, feedID, sortAt)
                            SELECT new.id, a.value, new.feedID, COALESCE(new.published, new.firstSeenAt)
                            FROM json_each(CASE WHEN json_valid(new.apis) THEN new.apis ELSE '[]' END) AS a;
                    END;
                    CREATE TRIGGER notice_api_update AFTER UPDATE OF apis, published, firstSeenAt ON notice BEGIN
                        DELETE FROM noticeAPI WHERE noticeID = new.id;
                        INSERT OR IGNORE INTO noticeAPI (noticeID, api, feedID, sortAt)
                            SELECT new.id, a.value, new.feedID, COALESCE(new.published, new.firstSeenAt)
                            FROM json_each(CASE WHEN json_valid(new.apis) THEN new.apis ELSE '[]' END) AS a;
                    END;
                    """)
        }
        migrator.registerMigration("v9-cancellation-lookup") { db in
            // A cancellation ("Utgår - X") is linked to the oldest notice of its feed titled X.
            // Without an index that was a scan of every notice per cancellation: a first poll of
            // 5,000 entries with 1,000 cancellations read the notice table 1,000 times (7 s).
            try db.execute(sql: "CREATE INDEX notice_on_feed_title ON notice(feedID, title, firstSeenAt, id)")
        }
        migrator.registerMigration("v10-alert-storm") { db in
            // Since when a source has been in an alert storm, so KS support is told once per storm.
            try db.execute(sql: "ALTER TABLE feed ADD COLUMN stormSince DATETIME")
        }
        return migrator
    }
}

extension Schema {
    /// The last migration this binary knows.
    static var newestMigration: String { migrator.migrations.last ?? "none" }
}

extension NoticeStore {
    /// Migrations recorded in the store that this binary does not have (a newer version ran on
    /// it), in the order they were applied; empty for a new store or one this binary made.
    static func migrationsUnknownHere(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let known = Set(Schema.migrator.migrations)
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").filter { !known.contains($0) }
    }
}
