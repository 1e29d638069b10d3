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
        let pipeline = Pipeline(config: config)
        // Only what differs, and what the lints and the diagram need around it, is read.
        let pair = try pipeline.readForComparison(source: paths[0], target: paths[1])
        return report(pair, pipeline: pipeline, withDiagram: withDiagram)
    }

    /// The report on two snapshots read whole (`Pipeline.read`): the same report as
    /// `report(source:target:)`, in memory in proportion to both catalogs.
    public func reportReadingWhole(source: String, target: String, withDiagram: Bool = true) throws -> DiffReport {
        let (source, target) = try read(source: source, target: target)
        return report(SnapshotPair(source: source, target: target), pipeline: Pipeline(config: config), withDiagram: withDiagram)
    }

    private func report(_ pair: SnapshotPair, pipeline: Pipeline, withDiagram: Bool) -> DiffReport {
        let (source, target) = (pair.source, pair.target)
        let findings = concurrentMap(2) { i in pipeline.advise(i == 0 ? source.catalog : target.catalog) }
        let changes = pipeline.compare(source: source.catalog, target: target.catalog, options: diffOptions)
        return DiffReport.make(
            source: SnapshotSummary(source), target: SnapshotSummary(target), sourceCatalog: source.catalog,
            targetCatalog: target.catalog, changes: changes,
            advisories: AdvisoryChange.between(source: findings[0], target: findings[1]), withDiagram: withDiagram)
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
