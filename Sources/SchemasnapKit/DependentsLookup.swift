import CatalogModel
import Reports
import SnapshotStore

/// `show --dependents`: finds the object a user named in a snapshot and what depends on it.
public enum DependentsLookup {
    /// The report for the object at `path` in `snapshot` (which the user called `name`).
    /// Throws `noSuchObject` when the snapshot has no object of that path, and
    /// `dependenciesNotRecorded` for a snapshot whose format did not record edges.
    public static func report(_ path: String, in snapshot: Snapshot, named name: String) throws -> DependentsReport {
        guard !snapshot.catalog.unrecorded.kinds.contains(.dependency) else {
            throw SchemasnapError.dependenciesNotRecorded(snapshot: name, formatVersion: snapshot.meta.formatVersion)
        }
        guard let node = DependencyGraph.nodes(named: path, in: snapshot.catalog).first else {
            throw SchemasnapError.noSuchObject(path: path, snapshot: name)
        }
        let graph = DependencyGraph(snapshot.catalog)
        return DependentsReport(object: node, environment: snapshot.meta.environment, dependents: graph.dependents(of: node))
    }
}
