import Advisors
import CatalogModel
import Differ
import Dispatch
import ParallelWork
import Reports
import SnapshotStore

/// `diff`: loads two snapshots named on the command line and compares them, offline.
public struct DriftComparison: Sendable {
    public var config: Config
    public var includeManaged = false
    public var compareRoles = false

    public init(config: Config, includeManaged: Bool = false, compareRoles: Bool = false) {
        self.config = config
        self.includeManaged = includeManaged
        self.compareRoles = compareRoles
    }

    /// The report for SOURCE (the reference) against TARGET (under review).
    /// `withDiagram`: draw the Mermaid diagram of affected tables (the Markdown report shows it).
    public func report(source: String, target: String, withDiagram: Bool = true) throws -> DiffReport {
        let paths = try resolve(source: source, target: target)
        // Each side is read and advised on its own thread; the diff runs once both are read.
        let pipeline = Pipeline(config: config)
        let both = try concurrentMap(2) { i in
            Result {
                let snapshot = try pipeline.read(paths[i])
                return AdvisedSnapshot(snapshot: snapshot, findings: pipeline.advise(snapshot.catalog))
            }
        }.map { try $0.get() }
        let (source, target) = (both[0].snapshot, both[1].snapshot)
        let changes = pipeline.compare(source: source.catalog, target: target.catalog, options: diffOptions)
        let report = DiffReport.make(
            source: SnapshotSummary(source), target: SnapshotSummary(target), sourceCatalog: source.catalog,
            targetCatalog: target.catalog,
            changes: changes, advisories: AdvisoryChange.between(source: both[0].findings, target: both[1].findings),
            withDiagram: withDiagram)
        // Freeing two large catalogs object by object takes a while: done on another thread,
        // while the caller renders the report.
        DispatchQueue.global().async { withExtendedLifetime(both) {} }
        return report
    }

    private struct AdvisedSnapshot: Sendable {
        var snapshot: Snapshot
        var findings: [AdvisorFinding]
    }

    /// The two snapshots SOURCE and TARGET name, read side by side.
    public func read(source: String, target: String) throws -> (source: Snapshot, target: Snapshot) {
        let snapshots = try readConcurrently(try resolve(source: source, target: target))
        return (snapshots[0], snapshots[1])
    }

    /// The files SOURCE and TARGET name; refuses the same environment twice.
    private func resolve(source: String, target: String) throws -> [String] {
        let sourceRef = SnapshotReference(source)
        let targetRef = SnapshotReference(target)
        if sourceRef == targetRef, let name = sourceRef.environment { throw SchemasnapError.sameEnvironment(name) }
        return [try sourceRef.resolve(config: config), try targetRef.resolve(config: config)]
    }

    /// What the differ compares, from the configuration and the command's flags.
    public var diffOptions: DiffOptions {
        DiffOptions(
            criticalSchemas: Set(config.criticalSchemas), managedSchemas: Set(config.managedSchemas),
            includeManaged: includeManaged, compareRoles: compareRoles)
    }

    /// Reads the files on separate threads (reading and checking a fingerprint is CPU-bound),
    /// returning them in order or the first error in order.
    private func readConcurrently(_ paths: [String]) throws -> [Snapshot] {
        let pipeline = Pipeline(config: config)
        return try concurrentMap(paths.count) { i in Result { try pipeline.read(paths[i]) } }.map { try $0.get() }
    }

}

extension SnapshotSummary {
    /// How a report names `snapshot`: its environment, time, fingerprint, file, and what it
    /// did not compare or record.
    public init(_ snapshot: Snapshot) {
        self.init(
            environment: snapshot.meta.environment, capturedAt: snapshot.meta.capturedAt,
            fingerprint: snapshot.meta.fingerprint, path: snapshot.path, notCompared: snapshot.meta.notCompared,
            formatVersion: snapshot.meta.formatVersion, notRecorded: snapshot.catalog.unrecorded.names)
    }
}

/// The lowest severity that makes `diff` exit 1.
public enum FailLevel: String, CaseIterable, Sendable {
    case critical, warning, info, never

    /// Whether a report whose highest severity is `max` fails at this level.
    public func fails(_ max: Severity?) -> Bool {
        guard let max else { return false }
        switch self {
        case .never: return false
        case .critical: return max >= .critical
        case .warning: return max >= .warning
        case .info: return true
        }
    }
}
