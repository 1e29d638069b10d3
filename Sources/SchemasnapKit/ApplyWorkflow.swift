import Applier
import CatalogModel
import Differ
import Foundation
import Migrations
import PostgresInspector
import Reports
import SnapshotStore

/// `apply`, `rollback` and `verify`: the guarded writers, with every check done before the
/// first write.
public struct ApplyWorkflow: Sendable {
    public var config: Config
    public var variables: [String: String]

    public init(config: Config, variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.variables = variables
    }

    /// What `apply` should do.
    public struct ApplyRequest: Sendable {
        public var environment: String
        public var migration: String
        public var dryRun = false
        public var force = false
        public var backup: String?
        public var plan: String?
        public var noTransaction = false
        public var captureAfter = false

        public init(environment: String, migration: String) {
            self.environment = environment
            self.migration = migration
        }
    }

    /// Applies one migration, reporting each guard passed, warning and result to `output` as it
    /// happens. Throws `ApplyError` when a guard refuses (nothing is run then) or the migration
    /// fails (its transaction is rolled back, unless `--no-transaction`).
    public func apply(_ request: ApplyRequest, output: (WriterProgress) -> Void) throws {
        let env = try config.environment(request.environment)
        let conninfo = try Capturer(config: config, variables: variables).conninfo(for: env)
        let file = try MigrationFolder.read(config.migrationsPath).find(request.migration)
        output(.environment(name: env.name, protected: env.protected))
        output(.migration(path: file.path))
        try checkProtection(env, force: request.force, backup: request.backup, output: output)
        let nonTransactional = MigrationRunner.nonTransactional(file)
        if let statement = nonTransactional, !request.noTransaction {
            throw ApplyError.needsNoTransaction(
                statement: statement.text.split(separator: "\n").first.map(String.init) ?? statement.text, line: statement.line)
        }
        if let planPath = request.plan {
            try checkPlan(planPath, file: file, environment: env.name, conninfo: conninfo, output: output)
        }
        let connection = try Connections.naming(environment: env.name, variable: env.urlEnv) {
            try PostgresConnection(conninfo: conninfo)
        }
        let runner = MigrationRunner(connection: connection)
        let alreadyApplied = try runner.appliedVersions().contains(file.version)
        if alreadyApplied && !request.force { throw ApplyError.alreadyApplied(version: file.version, environment: env.name) }
        if alreadyApplied { output(.reapplying(version: file.version)) }
        output(.notYetApplied(overridden: alreadyApplied))
        if request.dryRun {
            output(
                .dryRun(
                    noTransaction: request.noTransaction, sql: file.statements.map { $0.text + ";" }.joined(separator: "\n\n")))
            return
        }
        if request.noTransaction { output(.statementByStatement) }
        try runner.apply(file, environment: env.name, force: request.force, transactional: !request.noTransaction)
        output(.applied(migration: file.id, environment: env.name))
        if request.captureAfter {
            let outcome = try Capturer(config: config, variables: variables).capture(
                name: env.name, variable: env.urlEnv, always: true)
            output(.captured(environment: env.name, path: outcome.path, fingerprint: outcome.meta.shortFingerprint))
        }
    }

    /// Rolls back the newest `steps` applied migrations (or down to, not including, `to`),
    /// reporting to `output`. Throws `ApplyError` when a guard refuses, a migration is not
    /// applied, has no file or no DOWN section (nothing is run then), or a DOWN fails.
    public func rollback(
        environment: String, steps: Int, to: String?, force: Bool, backup: String?, dryRun: Bool,
        output: (WriterProgress) -> Void
    ) throws {
        let env = try config.environment(environment)
        let conninfo = try Capturer(config: config, variables: variables).conninfo(for: env)
        let folder = try MigrationFolder.read(config.migrationsPath)
        try checkProtection(env, force: force, backup: backup, output: output)
        let connection = try Connections.naming(environment: env.name, variable: env.urlEnv) {
            try PostgresConnection(conninfo: conninfo)
        }
        let runner = MigrationRunner(connection: connection)
        let applied = try runner.appliedVersions().sorted(by: MigrationName.precedes)
        let chosen: [String]
        if let to {
            guard applied.contains(to) else { throw ApplyError.notApplied(version: to, environment: env.name) }
            chosen = applied.filter { MigrationName.precedes(to, $0) }.reversed()
        } else {
            chosen = Array(applied.suffix(steps).reversed())
        }
        let byVersion = Dictionary(folder.migrations.map { ($0.version, $0) }, uniquingKeysWith: { a, _ in a })
        let files = try chosen.map { version -> MigrationFile in
            guard let file = byVersion[version] else { throw ApplyError.missingFile(version: version) }
            guard file.down != nil else { throw ApplyError.noDownSection(migration: file.id) }
            return file
        }
        output(.rollingBack(environment: env.name, migrations: files.map(\.id)))
        if dryRun {
            output(.rollbackDryRun(downs: files.map { ($0.id, $0.down ?? "") }))
            return
        }
        try runner.rollback(files, environment: env.name)
        output(.rolledBack(count: files.count, environment: env.name))
    }

    private func checkProtection(_ env: EnvironmentConfig, force: Bool, backup: String?, output: (WriterProgress) -> Void)
        throws
    {
        guard env.protected else { return }
        guard force else { throw ApplyError.protectedNeedsForce(environment: env.name) }
        let path = try BackupCheck.verify(
            explicit: backup, folder: env.backupDir.map(config.resolve), environment: env.name, variable: env.urlEnv)
        output(.forcedOnProtected)
        output(.backupFresh(path: path))
    }

    /// Refuses when the file changed since the plan or the live schema moved.
    private func checkPlan(
        _ path: String, file: MigrationFile, environment: String, conninfo: String, output: (WriterProgress) -> Void
    )
        throws
    {
        let plan: PlanDocument
        do {
            plan = try PlanDocument.read(path)
        } catch {
            throw ApplyError.planUnreadable(path: path, reason: error.localizedDescription)
        }
        guard let step = plan.steps.first(where: { $0.version == file.version }) else {
            throw ApplyError.planDoesNotInclude(migration: file.id)
        }
        guard step.checksum == file.checksum else { throw ApplyError.planFileChanged(migration: file.id) }
        let live = Fingerprint.of(try Pipeline(config: config).inspect(conninfo).0)
        guard live == plan.snapshotFingerprint else {
            throw ApplyError.planOutdated(expected: plan.snapshotFingerprint, actual: live)
        }
        output(.planMatches(fingerprint: String(live.prefix(12))))
    }
}
