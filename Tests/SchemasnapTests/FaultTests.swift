import CatalogModel
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Capture while the schema changes under it, connections killed, timeouts, and signals during
/// capture and apply: a clear error and nothing half-written, or a consistent snapshot.
final class FaultTests: XCTestCase {
    /// A flag and a counter shared with a background thread.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private var transactions = 0
        private var failures = 0
        var isStopped: Bool { lock.withLock { stopped } }
        func stop() { lock.withLock { stopped = true } }
        func count(ok: Bool) { lock.withLock { if ok { transactions += 1 } else { failures += 1 } } }
        var counts: (transactions: Int, failures: Int) { lock.withLock { (transactions, failures) } }
    }

    private func tables(_ n: Int) -> String {
        (1...n).map {
            """
            CREATE TABLE public.t\($0) (id int PRIMARY KEY, a text, b jsonb, c timestamptz DEFAULT now());
            CREATE INDEX t\($0)_a ON public.t\($0) (a);
            ALTER TABLE public.t\($0) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY t\($0)_read ON public.t\($0) FOR SELECT TO anon USING (id > 0);
            """
        }.joined(separator: "\n")
    }

    /// Starts a thread that runs one DDL transaction about every 1/`rate` second, creating,
    /// altering and dropping tables, indexes, policies, views and functions, until stopped.
    private func startChurn(_ db: String, rate: Double) -> Shared {
        startLoop(db, rate: rate) { i in
            """
            CREATE TABLE public.churn_\(i) (id int PRIMARY KEY, v text, n int);
            CREATE INDEX churn_\(i)_v ON public.churn_\(i) (v);
            ALTER TABLE public.churn_\(i) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY churn_\(i)_p ON public.churn_\(i) USING (n > 0);
            CREATE VIEW public.churn_\(i)_view AS SELECT id, v FROM public.churn_\(i);
            CREATE FUNCTION public.churn_f_\(i)() RETURNS SETOF public.churn_\(i) LANGUAGE sql AS 'SELECT * FROM public.churn_\(i)';
            ALTER TABLE IF EXISTS public.churn_\(i - 1) ADD COLUMN extra_\(i) int;
            DROP FUNCTION IF EXISTS public.churn_f_\(i - 3)();
            DROP TABLE IF EXISTS public.churn_\(i - 3) CASCADE;
            """
        }
    }

    /// Under a steady churn of about 30 DDL transactions a second, every capture writes an
    /// internally consistent snapshot or, after its bounded retries, fails with a clear error and
    /// writes nothing; at least two in three succeed.
    func testCapturesUnderSteadyDDLChurnAreConsistentOrFailCleanly() throws {
        let captures = Int(ProcessInfo.processInfo.environment["SCHEMASNAP_CHURN_CAPTURES"] ?? "") ?? 30
        let db = try TestPostgres.createDatabase(self, sql: [tables(60)])
        let dir = try temporaryDirectory(self)
        let churn = startChurn(db, rate: 30)
        let started = Date()
        var written = 0
        var refused: [String] = []
        for n in 0..<captures {
            let out = dir + "/\(n).sqlite"
            let result = try CLI.run(
                ["capture", "--url-env", "CHURN", "--name", "churn", "--out", out, "--always"], environment: ["CHURN": db])
            if result.status == 0 {
                written += 1
                let snapshot = try SnapshotFile.read(out)
                XCTAssertEqual(snapshot.catalog.consistencyProblems(), [], "capture \(n) wrote an inconsistent snapshot")
                XCTAssertTrue(snapshot.catalog.relations.contains { $0.name == "t60" })
            } else {
                XCTAssertEqual(result.status, 2, result.stderr)
                // Progress lines (a capture past one second names its stages), then one error line.
                let lines = result.stderr.split(separator: "\n")
                XCTAssertEqual(lines.filter { $0.hasPrefix("error: ") }.count, 1, result.stderr)
                XCTAssertTrue(lines.last?.hasPrefix("error: ") == true, result.stderr)
                XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasPrefix("capturing churn: ") }, result.stderr)
                XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused capture writes nothing")
                refused.append(result.stderr)
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        churn.stop()
        let (transactions, failures) = churn.counts
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
        let rate = Double(transactions) / elapsed
        XCTAssertGreaterThan(rate, 10, "the churn must be real for this test to mean anything (it aims at 30/s)")
        XCTAssertGreaterThanOrEqual(written * 3, captures * 2, "at least two captures in three succeed; refused: \(refused)")
        ReliabilityLog.record(
            "concurrent DDL during capture (\(String(format: "%.0f", rate)) DDL transactions/s: create, alter, drop tables, indexes, policies, views, functions)",
            test: "FaultTests.testCapturesUnderSteadyDDLChurnAreConsistentOrFailCleanly", tries: captures,
            outcome:
                "\(written) consistent snapshots, \(refused.count) refused after \(Inspector.attempts) attempts with exit 2 and nothing written; no temp file left (\(failures) churn transactions failed)"
        )
    }

    /// Starts a thread that commits `sql(i)` about `rate` times a second, i = 1, 2, …, until stopped.
    private func startLoop(_ db: String, rate: Double, _ sql: @escaping @Sendable (Int) -> String) -> Shared {
        let shared = Shared()
        Thread {
            guard let connection = try? PostgresConnection(conninfo: db, applicationName: "churn") else {
                shared.count(ok: false)
                return
            }
            var i = 0
            while !shared.isStopped {
                let started = Date()
                i += 1
                shared.count(ok: (try? connection.query(sql(i))) != nil)
                let pause = 1 / rate - Date().timeIntervalSince(started)
                if pause > 0 { usleep(useconds_t(pause * 1_000_000)) }
            }
        }.start()
        return shared
    }

    /// Captures `db` `count` times while `churn` runs: each capture either writes a snapshot
    /// that `check` accepts (and that names what it left out) or fails cleanly. Returns the
    /// outcome line for docs/reliability.md.
    private func captureUnder(
        _ churn: Shared, _ db: String, count: Int, started: Date,
        check: (Snapshot) -> [String]
    ) throws -> (written: Int, leftOut: Int, refused: [String], rate: Double) {
        let dir = try temporaryDirectory(self)
        var written = 0
        var leftOut = 0
        var refused: [String] = []
        for n in 0..<count {
            let out = dir + "/\(n).sqlite"
            let result = try CLI.run(
                ["capture", "--url-env", "CHURN", "--name", "churn", "--out", out, "--always"], environment: ["CHURN": db])
            if result.status == 0 {
                written += 1
                let snapshot = try SnapshotFile.read(out)
                XCTAssertEqual(snapshot.catalog.consistencyProblems(), [], "capture \(n) wrote an inconsistent snapshot")
                XCTAssertEqual(check(snapshot), [], "capture \(n) wrote a partial snapshot")
                leftOut += snapshot.meta.leftOut.count
                if !snapshot.meta.leftOut.isEmpty {
                    XCTAssertTrue(
                        result.stderr.contains("left out \(snapshot.meta.leftOut.count) relation"), result.stderr)
                    XCTAssertTrue(result.stderr.contains(snapshot.meta.leftOut[0]), result.stderr)
                }
            } else {
                XCTAssertEqual(result.status, 2, result.stderr)
                XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused capture writes nothing")
                refused.append(result.stderr)
            }
        }
        let rate = Double(churn.counts.transactions) / Date().timeIntervalSince(started)
        churn.stop()
        return (written, leftOut, refused, rate)
    }

    /// Tables created and dropped while the capture reads (about 29 transactions a second, each
    /// creating a table with an index, a column and a policy and dropping the one created three
    /// iterations before), over a database of tables with a primary key, a check and an index:
    /// what was dropped while reading is left out with what is attached to it and named, and
    /// the capture goes on. At least 14 of 15 captures succeed; every one is consistent and
    /// complete (each table it holds has all its parts).
    func testCapturesWhileTablesAreDroppedLeaveThemOutAndSucceed() throws {
        let tableCount = Int(ProcessInfo.processInfo.environment["SCHEMASNAP_DROP_CHURN_TABLES"] ?? "") ?? 1_000
        let captures = 15
        let setup = (1...tableCount).map {
            "CREATE TABLE public.base_\($0) (id int PRIMARY KEY, v int CHECK (v >= 0)); CREATE INDEX base_\($0)_v ON public.base_\($0) (v);"
        }.joined(separator: "\n")
        let db = try TestPostgres.createDatabase(self, sql: [setup])
        let started = Date()
        let churn = startLoop(db, rate: 29) { i in
            """
            CREATE TABLE public.churn_\(i) (id int PRIMARY KEY, v text);
            CREATE INDEX churn_\(i)_v ON public.churn_\(i) (v);
            ALTER TABLE public.churn_\(i) ADD COLUMN n int;
            CREATE POLICY churn_\(i)_p ON public.churn_\(i) USING (n > 0);
            DROP TABLE IF EXISTS public.churn_\(i - 3);
            """
        }
        let outcome = try captureUnder(churn, db, count: captures, started: started) { snapshot in
            let c = snapshot.catalog
            let indexes = Set(c.indexes.map(\.path))
            let policies = Set(c.policies.map(\.path))
            var missing: [String] = []
            for relation in c.relations where relation.schema == "public" {
                let name = relation.name
                if name.hasPrefix("churn_") {
                    if !indexes.contains("public.\(name):\(name)_v") { missing.append("\(name) without its index") }
                    if !policies.contains("public.\(name):\(name)_p") { missing.append("\(name) without its policy") }
                }
                if !indexes.contains("public.\(name):\(name)_pkey") { missing.append("\(name) without its primary key") }
            }
            if c.relations.filter({ $0.name.hasPrefix("base_") }).count != tableCount { missing.append("a base table") }
            return missing
        }
        XCTAssertGreaterThan(outcome.rate, 10, "the churn must be real for this test to mean anything (it aims at 29/s)")
        XCTAssertGreaterThanOrEqual(outcome.written, captures - 1, "refused: \(outcome.refused)")
        ReliabilityLog.record(
            "tables dropped while reading (\(tableCount) tables with a primary key, a check and an index; \(String(format: "%.0f", outcome.rate)) DDL transactions/s, each creating a table with an index, a column and a policy and dropping the one made three before)",
            test: "FaultTests.testCapturesWhileTablesAreDroppedLeaveThemOutAndSucceed", tries: captures,
            outcome:
                "\(outcome.written) consistent, complete snapshots (\(outcome.leftOut) relations left out as dropped while reading, each named in meta.left_out and on stderr), \(outcome.refused.count) refused cleanly with nothing written"
        )
    }

    /// Partitions created and dropped the way pg_partman's maintenance does, under a partitioned
    /// table with an index (each partition gets its own): every capture succeeds or fails
    /// cleanly, and every partition it holds has its index, attached to the parent's.
    func testCapturesWhilePartitionsComeAndGo() throws {
        let captures = 15
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                """
                CREATE TABLE public.events (id bigint NOT NULL, at int NOT NULL, v text) PARTITION BY RANGE (at);
                CREATE INDEX events_at_idx ON public.events (at);
                """
                    + (0..<50).map {
                        "CREATE TABLE public.events_p\($0) PARTITION OF public.events FOR VALUES FROM (\($0 * 10)) TO (\($0 * 10 + 10));"
                    }
                    .joined(separator: "\n")
            ])
        let started = Date()
        let churn = startLoop(db, rate: 29) { i in
            let n = 50 + i
            return """
                CREATE TABLE public.events_p\(n) PARTITION OF public.events FOR VALUES FROM (\(n * 10)) TO (\(n * 10 + 10));
                DROP TABLE IF EXISTS public.events_p\(n - 50);
                """
        }
        let outcome = try captureUnder(churn, db, count: captures, started: started) { snapshot in
            let c = snapshot.catalog
            let edges = Set(c.dependencies.filter { $0.dependencyType == "partition" }.map(\.dependent))
            return c.relations.filter { $0.partitionOf != nil }.compactMap { partition in
                edges.contains("public.\(partition.name):\(partition.name)_at_idx")
                    ? nil : "\(partition.name) without its index attached to the parent's"
            }
        }
        XCTAssertGreaterThan(outcome.rate, 10, "the churn must be real for this test to mean anything (it aims at 29/s)")
        XCTAssertGreaterThanOrEqual(outcome.written, captures - 1, "refused: \(outcome.refused)")
        ReliabilityLog.record(
            "partitions created and dropped as pg_partman does (\(String(format: "%.0f", outcome.rate)) transactions/s on a partitioned table of 50 partitions with an index)",
            test: "FaultTests.testCapturesWhilePartitionsComeAndGo", tries: captures,
            outcome:
                "\(outcome.written) consistent snapshots, every partition with its index attached to the parent's (\(outcome.leftOut) partitions left out as dropped while reading), \(outcome.refused.count) refused cleanly"
        )
    }

    /// The capture's backend terminated at random moments (as a server restart or an admin
    /// would): exit 2 with an error, never a file at the output path unless it is complete.
    func testTerminatedConnectionFailsCleanly() throws {
        let db = try TestPostgres.createDatabase(self, sql: [tables(150)])
        let dir = try temporaryDirectory(self)
        let admin = try PostgresConnection(conninfo: db, applicationName: "admin")
        let database = try admin.query("SELECT current_database()")[0].string(0)
        var generator = SystemRandomNumberGenerator()
        var terminated = 0
        let tries = 12
        for n in 0..<tries {
            let out = dir + "/\(n).sqlite"
            let process = try CLI.start(
                ["capture", "--url-env", "U", "--name", "dev", "--out", out, "--always"], environment: ["U": db])
            usleep(UInt32.random(in: 20_000...250_000, using: &generator))
            let killed = try admin.query(
                "SELECT count(pg_catalog.pg_terminate_backend(pid)) FROM pg_catalog.pg_stat_activity "
                    + "WHERE application_name = 'schemasnap' AND datname = '\(database)'")[0].int(0)
            let result = process.finish()
            if killed > 0 && result.status != 0 {
                terminated += 1
                XCTAssertEqual(result.status, 2, result.stderr)
                // libpq may print the server's FATAL line itself when it arrives between queries.
                let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
                XCTAssertEqual(errors.count, 1, result.stderr)
                XCTAssertFalse(FileManager.default.fileExists(atPath: out))
            } else if result.status == 0 {
                XCTAssertNoThrow(try SnapshotFile.read(out))
            }
        }
        XCTAssertGreaterThan(terminated, 0, "some terminations must land mid-capture")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }, [])
        ReliabilityLog.record(
            "`pg_terminate_backend` on the capture's connection at 20–250 ms",
            test: "FaultTests.testTerminatedConnectionFailsCleanly",
            tries: tries, outcome: "\(terminated) terminated mid-capture: exit 2, `error:` line, no file; the rest completed")
    }

    /// A statement timeout is reported as such and is not retried as churn.
    func testStatementTimeoutIsAClearError() throws {
        let db = try TestPostgres.createDatabase(self, sql: [tables(150)])
        XCTAssertThrowsError(try Inspector(statementTimeoutMilliseconds: 1).capture(conninfo: db)) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(message.contains("canceling statement due to statement timeout"), message)
            XCTAssertFalse(message.contains("kept changing"), "a timeout is not churn: \(message)")
        }
        ReliabilityLog.record(
            "statement timeout reached (1 ms)", test: "FaultTests.testStatementTimeoutIsAClearError", tries: 1,
            outcome: "`catalog query failed: … canceling statement due to statement timeout`, not retried")
    }

    /// A long migration holds `ACCESS EXCLUSIVE` on one table: a capture that cannot wait that
    /// long ends at its statement timeout with an error naming the table and the session
    /// holding it; one that can wait succeeds once the lock is gone. It never hangs.
    func testACaptureBehindAnExclusiveLockNamesTheTableOrWaitsItOut() throws {
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                "CREATE TABLE public.orders (id int PRIMARY KEY, note text DEFAULT 'x'); CREATE VIEW public.v AS SELECT * FROM public.orders"
            ])
        let holder = try PostgresConnection(conninfo: db, applicationName: "migration")
        try holder.query("BEGIN; LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE")
        let started = Date()
        XCTAssertThrowsError(try Inspector(statementTimeoutMilliseconds: 1_000).capture(conninfo: db)) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(
                message.hasPrefix(
                    "capture waited the statement timeout (1.0 s) for a lock held by another session: public.orders (pid "),
                message)
            XCTAssertTrue(message.contains("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE"), message)
            XCTAssertTrue(message.hasSuffix("nothing was written: run capture again once that transaction has ended"), message)
        }
        let refusedAfter = Date().timeIntervalSince(started)
        XCTAssertLessThan(refusedAfter, 10, "ends at the statement timeout (1 s), with one retry of the partner at most")
        try holder.query("COMMIT")
        // The same lock held for a while by a migration that then commits: the capture, with its
        // default timeout, waits and succeeds.
        let seconds = Double(ProcessInfo.processInfo.environment["SCHEMASNAP_LOCK_SECONDS"] ?? "") ?? 3
        nonisolated(unsafe) let migration = holder
        let background = Thread {
            _ = try? migration.query(
                "BEGIN; LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE; SELECT pg_catalog.pg_sleep(\(seconds)); COMMIT")
        }
        background.start()
        usleep(300_000)
        let waited = Date()
        let dir = try temporaryDirectory(self)
        let result = try CLI.run(
            ["capture", "--url-env", "U", "--name", "dev", "--out", dir + "/s.sqlite"], environment: ["U": db])
        let tookSeconds = Date().timeIntervalSince(waited)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertGreaterThan(tookSeconds, seconds - 1, "it waited for the lock")
        ReliabilityLog.record(
            "an ACCESS EXCLUSIVE lock on one table held by a migration (\(Int(seconds)) s; and one never released)",
            test: "FaultTests.testACaptureBehindAnExclusiveLockNamesTheTableOrWaitsItOut", tries: 2,
            outcome:
                "with the default 60 s statement timeout the capture waited \(String(format: "%.1f", tookSeconds)) s and succeeded; with a 1 s timeout it ended after \(String(format: "%.1f", refusedAfter)) s: `capture waited the statement timeout (1.0 s) for a lock held by another session: public.orders (pid …: LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE)`, exit 2, nothing written"
        )
    }

    /// SIGINT and SIGTERM at random moments of a capture: the process ends, no temporary
    /// file remains, and any file at the output path is complete.
    func testSignalsDuringCaptureLeaveNothingBehind() throws {
        let db = try TestPostgres.createDatabase(self, sql: [tables(150)])
        let dir = try temporaryDirectory(self)
        var interrupted = 0
        let tries = 12
        for n in 0..<tries {
            let out = dir + "/\(n).sqlite"
            let process = try CLI.start(
                ["capture", "--url-env", "U", "--name", "dev", "--out", out, "--always"], environment: ["U": db])
            usleep(UInt32(20_000 + n * 20_000))
            kill(process.process.processIdentifier, n % 2 == 0 ? SIGINT : SIGTERM)
            let result = process.finish()
            let stopped = result.status != 0 || process.process.terminationReason == .uncaughtSignal
            if stopped { interrupted += 1 }
            // A signal that lands after the rename finds a complete file; before it, there is none.
            if FileManager.default.fileExists(atPath: out) {
                XCTAssertNoThrow(try SnapshotFile.read(out), "a file at the output path is complete")
            } else {
                XCTAssertTrue(stopped, "a capture that was not stopped wrote its file")
            }
        }
        XCTAssertGreaterThan(interrupted, 0, "some signals must land mid-capture")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix(".sqlite") }
        XCTAssertEqual(leftovers, [], "no temporary or journal file left")
        ReliabilityLog.record(
            "SIGINT / SIGTERM during capture at 20–240 ms", test: "FaultTests.testSignalsDuringCaptureLeaveNothingBehind",
            tries: tries,
            outcome: "\(interrupted) interrupted: no file at the output path, no temp or journal file; the rest complete")
    }

    /// SIGTERM while apply runs a slow statement: the server cancels it at once, nothing of
    /// the migration remains, and the next apply gets the advisory lock right away.
    func testSignalDuringApplyRollsBackAndReleasesTheLock() throws {
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/supabase/migrations", withIntermediateDirectories: true)
        try "CREATE TABLE public.slow (id int);\nSELECT pg_sleep(30);\n"
            .write(toFile: dir + "/supabase/migrations/20260101000000_slow.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE IF NOT EXISTS public.quick (id int);\n"
            .write(toFile: dir + "/supabase/migrations/20260102000000_quick.sql", atomically: true, encoding: .utf8)
        let db = try TestPostgres.createDatabase(self)
        let env = ["SCHEMASNAP_DB_URL_DEV": db]
        var outcomes: [String] = []
        for sig in [SIGTERM, SIGINT] {
            let process = try CLI.start(["apply", "--env", "dev", "--migration", "slow"], in: dir, environment: env)
            usleep(700_000)
            kill(process.process.processIdentifier, sig)
            let started = Date()
            let result = process.finish()
            XCTAssertNotEqual(result.status, 0)
            let next = try CLI.run(["apply", "--env", "dev", "--migration", "quick", "--force"], in: dir, environment: env)
            let waited = Date().timeIntervalSince(started)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertLessThan(waited, 10, "the lock was released without waiting for pg_sleep(30)")
            let left = try PostgresConnection(conninfo: db).query(
                "SELECT (SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'slow'), "
                    + "(SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20260101000000')")[0]
            XCTAssertEqual(left.int(0), 0, "the table of the interrupted migration is gone")
            XCTAssertEqual(left.int(1), 0, "and it is not recorded")
            outcomes.append(String(format: "%.1f s", waited))
        }
        ReliabilityLog.record(
            "SIGTERM and SIGINT during apply (a statement sleeping 30 s)",
            test: "FaultTests.testSignalDuringApplyRollsBackAndReleasesTheLock", tries: 2,
            outcome:
                "exit ≠ 0; table and record rolled back; the next apply ran after \(outcomes.joined(separator: " and ")) (lock released by the cancel)"
        )
    }
}
