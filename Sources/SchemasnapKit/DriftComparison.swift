import Advisors
import CatalogModel
import Differ
import Dispatch
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
        let snapshots = try read(source: source, target: target)
        return report(snapshots.source, snapshots.target, withDiagram: withDiagram)
    }

    /// The two snapshots SOURCE and TARGET name, read side by side.
    public func read(source: String, target: String) throws -> (source: Snapshot, target: Snapshot) {
        let sourceRef = SnapshotReference(source)
        let targetRef = SnapshotReference(target)
        if sourceRef == targetRef, let name = sourceRef.environment { throw SchemasnapError.sameEnvironment(name) }
        let paths = [try sourceRef.resolve(config: config), try targetRef.resolve(config: config)]
        let snapshots = try readConcurrently(paths)
        return (snapshots[0], snapshots[1])
    }

    /// What the differ compares, from the configuration and the command's flags.
    public var diffOptions: DiffOptions {
        DiffOptions(
            criticalSchemas: Set(config.criticalSchemas), managedSchemas: Set(config.managedSchemas),
            includeManaged: includeManaged, compareRoles: compareRoles)
    }

    /// The report for two snapshots already read.
    public func report(_ source: Snapshot, _ target: Snapshot, withDiagram: Bool = true) -> DiffReport {
        let options = diffOptions
        // The diff and the two advisor runs are independent: run them side by side.
        let work = Slots<Work>(count: 3)
        let advisorOptions = config.advisorOptions
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: work.set(0, .success(.changes(Differ.diff(source: source.catalog, target: target.catalog, options: options))))
            case 1: work.set(1, .success(.findings(Advisor.advise(source.catalog, options: advisorOptions))))
            default: work.set(2, .success(.findings(Advisor.advise(target.catalog, options: advisorOptions))))
            }
        }
        let results = work.values.compactMap { try? $0.get() }
        guard case .changes(let changes) = results[0], case .findings(let sourceFindings) = results[1],
            case .findings(let targetFindings) = results[2]
        else { preconditionFailure("every slot is set by concurrentPerform") }
        let advisories = AdvisoryChange.between(source: sourceFindings, target: targetFindings)
        return DiffReport.make(
            source: summary(source), target: summary(target), sourceCatalog: source.catalog,
            targetCatalog: target.catalog, changes: changes, advisories: advisories, withDiagram: withDiagram)
    }

    private enum Work: Sendable {
        case changes([Change])
        case findings([AdvisorFinding])
    }

    /// Reads the files on separate threads (reading and checking a fingerprint is CPU-bound),
    /// returning them in order or the first error in order.
    private func readConcurrently(_ paths: [String]) throws -> [Snapshot] {
        let results = Slots<Snapshot>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, Result { try SnapshotFile.read(paths[i]) })
        }
        return try results.values.map { try $0.get() }
    }

    private func summary(_ s: Snapshot) -> SnapshotSummary {
        SnapshotSummary(
            environment: s.meta.environment, capturedAt: s.meta.capturedAt, fingerprint: s.meta.fingerprint,
            path: s.path, notCompared: s.meta.notCompared)
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
