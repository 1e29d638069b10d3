import CatalogModel
import Foundation
import SQLReader

/// Where a capture came from: server facts recorded in the snapshot's `meta` table.
public struct ServerInfo: Sendable, Hashable {
    /// e.g. `15.18`.
    public var serverVersion: String
    public var database: String
    /// Host or socket directory and port; never user or password.
    public var host: String
    public var port: String
    /// Things the capture could not read and left out, for the user to know.
    public var warnings: [String] = []
    /// Relations dropped by concurrent DDL while the capture read, left out with what is
    /// attached to them (`schema.name`).
    public var leftOut: [String] = []
}

extension PostgresConnection {
    /// Runs a catalog query of the capture's transaction under a savepoint. When it fails
    /// because DDL committed meanwhile dropped an object it was rendering (`cache lookup
    /// failed`), the transaction goes back to the savepoint — the same snapshot — and the
    /// query runs again, now without that object, at most `attempts` times.
    /// A query that reaches the statement timeout while other sessions hold `ACCESS EXCLUSIVE`
    /// locks here throws `lockedOut`, naming those relations and sessions.
    func read(_ sql: String, attempts: Int = 5) throws -> PostgresResult {
        var attempt = 1
        while true {
            do {
                return try query("SAVEPOINT capture_read; " + sql)
            } catch let error as InspectorError where error.isCatalogChurn && attempt < attempts {
                try query("ROLLBACK TO SAVEPOINT capture_read")
                attempt += 1
            } catch let error as InspectorError where error.isStatementTimeout {
                throw lockHolders().map { InspectorError.lockedOut(holders: $0, timeoutMilliseconds: statementTimeout) }
                    ?? error
            }
        }
    }

    /// Who holds `ACCESS EXCLUSIVE` locks in this database, once a read timed out: one entry
    /// per relation, e.g. `public.orders (pid 4242: LOCK TABLE public.orders …)`; nil when
    /// nobody does (the timeout had another cause) or the question cannot be asked.
    private func lockHolders() -> [String]? {
        guard (try? query("ROLLBACK TO SAVEPOINT capture_read")) != nil,
            let rows = try? query(CatalogQueries.exclusiveLocks), !rows.isEmpty
        else { return nil }
        return rows.map { row in
            let statement = row.string(2).split(whereSeparator: \.isNewline).joined(separator: " ")
            let shown = statement.count > 80 ? String(statement.prefix(77)) + "…" : statement
            return "\(row.string(0)) (pid \(row.string(1))" + (shown.isEmpty ? ")" : ": \(shown))")
        }
    }

    /// The transaction's statement timeout in milliseconds, as the server has it.
    private var statementTimeout: Int {
        (try? scalar("SELECT pg_catalog.current_setting('statement_timeout')")).flatMap { $0 }.flatMap(Self.milliseconds) ?? 0
    }

    /// `60s`, `1500ms`, `2min` → milliseconds.
    private static func milliseconds(_ setting: String) -> Int? {
        let digits = setting.prefix { $0.isNumber }
        guard let value = Int(digits) else { return nil }
        switch setting.dropFirst(digits.count) {
        case "ms", "": return value
        case "s": return value * 1_000
        case "min": return value * 60_000
        case "h": return value * 3_600_000
        default: return nil
        }
    }
}

/// Reads a database's catalog into a `Catalog`: the only code that speaks SQL to PostgreSQL.
///
/// All queries run in one `REPEATABLE READ READ ONLY` transaction (one consistent view),
/// with a statement timeout and `planSettings` (no JIT, no parallel workers, `search_path =
/// ''`), through the simple query protocol, so a transaction-mode pooler is fine. Needs no
/// privilege beyond reading the catalog. Given more connections, the reads are shared out:
/// each connection reads the per-table kinds of its own slices of relations, and each helper
/// one whole-catalog `ReadShare` besides, in a transaction that imports the first one's
/// snapshot (`pg_export_snapshot`, as `pg_dump -j` does): the same view, on several server
/// processes.
public struct Inspector: Sendable {
    /// Schemas left out on top of `pg_catalog`, `information_schema`, `pg_toast` and temp schemas.
    public var excludedSchemas: [String]
    /// Per-statement timeout, in milliseconds.
    public var statementTimeoutMilliseconds: Int
    /// How many relations one statement of a per-table query (columns, constraints, indexes,
    /// policies) reads: at 100,000 tables the columns of all of them take 30 s on one backend,
    /// half the default statement timeout, and longer beside the other connections' reads.
    public var relationsPerStatement: Int

    public init(excludedSchemas: [String] = [], statementTimeoutMilliseconds: Int = 60_000, relationsPerStatement: Int = 10_000) {
        self.excludedSchemas = excludedSchemas
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.relationsPerStatement = relationsPerStatement
    }

    /// The SQL script a capture runs (transaction settings and every catalog query), for
    /// measuring the server-side floor of a capture with psql.
    public var captureScript: String {
        let queries = CatalogQueries(excludedSchemas: excludedSchemas).all
        return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n" + Self.planSettings
            + queries.map { $0 + ";\n" }.joined() + "COMMIT;\n"
    }

    /// Connects with `conninfo` (once more per `ReadShare`, as far as the server accepts more
    /// connections) and captures the catalog. `progress` is called with the name of each object
    /// kind before it is read.
    public func capture(
        conninfo: String, progress: (String) -> Void = { _ in }
    ) throws -> (Catalog, ServerInfo) {
        let connection = try PostgresConnection(conninfo: conninfo)
        var helpers: [PostgresConnection] = []
        for _ in ReadShare.allCases {
            guard let helper = try? PostgresConnection(conninfo: conninfo) else { break }
            helpers.append(helper)
        }
        return try capture(from: connection, helpers: helpers, progress: progress)
    }

    /// How many times a capture is attempted when DDL committed during it broke the read.
    public static let attempts = 3

    /// Captures the catalog over an open connection, in its own read-only transaction. When
    /// DDL committed during the read makes a catalog function fail or leaves the result not
    /// hanging together (`Catalog.consistencyProblems`), reads again, up to `attempts` times
    /// with a short pause, then throws `catalogKeptChanging`.
    /// `helpers`, more connections to the same database, each read one `ReadShare` side by
    /// side; a share without a helper, or whose helper cannot share the snapshot, `db` reads.
    public func capture(
        from db: PostgresConnection, helpers: [PostgresConnection] = [], progress: (String) -> Void = { _ in }
    ) throws -> (Catalog, ServerInfo) {
        var lastProblem = ""
        for attempt in 1...Self.attempts {
            if attempt > 1 { usleep(useconds_t(100_000 * (attempt - 1))) }
            do {
                let result = try captureOnce(from: db, helpers: helpers, progress: progress)
                guard let problem = result.0.consistencyProblems(limit: 1).first else { return result }
                lastProblem = problem
            } catch let error as InspectorError where error.isCatalogChurn {
                lastProblem = error.errorDescription ?? "\(error)"
            }
        }
        throw InspectorError.catalogKeptChanging(attempts: Self.attempts, lastProblem: lastProblem)
    }

    private func captureOnce(
        from db: PostgresConnection, helpers: [PostgresConnection], progress: (String) -> Void
    ) throws -> (Catalog, ServerInfo) {
        guard db.serverVersion >= 140000 else { throw InspectorError.unsupportedServer(version: db.serverVersion) }
        try db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" + transactionSettings)
        let q = CatalogQueries(excludedSchemas: excludedSchemas)
        // Rows become model values on another thread while the server runs the next query.
        let convert = ResultConversion()
        // Each share over a helper connection, side by side with the rest (each ends its own
        // transaction), or here, in turn.
        var background: [BackgroundRead] = []
        var here: [SharedRead] = []
        for (i, share) in ReadShare.allCases.enumerated() {
            let read = SharedRead(share: share, queries: q, convert: convert)
            if i < helpers.count, let helper = try sharingSnapshot(of: db, with: helpers[i]) {
                background.append(BackgroundRead(read, on: helper))
            } else {
                here.append(read)
            }
        }
        defer { for read in background { read.end() } }
        let (info, uncovered): (ServerInfo, [String: Int])
        do {
            (info, uncovered) = try readCatalog(db, q, convert, background: background, here: here, progress)
            try db.query("COMMIT")
        } catch {
            _ = try? db.query("ROLLBACK")
            throw error
        }
        // Each connection ends its transaction, releasing its locks, before anything waits on
        // the other: DDL queued behind one connection's lock can never hold up a wait here.
        for read in background { try read.outcome() }
        var catalog = convert.finish()
        catalog.uncovered = uncovered
        // What DDL dropped while the capture read is left out with everything attached to it,
        // as if the DROP had committed just before the snapshot.
        let dropped = convert.dropped
        var server = info
        if !dropped.isEmpty {
            catalog = catalog.leavingOut(dropped)
            server.leftOut = dropped.sorted().map(\.description)
            let noun = dropped.count == 1 ? "relation" : "relations"
            server.warnings.append(
                "left out \(dropped.count) \(noun) dropped while reading: " + server.leftOut.joined(separator: ", "))
        }
        return (catalog, server)
    }

    /// How every capture transaction (and the floor script) plans and renders: no JIT (as
    /// pg_dump sets it: compiling the catalog queries' plans costs more than running them), no
    /// parallel workers (the capture spreads over its own connections already, and each worker
    /// builds the caches of every relation it touches again), names qualified.
    private static let planSettings = """
        SET LOCAL jit = off;
        SET LOCAL max_parallel_workers_per_gather = 0;
        SET LOCAL search_path = '';

        """

    private var transactionSettings: String {
        "SET LOCAL statement_timeout = \(statementTimeoutMilliseconds);\n" + Self.planSettings
            + "SET LOCAL application_name = 'schemasnap';"
    }

    /// `helper` in a transaction that sees exactly what `db`'s transaction sees, or nil when
    /// the server will not share it (a standby, a pooler that splits the two sessions
    /// across servers): then `db` reads everything itself.
    private func sharingSnapshot(of db: PostgresConnection, with helper: PostgresConnection) throws -> PostgresConnection? {
        let exported: String?
        do {
            exported = try db.scalar("SELECT pg_catalog.pg_export_snapshot()")
        } catch {
            // That aborted `db`'s transaction: begin it again and read alone. A failure that
            // is not about exporting (a timeout, a lost connection) shows in the next query.
            try db.query("ROLLBACK")
            try db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" + transactionSettings)
            return nil
        }
        guard let snapshot = exported else { return nil }
        let imported = try? helper.query(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '\(snapshot)';" + transactionSettings)
        guard imported != nil else {
            _ = try? helper.query("ROLLBACK")
            return nil
        }
        return helper
    }

    /// Reads the catalog over `db` into `convert`, starting the `background` shares once the
    /// relations are read and reading the shares `here` itself; returns the server facts and
    /// the counts of objects of kinds not compared.
    private func readCatalog(
        _ db: PostgresConnection, _ q: CatalogQueries, _ convert: ResultConversion, background: [BackgroundRead],
        here: [SharedRead], _ progress: (String) -> Void
    ) throws -> (ServerInfo, [String: Int]) {
        let version = try db.scalar("SELECT pg_catalog.current_setting('server_version')") ?? ""
        var info = ServerInfo(
            serverVersion: version.split(separator: " ").first.map(String.init) ?? version,
            database: db.databaseName, host: db.host, port: db.port)

        progress("relations")
        try convert.put(\.relations, try db.read(q.relations))
        // Each connection reads every per-table kind of its own slices: the server builds its
        // caches of a relation on the backend that renders it, once, not once per kind.
        let readers = 1 + background.count
        let slices = slices(of: try db.read(q.relationOIDs).map { $0.int64(0) }, readers: readers)
        func dealt(to reader: Int) -> [ClosedRange<Int64>] {
            slices.indices.filter { $0 % readers == reader }.map { slices[$0] }
        }
        // Relations first, and the helpers only after them: their reads take locks that DDL can
        // queue behind while holding a view's lock, and the view definitions open each view.
        for (i, read) in background.enumerated() {
            let own = dealt(to: i + 1)
            progress("\(read.share) and \(own.count) of \(slices.count) slices of tables, on connection \(i + 2)")
            read.start(own)
        }
        progress("schemas")
        try convert.put(\.schemas, try db.read(q.schemas))
        try convert.put(\.extensions, try db.read(q.extensions))
        try convert.put(\.collations, try db.read(q.collations))
        progress("types")
        try convert.put(\.types, try db.read(q.types))
        try convert.put(\.sequences, try db.read(q.sequences))
        progress("columns, constraints, indexes and policies")
        try readTables(over: db, q, slices: dealt(to: 0), into: convert)
        for read in here {
            progress(read.share.description)
            try read.read(on: db, slices: [])
        }
        progress("functions")
        try convert.put(\.functions, try db.read(q.functions))
        progress("triggers")
        try convert.put(\.triggers, try db.read(q.triggers))
        try convert.put(\.rules, try db.read(q.rules))
        try convert.put(\.defaultPrivileges, try db.read(q.defaultPrivileges))
        progress("publications")
        try convert.put(\.publications, try db.read(q.publications))
        try convert.put(\.publicationTables, try db.read(q.publicationTables))
        try convert.put(\.eventTriggers, try db.read(q.eventTriggers))
        try convert.put(\.foreignDataWrappers, try db.read(q.foreignDataWrappers))
        try convert.put(\.foreignServers, try db.read(q.foreignServers))
        let mappings = try db.read(q.userMappings)
        let mappingColumns = try mappings.columns(for: UserMapping.self)
        convert.put(\.userMappings, mappings) {
            UserMapping(fieldValues: FieldRow(row: $0, columns: mappingColumns)).withoutSecrets
        }
        progress("roles")
        try convert.put(\.roles, try db.read(q.roles))
        progress("applied migrations")
        let migrationColumns = Set(try db.read(q.migrationColumns).map { $0.string(0) })
        let canReadMigrations =
            try migrationColumns.contains("version")
            && (try db.scalar(q.canReadMigrations)) == "t"
        if migrationColumns.contains("version"), !canReadMigrations {
            info.warnings.append(
                "cannot read supabase_migrations.schema_migrations (no SELECT privilege): applied migrations not captured")
        }
        if canReadMigrations {
            let sql = q.appliedMigrations(
                hasName: migrationColumns.contains("name"),
                hasStatements: migrationColumns.contains("statements"))
            convert.put(\.appliedMigrations, try db.read(sql)) {
                AppliedMigration(
                    version: $0.string(0), name: $0.optional(1), statementsHash: $0.optional(2).flatMap(statementsHash))
            }
        }
        progress("platform configuration")
        let leftOut = try readPlatformConfiguration(db, convert, &info)
        var uncovered: [String: Int] = [:]
        for row in try db.read(q.uncovered) where row.int(1) > 0 {
            uncovered[row.string(0)] = row.int(1)
        }
        convert.noteDropped(try db.read(q.droppedWhileReading))
        return (info, uncovered.merging(leftOut, uniquingKeysWith: +))
    }

    /// `oids` (sorted) cut into ranges of at most `relationsPerStatement` relations each, as
    /// evenly as they go, their number a multiple of `readers` (each reads as many).
    private func slices(of oids: [Int64], readers: Int) -> [ClosedRange<Int64>] {
        guard !oids.isEmpty else { return [] }
        let perStatement = max(1, relationsPerStatement)
        let needed = (oids.count + perStatement - 1) / perStatement
        let count = min(oids.count, (needed + readers - 1) / readers * readers)
        return (0..<count).map { i in oids[i * oids.count / count]...oids[(i + 1) * oids.count / count - 1] }
    }

    /// Reads the platform configuration tables this database has (`PlatformTable.all`) into
    /// `convert`, noting in `info` what it could not read; returns the counts of rows left
    /// out as not compared (secrets without a name).
    private func readPlatformConfiguration(
        _ db: PostgresConnection, _ convert: ResultConversion, _ info: inout ServerInfo
    ) throws -> [String: Int] {
        struct Found {
            var schema: String
            var columns: Set<String> = []
            var readable: Bool
            var limited: Bool
        }
        var found: [String: Found] = [:]
        for row in try db.read(PlatformTable.columnsQuery) {
            found[row.string(0), default: Found(schema: row.string(1), readable: row.bool(3), limited: row.bool(4))]
                .columns.insert(row.string(2))
        }
        var leftOut: [String: Int] = [:]
        for table in PlatformTable.all {
            guard let present = found[table.kind.rawValue] else { continue }
            let relation = table.relation(present.schema)
            let kinds = table.kind.plural
            guard present.readable else {
                info.warnings.append("cannot read \(relation) (no SELECT privilege): \(kinds) not captured")
                continue
            }
            switch table.query(schema: present.schema, present: present.columns) {
            case .failure(let missing):
                info.warnings.append(
                    "\(relation) has no column \(missing.name) (a version schemasnap does not know): \(kinds) not captured")
            case .success(let sql):
                if present.limited {
                    info.warnings.append(
                        "row level security on \(relation) limits what this login sees: only the \(kinds) it may see were captured"
                    )
                }
                let rows = try db.read(sql)
                switch table.kind {
                case .cronJob: try convert.put(\.cronJobs, rows)
                case .storageBucket: try convert.put(\.storageBuckets, rows)
                case .vaultSecret: try convert.put(\.vaultSecrets, rows)
                default: try convert.put(\.partitionSets, rows)
                }
                if let count = table.leftOutCount(schema: present.schema), let name = table.leftOut?.counted,
                    let n = Int(try db.scalar(count) ?? ""), n > 0
                {
                    leftOut[name] = n
                }
            }
        }
        return leftOut
    }
}

/// The whole-catalog reads a helper connection takes on beside its slices of tables, while
/// the first connection reads the rest.
enum ReadShare: CaseIterable, CustomStringConvertible {
    /// The privileges.
    case privileges
    /// The dependency edges.
    case dependencies

    var description: String {
        switch self {
        case .privileges: "privileges"
        case .dependencies: "dependencies"
        }
    }
}

/// Reads the per-table kinds (columns, constraints, indexes, policies) of the relations in
/// `slices` over `db` into `convert`, slice by slice.
private func readTables(
    over db: PostgresConnection, _ queries: CatalogQueries, slices: [ClosedRange<Int64>], into convert: ResultConversion
) throws {
    for slice in slices {
        let sliced = queries.slice(slice)
        try convert.put(\.columns, try db.read(sliced.columns))
        try convert.put(\.constraints, try db.read(sliced.constraints))
        try convert.put(\.indexes, try db.read(sliced.indexes))
        try convert.put(\.policies, try db.read(sliced.policies))
    }
}

/// One `ReadShare`, read over whichever connection it is given, into `convert`.
private struct SharedRead: Sendable {
    let share: ReadShare
    let queries: CatalogQueries
    let convert: ResultConversion

    /// Reads the tables of `slices` over `db`, then the share.
    func read(on db: PostgresConnection, slices: [ClosedRange<Int64>]) throws {
        try readTables(over: db, queries, slices: slices, into: convert)
        switch share {
        case .privileges:
            try convert.put(\.privileges, try db.read(queries.privileges))
        case .dependencies:
            convert.putDependencies(
                endpoints: try db.read(queries.dependencyEndpoints), entries: try db.read(queries.dependencyEntries))
        }
        convert.noteDropped(try db.read(queries.droppedWhileReading))
    }
}

/// `SharedRead.read` over a helper connection, in the transaction open there, on a thread of
/// its own (it waits on the network), committing (or rolling back) at once when done, so its
/// locks go as soon as its reads are. The connection is used by nothing else until joined.
private final class BackgroundRead: @unchecked Sendable {
    let share: ReadShare
    private let reads: SharedRead
    nonisolated(unsafe) private let db: PostgresConnection
    private let group = DispatchGroup()
    private var started = false
    /// Written once, before the group is left; read only after waiting on it.
    private var result: Result<Void, any Error> = .success(())

    init(_ reads: SharedRead, on db: PostgresConnection) {
        self.share = reads.share
        self.reads = reads
        self.db = db
    }

    func start(_ slices: [ClosedRange<Int64>]) {
        started = true
        group.enter()
        Thread {
            self.result = Result {
                do {
                    try self.reads.read(on: self.db, slices: slices)
                    try self.db.query("COMMIT")
                } catch {
                    _ = try? self.db.query("ROLLBACK")
                    throw error
                }
            }
            self.group.leave()
        }.start()
    }

    /// Waits until the read has ended; one never started (the capture failed first) has its
    /// transaction rolled back instead. Any number of times.
    func end() {
        if started {
            group.wait()
        } else {
            started = true
            _ = try? db.query("ROLLBACK")
        }
    }

    /// Waits, then throws the read's error, if any.
    func outcome() throws {
        end()
        try result.get()
    }
}

/// Turns query results into a catalog's object lists on background threads, each result
/// converted on its own (results of different kinds side by side), each list sorted into
/// canonical order as it is made.
private final class ResultConversion: @unchecked Sendable {
    private let work = DispatchGroup()
    private let lock = NSLock()
    /// Touched only under `lock`.
    private var catalog = Catalog()

    /// Runs `convert` in the background, then stores what it made under the lock.
    private func convertInBackground(_ convert: @escaping @Sendable () -> @Sendable (inout Catalog) -> Void) {
        DispatchQueue.global().async(group: work) {
            let store = convert()
            self.lock.withLock { store(&self.catalog) }
        }
    }

    /// Queues the conversion of `result` into `T`s, each query column read into the field of
    /// its name (`T.init(fieldValues:)`), added to those already read (a kind read in
    /// slices). Throws when the query lacks a field's column.
    func put<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>, _ result: PostgresResult) throws {
        let columns = try result.columns(for: T.self)
        guard !result.isEmpty else { return put(path, result) { _ in T() } }
        nonisolated(unsafe) let path = path
        convertInBackground {
            // One conversion runs one row after another: one reader serves them all.
            let reader = FieldRow(row: result[0], columns: columns)
            let objects = Catalog.canonical(
                result.map { row in
                    reader.row = row
                    return T(fieldValues: reader)
                })
            return { $0[keyPath: path] += objects }
        }
    }

    /// Queues the conversion of `result` into `T`s by `make`, for the kinds whose stored
    /// values are computed here rather than read (a hash, a path built from its parts).
    func put<T: CatalogObject>(
        _ path: WritableKeyPath<Catalog, [T]>, _ result: PostgresResult, _ make: @escaping @Sendable (PostgresRow) -> T
    ) {
        nonisolated(unsafe) let path = path
        convertInBackground {
            let objects = Catalog.canonical(result.map(make))
            return { $0[keyPath: path] += objects }
        }
    }

    /// The catalog, once every conversion queued so far is done, each kind in canonical
    /// order (a kind read in slices is sorted once here).
    func finish() -> Catalog {
        work.wait()
        // Taken out, so that the arrays it holds are sorted in place, not copied.
        var sorted = Catalog()
        lock.withLock { swap(&sorted, &catalog) }
        sorted.sort()
        return sorted
    }

    /// Queues the dependency edges: each `pg_depend` entry whose two ends are captured objects,
    /// by natural names (`CatalogQueries.dependencyEndpoints` names the objects), without the
    /// edges that restate structure — an object to itself, or an object attached to a table to
    /// that table.
    func putDependencies(endpoints: PostgresResult, entries: PostgresResult) {
        // Each result is let go once read: at 30,000 tables the two hold 1.4 million rows.
        nonisolated(unsafe) var endpoints: PostgresResult? = endpoints
        nonisolated(unsafe) var entries: PostgresResult? = entries
        convertInBackground {
            struct End {
                var kind: String
                var schema: String
                var member: String
                var path: String
            }
            var ends: [CatalogID: End] = [:]
            if let rows = endpoints {
                ends.reserveCapacity(rows.count)
                for row in rows {
                    let kind = row.string(3)
                    let (schema, member, name) = (row.string(4), row.string(5), row.string(6))
                    ends[CatalogID(row.int64(0), row.int64(1), row.int64(2))] = End(
                        kind: kind, schema: schema, member: member,
                        path: Dependency.endPath(kind: kind, schema: schema, member: member, name: name))
                }
            }
            endpoints = nil
            let attached: Set<String> = ["column", "constraint", "index", "policy", "trigger", "rule"]
            var edges: [Dependency] = []
            if let rows = entries {
                for row in rows {
                    guard let a = ends[CatalogID(row.int64(0), row.int64(1), row.int64(2))],
                        let b = ends[CatalogID(row.int64(3), row.int64(4), row.int64(5))],
                        a.kind != b.kind || a.path != b.path
                    else { continue }
                    // Attached to its own table: the snapshot already says so.
                    if b.kind == "relation", attached.contains(a.kind), b.path == qualifiedName(a.schema, a.member) { continue }
                    let type =
                        switch row.string(6) {
                        case "n": "normal"
                        case "a": "automatic"
                        default: "partition"
                        }
                    edges.append(
                        Dependency(
                            dependentKind: a.kind, dependent: a.path, referencedKind: b.kind, referenced: b.path,
                            dependencyType: type))
                }
            }
            entries = nil
            ends = [:]
            Catalog.sortCanonically(&edges)
            let dependencies = Dependency.merged(edges)
            return { $0.dependencies = dependencies }
        }
    }

    /// Relations a `droppedWhileReading` query found (from any connection); under `lock`.
    private var droppedRelations: Set<RelationKey> = []

    func noteDropped(_ result: PostgresResult) {
        let keys = result.map { RelationKey(schema: $0.string(0), name: $0.string(1)) }
        lock.withLock { droppedRelations.formUnion(keys) }
    }

    /// Every relation found dropped while reading.
    var dropped: Set<RelationKey> { lock.withLock { droppedRelations } }
}

/// SHA-256 (hex) of the canonical form of recorded migration statements (a JSON array of
/// strings); nil when there are none.
func statementsHash(_ json: String) -> String? {
    guard let statements = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any] else { return nil }
    let texts = statements.compactMap { $0 as? String }
    guard !texts.isEmpty else { return nil }
    return StatementSplitter.statementsHash(texts)
}

/// A catalog entry as `pg_depend` names it: catalog, OID, sub-id.
private struct CatalogID: Hashable {
    let catalog: Int64
    let object: Int64
    let sub: Int64

    init(_ catalog: Int64, _ object: Int64, _ sub: Int64) {
        self.catalog = catalog
        self.object = object
        self.sub = sub
    }
}
